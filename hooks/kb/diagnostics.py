"""Messages d'erreur adressés aux contributeurs : un code, le fichier, la ligne, la correction.

Chaque vérification a un code court (KB101…), documenté dans CONTRIBUTING.md. Les hooks
signalent les problèmes par le journal de MkDocs : en mode strict (`strict: true`), toute
erreur ou tout avertissement fait échouer `mkdocs build` et s'affiche dans `mkdocs serve`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

log = logging.getLogger("mkdocs.hooks.kb")

# Code -> titre court, repris tel quel dans CONTRIBUTING.md (un test vérifie la concordance).
CODES: dict[str, str] = {
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
    "KB400": "HTML dangereux dans le Markdown",
    "KB500": "glossaire invalide",
    "KB600": "page absente du menu",
    "KB601": "lien interne cassé",
    "KB602": "ancre inexistante",
    "KB700": "nouveautés invalides",
    "KB800": "règles de la recherche invalides",
}


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


# Problèmes déjà journalisés pendant le build complet en cours (toutes langues).
deja_signales: set[str] = set()
# Processus d'une autre langue (hooks/langues_paralleles.py) : fichiers lus aussi par le processus
# principal, et messages sur ces fichiers mis de côté pour lui : [(niveau, texte affiché, clé)].
_signales_ailleurs: list[Callable[[str], bool]] = []
messages_mis_de_cote: list[tuple[int, str, str]] = []
_FICHIER_DU_MESSAGE = re.compile(r"^KB\d{3} (.+?)(?::\d+)? : ")


def signales_ailleurs(fichier_concerne: Callable[[str], bool] | None) -> None:
    """Dans le processus qui construit une autre langue : les messages sur les fichiers que le
    processus principal lit aussi (les pages françaises, servies en repli) lui sont confiés ; il
    n'affiche que ceux qu'il n'a pas trouvés lui-même. None : tout message s'affiche ici."""
    _signales_ailleurs[:] = [fichier_concerne] if fichier_concerne else []
    messages_mis_de_cote.clear()


def premiere_fois(message: str, fichier: str | None = None, *, niveau: int = logging.ERROR,
                  affiche: str | None = None) -> bool:
    """Vrai si le message est à afficher ici : pas encore dit pendant ce build complet, et pas sur
    un fichier dont un autre processus signale les problèmes (il est alors mis de côté pour lui,
    avec son niveau et son texte affiché `affiche`). `fichier` : lu au début du message
    (« KB601 docs/index.md:12 : … ») s'il n'est pas donné."""
    if message in deja_signales:
        return False
    if fichier is None and (m := _FICHIER_DU_MESSAGE.match(message)):
        fichier = m.group(1)
    deja_signales.add(message)
    if fichier is not None and any(f(fichier) for f in _signales_ailleurs):
        messages_mis_de_cote.append((niveau, affiche or message, message))
        return False
    return True


def reprendre_les_messages(messages: list[tuple[int, str, str]]) -> int:
    """Processus principal : affiche les messages confiés par un autre processus qu'il n'a pas
    déjà affichés lui-même (une ancre absente de la seule traduction, par exemple). Renvoie leur
    nombre ; en mode strict, un avertissement ou une erreur ainsi affiché fait échouer le build."""
    nombre = 0
    for niveau, affiche, cle in messages:
        if cle not in deja_signales:
            deja_signales.add(cle)
            log.log(niveau, "%s", affiche)
            nombre += 1
    return nombre


_caches_du_build: list[dict] = []


def nouveau_build() -> None:
    """Début d'un build complet : chaque problème sera de nouveau signalé, une fois."""
    deja_signales.clear()
    for cache in _caches_du_build:
        cache.clear()


def cache_du_build() -> dict:
    """Un dictionnaire vidé au début de chaque build complet (toutes langues).

    Pour ce qui ne dépend que des fichiers du dépôt : calculé pendant le build français, il sert
    tel quel au build anglais de mkdocs-static-i18n, et `mkdocs serve` le recalcule à chaque
    reconstruction.
    """
    cache: dict = {}
    _caches_du_build.append(cache)
    return cache


def signaler(probleme: Probleme, *, avertissement: bool = False) -> None:
    """Journalise un problème : erreur (le build strict échoue) ou simple avertissement.

    L'avertissement passe par le niveau INFO : MkDocs compterait un WARNING comme une erreur
    en mode strict, alors qu'il ne doit que prévenir.
    """
    niveau = logging.INFO if avertissement else logging.ERROR
    affiche = f"AVERTISSEMENT {probleme}" if avertissement else str(probleme)
    if premiere_fois(str(probleme), probleme.fichier, niveau=niveau, affiche=affiche):
        log.log(niveau, "%s", affiche)
    # sinon : déjà dit pendant le build d'une autre langue, ou confié au processus principal
