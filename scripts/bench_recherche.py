"""Banc de la recherche (Pagefind) : le site réel et 2 000 pages synthétiques, dans Chromium.

Pour chaque site (construit ici, en mode strict, avec les vrais hooks) :

1. taille de l'index Pagefind par langue (fichiers de l'index et des fragments, brut) ;
2. premier usage, cache vide (trois essais, chacun dans un contexte neuf ; médiane et écart) :
   octets téléchargés (gzip -9, comme un hébergeur) entre l'ouverture de la recherche et
   l'affichage des premiers résultats de la première requête, et temps entre l'ouverture (appui
   sur « / ») et ces premiers résultats ;
3. latence, index chargé : du dernier relâchement de touche à la dernière mise à jour de la
   liste des résultats (MutationObserver), médiane et 90e centile, sur les requêtes de
   scripts/bench/requetes.py.

Écrit rapports/recherche.md et un JSON à côté. Lancé par `make bench` (après scripts/bench.py) ;
`--sans-synthetique` pour le site réel seul.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(RACINE / "scripts"), str(RACINE / "hooks")]

from bench import construction, synthetique  # noqa: E402
from bench.navigateur import CHROMIUM, OPTIONS, gzip9  # noqa: E402
from bench.requetes import REQUETES  # noqa: E402
from serveur_statique import prefixe_du_site, servir  # noqa: E402

from kb.recherche import indexation as recherche  # noqa: E402

CIBLES = {"premiere_requete_ko": 250, "premiers_resultats_ms": 500, "p90_ms": 100}

OBSERVATEUR = """() => {
  window.__maj = 0;
  const liste = document.querySelector('.md-search-result__list');
  new MutationObserver(() => { window.__maj = performance.now(); }).observe(liste, {childList: true, subtree: true});
  // La dernière touche : son relâchement, ou sa saisie pour un caractère que Playwright tape sans
  // événement clavier (« é » arrive par insertText : pas de keyup, seulement input).
  document.addEventListener('keyup', () => { window.__touche = performance.now(); }, true);
  document.addEventListener('input', () => { window.__touche = performance.now(); }, true);
}"""


ESSAIS_A_FROID = 3


def premier_usage(page, url: str) -> dict:
    """Ouvre la recherche (« / ») sur une page neuve et tape la première requête : temps jusqu'aux
    premiers résultats, octets téléchargés (gzip -9) et nombre de fichiers pendant ce temps."""
    page.goto(url + "/", wait_until="networkidle")
    telecharges: list[tuple[str, int]] = []
    ouverte = {"oui": False}

    def reponse(r) -> None:
        if ouverte["oui"] and r.status == 200:
            try:
                telecharges.append((r.url, gzip9(r.body())))
            except Exception:  # corps indisponible (redirection…) : compté à zéro
                telecharges.append((r.url, 0))
    page.on("response", reponse)
    page.evaluate(OBSERVATEUR)
    champ = page.locator("input.md-search__input")
    page.locator("body").focus()
    ouverte["oui"] = True
    debut = time.perf_counter()
    page.keyboard.press("/")
    champ.press_sequentially(REQUETES[0].texte)
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    ms = round((time.perf_counter() - debut) * 1000)
    page.wait_for_load_state("networkidle")
    return {"ms": ms, "octets": sum(t for _, t in telecharges), "fichiers": len(telecharges)}


def mesurer(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    prefixe = prefixe_du_site(RACINE / "mkdocs.yml")
    serveur, url = servir(site, prefixe)
    sortie: dict = {"index_octets": dict(recherche.taille_de_l_index(site))}
    try:
        with sync_playwright() as p:
            navigateur = p.chromium.launch(executable_path=CHROMIUM, args=OPTIONS)
            # Premier usage, cache vide : trois fois, chacune dans un contexte neuf (machine
            # partagée : un seul essai varie du simple au double) ; on garde la médiane et l'écart.
            essais = []
            for _ in range(ESSAIS_A_FROID):
                contexte = navigateur.new_context()
                page = contexte.new_page()
                essais.append(premier_usage(page, url))
                if len(essais) < ESSAIS_A_FROID:
                    contexte.close()
            durees = sorted(e["ms"] for e in essais)
            sortie["premiers_resultats_ms"] = durees[len(durees) // 2]
            sortie["premiers_resultats_essais_ms"] = [e["ms"] for e in essais]
            sortie["premiere_requete_octets_gzip"] = max(e["octets"] for e in essais)
            sortie["premiere_requete_fichiers"] = max(e["fichiers"] for e in essais)
            champ = page.locator("input.md-search__input")
            latences = []
            for q in REQUETES:
                champ.fill("")
                page.wait_for_timeout(150)
                champ.press_sequentially(q.texte, delay=20)
                page.wait_for_timeout(400)
                fin = time.monotonic() + 10
                while time.monotonic() < fin:
                    avant = page.evaluate("window.__maj")
                    page.wait_for_timeout(400)
                    if page.evaluate("window.__maj") == avant:
                        break
                latences.append(max(0.0, page.evaluate("window.__maj - window.__touche")))
            sortie["latences_ms"] = [round(x, 1) for x in latences]
            sortie["mediane_ms"] = round(statistics.median(latences), 1)
            sortie["p90_ms"] = round(sorted(latences)[int(0.9 * (len(latences) - 1))], 1)
            navigateur.close()
    finally:
        serveur.shutdown()
    return sortie


def construire(travail: Path, synthetiques: int) -> tuple[Path, float, float]:
    projet = construction.copier_projet(RACINE, travail / "projet")
    if synthetiques:
        synthetique.generer(projet, synthetiques)
    site = travail / "site"
    b = construction.construire(projet / "mkdocs.yml", site, strict=True, etiquette=f"recherche-{synthetiques}")
    if b.code != 0:
        raise SystemExit(f"build en échec ({b.code}) :\n{b.journal[-3000:]}")
    return site, round(b.reel_s, 1), b.cpu_s


def ko(octets: int) -> str:
    return f"{octets / 1024:.1f} Ko".replace(".", ",")


def rapport(resultats: dict) -> str:
    lignes = ["# Banc de la recherche (Pagefind)", "",
              f"Mesuré le {resultats['date']} par `make bench` (scripts/bench_recherche.py), machine à "
              "2 cœurs partagée, Chromium sans interface, site servi en http local. Tailles "
              "téléchargées en gzip -9 (le serveur local ne compresse pas ; un hébergeur, si).", ""]
    for nom, r in resultats["sites"].items():
        index = ", ".join(f"{langue} : {ko(t)}" for langue, t in sorted(r["index_octets"].items()))
        ok1 = r["premiere_requete_octets_gzip"] <= CIBLES["premiere_requete_ko"] * 1024
        ok2 = r["premiers_resultats_ms"] <= CIBLES["premiers_resultats_ms"]
        ok3 = r["p90_ms"] <= CIBLES["p90_ms"]
        v = {True: "✅", False: "❌ manqué"}
        lignes += [f"## {nom}", "",
                   f"Build strict (avec l'indexation Pagefind) : {r['build_s']} s réels, {r['build_cpu_s']} s CPU.", "",
                   "| Mesure | Résultat | Cible |", "|---|---|---|",
                   f"| Index par langue (brut, sur le disque) | {index} | — |",
                   f"| Téléchargé pour la première requête, après ouverture (gzip) | "
                   f"{ko(r['premiere_requete_octets_gzip'])} ({r['premiere_requete_fichiers']} fichiers) | "
                   f"≤ {CIBLES['premiere_requete_ko']} Ko {v[ok1]} |",
                   f"| De l'ouverture (« / ») aux premiers résultats, médiane de {len(r['premiers_resultats_essais_ms'])} essais à froid "
                   f"({', '.join(map(str, r['premiers_resultats_essais_ms']))} ms) | {r['premiers_resultats_ms']} ms | "
                   f"≤ {CIBLES['premiers_resultats_ms']} ms {v[ok2]} |",
                   f"| Dernière touche → résultats, médiane ({len(r['latences_ms'])} requêtes) | {r['mediane_ms']} ms | — |",
                   f"| Dernière touche → résultats, 90e centile | {r['p90_ms']} ms | ≤ {CIBLES['p90_ms']} ms {v[ok3]} |",
                   ""]
    lignes += ["La latence comprend l'attente de 30 ms après la dernière touche (recherche.js ne lance pas une "
               "recherche par touche, pour que les recherches périmées ne s'accumulent pas).", ""]
    return "\n".join(lignes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetiques", type=int, default=2000)
    parser.add_argument("--sans-synthetique", action="store_true")
    parser.add_argument("--sortie", type=Path, default=RACINE / "rapports" / "recherche.md")
    args = parser.parse_args(argv)
    resultats: dict = {"date": datetime.now().strftime("%d/%m/%Y %H:%M"), "sites": {}}
    tailles = [0] if args.sans_synthetique else [0, args.synthetiques]
    for n in tailles:
        nom = "Site réel" if n == 0 else f"{n} pages d'articles synthétiques en plus (fr + en)"
        with tempfile.TemporaryDirectory(prefix="kb-bench-recherche-") as tmp:
            print(f"recherche : construction de « {nom} »…", flush=True)
            site, duree, cpu = construire(Path(tmp), n)
            r = mesurer(site)
            r.update(build_s=duree, build_cpu_s=round(cpu, 1))
            resultats["sites"][nom] = r
            print(json.dumps({k: v for k, v in r.items() if k != "latences_ms"}, ensure_ascii=False), flush=True)
    args.sortie.parent.mkdir(parents=True, exist_ok=True)
    args.sortie.write_text(rapport(resultats), encoding="utf-8")
    args.sortie.with_suffix(".json").write_text(json.dumps(resultats, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"rapport : {args.sortie}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
