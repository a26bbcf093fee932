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

    def __init__(self, message: str, ligne: int | None, correction: str | None = None,
                 reparee: str | None = None) -> None:
        super().__init__(message)
        self.ligne = ligne
        self.correction = correction
        # Délimiteur cassé : la source avec le délimiteur réparé (voir delimiteurs_repares).
        self.reparee = reparee


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


# Un délimiteur mal tapé : « -- », « ---- », « - - - », tirets longs.
_DELIMITEUR_FAUTIF = re.compile(r"^(?:-{1,2}|-{4,}|(?:- ?){2,}-|[—–]+)[ \t]*\r?$", re.MULTILINE)
# Une ligne qui a l'air d'un champ d'en-tête (« title: … », « audience: »).
_CHAMP = re.compile(r"^[A-Za-z_][\w-]*:(?:[ \t]|$)")
_CORRECTION_DELIMITEURS = ("l'en-tête commence à la ligne 1 par une ligne de trois tirets « --- » et se termine, "
                           "après son dernier champ, par une seconde ligne « --- », seule sur sa ligne.")


def _numero_de_ligne(texte: str, index: int) -> int:
    return texte.count("\n", 0, index) + 1


def _delimiteurs(texte: str) -> tuple[int, int] | None:
    """Début et fin du YAML de l'en-tête (None sans en-tête) ; EnteteIllisible si ses lignes « --- »
    sont cassées (absente, en trop, « -- »), à la ligne de la faute."""
    debut = _DEBUT.match(texte)
    if not debut:
        premiere = texte.lstrip("\ufeff").split("\n", 1)
        if len(premiere) == 2 and _DELIMITEUR_FAUTIF.match(premiere[0]) and _CHAMP.match(premiere[1]):
            raise EnteteIllisible(f"la première ligne « {premiere[0].strip()} » devrait ouvrir l'en-tête", 1,
                                  "écrivez exactement trois tirets « --- » ; " + _CORRECTION_DELIMITEURS,
                                  "---\n" + premiere[1])
        return None
    fin = _FIN.search(texte, debut.end())
    if not fin:
        fautif = _DELIMITEUR_FAUTIF.search(texte, debut.end())
        if fautif:
            raise EnteteIllisible(f"la ligne « {fautif.group(0).strip()} » devrait fermer l'en-tête",
                                  _numero_de_ligne(texte, fautif.start()),
                                  "écrivez exactement trois tirets « --- » ; " + _CORRECTION_DELIMITEURS,
                                  texte[:fautif.start()] + "---" + texte[fautif.end():])
        # La fin attendue : la première ligne qui n'est plus un champ (ligne vide, titre « # »).
        attendue = re.compile(r"^(?:[ \t]*\r?$|#)", re.MULTILINE).search(texte, debut.end())
        ligne = _numero_de_ligne(texte, attendue.start()) if attendue else 1
        raise EnteteIllisible("l'en-tête ouvert par « --- » à la ligne 1 ne se ferme jamais", ligne,
                              f"ajoutez une ligne « --- » après le dernier champ de l'en-tête (avant la ligne "
                              f"{ligne}) ; " + _CORRECTION_DELIMITEURS,
                              texte[:attendue.start()] + "---\n" + texte[attendue.start():] if attendue else None)
    _delimiteur_en_trop(texte, fin)
    return debut.end(), fin.start()


def lire_entete(texte: str) -> Entete:
    """Analyse l'en-tête d'une page Markdown ; lève EnteteIllisible si le YAML est faux ou si ses
    lignes « --- » sont cassées (absente, en trop, « -- »), à la ligne de la faute."""
    bornes = _delimiteurs(texte)
    if bornes is None:
        return Entete()
    # Ligne 1 = « --- » ; les marques YAML commencent à 0 : le bloc commence ligne 2.
    return lire_yaml(texte[bornes[0]:bornes[1]], premiere_ligne=2, objet="l'en-tête")


def _delimiteur_en_trop(texte: str, fin: re.Match[str]) -> None:
    """Une ligne « --- » en trop ferme l'en-tête trop tôt : les champs qui la suivent, jusqu'à une
    autre ligne « --- », deviendraient du texte de la page (et l'en-tête perdrait ces champs)."""
    suite = _FIN.search(texte, fin.end())
    if not suite:
        return
    lignes = [ligne for ligne in texte[fin.end():suite.start()].splitlines() if ligne.strip()]
    if lignes and _CHAMP.match(lignes[0]) and all(
            _CHAMP.match(ligne) or ligne[:1] in " \t" or ligne.startswith("- ") for ligne in lignes):
        raise EnteteIllisible("ligne « --- » en trop : elle ferme l'en-tête avant ses derniers champs",
                              _numero_de_ligne(texte, fin.start()),
                              "supprimez cette ligne ; " + _CORRECTION_DELIMITEURS,
                              texte[:fin.start()] + texte[fin.end():].removeprefix("\n"))


def delimiteurs_repares(texte: str) -> str | None:
    """La source d'une page dont une ligne « --- » de l'en-tête est cassée (absente, en trop, « -- »),
    ce délimiteur réparé ; None si les délimiteurs sont bons.

    Sans cette réparation, MkDocs lirait les champs de l'en-tête comme du texte de la page, et les
    autres vérifications (citations, liens) s'en plaindraient aussi ; la faute elle-même reste
    signalée (KB100) par la vérification de l'en-tête, qui relit le fichier.
    """
    try:
        _delimiteurs(texte)
    except EnteteIllisible as e:
        return e.reparee
    return None


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
        tabulation = _TABULATION.search(texte)
        if tabulation:  # l'erreur de YAML la plus courante, et la moins lisible
            raise EnteteIllisible("tabulation dans le retrait d'une ligne : YAML n'accepte que des espaces",
                                  _numero_de_ligne(texte, tabulation.start()) + premiere_ligne - 1,
                                  "remplacez la tabulation par des espaces (deux par niveau de retrait, comme les "
                                  "lignes voisines) ; réglez votre éditeur pour qu'il insère des espaces.") from erreur
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


_TABULATION = re.compile(r"^[ ]*\t", re.MULTILINE)
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
            if sous in lignes:  # YAML garderait la dernière valeur, en silence
                ici = cle.start_mark.line + decalage
                raise EnteteIllisible(f"« {cle.value} » est écrit deux fois (voir aussi la ligne {lignes[sous]})",
                                      ici, f"gardez une seule ligne « {cle.value}: », avec la bonne valeur, et "
                                      "supprimez l'autre.")
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
