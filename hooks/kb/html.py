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


def transformer_texte(html: str, fonction: Callable[[str], str], exclus: frozenset[str]) -> str:
    """Applique `fonction` à chaque nœud de texte qui n'est dans aucun élément exclu."""
    morceaux = _BALISE.split(html)
    profondeur = 0
    for i, morceau in enumerate(morceaux):
        if i % 2 == 1:
            balise = _NOM_DE_BALISE.match(morceau)
            if not balise:
                continue  # commentaire, doctype
            nom = balise.group(2).lower()
            if nom in exclus and nom not in _VIDES and not morceau.endswith("/>"):
                profondeur = max(profondeur + (-1 if balise.group(1) else 1), 0)
        elif profondeur == 0 and morceau.strip():
            morceaux[i] = fonction(morceau)
    return "".join(morceaux)
