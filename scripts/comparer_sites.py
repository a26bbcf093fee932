"""Compare deux sites construits, page par page, au blanc près et hors dates.

    .venv/bin/python scripts/comparer_sites.py /tmp/site-avant /tmp/site-apres

Sert à vérifier qu'un changement du code de build (hooks, gabarits) ne change pas le site :
construire avant et après sur le même contenu, puis comparer. Pour chaque fichier :

- présent d'un seul côté : signalé ;
- HTML, XML, JSON, texte : comparé après normalisation — chaque suite de blancs (espaces, fins de
  ligne, retraits) réduite à une espace (un gabarit déplacé change les retraits, pas ce que voit le
  lecteur), et les dates du build retirées : date de dernière mise à jour (plugin git, AAAA-MM-JJ
  dans `<time>` et dans le texte), `<lastmod>` du sitemap, date en toutes lettres de « Mis à jour
  le », et la balise `<meta name="generator">` (nom et version du moteur) ; une espace laissée entre deux balises (`> <`) compte, sauf option --entre-balises ;
- JSON : les clés de chaque objet d'abord triées (leur ordre n'a pas de sens ; Pagefind écrit
  celles de pagefind-entry.json dans un ordre qui change d'un build à l'autre) ;
- autres fichiers (images, polices) : comparés octet pour octet.

Sortie : la liste des fichiers différents, avec le premier écart de chacun (contexte autour) ;
code de retour 0 si les deux sites sont identiques ainsi normalisés, 1 sinon.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

TEXTE = {".html", ".xml", ".json", ".txt", ".js", ".css", ".svg", ".webmanifest"}
_BLANCS = re.compile(r"\s+")
_ENTRE_BALISES = re.compile(r"> <")
_DATES = [
    # Nom et version du moteur (mkdocs 1.6.1, ProperDocs 1.6.7…) : invisible, change à chaque montée.
    re.compile(r'<meta name="generator" content="[^"]*">'),
    re.compile(r"<lastmod>[^<]*</lastmod>"),
    re.compile(r"\b20\d\d-\d\d-\d\d(?:[T ][0-9:.+\-Z]+)?\b"),
    re.compile(r"\b(?:1er|\d{1,2}) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
               r"novembre|décembre) 20\d\d\b"),
    re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December) "
               r"\d{1,2}, 20\d\d\b"),
]


def normaliser(texte: str, entre_balises: bool = False) -> str:
    for motif in _DATES:
        texte = motif.sub("<date>", texte)
    texte = _BLANCS.sub(" ", texte)
    if entre_balises:
        texte = _ENTRE_BALISES.sub("><", texte)
    return texte.strip()


def fichiers(dossier: Path) -> dict[str, Path]:
    return {p.relative_to(dossier).as_posix(): p for p in dossier.rglob("*") if p.is_file()}


def premier_ecart(a: str, b: str, contexte: int = 120) -> str:
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    debut = max(i - contexte, 0)
    return f"    avant : …{a[debut:i + contexte]}…\n    après : …{b[debut:i + contexte]}…"


def _cles_triees(chemin: Path, texte: str) -> str:
    """Un JSON réécrit avec les clés de ses objets triées ; tout autre texte tel quel."""
    if chemin.suffix != ".json":
        return texte
    try:
        return json.dumps(json.loads(texte), ensure_ascii=False, sort_keys=True)
    except ValueError:
        return texte


def comparer(avant: Path, apres: Path, entre_balises: bool = False) -> list[str]:
    """Les écarts (un texte par fichier), vide si les sites sont identiques une fois normalisés."""
    a, b = fichiers(avant), fichiers(apres)
    ecarts = [f"{nom} : seulement avant" for nom in sorted(set(a) - set(b))]
    ecarts += [f"{nom} : seulement après" for nom in sorted(set(b) - set(a))]
    for nom in sorted(set(a) & set(b)):
        octets_a, octets_b = a[nom].read_bytes(), b[nom].read_bytes()
        if octets_a == octets_b:
            continue
        if a[nom].suffix not in TEXTE:
            ecarts.append(f"{nom} : contenu binaire différent")
            continue
        texte_a = normaliser(_cles_triees(a[nom], octets_a.decode("utf-8")), entre_balises)
        texte_b = normaliser(_cles_triees(b[nom], octets_b.decode("utf-8")), entre_balises)
        if texte_a != texte_b:
            ecarts.append(f"{nom} :\n{premier_ecart(texte_a, texte_b)}")
    return ecarts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("avant", type=Path)
    parser.add_argument("apres", type=Path)
    parser.add_argument("--entre-balises", action="store_true",
                        help="ignorer aussi une espace seule entre deux balises (« > < »)")
    args = parser.parse_args(argv)
    ecarts = comparer(args.avant, args.apres, args.entre_balises)
    nombre = len(fichiers(args.avant))
    for ecart in ecarts:
        print(ecart)
    print(f"{len(ecarts)} fichier(s) différent(s) sur {nombre}.")
    return 1 if ecarts else 0


if __name__ == "__main__":
    sys.exit(main())
