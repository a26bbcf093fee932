"""Un terme du glossaire : ses champs, l'ancre de sa définition (et l'ancienne) et son texte au survol."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kb.commun.normalisation import Slugify, cle_de_comparaison


@dataclass(frozen=True)
class Terme:
    terme: str
    definition: str
    abreviation: str | None = None
    references: tuple[str, ...] = ()
    synonymes: tuple[str, ...] = ()
    voir: tuple[str, ...] = ()
    formes: tuple[str, ...] = ()  # autres expressions liées à la définition (« fin d'exercice »)


def infobulle(nom: str, terme: Terme) -> str:
    """Texte au survol : « nom : première phrase de la définition. » (sigles et termes)."""
    return nom + " : " + terme.definition.split(". ")[0].rstrip(".") + "."


def ancre(terme: str, slugify: Slugify) -> str:
    """L'ancre de la définition d'un terme : celle que MkDocs donnerait à un titre du même texte
    (option `slugify` de toc dans mkdocs.yml, kb.commun.normalisation.slugify_des_titres) :
    « période d'essai » -> « periode-dessai »."""
    return slugify(terme, "-")


@lru_cache(maxsize=4096)
def ancienne_ancre(terme: str) -> str:
    """L'ancre que le glossaire donnait jusqu'en décembre 2026 (« periode-d-essai »), avant de
    suivre celle des titres. Des liens publiés la visent : la page du glossaire la garde, par un
    <span id> vide dans le titre du terme, quand elle diffère de la nouvelle. Ne pas s'en servir
    pour un nouveau lien."""
    return cle_de_comparaison(terme).replace(" ", "-")
