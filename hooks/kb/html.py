"""Retouche des seuls nœuds de texte d'un fragment HTML, hors de zones exclues.

Les hooks (typographie, liens juridiques, glossaire) ne touchent jamais aux balises, aux
attributs ni au texte des éléments exclus (code, liens, titres…).
"""

from __future__ import annotations

import re
from typing import Callable

_BALISE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_NOM_DE_BALISE = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
# Éléments vides : ils n'ont pas de balise fermante.
_VIDES = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed", "track"}


_LANG = re.compile(r"""\slang\s*=\s*["']?([A-Za-z-]+)""")


def transformer_texte(html: str, fonction: Callable[[str], str], exclus: frozenset[str],
                      seulement_langue: str | None = None) -> str:
    """Applique `fonction` à chaque nœud de texte qui n'est dans aucun élément exclu.

    Avec `seulement_langue` (« fr »), seuls les nœuds situés dans un élément déclaré dans cette
    langue (attribut lang="fr…", le plus proche l'emporte) sont retouchés.
    """
    morceaux = _BALISE.split(html)
    profondeur = 0
    langues: list[tuple[str, int, str]] = []  # (élément, niveau d'imbrication de ce nom, langue)
    niveaux: dict[str, int] = {}
    for i, morceau in enumerate(morceaux):
        if i % 2 == 1:
            balise = _NOM_DE_BALISE.match(morceau)
            if not balise:
                continue  # commentaire, doctype
            nom, fermante = balise.group(2).lower(), bool(balise.group(1))
            if nom in _VIDES or morceau.endswith("/>"):
                continue
            if nom in exclus:
                profondeur = max(profondeur + (-1 if fermante else 1), 0)
            if seulement_langue is None:
                continue
            if fermante:
                niveaux[nom] = niveaux.get(nom, 0) - 1
                if langues and langues[-1][0] == nom and langues[-1][1] == niveaux[nom]:
                    langues.pop()
            else:
                if lang := _LANG.search(morceau):
                    langues.append((nom, niveaux.get(nom, 0), lang.group(1).lower()))
                niveaux[nom] = niveaux.get(nom, 0) + 1
        elif profondeur == 0 and morceau.strip():
            if seulement_langue is None or (langues and langues[-1][2].startswith(seulement_langue)):
                morceaux[i] = fonction(morceau)
    return "".join(morceaux)
