"""État qu'un hook accumule page par page, langue après langue, et ne relit qu'à la fin du build.

mkdocs-static-i18n construit chaque langue l'une après l'autre, dans le même processus et avec
les mêmes modules : un dictionnaire nommé ici dure donc tout le build complet. Il sert à
`hooks/recherche.py` (pages vues, par langue, pour ses index).
"""

from __future__ import annotations

from typing import Any

_ETATS: dict[str, dict[str, Any]] = {}


def etat_partage(nom: str) -> dict[str, Any]:
    """Le dictionnaire d'état `nom` (le même objet à chaque appel)."""
    return _ETATS.setdefault(nom, {})
