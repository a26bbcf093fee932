"""Messages d'erreur adressés aux contributeurs : un code, le fichier, la ligne, la correction.

Chaque vérification a un code court (KB101…), documenté dans CONTRIBUTING.md. Les hooks
signalent les problèmes par le journal de MkDocs : en mode strict (`strict: true`), toute
erreur ou tout avertissement fait échouer `mkdocs build` et s'affiche dans `mkdocs serve`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from kb.commun.etat import etat_du_build

log = logging.getLogger("mkdocs.hooks.kb")

# Code -> titre court, repris tel quel dans CONTRIBUTING.md (un test vérifie la concordance).
CODES: Mapping[str, str] = MappingProxyType({
    "KB100": "en-tête YAML illisible",
    "KB101": "en-tête non conforme au schéma",
    "KB102": "sources absentes ou vides",
    "KB103": "adresse de source refusée",
    "KB104": "date de vérification dans le futur",
    "KB105": "date de vérification trop ancienne",
    "KB106": "source inconnue du registre",
    "KB200": "citation d'un article inconnu",
    "KB201": "registre des textes invalide",
    "KB202": "page d'article sans entrée dans le registre",
    "KB203": "historique d'un article invalide",
    "KB204": "rédaction officielle invalide",
    "KB300": "traduction sans page française",
    "KB301": "suffixe de langue inconnu",
    "KB302": "langue sans textes d'interface",
    "KB400": "HTML dangereux dans le Markdown",
    "KB500": "glossaire invalide",
    "KB600": "page absente du menu",
    "KB601": "lien interne cassé",
    "KB602": "ancre inexistante",
    "KB700": "nouveautés invalides",
    "KB800": "règles de la recherche invalides",
})


@dataclass(frozen=True)
class Probleme:
    """Un problème trouvé dans un fichier du dépôt, avec la manière de le corriger."""

    code: str
    fichier: str
    message: str
    correction: str
    ligne: int | None = None

    def __str__(self) -> str:
        lieu = f"{self.fichier}:{self.ligne}" if self.ligne else self.fichier
        return f"{self.code} {lieu} : {self.message} Correction : {self.correction}"


def chemin_lisible(chemin: str | Path, racine: str | Path) -> str:
    """Chemin relatif à la racine du dépôt, avec des « / », pour les messages."""
    try:
        return Path(chemin).resolve().relative_to(Path(racine).resolve()).as_posix()
    except ValueError:
        return Path(chemin).as_posix()


def signaler(config: Any, probleme: Probleme, *, avertissement: bool = False) -> None:
    """Journalise un problème : erreur (le build strict échoue) ou simple avertissement, une seule
    fois par build complet (kb.commun.etat : une page française non traduite passe deux fois).

    L'avertissement passe par le niveau INFO : MkDocs compterait un WARNING comme une erreur
    en mode strict, alors qu'il ne doit que prévenir.
    """
    niveau = logging.INFO if avertissement else logging.ERROR
    affiche = f"AVERTISSEMENT {probleme}" if avertissement else str(probleme)
    if etat_du_build(config).premiere_fois(str(probleme)):
        log.log(niveau, "%s", affiche)
