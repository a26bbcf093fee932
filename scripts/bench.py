"""Banc de performance de la base : `make bench` écrit rapports/performance.md.

    .venv/bin/python scripts/bench.py                       # tout (~15 min sur 2 cœurs)
    .venv/bin/python scripts/bench.py --sections 1,3        # seulement certaines sections
    .venv/bin/python scripts/bench.py --tailles 250,500 --sortie /tmp/perf.md

Sections du rapport :
1. coût du code du projet : temps CPU (user + sys) du build complet (toutes langues, strict, langues
   l'une après l'autre) du site réel, contre Material seul (sans hooks ni gabarits du projet),
   5 fois chacun en alternance, médianes et rapport ;
2. montée en charge : 250 à 2000 pages d'articles synthétiques (graine fixe) dans une copie du
   projet ; temps CPU par page, linéarité, part du plugin git, Material seul à la plus grande
   taille, taille du site ;
3. ce que télécharge un lecteur au premier chargement (Playwright, gzip -9), requêtes tierces ;
4. Lighthouse (npm, bench/package-lock.json), mobile et bureau ;
5. latence de la recherche sur la table scripts/bench/requetes.py.
Aucun accès réseau hors des registres de paquets (npm ci au premier lancement) ; Chromium de Debian.
Les fichiers bruts (rapports Lighthouse, journaux de build, mesures JSON) vont dans rapports/brut/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "scripts"))

from bench import construction, machine, navigateur, phare, synthetique  # noqa: E402
from bench.rapport import fois, ko, mo, ms, s, tableau, verdict  # noqa: E402
from bench.requetes import REQUETES  # noqa: E402

BRUT = RACINE / "rapports" / "brut"
CIBLES = {
    "ratio_hooks": 1.3,
    "secondes_2000": 60.0,
    "linearite": 1.3,
    "premier_chargement_ko": 150,
    "index_ko": 200,
    "lighthouse": 95,
    "recherche_ms": 300,
}
# Pages représentatives, relatives à la racine du site (sous son préfixe).
PAGES = {
    "accueil": "",
    "article": "textes/code-du-travail/l7331-2/",
    "guide": "guides/faq-entrepreneurs/",
    "glossaire": "glossaire/",
}
PAGES_LIGHTHOUSE = ("accueil", "article", "guide")
# Nombre de builds par taille (moins pour les grandes tailles, pour tenir en ~15 min sur 2 cœurs).
RUNS_PAR_TAILLE = {250: 2, 500: 2, 1000: 1, 2000: 1}
TAILLE_SANS_GIT = 500


def journal(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", flush=True)


def charge() -> str:
    un, cinq, quinze = os.getloadavg()
    return f"{un:.1f} / {cinq:.1f} / {quinze:.1f}"


def mediane(valeurs):
    valeurs = [v for v in valeurs if v is not None]
    return statistics.median(valeurs) if valeurs else None


def regrouper_cpu(detail: dict) -> dict[str, float]:
    """Temps CPU du processus de build (sans ses enfants git), par poste."""
    propres = detail.get("cpu_propre_s", {})
    total = float(detail.get("duree_build_cpu_s") or 0.0)
    groupes = {
        "hooks du projet": sum(v for k, v in propres.items() if k.startswith("hooks/")),
        "recherche (material/search)": propres.get("material/search", 0.0) + propres.get("search", 0.0),
        "git-revision-date-localized (processus principal seulement)": propres.get("git-revision-date-localized", 0.0),
    }
    groupes["MkDocs + Material + i18n (Markdown, gabarits, fichiers)"] = max(total - sum(groupes.values()), 0.0)
    return groupes


def regrouper(detail: dict) -> dict[str, float]:
    """Temps propres du build regroupés : hooks du projet, git, recherche, i18n, cœur MkDocs + Material."""
    propres = detail.get("temps_propre_s", {})
    evenements = detail.get("par_evenement_s", {})
    total = float(detail.get("duree_build_s") or 0.0)
    # Le build des autres langues tourne DANS i18n.on_post_build : son temps propre est du travail
    # MkDocs + Material (Markdown, gabarits), pas du travail d'i18n.
    i18n_imbrique = evenements.get("i18n on_post_build", 0.0)
    groupes = {
        "hooks du projet": sum(v for k, v in propres.items() if k.startswith("hooks/")),
        "git-revision-date-localized": propres.get("git-revision-date-localized", 0.0),
        "recherche (material/search)": propres.get("material/search", 0.0) + propres.get("search", 0.0),
        "i18n (hors build imbriqué)": propres.get("i18n", 0.0) - i18n_imbrique,
        "autres plugins": sum(v for k, v in propres.items() if k in ("redirects",)),
    }
    groupes["MkDocs + Material (Markdown, gabarits, fichiers)"] = max(total - sum(groupes.values()), 0.0)
    return groupes


# ---------------------------------------------------------------- Build du site réel


def build_reel(site: Path, essais: int, attente_s: int) -> tuple[construction.Build, bool, list[str]]:
    """Le build strict du dépôt ; s'il échoue (contenu en cours d'édition), attend et réessaie.

    Renvoie (build, strict_ok, notes). Si le build strict échoue toujours, le banc continue en
    mode non strict et le rapport le dit.
    """
    notes = []
    for essai in range(1, essais + 1):
        b = construction.construire(RACINE / "mkdocs.yml", site, strict=True, etiquette="réel")
        if b.code == 0:
            return b, True, notes
        erreurs = [l for l in b.journal.splitlines() if l.startswith(("ERROR", "WARNING"))]
        notes.append(f"Essai {essai} du build strict à {dt.datetime.now():%H:%M} : échec ({len(erreurs)} message(s), "
                     f"premier : {erreurs[0][:160] if erreurs else b.detail.get('message', '?')}).")
        journal(notes[-1])
        if essai < essais:
            time.sleep(attente_s)
    b = construction.construire(RACINE / "mkdocs.yml", site, strict=False, etiquette="réel")
    notes.append("Le build strict du contenu du moment échouait : toutes les mesures ont été faites "
                 "en mode non strict (même travail, seul l'arrêt final diffère).")
    return b, False, notes


# ---------------------------------------------------------------- 1. Surcoût des hooks


def variante_material_seul(dossier: Path, texte_mkdocs: str, racine: Path, strict: bool) -> tuple[Path, bool, list[str]]:
    """mkdocs.yml sans le code du projet : ni hooks ni gabarits (Material seul), mêmes pages, plugins et
    extensions. Strict si possible ; sinon (lien vers une page que seuls les hooks créent) non strict, et
    le rapport le dit. Renvoie (chemin du mkdocs.yml, strict, notes)."""
    dossier.mkdir(parents=True, exist_ok=True)
    config = dossier / "mkdocs.yml"
    config.write_text(construction.sans_gabarits(construction.sans_hooks(texte_mkdocs, racine)), encoding="utf-8")
    notes = []
    for strict_essai in ([True, False] if strict else [False]):
        essai = construction.construire(config, dossier / "site", strict=strict_essai, etiquette="Material seul")
        if essai.code == 0:
            if strict and not strict_essai:
                notes.append("Material seul ne passe pas en mode strict (des liens visent des pages que seuls les "
                             "hooks créent) : il est construit en mode non strict, avec le même travail.")
            return config, strict_essai, notes
        lignes = [l for l in essai.journal.splitlines() if l.strip()]
        cause = next((l for l in lignes if l.startswith(("ERROR", "WARNING"))), lignes[-1] if lignes else "?")
        notes.append(f"Material seul, {'strict' if strict_essai else 'non strict'} : échec (« {cause.strip()[:200]} »).")
    raise SystemExit("La variante « Material seul » ne construit pas : " + " ".join(notes))


def section_hooks(travail: Path, runs: int, strict: bool) -> dict:
    journal(f"1. Coût du code du projet : {runs} builds avec et {runs} sans (Material seul), en alternance")
    config, strict_sans, notes = variante_material_seul(
        travail / "material-seul", (RACINE / "mkdocs.yml").read_text(encoding="utf-8"), RACINE, strict)
    # `mkdocs build` tel quel : les langues l'une après l'autre, dans un seul processus (mkdocs-static-i18n).
    avec, sans = [], []
    for i in range(runs):
        avec.append(construction.construire(RACINE / "mkdocs.yml", travail / "site-reel", strict=strict,
                                            etiquette=f"avec le code du projet {i + 1}"))
        sans.append(construction.construire(config, travail / "material-seul" / "site", strict=strict_sans,
                                            etiquette=f"Material seul {i + 1}"))
        journal(f"   run {i + 1}/{runs} : avec CPU {avec[-1].cpu_s:.1f} s (réel {avec[-1].reel_s:.1f} s), "
                f"Material seul CPU {sans[-1].cpu_s:.1f} s (réel {sans[-1].reel_s:.1f} s)")
    (BRUT / "build-reel.log").write_text(avec[-1].journal, encoding="utf-8")
    groupes = [regrouper(b.detail) for b in avec]
    part_hooks = mediane([g["hooks du projet"] / b.build_s for g, b in zip(groupes, avec) if b.build_s])
    return {
        "config_sans_hooks": config.read_text(encoding="utf-8"),
        "notes": notes,
        "strict_sans": strict_sans,
        "avec": [(b.reel_s, b.cpu_s, b.build_s, b.code) for b in avec],
        "sans": [(b.reel_s, b.cpu_s, b.build_s, b.code) for b in sans],
        "pages_rendues": avec[-1].detail.get("pages_rendues"),
        "groupes": {k: mediane([g[k] for g in groupes]) for k in groupes[0]},
        "par_hook": {k: mediane([b.detail["temps_propre_s"].get(k, 0.0) for b in avec])
                     for k in avec[-1].detail.get("temps_propre_s", {}) if k.startswith("hooks/")},
        "par_hook_cpu": {k: mediane([b.detail.get("cpu_propre_s", {}).get(k, 0.0) for b in avec])
                         for k in avec[-1].detail.get("cpu_propre_s", {}) if k.startswith("hooks/")},
        "groupes_cpu": {k: mediane([regrouper_cpu(b.detail)[k] for b in avec]) for k in regrouper_cpu(avec[-1].detail)},
        "groupes_cpu_sans": {k: mediane([regrouper_cpu(b.detail)[k] for b in sans]) for k in regrouper_cpu(sans[-1].detail)},
        "build_cpu_median": mediane([b.detail.get("duree_build_cpu_s") for b in avec]),
        "part_hooks": part_hooks,
        "sondes": {k: mediane([b.detail.get("sondes_cpu_s", {}).get(k, 0.0) for b in avec])
                   for k in avec[-1].detail.get("sondes_cpu_s", {})},
        "sondes_sans": {k: mediane([b.detail.get("sondes_cpu_s", {}).get(k, 0.0) for b in sans])
                        for k in sans[-1].detail.get("sondes_cpu_s", {})},
        "build_total_median": mediane([b.build_s for b in avec]),
    }


# ---------------------------------------------------------------- 2. Montée en charge


def section_echelle(travail: Path, tailles: list[int], runs_par_taille: dict[int, int], strict: bool,
                    taille_sans_git: int | None) -> dict:
    resultats = []
    for n in tailles:
        runs = runs_par_taille.get(n, 1)
        journal(f"2. {n} pages synthétiques : copie, génération, {runs} build(s)")
        projet = travail / f"echelle-{n}"
        construction.copier_projet(RACINE, projet)
        synthetique.generer(projet, n)
        construction.git_instantane(projet)
        texte = (projet / "mkdocs.yml").read_text(encoding="utf-8")
        if not strict:
            texte = construction.non_strict(texte)
            (projet / "mkdocs.yml").write_text(texte, encoding="utf-8")
        (projet / "mkdocs.sans-git.yml").write_text(construction.sans_git(texte), encoding="utf-8")
        fr, en = construction.pages_sources(projet / "docs")
        site = travail / f"site-{n}"
        # `mkdocs build` tel quel : les langues l'une après l'autre, dans un seul processus. Tout le
        # travail est compté : temps CPU (user + sys, git compris), répartition par hook, linéarité.
        avec, sans = [], []
        for i in range(runs):
            avec.append(construction.construire(projet / "mkdocs.yml", site, strict=strict, etiquette=f"{n} avec git"))
            journal(f"   {n} pages, run {i + 1}/{runs} : CPU {avec[-1].cpu_s:.1f} s (réel {avec[-1].reel_s:.1f} s), "
                    f"code {avec[-1].code}")
            if n == taille_sans_git:  # avec / sans git : en alternance
                sans.append(construction.construire(projet / "mkdocs.sans-git.yml", travail / f"site-{n}-sans-git",
                                                    strict=strict, etiquette=f"{n} sans git"))
                journal(f"   {n} pages sans git, run {i + 1}/{runs} : CPU {sans[-1].cpu_s:.1f} s")
        une_langue = material = None
        if n == max(tailles):
            # Ce que fait l'aperçu `KB_LANGUE=fr make serve` : le français seul, une fois par page.
            une_langue = construction.construire(projet / "mkdocs.yml", travail / f"site-{n}-fr", strict=strict,
                                                 etiquette=f"{n} français seul", variables={"KB_LANGUE": "fr"})
            journal(f"   {n} pages, français seul : CPU {une_langue.cpu_s:.1f} s, code {une_langue.code}")
            # Les mêmes pages avec Material seul (sans hooks ni gabarits du projet), pour situer le coût.
            config, strict_m, _ = variante_material_seul(travail / f"material-seul-{n}", texte, projet, strict)
            material = construction.construire(config, travail / f"material-seul-{n}" / "site", strict=strict_m,
                                               etiquette=f"{n} Material seul")
            journal(f"   {n} pages, Material seul : CPU {material.cpu_s:.1f} s, code {material.code}")
        if avec[-1].code != 0:
            (BRUT / f"build-{n}.log").write_text(avec[-1].journal, encoding="utf-8")
        octets, fichiers = construction.taille_du_site(site)
        index = site / "search" / "search_index.json"
        groupes = [regrouper(b.detail) for b in avec]
        resultats.append({
            "n": n, "runs": runs, "pages_fr": fr, "pages_en": en,
            "pages_rendues": avec[-1].detail.get("pages_rendues"),
            "codes": [b.code for b in avec],
            "reel": [b.reel_s for b in avec], "cpu": [b.cpu_s for b in avec], "build": [b.build_s for b in avec],
            "sans_git_reel": [b.reel_s for b in sans], "sans_git_build": [b.build_s for b in sans],
            "sans_git_cpu": [b.cpu_s for b in sans],
            "groupes": {k: mediane([g[k] for g in groupes]) for k in groupes[0]},
            "par_hook": {k: mediane([b.detail["temps_propre_s"].get(k, 0.0) for b in avec])
                         for k in avec[-1].detail.get("temps_propre_s", {}) if k.startswith("hooks/")},
            "sondes": {k: mediane([b.detail.get("sondes_cpu_s", b.detail.get("sondes_s", {})).get(k, 0.0) for b in avec])
                       for k in avec[-1].detail.get("sondes_s", {})},
            "par_hook_cpu": {k: mediane([b.detail.get("cpu_propre_s", {}).get(k, 0.0) for b in avec])
                             for k in avec[-1].detail.get("cpu_propre_s", {}) if k.startswith("hooks/")},
            "groupes_cpu": {k: mediane([regrouper_cpu(b.detail)[k] for b in avec]) for k in regrouper_cpu(avec[-1].detail)},
            "build_cpu": [b.detail.get("duree_build_cpu_s") for b in avec],
            "hooks": re.findall(r"(?m)^\s+- (hooks/\S+)", texte),
            "une_langue": None if une_langue is None else {
                "reel": une_langue.reel_s, "cpu": une_langue.cpu_s, "code": une_langue.code,
                "pages_rendues": une_langue.detail.get("pages_rendues")},
            "material_seul": None if material is None else {
                "reel": material.reel_s, "cpu": material.cpu_s, "code": material.code,
                "pages_rendues": material.detail.get("pages_rendues")},
            "site_octets": octets, "site_fichiers": fichiers,
            "index_octets": index.stat().st_size if index.is_file() else None,
        })
        shutil.rmtree(projet, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(travail / f"site-{n}-sans-git", ignore_errors=True)
        shutil.rmtree(travail / f"site-{n}-fr", ignore_errors=True)
        shutil.rmtree(travail / f"material-seul-{n}", ignore_errors=True)
    return {"tailles": resultats}


# ---------------------------------------------------------------- 3, 4, 5 : le navigateur


def section_poids(url: str) -> dict:
    journal("3. Poids du premier chargement (Playwright)")
    chargements = navigateur.poids(url, PAGES)
    return {"chargements": chargements}


def index_par_langue(site: Path) -> dict:
    """Taille de chaque search_index.json du site (langue d'après son dossier : en/… = anglais).

    Si un même fichier mélange les langues (index partagé de mkdocs-static-i18n), la part de
    chaque langue est recomposée à partir des entrées (celles sous `en/` sont anglaises).
    """
    resultat = {}
    for chemin in sorted(site.rglob("search_index.json")):
        donnees = json.loads(chemin.read_text(encoding="utf-8"))
        brut = chemin.read_bytes()
        relatif = chemin.relative_to(site).as_posix()
        langue_fichier = relatif.split("/", 1)[0] if relatif.count("/") >= 2 else "fr"
        resultat[relatif] = {"langue": langue_fichier, "brut": len(brut), "gzip": navigateur.gzip9(brut),
                             "documents": len(donnees.get("docs", []))}
        langues: dict[str, list] = {}
        for doc in donnees.get("docs", []):
            langue = "en" if doc.get("location", "").startswith("en/") else langue_fichier
            langues.setdefault(langue, []).append(doc)
        if len(langues) > 1:
            for langue, docs in langues.items():
                partiel = json.dumps({"config": donnees.get("config"), "docs": docs}, ensure_ascii=False,
                                     separators=(",", ":")).encode("utf-8")
                resultat[f"{relatif} (part {langue})"] = {"langue": langue, "brut": len(partiel),
                                                          "gzip": navigateur.gzip9(partiel), "documents": len(docs)}
    return resultat


def section_lighthouse(url: str, formes: list[str], pages: tuple[str, ...]) -> dict:
    journal("4. Lighthouse : installation (npm ci si besoin)")
    cli = phare.installer(RACINE)
    resultats = []
    for page in pages:
        for forme in formes:
            journal(f"   Lighthouse {page} {forme}")
            resultats.append(phare.mesurer(cli, url + "/" + PAGES[page], page, forme, BRUT))
    return {"resultats": resultats}


def section_recherche(url: str, prefixe: str, nombre: int | None) -> dict:
    requetes = [r.texte for r in REQUETES][:nombre] if nombre else [r.texte for r in REQUETES]
    journal(f"5. Latence de la recherche : {len(requetes)} requêtes")
    latences, a_froid = navigateur.latences(url, requetes, prefixe + "/")
    return {"latences": latences, "a_froid_ms": a_froid}


# ---------------------------------------------------------------- Rapport


def ecrire_rapport(r: dict, sortie: Path) -> str:
    L: list[str] = []
    cibles: list[list[object]] = []  # tableau de synthèse
    L += ["# Performance de la base juridique des CAE", "",
          f"Rapport généré par `make bench` (`{r['commande']}`) le {r['debut']:%Y-%m-%d à %H:%M} UTC, "
          f"en {r['duree_s'] / 60:.1f} min. Ne pas éditer à la main : relancer `make bench`.", ""]
    L += ["## Machine et méthode", "",
          tableau(["Élément", "Valeur"], [[k, v] for k, v in r["machine"].items()]
                  + [["Charge moyenne (1/5/15 min) au début", r["charge_debut"]],
                     ["Charge moyenne (1/5/15 min) à la fin", r["charge_fin"]]]), ""]
    L += ["Méthode :", "",
          "- Chaque build tourne dans un processus neuf (`scripts/bench/mesure_build.py`, qui fait ce que fait "
          "`mkdocs build`). Temps **réel** = horloge murale du processus (démarrage de Python compris) ; "
          "temps **CPU** = user + sys du processus et de ses enfants (git) ; la répartition par plugin et par hook "
          "est mesurée dans le même build (temps propre de chaque appel d'événement).",
          "- La machine est partagée et bruyante : les builds à comparer sont faits **en alternance** et on compare "
          "des **médianes** ; les parts (hooks, git) sont des rapports mesurés **dans un même build**.",
          f"- Pages synthétiques : graine fixe `{synthetique.GRAINE}`, générateur `scripts/bench/synthetique.py`.",
          "- Tailles compressées : **gzip -9** (zlib niveau 9) de chaque réponse ; brotli n'est pas installé "
          "dans l'environnement Python du projet.",
          f"- Build du site réel : {'strict, réussi' if r.get('strict', True) else 'NON STRICT (voir les notes)'}.", ""]
    for note in r.get("notes", []):
        L.append(f"> {note}")
    if r.get("notes"):
        L.append("")
    L += ["Commandes exactes :", "", "```sh", *r["commandes"], "```", ""]
    sections: list[str] = []

    # ---- 1
    if "hooks" in r:
        h = r["hooks"]
        avec_reel = mediane([x[0] for x in h["avec"]]); sans_reel = mediane([x[0] for x in h["sans"]])
        avec_cpu = mediane([x[1] for x in h["avec"]]); sans_cpu = mediane([x[1] for x in h["sans"]])
        avec_b = mediane([x[2] for x in h["avec"]]); sans_b = mediane([x[2] for x in h["sans"]])
        ratio_cpu = avec_cpu / sans_cpu if sans_cpu else None
        ok = ratio_cpu is not None and ratio_cpu <= CIBLES["ratio_hooks"]
        cibles.append([f"Coût du code du projet : temps CPU (user + sys) du build du site réel, contre Material seul "
                       f"(médianes de {len(h['avec'])})", fois(ratio_cpu), f"≤ {CIBLES['ratio_hooks']}×", verdict(ok)])
        S = ["## 1. Coût du code du projet (hooks et gabarits)", "",
             f"Build complet du site réel (`mkdocs build`, français puis anglais dans un seul processus, "
             f"{h['pages_rendues']} pages rendues), contre **Material seul** : le même mkdocs.yml sans `hooks:`, "
             "`watch:` ni `theme.custom_dir` (mêmes pages, plugins et extensions). "
             f"{len(h['avec'])} builds de chaque variante, en alternance. La mesure qui compte est le **temps CPU** "
             "(user + sys du processus et de ses `git log`) : c'est le travail fait, que la machine soit chargée ou non, "
             "et qu'il y ait un cœur ou plusieurs. Le temps réel est donné pour information.", ""]
        S.append(tableau(["Mesure", "Avec le code du projet (médiane)", "Material seul (médiane)", "Rapport", "Cible", "Résultat"], [
            ["Temps CPU (user + sys, git compris)", s(avec_cpu, 2), s(sans_cpu, 2), fois(ratio_cpu),
             f"≤ {CIBLES['ratio_hooks']}×", verdict(ok)],
            ["Temps réel (horloge murale ; machine partagée)", s(avec_reel, 2), s(sans_reel, 2),
             fois(avec_reel / sans_reel if sans_reel else None), "information", "–"],
            ["Durée de build() seule (sans démarrage de Python)", s(avec_b, 2), s(sans_b, 2),
             fois(avec_b / sans_b if sans_b else None), "information", "–"],
        ]))
        S += ["", "Tous les builds (réel s / CPU s / build() s / code) :", "",
              tableau(["Run", "Avec le code du projet", "Material seul"],
                      [[i + 1, "{:.2f} / {:.2f} / {:.2f} / {}".format(*a), "{:.2f} / {:.2f} / {:.2f} / {}".format(*b)]
                       for i, (a, b) in enumerate(zip(h["avec"], h["sans"]))]), ""]
        if h.get("sondes") and h.get("sondes_sans"):
            S += ["Où va la différence (temps CPU inclusif, médianes ; « rendu des pages » comprend le Markdown, les "
                  "gabarits — menu compris — et les hooks appelés pendant le rendu) :", "",
                  tableau(["Fonction", "Avec le code du projet", "Material seul", "Écart"],
                          [[k, s(v, 2), s(h["sondes_sans"].get(k), 2), s(v - h["sondes_sans"].get(k, 0.0), 2)]
                           for k, v in h["sondes"].items()]), ""]
        S += [f"Avec le code du projet, répartition du temps de build() (médianes ; part des hooks : "
              f"**{(h['part_hooks'] or 0) * 100:.0f} %**, mesurée dans chaque build) :", "",
              tableau(["Poste", "Temps", "Part"],
                      [[k, s(v, 2), f"{v / h['build_total_median'] * 100:.0f} %"] for k, v in h["groupes"].items()]), "",
              tableau(["Hook", "Temps propre réel (médiane)", "Temps propre CPU (médiane)"],
                      [[k, s(v, 3), s(h.get("par_hook_cpu", {}).get(k), 3)]
                       for k, v in sorted(h["par_hook"].items(), key=lambda kv: -kv[1])]), ""]
        if h.get("groupes_cpu") and h.get("build_cpu_median"):
            S += ["Même répartition en temps CPU du processus de build (insensible à la charge des autres "
                  "processus ; sans les `git log` lancés en sous-processus) :", "",
                  tableau(["Poste", "CPU", "Part"], [[k, s(v, 2), f"{v / h['build_cpu_median'] * 100:.0f} %"]
                                                     for k, v in h["groupes_cpu"].items()]), ""]
        for note in h["notes"]:
            S.append(f"> {note}")
        sections.append("\n".join(S))

    # ---- 2
    if "echelle" in r:
        T = r["echelle"]["tailles"]
        S = ["## 2. Montée en charge : pages d'articles synthétiques", "",
             "Copie du projet (docs, data, hooks, overrides, mkdocs.yml) dans un dossier temporaire, à laquelle on ajoute "
             "N pages d'articles de lois fictives (« loi n° 90-1xx », 50 articles par loi, registre data/textes complété), "
             "~600 mots chacune, avec des citations d'articles réels et synthétiques (liées par le hook des références), "
             "les sigles du glossaire et une note et un tableau. La copie devient un dépôt git jetable d'un commit, "
             "pour que le plugin git lise une vraie date par page. Build complet strict (français + anglais : "
             "mkdocs-static-i18n recopie chaque page française non traduite sous /en/, donc chaque page est rendue deux fois).",
             "",
             "À chaque taille, `mkdocs build` tel quel (les langues l'une après l'autre, dans un seul processus) : "
             + ", ".join(f"{t['n']} → {len(t['reel'])}" for t in T) + " build(s). La mesure est le **temps CPU** "
             "(user + sys, `git log` compris) : le temps qu'il faudrait sur un cœur libre ; le temps réel, gonflé par les "
             "autres processus de la machine partagée, est donné pour information.", ""]
        lignes = []
        base = base_cpu = None
        for t in T:
            reel = mediane(t["reel"]); build = mediane(t["build"]); cpu = mediane(t["cpu"])
            pages = t["pages_fr"]
            par_page = reel / pages if reel and pages else None
            par_page_cpu = cpu / pages if cpu and pages else None
            if base is None:
                base, base_cpu = par_page, par_page_cpu
            t["par_page"], t["par_page_cpu"] = par_page, par_page_cpu
            lignes.append([t["n"], pages, t["pages_rendues"], s(cpu), s(reel),
                           ms(par_page * 1000 if par_page else None), ms(par_page_cpu * 1000 if par_page_cpu else None),
                           fois(par_page / base if base and par_page else None),
                           fois(par_page_cpu / base_cpu if base_cpu and par_page_cpu else None),
                           f"{t['groupes']['hooks du projet'] / build * 100:.0f} %" if build else "–",
                           f"{t['groupes']['git-revision-date-localized'] / build * 100:.0f} %" if build else "–",
                           mo(t["site_octets"]), t["site_fichiers"], ",".join(str(c) for c in t["codes"])])
        S.append(tableau(["Pages synthétiques", "Pages fr (total)", "Pages rendues (fr+en)",
                          "CPU (git compris, médiane)", "Temps réel (médiane)", "Réel par page fr", "CPU par page fr", "Réel/page ÷ plus petite",
                          "CPU/page ÷ plus petite", "Part hooks", "Part git", "Taille du site", "Fichiers", "Code(s)"], lignes))
        S += ["", "Temps réel = horloge murale (gonflée par la charge des autres processus de la machine) ; CPU = user + sys "
              "du build et de ses `git log`. La linéarité est jugée sur le **CPU par page**, bien moins sensible au bruit."]
        grand = next((t for t in T if t["n"] == 2000), T[-1])
        petit = T[0]
        lin = grand["par_page_cpu"] / petit["par_page_cpu"] if grand.get("par_page_cpu") and petit.get("par_page_cpu") else None
        lin_reel = grand["par_page"] / petit["par_page"] if grand.get("par_page") and petit.get("par_page") else None
        marges = []
        if len(T) >= 3:
            pente_bas = (mediane(T[1]["cpu"]) - mediane(T[0]["cpu"])) / (T[1]["pages_fr"] - T[0]["pages_fr"])
            pente_haut = (mediane(T[-1]["cpu"]) - mediane(T[-2]["cpu"])) / (T[-1]["pages_fr"] - T[-2]["pages_fr"])
            marges = [pente_bas, pente_haut]
        grand_cpu = mediane(grand["cpu"])
        ok_temps = grand_cpu is not None and grand_cpu < CIBLES["secondes_2000"] and grand["n"] == 2000
        ok_lin = lin is not None and lin <= CIBLES["linearite"]
        S += ["", tableau(["Mesure", "Valeur", "Cible", "Résultat"], [
            [f"Build complet de {grand['n']} pages synthétiques, `mkdocs build`, temps CPU (temps réel : "
             f"{s(mediane(grand['reel']))})", s(grand_cpu),
             f"< {CIBLES['secondes_2000']:.0f} s", verdict(ok_temps) if grand["n"] == 2000 else "n/m"],
            [f"Linéarité : CPU par page à {grand['n']} ÷ à {petit['n']} (temps réel : {fois(lin_reel)})", fois(lin),
             f"≤ {CIBLES['linearite']}×", verdict(ok_lin)],
            ["Coût CPU marginal par page : entre les 2 plus petites tailles → entre les 2 plus grandes",
             " → ".join(ms(m * 1000) for m in marges) if marges else "–", "stable (linéaire)",
             ("✅ stable" if marges[1] <= marges[0] * CIBLES["linearite"] else f"❌ ×{marges[1] / marges[0]:.2f}") if marges else "n/m"],
        ]), ""]
        listes = {tuple(t.get("hooks", [])) for t in T}
        if len(listes) > 1:
            S += ["> Les hooks du projet ont changé pendant le banc (chaque taille copie le dépôt au moment où elle "
                  "commence) : " + " ; ".join(f"{t['n']} pages : {', '.join(h.split('/')[-1] for h in t.get('hooks', []))}"
                                              for t in T) + ".", ""]
        cibles.append([f"Build de {grand['n']} pages (fr + en, strict, `mkdocs build`), temps CPU", s(grand_cpu),
                       f"< {CIBLES['secondes_2000']:.0f} s", verdict(ok_temps)])
        material = grand.get("material_seul")
        if material:
            S += [f"Les mêmes {grand['n']} pages avec **Material seul** (ni hooks ni gabarits du projet : les pages "
                  f"d'articles ne sont alors pas dans le menu) : CPU **{s(material['cpu'])}** (réel {s(material['reel'])}), "
                  f"{material['pages_rendues']} pages rendues, code {material['code']} ; rapport : "
                  f"{fois(grand_cpu / material['cpu'] if material['cpu'] and grand_cpu else None)}.", ""]
            cibles.append([f"Les mêmes {grand['n']} pages, Material seul (référence), temps CPU", s(material["cpu"]),
                           "information", "–"])
        seul = grand.get("une_langue")
        if seul:
            S += [f"Le même projet de {grand['n']} pages construit **en français seul** (`KB_LANGUE=fr`, l'aperçu rapide des "
                  f"contributeurs ; chaque page rendue une fois) : CPU **{s(seul['cpu'])}** (réel {s(seul['reel'])}), "
                  f"{seul['pages_rendues']} pages rendues, code {seul['code']}.", ""]
            cibles.append([f"Build de {grand['n']} pages, français seul (aperçu `KB_LANGUE=fr`), temps CPU", s(seul["cpu"]),
                           "information", "–"])
        cibles.append([f"Linéarité (CPU par page {grand['n']} ÷ {petit['n']})", fois(lin), f"≤ {CIBLES['linearite']}×", verdict(ok_lin)])
        # git
        sg = next((t for t in T if t["sans_git_reel"]), None)
        S += ["### Part du plugin git-revision-date-localized", "",
              "Il lance `git log` pour chaque page (en parallèle, un processus par cœur, dans son `on_files`), une fois "
              "par build complet : sa `locale` est fixée dans mkdocs.yml, sans quoi il relançait tout pour l'anglais. "
              "Sa part est mesurée dans chaque build (temps propre de ses événements) et, à une taille, "
              "par des builds avec et sans lui (`enabled: false`), en alternance.", ""]
        lignes = [[t["n"], s(t["groupes"]["git-revision-date-localized"], 2),
                   f"{t['groupes']['git-revision-date-localized'] / mediane(t['build']) * 100:.0f} %",
                   ms(t["groupes"]["git-revision-date-localized"] / t["pages_fr"] * 1000)] for t in T]
        S.append(tableau(["Pages synthétiques", "Temps propre du plugin git", "Part du build", "Par page fr"], lignes))
        if sg:
            avec = mediane(sg["reel"]); sans = mediane(sg["sans_git_reel"])
            S += ["", f"À {sg['n']} pages, {len(sg['sans_git_reel'])} build(s) de chaque en alternance : avec git **{s(avec)}**, "
                  f"sans git **{s(sans)}** (médianes du temps réel), soit {fois(avec / sans if sans else None)}."]
            if sg.get("sans_git_cpu"):
                avec_cpu, sans_cpu = mediane(sg["cpu"]), mediane(sg["sans_git_cpu"])
                S += [f"En CPU (git compris) : avec **{s(avec_cpu)}**, sans **{s(sans_cpu)}**, soit "
                      f"{fois(avec_cpu / sans_cpu if sans_cpu else None)} ({s(avec_cpu - sans_cpu)} de CPU pour git, "
                      f"{ms((avec_cpu - sans_cpu) / sg['pages_fr'] * 1000)} par page fr)."]
        S += ["", "### Où va le temps (temps propre médian, build le plus grand)", "",
              tableau(["Poste", "Temps", "Part"], [[k, s(v, 2), f"{v / mediane(grand['build']) * 100:.0f} %"]
                                                    for k, v in grand["groupes"].items()]), "",
              "Temps CPU propre de chaque hook (processus de build), et par page fr :", "",
              tableau(["Hook", *[f"{t['n']} pages" for t in T], "CPU par page fr, petit → grand", "Croissance par page"],
                      [[k, *[s(t.get("par_hook_cpu", t["par_hook"]).get(k, 0.0), 2) for t in T],
                        f"{ms(T[0].get('par_hook_cpu', T[0]['par_hook']).get(k, 0) / T[0]['pages_fr'] * 1000)} → "
                        f"{ms(T[-1].get('par_hook_cpu', T[-1]['par_hook']).get(k, 0) / T[-1]['pages_fr'] * 1000)}",
                        fois((T[-1].get('par_hook_cpu', T[-1]['par_hook']).get(k, 0) / T[-1]['pages_fr'])
                             / (T[0].get('par_hook_cpu', T[0]['par_hook']).get(k, 0) / T[0]['pages_fr'])
                             if T[0].get('par_hook_cpu', T[0]['par_hook']).get(k) else None)]
                       for k in sorted(T[-1].get("par_hook_cpu", T[-1]["par_hook"]),
                                       key=lambda k: -T[-1].get("par_hook_cpu", T[-1]["par_hook"])[k])]), ""]
        cles_sondes = sorted({k for t in T for k in t.get("sondes", {})})
        if cles_sondes:
            S += ["Temps CPU inclusif de quelques fonctions (sondes), par taille, et par page fr :", "",
                  tableau(["Fonction", *[f"{t['n']} pages" for t in T], "par page fr, petit → grand", "Croissance"],
                          [[k, *[s(t.get("sondes", {}).get(k), 2) for t in T],
                            f"{ms(T[0]['sondes'].get(k, 0) / T[0]['pages_fr'] * 1000)} → "
                            f"{ms(T[-1]['sondes'].get(k, 0) / T[-1]['pages_fr'] * 1000)}",
                            fois((T[-1]["sondes"].get(k, 0) / T[-1]["pages_fr"]) / (T[0]["sondes"].get(k, 0) / T[0]["pages_fr"])
                                 if T[0]["sondes"].get(k) else None)]
                           for k in cles_sondes]), "",
                  "Une croissance du temps **par page** nettement au-dessus de 1× signale un coût non linéaire.", ""]
        croissances = []
        if len(T) >= 2 and T[0]["pages_fr"] and T[-1]["pages_fr"]:
            for source, nom in (("sondes", "fonction"), ("par_hook_cpu", "hook")):
                a, b = T[0].get(source) or {}, T[-1].get(source) or {}
                for k in b:
                    if a.get(k) and b[k] > 0.5:  # au moins 0,5 s au plus grand : le reste est du bruit
                        g = (b[k] / T[-1]["pages_fr"]) / (a[k] / T[0]["pages_fr"])
                        if g > CIBLES["linearite"]:
                            croissances.append((g, f"{nom} `{k}` : ×{g:.2f} par page ({s(b[k], 1)} CPU à {T[-1]['n']} pages)"))
        if croissances:
            S += ["**Coûts par page qui croissent** de " + f"{T[0]['n']} à {T[-1]['n']} pages (plus de "
                  f"{CIBLES['linearite']}× par page) :", "", *[f"- {x}" for _, x in sorted(croissances, reverse=True)], ""]
        S += ["### Taille du site sur disque", "",
              tableau(["Pages synthétiques", "Site", "Par page fr", "Fichiers", "search_index.json"],
                      [[t["n"], mo(t["site_octets"]), ko(t["site_octets"] / t["pages_fr"]), t["site_fichiers"], mo(t["index_octets"])] for t in T])]
        if "site_reel" in r:
            octets, fichiers = r["site_reel"]
            S += ["", f"Site réel : **{mo(octets)}** sur disque, {fichiers} fichiers."]
        sections.append("\n".join(S))

    # ---- 3
    if "poids" in r:
        P = r["poids"]
        S = ["## 3. Ce que télécharge un lecteur au premier chargement", "",
             "Chromium sans interface (Playwright), contexte neuf par page (cache vide), fenêtre 1280×900, "
             "site servi en http sous son préfixe. Toutes les requêtes (celles du worker de recherche comprises) sont "
             "interceptées ; tailles en **gzip -9**. « Sans recherche » exclut le worker de recherche, lunr et "
             "l'index. Material demande son worker dès le chargement de la page ; l'index, lui, n'est demandé qu'à la "
             "première ouverture de la recherche (overrides/assets/javascripts/recherche.js). « Au chargement » est "
             "tout ce qui part avant que le lecteur touche la recherche ; « à l'ouverture de la recherche », ce qui "
             "part ensuite quand il l'ouvre et tape « cae » (index, lunr).", ""]
        lignes = []
        for c in P["chargements"]:
            tot = c.totaux(c.premier)
            sans_recherche = sum(v["gzip"] for k, v in tot.items() if k not in navigateur.RECHERCHE)
            avec_recherche = sum(v["gzip"] for v in tot.values())
            tierces = sum(1 for x in c.premier + c.recherche if x.tierce)
            echecs = sum(1 for x in c.premier + c.recherche if x.statut and x.statut >= 400)
            ok = sans_recherche <= CIBLES["premier_chargement_ko"] * 1024 and tierces == 0
            lignes.append([c.page, f"`/{c.chemin}`", ko(tot["html"]["gzip"]), ko(tot["css"]["gzip"]), ko(tot["js"]["gzip"]),
                           ko(tot["polices"]["gzip"]), ko(tot["images"]["gzip"]), ko(tot["sitemap.xml"]["gzip"]),
                           ko(tot["autres"]["gzip"]), f"**{ko(sans_recherche)}**", ko(tot["js de la recherche"]["gzip"]),
                           ko(tot["index de recherche"]["gzip"]), ko(avec_recherche),
                           ko(sum(x.gzip for x in c.recherche)), len(c.premier), echecs, tierces,
                           f"≤ {CIBLES['premier_chargement_ko']} Ko, 0 tierce", verdict(ok)])
            c.sans_recherche = sans_recherche
            c.tierces = tierces
        S.append(tableau(["Page", "Adresse", "HTML", "CSS", "JS", "Polices", "Images", "sitemap.xml", "Autres",
                          "Sans recherche", "JS recherche", "Index", "Au chargement", "À l'ouverture de la recherche",
                          "Requêtes", "Dont 4xx",
                          "Tierces", "Cible", "Résultat"], lignes))
        pire = max(P["chargements"], key=lambda c: c.sans_recherche)
        cibles.append(["Premier chargement sans recherche (pire page, gzip)", ko(pire.sans_recherche),
                       f"≤ {CIBLES['premier_chargement_ko']} Ko", verdict(pire.sans_recherche <= CIBLES["premier_chargement_ko"] * 1024)])
        tierces = sum(c.tierces for c in P["chargements"])
        cibles.append(["Requêtes vers des tiers", str(tierces), "0", verdict(tierces == 0)])
        S += ["", "Requêtes du premier chargement de la page d'accueil :", "",
              tableau(["Requête", "Type", "Statut", "Brut", "gzip -9"],
                      [[f"`{x.url.split('/', 3)[-1]}`", x.categorie, x.statut, ko(x.brut), ko(x.gzip)]
                       for x in P["chargements"][0].premier])]
        erreurs = sorted({e for c in P["chargements"] for e in c.erreurs_console})
        sitemaps = sorted({x.url.split('/', 3)[-1] + f" ({x.statut})" for c in P["chargements"] for x in c.premier if x.categorie == "sitemap.xml"})
        if sitemaps:
            S += ["", "Le sélecteur de langue de Material télécharge `sitemap.xml` à chaque page (sa taille croît avec le "
                  "nombre de pages) ; adresses demandées : " + ", ".join(f"`{u}`" for u in sitemaps) + "."]
        if erreurs:
            S += ["", "Erreurs de la console : " + " ; ".join(f"« {e} »" for e in erreurs) + "."]
        # index
        I = P["index"]
        S += ["", "### Index de recherche", "",
              "Chaque `search_index.json` du site (la langue vient de son dossier). Un index qui mélange les "
              "langues est aussi décomposé par langue (« part fr / en »). Lu sur le disque, compressé en gzip -9.", "",
              tableau(["Fichier", "Langue", "Documents", "Brut", "gzip -9", "Cible", "Résultat"],
                      [[f"`{k}`", v["langue"], v["documents"], ko(v["brut"]), ko(v["gzip"]), f"≤ {CIBLES['index_ko']} Ko",
                        verdict(v["gzip"] <= CIBLES["index_ko"] * 1024)] for k, v in I.items()])]
        entier = max(I.values(), key=lambda v: v["gzip"])
        cibles.append(["Index de recherche (gzip, le plus gros par langue)", ko(entier["gzip"]), f"≤ {CIBLES['index_ko']} Ko",
                       verdict(entier["gzip"] <= CIBLES["index_ko"] * 1024)])
        if "echelle" in r:
            S += ["", "À l'échelle (section 2), l'index brut atteint : " + ", ".join(
                f"{t['n']} pages → {mo(t['index_octets'])}" for t in r["echelle"]["tailles"]) + "."]
        sections.append("\n".join(S))

    # ---- 4
    if "lighthouse" in r:
        R = r["lighthouse"]["resultats"]
        S = ["## 4. Lighthouse", "",
             f"Lighthouse {r['machine'].get('Lighthouse')} (npm, `bench/package-lock.json`), Chromium de Debian "
             "(`CHROME_PATH=/usr/bin/chromium`). Mobile = réglages par défaut (débit et processeur ×4 **simulés**) ; "
             "bureau = `--preset=desktop`. Rapports complets : `rapports/brut/lighthouse-*.html`. "
             "Le score de performance mobile simule un processeur 4 fois plus lent à partir des durées **observées** "
             "des tâches JavaScript : sur une machine chargée par d'autres processus (charge ci-dessus), le TBT et le "
             "LCP mobiles sont gonflés ; le bureau y est bien moins sensible.", ""]
        lignes = []
        for x in R:
            scores = [x.scores.get(c) for c in phare.CATEGORIES]
            ok = all(v is not None and v >= CIBLES["lighthouse"] for v in scores) and not x.erreur
            lignes.append([x.page, x.forme, *["–" if v is None else v for v in scores],
                           x.metriques.get("first-contentful-paint", "–"), x.metriques.get("largest-contentful-paint", "–"),
                           x.metriques.get("total-blocking-time", "–"), x.metriques.get("cumulative-layout-shift", "–"),
                           f"≥ {CIBLES['lighthouse']} partout", verdict(ok)])
        S.append(tableau(["Page", "Forme", "Performance", "Accessibilité", "Bonnes pratiques", "SEO", "FCP", "LCP", "TBT",
                          "CLS", "Cible", "Résultat"], lignes))
        echecs = []
        for x in R:
            if x.erreur:
                echecs.append(f"- {x.page} {x.forme} : erreur de Lighthouse : {x.erreur}")
            for cat in phare.CATEGORIES:
                v = x.scores.get(cat)
                if v is not None and v < CIBLES["lighthouse"] and x.echecs.get(cat):
                    echecs.append(f"- {x.page} {x.forme}, {cat} {v} : " + ", ".join(f"`{e}`" for e in x.echecs[cat]))
        if echecs:
            S += ["", "Audits en échec (score < 1, avec un exemple) dans les catégories sous la cible :", "", *echecs]
        minimum = min((v for x in R for v in x.scores.values() if v is not None), default=None)
        cibles.append(["Lighthouse (pire score, 3 pages × mobile/bureau × 4 catégories)", str(minimum),
                       f"≥ {CIBLES['lighthouse']}", verdict(minimum is not None and minimum >= CIBLES["lighthouse"])])
        sections.append("\n".join(S))

    # ---- 5
    if "recherche" in r:
        R = r["recherche"]
        lat = [x.latence_ms for x in R["latences"] if x.latence_ms is not None]
        med = mediane(lat)
        p90 = sorted(lat)[int(len(lat) * 0.9) - 1] if lat else None
        ok = med is not None and med <= CIBLES["recherche_ms"]
        totaux = [x.frappe_ms + x.latence_ms for x in R["latences"] if x.latence_ms is not None]
        attendus = {q.texte: q.attendu for q in REQUETES}
        trouves = [x for x in R["latences"] if attendus.get(x.requete)]
        bons = sum(1 for x in trouves if any(l.startswith(attendus[x.requete]) for l in x.liens))
        S = ["## 5. Latence de la recherche", "",
             f"Chromium sans interface, page d'accueil, boîte de recherche de Material. Pour chacune des {len(R['latences'])} "
             "requêtes de `scripts/bench/requetes.py` : effacement au clavier, frappe touche par touche "
             "(`press_sequentially`), puis latence = du dernier `keyup` à la dernière mise à jour de la liste des "
             "résultats (horodatées dans la page ; Material cherche à chaque touche, une latence courte veut dire "
             "que les résultats étaient presque prêts avant la dernière touche). Première recherche « à froid » (chargement de la page, du worker et "
             f"de l'index compris) : {ms(R['a_froid_ms'])}.", "",
             tableau(["Mesure", "Valeur", "Cible", "Résultat"], [
                 ["Latence médiane", ms(med), f"≤ {CIBLES['recherche_ms']} ms", verdict(ok)],
                 ["Latence au 90e centile", ms(p90), "–", "–"],
                 ["Médiane du début de la frappe aux résultats stables (frappe comprise)", ms(mediane(totaux)), "–", "–"],
                 ["Requêtes dont la page attendue est dans les 5 premiers résultats", f"{bons} / {len(trouves)}",
                  "information", "–"],
             ]), "",
             tableau(["Requête", "Latence", "Frappe", "Résultats", "Page attendue", "Dans le top 5"],
                     [[f"`{x.requete}`", ms(x.latence_ms), ms(x.frappe_ms), x.meta, attendus.get(x.requete) or "–",
                       ("oui" if any(l.startswith(attendus[x.requete]) for l in x.liens) else "**non**")
                       if attendus.get(x.requete) else "–"] for x in R["latences"]])]
        cibles.append(["Latence médiane de la recherche", ms(med), f"≤ {CIBLES['recherche_ms']} ms", verdict(ok)])
        sections.append("\n".join(S))

    L += ["## Synthèse", "", tableau(["Mesure", "Valeur", "Cible", "Résultat"], cibles), ""]
    texte = "\n".join(L) + "\n" + "\n\n".join(sections) + "\n"
    sortie.parent.mkdir(parents=True, exist_ok=True)
    sortie.write_text(texte, encoding="utf-8")
    return texte


# ---------------------------------------------------------------- Programme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Banc de performance : écrit rapports/performance.md.")
    parser.add_argument("--sections", default="1,2,3,4,5", help="sections à mesurer (défaut : toutes)")
    parser.add_argument("--tailles", default="250,500,1000,2000", help="nombres de pages synthétiques")
    parser.add_argument("--runs", type=int, default=5, help="builds avec et sans hooks (section 1)")
    parser.add_argument("--runs-echelle", type=int, default=None,
                        help="builds par taille (section 2) ; défaut : 3, 2, 1, 1 de la plus petite à la plus grande")
    parser.add_argument("--sortie", default=str(RACINE / "rapports" / "performance.md"))
    parser.add_argument("--essais-build", type=int, default=3, help="essais du build strict réel avant de passer en non strict")
    parser.add_argument("--attente", type=int, default=120, help="secondes entre deux essais du build strict")
    parser.add_argument("--requetes", type=int, default=None, help="ne mesurer que les N premières requêtes")
    parser.add_argument("--depuis", default=None,
                        help="ne rien mesurer : réécrire le rapport depuis rapports/brut/resultats.pickle")
    args = parser.parse_args(argv)
    if args.depuis:
        import pickle
        r = pickle.loads(Path(args.depuis).read_bytes())
        ecrire_rapport(r, Path(args.sortie))
        journal(f"Rapport réécrit depuis {args.depuis} : {args.sortie}")
        return 0
    sections = {int(x) for x in args.sections.split(",") if x}
    tailles = sorted(int(x) for x in args.tailles.split(",") if x)
    runs_par_taille = ({n: args.runs_echelle for n in tailles} if args.runs_echelle
                       else {n: RUNS_PAR_TAILLE.get(n, 3 if i == 0 else 1) for i, n in enumerate(tailles)})

    debut = time.time()
    BRUT.mkdir(parents=True, exist_ok=True)
    r: dict = {"debut": dt.datetime.now(dt.timezone.utc), "commande": "python scripts/bench.py " + " ".join(argv or sys.argv[1:]),
               "machine": machine.decrire(RACINE), "charge_debut": charge(), "notes": []}
    r["commande"] = r["commande"].strip()
    travail = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    journal(f"Dossier de travail : {travail} ; charge {r['charge_debut']}")
    try:
        site_reel = travail / "site-reel"
        b, strict, notes = build_reel(site_reel, args.essais_build, args.attente)
        r["strict"] = strict
        r["notes"] += notes
        if b.code != 0:
            raise SystemExit(f"Le build du site réel échoue même en mode non strict :\n{b.journal[-3000:]}")
        if 1 in sections:
            r["hooks"] = section_hooks(travail, args.runs, strict)
        r["site_reel"] = construction.taille_du_site(site_reel)
        if 2 in sections:
            r["echelle"] = section_echelle(travail, tailles, runs_par_taille, strict,
                                           TAILLE_SANS_GIT if TAILLE_SANS_GIT in tailles else tailles[0])
        from bench import serveur
        prefixe = serveur.prefixe_du_site(RACINE / "mkdocs.yml")
        if sections & {3, 4, 5}:
            with serveur.Serveur(site_reel, prefixe) as url:
                if 3 in sections:
                    r["poids"] = section_poids(url)
                    r["poids"]["index"] = index_par_langue(site_reel)
                if 4 in sections:
                    r["lighthouse"] = section_lighthouse(url, ["mobile", "bureau"], PAGES_LIGHTHOUSE)
                if 5 in sections:
                    r["recherche"] = section_recherche(url, prefixe, args.requetes)
    finally:
        shutil.rmtree(travail, ignore_errors=True)
    r["charge_fin"] = charge()
    r["duree_s"] = time.time() - debut
    r["commandes"] = [
        "make bench   # = .venv/bin/python scripts/bench.py",
        f".venv/bin/python scripts/bench.py --sections {args.sections} --tailles {args.tailles} --runs {args.runs}",
        "# un build mesuré, tel que le banc le lance :",
        ".venv/bin/python scripts/bench/mesure_build.py --config mkdocs.yml --site-dir /tmp/site --strict --json /tmp/mesure.json",
        "# Lighthouse, tel que le banc le lance (site servi sur 127.0.0.1) :",
        "CHROME_PATH=/usr/bin/chromium node bench/node_modules/lighthouse/cli/index.js URL "
        f"--chrome-flags='{phare.DRAPEAUX_CHROME}' --only-categories=performance,accessibility,best-practices,seo "
        "--output=json --output=html [--preset=desktop]",
    ]
    import pickle
    (BRUT / "resultats.pickle").write_bytes(pickle.dumps(r))
    texte = ecrire_rapport(r, Path(args.sortie))
    journal(f"Rapport écrit : {args.sortie} ({r['duree_s'] / 60:.1f} min)")
    print(texte.split("## Synthèse", 1)[1].split("\n## ", 1)[0] if "## Synthèse" in texte else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
