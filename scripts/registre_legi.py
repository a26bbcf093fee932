"""Compare le registre (data/textes/) à une copie de la base LEGI de Légifrance.

La copie est le paquet npm @socialgouv/legi-data (données publiques de la DILA, publiées par
la Fabrique numérique des ministères sociaux) : le code du travail et le code de la sécurité
sociale, article par article, avec l'identifiant LEGIARTI de chaque version, ses dates et les
textes qui l'ont créée ou modifiée. Version figée : VERSION ci-dessous.

    make registre-legi            # rapport : ce qui manque ou diffère dans le registre
    make registre-legi ECRIRE=1   # complète les identifiants et dates manquants (jamais ne remplace)

Le script ne touche jamais à une valeur déjà écrite : une différence est signalée, à vérifier à
la main. Ce qu'il complète est noté dans le champ `verification` de l'article, avec la source.
Il n'est pas lancé par `make test` (le paquet pèse 12 Mo) ; il lit le paquet déjà téléchargé.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import yaml

RACINE = Path(__file__).resolve().parents[1]
VERSION = "2.513.0"  # données LEGI du 27 mars 2026 (code du travail)
PAQUET = f"@socialgouv/legi-data@{VERSION}"
CACHE = RACINE / ".cache" / "legi-data"


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
                }
        for enfant in noeud.get("children") or []:
            parcourir(enfant)

    parcourir(json.loads(fichier.read_text(encoding="utf-8")))
    return sortie


def comparer(donnees: Path, ecrire: bool, aujourd_hui: str,
             dossier_textes: Path = RACINE / "data" / "textes") -> list[str]:
    """Rapport ligne par ligne ; avec `ecrire`, complète les fichiers du registre."""
    rapport: list[str] = []
    for fichier in sorted(dossier_textes.glob("*.yml")):
        texte_yaml = fichier.read_text(encoding="utf-8")
        registre = yaml.safe_load(texte_yaml)
        legitext = (registre.get("identifiants") or {}).get("legitext")
        source = donnees / f"{legitext}.json"
        if not legitext or not source.is_file():
            continue
        legi = articles_du_code(source)
        nouveau = texte_yaml
        for article in registre.get("articles") or []:
            num = article["numero"]
            lieu = f"{fichier.name} {num}"
            version = legi.get(num)
            if version is None:
                rapport.append(f"{lieu} : absent de la base LEGI (numéro faux ou hors copie)")
                continue
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
    return rapport


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
