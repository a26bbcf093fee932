"""Compare le registre (data/textes/) à une copie de la base LEGI de Légifrance, et en tire
les rédactions officielles (data/textes-officiels/) et l'historique des articles.

La copie est le paquet npm @socialgouv/legi-data (données publiques de la DILA, publiées par
la Fabrique numérique des ministères sociaux) : le code du travail et le code de la sécurité
sociale, article par article, avec l'identifiant LEGIARTI de chaque version, ses dates et les
textes qui l'ont créée ou modifiée. Version figée : VERSION ci-dessous.

    make registre-legi            # rapport : ce qui manque ou diffère dans le registre
    make registre-legi ECRIRE=1   # complète le registre (jamais ne remplace) et écrit les rédactions

Le script ne touche jamais à une valeur déjà écrite : une différence est signalée, à vérifier à
la main. Ce qu'il complète est noté dans le champ `verification` de l'article, avec la source.
Avec ECRIRE=1, il écrit aussi :
- data/textes-officiels/<texte>.yml : la rédaction de chaque article dont la page résume la
  version de la base (même `en_vigueur_depuis`), alinéa par alinéa, telle que publiée ; un article
  dont la page résume une autre version n'a pas de rédaction (la page dit « texte non reproduit ») ;
- le champ `historique` d'un article, quand la base le donne entier sans ambiguïté (une version
  créée par un texte, ou une version codifiée puis une modification) et que chaque texte est dans
  le registre (reconnu par son JORFTEXT) ; sinon le rapport dit ce qui manque.
Il n'est pas lancé par `make test` (le paquet pèse 12 Mo) ; il lit le paquet déjà téléchargé, et
le build ne lit que les fichiers YAML qu'il écrit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import yaml

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "hooks"))
from kb.references.grammaire import NUMERO_D_ARTICLE_DE_TEXTE  # noqa: E402  (la grammaire des numéros du site)

VERSION = "2.513.0"  # données LEGI du 27 mars 2026 (code du travail)
PAQUET = f"@socialgouv/legi-data@{VERSION}"
CACHE = RACINE / ".cache" / "legi-data"
SOURCE = f"la base LEGI de la DILA (paquet npm {PAQUET})"
# Date d'entrée en vigueur des codifications : nouveau code du travail (ordonnance n° 2007-329 et
# décret n° 2008-244), code de la sécurité sociale (décret n° 85-1353).
CODIFICATIONS = {"2008-05-01", "1985-12-21"}


def telecharger(cache: Path = CACHE) -> Path:
    """`npm pack` du paquet figé dans .cache/ (une fois), puis extraction ; renvoie package/data."""
    donnees = cache / "package" / "data"
    if donnees.is_dir():
        return donnees
    cache.mkdir(parents=True, exist_ok=True)
    nom = subprocess.run(["npm", "pack", PAQUET, "--silent"], cwd=cache, check=True,
                         capture_output=True, text=True).stdout.strip().splitlines()[-1]
    with tarfile.open(cache / nom) as archive:
        archive.extractall(cache, filter="data")
    return donnees


def _date(ms: int | None) -> str | None:
    return dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).date().isoformat() if ms else None


def articles_du_code(fichier: Path) -> dict[str, dict]:
    """Numéro -> version en vigueur d'un article : id, cid, début, liens (créé / modifié par)."""
    sortie: dict[str, dict] = {}

    def parcourir(noeud: dict) -> None:
        if noeud.get("type") == "article":
            a = noeud["data"]
            en_vigueur = str(a.get("etat") or "").startswith("VIGUEUR")
            if en_vigueur or a.get("num") not in sortie:
                sortie[a["num"]] = {
                    "id": a["id"], "cid": a["cid"], "etat": a["etat"],
                    "debut": _date(a.get("dateDebut")), "fin": _date(a.get("dateFin")),
                    "suivantes": [_date(v.get("dateDebut")) for v in a.get("articleVersions") or []
                                  if (v.get("dateDebut") or 0) >= (a.get("dateFin") or 0)],
                    "liens": [(lien.get("linkType"), " ".join(str(lien.get("textTitle") or "").split()))
                              for lien in a.get("lienModifications") or []],
                    # Pour l'historique : chaque version (début, état) et chaque lien complet.
                    "versions": sorted(((_date(v.get("dateDebut")), v.get("etat"))
                                        for v in a.get("articleVersions") or []), key=lambda v: v[0] or ""),
                    "liens_complets": [lien for lien in a.get("lienModifications") or []],
                    "html": a.get("texteHtml") or "",
                }
        for enfant in noeud.get("children") or []:
            parcourir(enfant)

    parcourir(json.loads(fichier.read_text(encoding="utf-8")))
    return sortie


def alineas(texte_html: str) -> list[str] | None:
    """Les alinéas d'un article, tels que publiés, depuis le HTML de la base LEGI.

    Un alinéa par paragraphe (<p>) ou ligne (<br/>) ; les liens deviennent leur texte. Un article
    qui contient un tableau n'est pas reproduit (None) : il perdrait sa forme.
    """
    if not texte_html.strip() or re.search(r"<table\b", texte_html, re.IGNORECASE):
        return None
    texte = re.sub(r"(?i)<br\s*/?>|</p\s*>|<p\b[^>]*>|</?(?:div|li|ul|ol|blockquote)\b[^>]*>", "\n", texte_html)
    texte = html.unescape(re.sub(r"<[^>]+>", "", texte))
    lignes = [" ".join(ligne.split()) for ligne in texte.split("\n")]
    return [ligne for ligne in lignes if ligne] or None


def _numero_d_article(lien: dict) -> str | None:
    """« 48 » pour « LOI n°2014-856 … - art. 48 » ; rien pour « art. (V) » ou une annexe."""
    numero = str(lien.get("articleNum") or "").strip()
    return numero if re.fullmatch(NUMERO_D_ARTICLE_DE_TEXTE, numero) else None


def historique_de_la_base(version: dict, par_jorftext: dict[str, str], aujourd_hui: str,
                          articles_du_registre: frozenset[str] = frozenset()) -> tuple[dict | None, str]:
    """L'historique d'un article quand la base le donne entier sans ambiguïté, sinon (None, raison).

    Deux formes seulement : une version unique créée par un texte (ou par la codification) ; ou
    une version codifiée (1er mai 2008, 21 décembre 1985) puis une seule modification. Au-delà, la
    base ne dit pas quel texte a fait chaque version ancienne : l'historique reste à vérifier.
    """
    versions = [(debut, etat) for debut, etat in version["versions"] if etat != "MODIFIE_MORT_NE"]
    liens = version["liens_complets"]
    par_type: dict[str, list[dict]] = {}
    for lien in liens:
        genre = {"CREATION": "CREE", "MODIFICATION": "MODIFIE"}.get(lien.get("linkType"), lien.get("linkType"))
        par_type.setdefault(genre, []).append(lien)
    crees, codifs, modifs = par_type.get("CREE", []), par_type.get("CODIFICATION", []), par_type.get("MODIFIE", [])
    if not str(version["etat"]).startswith("VIGUEUR"):
        return None, f"version dans l'état {version['etat']}"
    if len(versions) == 1 and len(crees) == 1 and not modifs:
        etapes = [(crees[0], versions[0][0])]
    elif len(versions) == 1 and not crees and len(codifs) == 1 and not modifs:
        etapes = [(codifs[0], versions[0][0])]
    elif (len(versions) == 2 and versions[0][1] == "MODIFIE" and versions[0][0] in CODIFICATIONS
          and not crees and len(codifs) == 1 and len(modifs) == 1):
        etapes = [(codifs[0], versions[0][0]), (modifs[0], versions[1][0])]
    else:
        return None, (f"{len(versions)} version(s), liens {sorted(par_type)} : la base ne dit pas quel texte a "
                      "fait chaque version")
    evenements = []
    for lien, debut in etapes:
        texte = par_jorftext.get(str(lien.get("textCid")))
        if texte is None:
            titre = " ".join(str(lien.get("textTitle") or "").split())
            return None, f"texte absent du registre : « {titre} » ({lien.get('textCid')}) ; ajoutez-le pour compléter"
        evenement = {"par": texte}
        numero = _numero_d_article(lien) if lien.get("linkType") != "CODIFICATION" else None
        if numero and f"{texte}:{numero}" in articles_du_registre:
            evenement["par"] = f"{texte}:{numero}"  # l'article a sa page dans la base : lien vers elle
        elif numero:
            evenement["article"] = numero
        evenement["le"] = debut
        evenements.append(evenement)
    return {"creation": evenements[0], "modifications": evenements[1:], "lu_le": aujourd_hui,
            "source": SOURCE}, ""


def _yaml_evenement(e: dict) -> str:
    article = f', article: "{e["article"]}"' if "article" in e else ""
    return f"{{par: {e['par']}{article}, le: {e['le']}}}"


def _ecrire_historique(texte: str, num: str, h: dict) -> str:
    """Ajoute `historique` au bloc de l'article (après en_vigueur_depuis) ; cree_par et
    modifie_par passent à null : l'historique les donne."""
    motif = re.compile(rf"(?ms)^  - numero: {re.escape(num)}\n.*?(?=^  - numero: |\Z)")
    bloc = motif.search(texte)
    if bloc is None:
        return texte
    nouveau = re.sub(r"(?m)^(    (?:cree_par|modifie_par):) .*$", r"\g<1> null", bloc.group(0))
    modifications = "".join(f"\n        - {_yaml_evenement(m)}" for m in h["modifications"]) or " []"
    ajout = (f"    historique:\n      creation: {_yaml_evenement(h['creation'])}\n"
             f"      modifications:{modifications}\n      lu_le: {h['lu_le']}\n      source: {h['source']}\n")
    nouveau, n = re.subn(r"(?m)^(    en_vigueur_depuis: .*\n)", lambda m: m.group(1) + ajout, nouveau, count=1)
    if n == 0:
        return texte
    return texte[: bloc.start()] + nouveau + texte[bloc.end():]


def ecrire_redactions(fichier: Path, texte_id: str, titre: str, redactions: list[dict], aujourd_hui: str) -> bool:
    """Écrit data/textes-officiels/<texte>.yml ; garde le fichier (et sa date) si rien n'a changé."""
    if fichier.is_file():
        ancien = yaml.safe_load(fichier.read_text(encoding="utf-8")) or {}
        if [{**a, "en_vigueur_depuis": str(a["en_vigueur_depuis"])} for a in ancien.get("articles") or []] == redactions:
            return False
    lignes = [f"# Rédactions officielles des articles du {titre} dont la page résume la version de la base LEGI.",
              "# Écrit par `make registre-legi ECRIRE=1` (scripts/registre_legi.py) : ne pas modifier à la main.",
              "# Voir CONTRIBUTING.md, « Mettre à jour les rédactions officielles ».",
              f"texte: {texte_id}", f"source: {SOURCE}", f"lu_le: {aujourd_hui}", "articles:"]
    for r in redactions:
        lignes += [f"  - numero: {r['numero']}", f"    legiarti: {r['legiarti']}",
                   f"    en_vigueur_depuis: {r['en_vigueur_depuis']}", "    alineas:"]
        lignes += [f"      - {json.dumps(alinea, ensure_ascii=False)}" for alinea in r["alineas"]]
    contenu = "\n".join(lignes) + "\n"
    yaml.safe_load(contenu)  # jamais un fichier illisible
    fichier.parent.mkdir(parents=True, exist_ok=True)
    fichier.write_text(contenu, encoding="utf-8")
    return True


def comparer(donnees: Path, ecrire: bool, aujourd_hui: str,
             dossier_textes: Path = RACINE / "data" / "textes",
             dossier_redactions: Path | None = None) -> list[str]:
    """Rapport ligne par ligne ; avec `ecrire`, complète les fichiers du registre et écrit les
    rédactions officielles (dans `dossier_redactions`, par défaut data/textes-officiels/ à côté)."""
    rapport: list[str] = []
    dossier_redactions = dossier_redactions or dossier_textes.parent / "textes-officiels"
    par_jorftext, articles_du_registre = {}, set()
    for fichier in sorted(dossier_textes.glob("*.yml")):
        lu = yaml.safe_load(fichier.read_text(encoding="utf-8")) or {}
        jorftext = (lu.get("identifiants") or {}).get("jorftext")
        if jorftext:
            par_jorftext[jorftext] = fichier.stem
        articles_du_registre |= {f"{fichier.stem}:{a['numero']}" for a in lu.get("articles") or []}
    for fichier in sorted(dossier_textes.glob("*.yml")):
        texte_yaml = fichier.read_text(encoding="utf-8")
        registre = yaml.safe_load(texte_yaml)
        legitext = (registre.get("identifiants") or {}).get("legitext")
        source = donnees / f"{legitext}.json"
        if not legitext or not source.is_file():
            continue
        legi = articles_du_code(source)
        nouveau = texte_yaml
        redactions: list[dict] = []
        for article in registre.get("articles") or []:
            num = article["numero"]
            lieu = f"{fichier.name} {num}"
            version = legi.get(num)
            if version is None:
                rapport.append(f"{lieu} : absent de la base LEGI (numéro faux ou hors copie)")
                continue
            # La rédaction, seulement si la page résume la version de la base.
            resume = str(article.get("en_vigueur_depuis") or "")
            if resume and resume == version["debut"] and str(version["etat"]).startswith(("VIGUEUR", "ABROGE_DIFF")):
                texte_publie = alineas(version["html"])
                if texte_publie:
                    redactions.append({"numero": num, "legiarti": version["id"], "en_vigueur_depuis": resume,
                                       "alineas": texte_publie})
                else:
                    rapport.append(f"{lieu} : rédaction non reproduite (texte vide ou tableau dans la base)")
            else:
                rapport.append(f"{lieu} : rédaction non reproduite : la page résume la version du {resume or '?'}, "
                               f"la base a celle du {version['debut']} (état {version['etat']})")
            # L'historique, seulement s'il manque et que la base le donne entier.
            if resume == version["debut"]:
                h, raison = historique_de_la_base(version, par_jorftext, aujourd_hui, frozenset(articles_du_registre))
                if article.get("historique"):
                    if h and (article["historique"].get("creation"), article["historique"].get("modifications")) != (
                            _en_texte(h["creation"]), [_en_texte(m) for m in h["modifications"]]):
                        rapport.append(f"{lieu} : historique du registre ≠ base LEGI {h['creation']} {h['modifications']}")
                elif h is None:
                    rapport.append(f"{lieu} : historique non complété ({raison})")
                else:
                    rapport.append(f"{lieu} : historique complété")
                    if ecrire:
                        nouveau = _ecrire_historique(nouveau, num, h)
            if not str(version["etat"]).startswith("VIGUEUR"):
                suite = (f" ; la base annonce une nouvelle version le {version['suivantes'][0]}, dont elle "
                         "n'a pas le texte" if version["suivantes"] else " ; aucune version suivante annoncée")
                rapport.append(f"{lieu} : version du {version['debut']} en vigueur jusqu'au {version['fin']} "
                               f"(état {version['etat']} dans la base LEGI){suite} ; rien n'est complété")
                continue
            a_ecrire = {}
            if article.get("legiarti") is None:
                a_ecrire["legiarti"] = version["id"]
            elif article["legiarti"] not in (version["id"], version["cid"]):
                rapport.append(f"{lieu} : legiarti {article['legiarti']} ≠ LEGI {version['id']} (cid {version['cid']})")
            if article.get("en_vigueur_depuis") is None and version["debut"]:
                a_ecrire["en_vigueur_depuis"] = version["debut"]
            elif version["debut"] and str(article.get("en_vigueur_depuis")) != version["debut"]:
                rapport.append(f"{lieu} : en vigueur depuis {article['en_vigueur_depuis']} ≠ LEGI {version['debut']} "
                               "(version plus récente ?)")
            if not a_ecrire:
                continue
            liens = "; ".join(f"{t.lower()} : {titre}" for t, titre in version["liens"]) or "aucun lien"
            note = (f" Confirmé le {aujourd_hui} dans la base LEGI de la DILA (paquet npm {PAQUET}) : version en"
                    f" vigueur {version['id']} (identifiant pérenne {version['cid']}), en vigueur depuis le"
                    f" {version['debut']} ; {liens}.")
            rapport.append(f"{lieu} : complété {a_ecrire}")
            if ecrire:
                nouveau = _completer(nouveau, num, a_ecrire, note)
        if ecrire and nouveau != texte_yaml:
            yaml.safe_load(nouveau)  # jamais un fichier illisible
            fichier.write_text(nouveau, encoding="utf-8")
        if ecrire and ecrire_redactions(dossier_redactions / fichier.name, registre["id"],
                                        registre.get("titre_court") or registre["id"], redactions, aujourd_hui):
            rapport.append(f"{dossier_redactions.name}/{fichier.name} : {len(redactions)} rédaction(s) écrite(s)")
    return rapport


def _en_texte(evenement: dict) -> dict:
    """Un événement comme le relit yaml.safe_load (dates en objets date) : pour comparer."""
    return {cle: (dt.date.fromisoformat(valeur) if cle == "le" else valeur) for cle, valeur in evenement.items()}


def _completer(texte: str, num: str, valeurs: dict[str, str], note: str) -> str:
    """Remplace les `null` des champs donnés dans le bloc de l'article et ajoute la note."""
    motif = re.compile(rf"(?ms)^  - numero: {re.escape(num)}\n.*?(?=^  - numero: |\Z)")
    bloc = motif.search(texte)
    if bloc is None:
        return texte
    nouveau = bloc.group(0)
    for champ, valeur in valeurs.items():
        nouveau = re.sub(rf"(?m)^(    {champ}:) null\b", rf"\g<1> {valeur}", nouveau, count=1)
    nouveau = _ajouter_a_la_verification(nouveau, note)
    return texte[: bloc.start()] + nouveau + texte[bloc.end():]


def _ajouter_a_la_verification(bloc: str, note: str) -> str:
    """Ajoute `note` à la fin du champ `verification` (bloc « >- » ou valeur sur une ligne)."""
    lignes = bloc.rstrip("\n").split("\n")
    debut = next(i for i, ligne in enumerate(lignes) if ligne.startswith("    verification:"))
    fin = debut + 1
    while fin < len(lignes) and lignes[fin].startswith("      "):
        fin += 1
    if lignes[debut].rstrip().endswith((">-", ">", "|", "|-")):
        lignes.insert(fin, "      " + note.strip())
    else:
        lignes[debut] = lignes[debut].rstrip() + note
    return "\n".join(lignes) + "\n" + ("\n" if bloc.endswith("\n\n") else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecrire", action="store_true", help="compléter les valeurs manquantes du registre")
    parser.add_argument("--donnees", type=Path, help="dossier package/data déjà extrait (sinon : npm pack)")
    args = parser.parse_args(argv)
    donnees = args.donnees or telecharger()
    for ligne in comparer(donnees, args.ecrire, dt.date.today().isoformat()):
        print(ligne)
    return 0


if __name__ == "__main__":
    sys.exit(main())
