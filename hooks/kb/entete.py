"""Lecture de l'en-tête YAML (front matter) d'une page, avec les numéros de ligne.

MkDocs ignore en silence un en-tête illisible (la page perd ses métadonnées et affiche le
YAML comme du texte) : on relit donc le fichier source pour signaler l'erreur à sa ligne.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

# L'analyseur en C de libyaml quand il est là (dix fois plus rapide), sinon celui en Python.
_CHARGEUR = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DEBUT = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FIN = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


class EnteteIllisible(ValueError):
    """L'en-tête existe mais n'est pas du YAML valide ; `ligne` est celle du fichier.

    `correction` : ce qu'il faut faire, quand la faute le dit mieux qu'un conseil général.
    """

    def __init__(self, message: str, ligne: int | None, correction: str | None = None) -> None:
        super().__init__(message)
        self.ligne = ligne
        self.correction = correction


@dataclass
class Entete:
    """Les données de l'en-tête et, pour chaque chemin de clés, sa ligne dans le fichier."""

    donnees: Any = field(default_factory=dict)  # dict (en-tête, registre) ou list (glossaire)
    lignes: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    present: bool = False

    def ligne(self, chemin: tuple[str | int, ...] = ()) -> int | None:
        """Ligne la plus précise connue pour ce chemin (ou pour son parent le plus proche)."""
        while chemin:
            if chemin in self.lignes:
                return self.lignes[chemin]
            chemin = chemin[:-1]
        return self.lignes.get((), 1 if self.present else None)


def lire_entete(texte: str) -> Entete:
    """Analyse l'en-tête d'une page Markdown ; lève EnteteIllisible si le YAML est faux."""
    debut = _DEBUT.match(texte)
    if not debut:
        return Entete()
    fin = _FIN.search(texte, debut.end())
    if not fin:
        raise EnteteIllisible("l'en-tête commence par « --- » mais ne se ferme jamais", 1)
    # Ligne 1 = « --- » ; les marques YAML commencent à 0 : le bloc commence ligne 2.
    return lire_yaml(texte[debut.end() : fin.start()], premiere_ligne=2, objet="l'en-tête")


def lire_yaml(texte: str, *, premiere_ligne: int = 1, objet: str = "le fichier",
              racine: type = dict) -> Entete:
    """Analyse un document YAML dont la racine est un dictionnaire (ou une liste), en notant les lignes."""
    chargeur = _CHARGEUR(texte)
    noeud = None
    try:
        noeud = chargeur.get_single_node()
        donnees = chargeur.construct_document(noeud) if noeud is not None else None
    except yaml.YAMLError as erreur:
        marque = getattr(erreur, "problem_mark", None) or getattr(erreur, "context_mark", None)
        ligne = marque.line + premiere_ligne if marque is not None else premiere_ligne
        probleme = getattr(erreur, "problem", None) or str(erreur).splitlines()[0]
        raise EnteteIllisible(f"YAML invalide ({probleme})", ligne) from erreur
    except ValueError as erreur:  # une date qui a la forme AAAA-MM-JJ mais n'existe pas
        fautive = next(iter(dates_impossibles(noeud)), None)
        if fautive is None:
            raise
        raise EnteteIllisible(f"date impossible « {fautive.value} »", fautive.start_mark.line + premiere_ligne,
                              "écrivez une date qui existe, au format AAAA-MM-JJ (mois de 01 à 12, jour "
                              "présent dans le mois).") from erreur
    finally:
        chargeur.dispose()
    if donnees is None:
        donnees = racine()
    if not isinstance(donnees, racine):
        forme = "une suite de champs « clé: valeur »" if racine is dict else "une liste d'entrées « - … »"
        raise EnteteIllisible(f"{objet} doit être {forme}", premiere_ligne)
    lignes: dict[tuple[str | int, ...], int] = {(): premiere_ligne}
    _indexer(noeud, (), lignes, premiere_ligne)
    return Entete(donnees=_dates_en_texte(donnees), lignes=lignes, present=True)


_DATE = "tag:yaml.org,2002:timestamp"
_FORME_DE_DATE = re.compile(r"(?<![\w-])\d{4}-\d{1,2}-\d{1,2}")


def _date_valide(texte: str) -> bool:
    annee, mois, jour = (int(x) for x in texte.split("-"))
    try:
        dt.date(annee, mois, jour)
    except ValueError:
        return False
    return True


def dates_impossibles(noeud: yaml.Node | None) -> list[yaml.ScalarNode]:
    """Les valeurs que YAML lit comme des dates (« 2026-02-30 ») mais qui n'existent pas."""
    fautives: list[yaml.ScalarNode] = []
    pile = [noeud] if noeud is not None else []
    while pile:
        n = pile.pop()
        if isinstance(n, yaml.MappingNode):
            pile.extend(v for paire in n.value for v in paire)
        elif isinstance(n, yaml.SequenceNode):
            pile.extend(n.value)
        elif isinstance(n, yaml.ScalarNode) and n.tag == _DATE:
            try:
                yaml.SafeLoader.construct_yaml_timestamp(yaml.SafeLoader(""), n)
            except ValueError:
                fautives.append(n)
    return sorted(fautives, key=lambda n: n.start_mark.index)


def dates_impossibles_entre_guillemets(source: str) -> str | None:
    """La source d'une page dont l'en-tête contient une date impossible, cette date mise entre
    guillemets ; None si l'en-tête n'en contient pas.

    MkDocs lit l'en-tête avant les hooks et s'arrête sur une telle date (ValueError de PyYAML,
    sans nom de fichier) ; entre guillemets, elle devient un texte, que la vérification de
    l'en-tête refuse ensuite avec la ligne et la correction.
    """
    debut = _DEBUT.match(source)
    fin = _FIN.search(source, debut.end()) if debut else None
    if not debut or not fin:
        return None
    bloc = source[debut.end():fin.start()]
    # Presque toujours, toutes les dates existent : l'arbre YAML n'est construit que sinon.
    if all(_date_valide(d) for d in _FORME_DE_DATE.findall(bloc)):
        return None
    try:
        fautives = dates_impossibles(yaml.compose(bloc, Loader=_CHARGEUR))
    except yaml.YAMLError:
        return None  # YAML illisible : signalé par la vérification de l'en-tête (KB100)
    if not fautives:
        return None
    for n in reversed(fautives):
        bloc = bloc[: n.start_mark.index] + f'"{n.value}"' + bloc[n.end_mark.index:]
    return source[: debut.end()] + bloc + source[fin.start():]


def _indexer(noeud: yaml.Node | None, chemin: tuple[str | int, ...], lignes: dict, decalage: int) -> None:
    """Note la ligne de chaque clé et de chaque élément de liste de l'arbre YAML."""
    if isinstance(noeud, yaml.MappingNode):
        for cle, valeur in noeud.value:
            sous = chemin + (cle.value,)
            lignes[sous] = cle.start_mark.line + decalage
            _indexer(valeur, sous, lignes, decalage)
    elif isinstance(noeud, yaml.SequenceNode):
        for i, element in enumerate(noeud.value):
            sous = chemin + (i,)
            lignes[sous] = element.start_mark.line + decalage
            _indexer(element, sous, lignes, decalage)


def _dates_en_texte(valeur: Any) -> Any:
    """YAML lit « 2026-11-26 » comme une date ; le schéma JSON attend une chaîne ISO."""
    if isinstance(valeur, dict):
        return {cle: _dates_en_texte(v) for cle, v in valeur.items()}
    if isinstance(valeur, list):
        return [_dates_en_texte(v) for v in valeur]
    if isinstance(valeur, (dt.date, dt.datetime)):
        return valeur.isoformat()[:10]
    return valeur
