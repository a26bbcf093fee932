"""État que des hooks accumulent page par page et ne relisent qu'à la fin du build complet.

mkdocs-static-i18n construit chaque langue l'une après l'autre dans le même processus ; avec
`hooks/langues_paralleles.py`, les langues autres que le français sont construites dans un
processus à part, qui renvoie cet état au processus principal avant la fin du build. Les valeurs
doivent donc être des données simples (chaînes, nombres, booléens, tuples, listes, dictionnaires) :
elles passent d'un processus à l'autre par pickle.
"""

from __future__ import annotations

from typing import Any

_ETATS: dict[str, dict[str, Any]] = {}


def etat_partage(nom: str) -> dict[str, Any]:
    """Le dictionnaire d'état `nom` (le même objet à chaque appel, dans un processus)."""
    return _ETATS.setdefault(nom, {})


def exporter() -> dict[str, dict[str, Any]]:
    """Copie de tous les états, à envoyer au processus principal."""
    return {nom: dict(etat) for nom, etat in _ETATS.items()}


def reprendre(etats: dict[str, dict[str, Any]]) -> None:
    """Ajoute à chaque état ce qu'un autre processus y a mis (ses clés l'emportent)."""
    for nom, etat in etats.items():
        etat_partage(nom).update(etat)
