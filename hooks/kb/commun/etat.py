"""L'état d'un build complet : ce que les hooks retiennent d'un événement à l'autre.

Un build complet, c'est le build de la langue par défaut (le français) et ceux que
mkdocs-static-i18n lance ensuite, dans le même processus et avec le même objet de configuration,
pour les autres langues. Son état :

- est créé par `hooks/build.py` (`ouvrir_un_build`), premier hook de mkdocs.yml, à son
  `on_pre_build` dans la langue par défaut ; les builds imbriqués des autres langues trouvent
  le même objet sur la configuration et le réutilisent ;
- est rangé sur l'objet de configuration de MkDocs (attribut `kb_etat_du_build`), jamais dans
  une variable de module : deux builds (deux configurations, `mkdocs serve` en charge une
  nouvelle à chaque reconstruction) ne partagent rien ;
- se compose de « parties », une par sujet, chacune une classe que définit le module qui la
  possède (`etat_du_build(config).partie(EtatDuGlossaire)`) : seul ce module la lit et l'écrit ;
- retient les messages déjà signalés (`premiere_fois`) : une page française non traduite passe
  deux fois dans les hooks (sous / et sous /en/), son problème n'est dit qu'une fois.

Une partie peut garder aussi ce qui ne vaut que pour la langue en cours : le hook qui la possède
le remplace alors à chaque langue, dans son propre événement. Les fichiers du build se prennent à
`on_nav`, qui reçoit la collection que verront les pages : pour /en/, mkdocs-static-i18n remplace
celle de `on_files` après le passage des hooks ; gardée depuis `on_files`, elle ferait mener les
liens d'une page servie sous /en/ aux pages françaises.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, TypeVar

ATTRIBUT = "kb_etat_du_build"

Partie = TypeVar("Partie")
Resultat = TypeVar("Resultat")


class EtatDuBuild:
    """L'état d'un build complet (toutes langues), rangé sur l'objet de configuration."""

    def __init__(self) -> None:
        self._parties: dict[type, Any] = {}
        self._signales: set[str] = set()

    def partie(self, classe: type[Partie]) -> Partie:
        """La partie de ce build pour `classe`, créée (sans argument) au premier appel."""
        if classe not in self._parties:
            self._parties[classe] = classe()
        return self._parties[classe]

    def premiere_fois(self, message: str) -> bool:
        """Vrai si le message n'a pas encore été dit pendant ce build complet (le retient)."""
        if message in self._signales:
            return False
        self._signales.add(message)
        return True


class UneFoisParEntree:
    """Base d'une partie qui retient le résultat d'un calcul pour chaque entrée, une fois par build
    complet : une page française non traduite passe deux fois dans les hooks (sous / et sous /en/)
    avec la même entrée (même fichier et même texte, ou même HTML), et son résultat est repris tel
    quel. Chaque module en dérive sa propre partie (`class AncresDesPages(UneFoisParEntree)`)."""

    def __init__(self) -> None:
        self._resultats: dict[Hashable, Any] = {}

    def calculer(self, entree: Hashable, calcul: Callable[[], Resultat]) -> Resultat:
        """Le résultat de `calcul()` pour `entree`, calculé au premier appel seulement."""
        if entree not in self._resultats:
            self._resultats[entree] = calcul()
        return self._resultats[entree]


def ouvrir_un_build(config: Any) -> EtatDuBuild:
    """Un état neuf, rangé sur la configuration : début d'un build complet."""
    etat = EtatDuBuild()
    setattr(config, ATTRIBUT, etat)
    return etat


def etat_du_build(config: Any) -> EtatDuBuild:
    """L'état du build complet en cours (créé s'il n'existe pas encore : tests, premier événement)."""
    etat = getattr(config, ATTRIBUT, None)
    return etat if isinstance(etat, EtatDuBuild) else ouvrir_un_build(config)
