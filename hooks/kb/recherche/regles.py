"""Les règles de la recherche : data/recherche.yml (mots vides, élisions, équivalences ; KB800) et
synonymes du glossaire, lus une fois par build et écrits pour le navigateur dans
recherche/regles.json avec les motifs des numéros de kb.references.grammaire."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.entete import EnteteIllisible, lire_yaml
from kb.commun.etat import etat_du_build
from kb.commun.normalisation import plier
from kb.commun.projet import langues, projet
from kb.commun.schema import erreurs
from kb.recherche.jetons import motif_de_la_requete
from kb.references.grammaire import motifs_de_la_requete

#: Fichier des règles pour le navigateur, dans le site construit.
FICHIER_REGLES = "recherche/regles.json"


@dataclass(frozen=True)
class Regles:
    """Les règles de data/recherche.yml ; les numéros d'articles, eux, suivent kb.references.grammaire (le
    navigateur reçoit les sources de ces motifs)."""

    mots_vides: frozenset[str]
    elisions: tuple[str, ...]
    equivalences: tuple[tuple[str, ...], ...]

    @property
    def re_article(self) -> re.Pattern[str]:
        return motif_de_la_requete("article")

    @property
    def re_numero(self) -> re.Pattern[str]:
        return motif_de_la_requete("numero")


@dataclass
class EtatDeLaRecherche:
    """Partie de l'état du build (kb.commun.etat) : règles et synonymes, lus une fois par build complet
    (toutes langues) ; une faute n'est dite qu'une fois."""

    charge: bool = False
    regles: Regles | None = None
    synonymes: dict[str, list[list[Any]]] = field(default_factory=dict)


def charger_pour_le_build(config: MkDocsConfig) -> None:
    """Lit les règles et les synonymes du glossaire de chaque langue, une fois par build complet."""
    etat = etat_du_build(config).partie(EtatDeLaRecherche)
    if etat.charge:
        return
    racine = projet(config).racine
    regles, problemes = charger_regles(projet(config).donnees / "recherche.yml", racine)
    for p in problemes:
        signaler(config, p)
    synonymes: dict[str, list[list[Any]]] = {}
    for i, langue in enumerate(langues(config)):
        f = projet(config).donnees / ("glossaire.yml" if i == 0 else f"glossaire.{langue}.yml")
        if f.is_file():
            try:
                entrees = lire_yaml(f.read_text(encoding="utf-8"), objet="le glossaire", racine=list).donnees
            except EnteteIllisible:
                entrees = []  # la faute est signalée par hooks/glossaire.py
            synonymes[langue] = synonymes_du_glossaire(entrees)
    etat.charge, etat.regles, etat.synonymes = True, regles, synonymes


def ecrire_les_regles(config: MkDocsConfig) -> bool:
    """Écrit recherche/regles.json dans le site ; False si les règles sont fautives (KB800 déjà dit)."""
    etat = etat_du_build(config).partie(EtatDeLaRecherche)
    regles = etat.regles
    if regles is None:
        return False
    cible = Path(config.site_dir) / FICHIER_REGLES
    cible.parent.mkdir(parents=True, exist_ok=True)
    contenu = regles_pour_le_navigateur(regles, etat.synonymes)
    cible.write_text(json.dumps(contenu, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def charger_regles(chemin: Path, racine: Path) -> tuple[Regles | None, list[Probleme]]:
    """Lit data/recherche.yml ; renvoie les règles, ou les problèmes (KB800) avec leur ligne."""
    fichier = chemin_lisible(chemin, racine)
    correction = "voir data/schemas/recherche.schema.json et CONTRIBUTING.md#kb800."
    try:
        doc = lire_yaml(chemin.read_text(encoding="utf-8"), objet="les règles de la recherche")
    except EnteteIllisible as e:
        return None, [Probleme("KB800", fichier, f"le fichier n'est pas lisible : {e}.",
                               e.correction or "vérifiez l'indentation (espaces, pas de tabulation) et les "
                               "guillemets.", e.ligne)]
    donnees = doc.donnees
    problemes = [Probleme("KB800", fichier, message, correction, doc.ligne(cle))
                 for cle, message in erreurs(donnees, str(racine / "data/schemas/recherche.schema.json"))]
    if problemes:
        return None, problemes
    vus: dict[str, int] = {}
    for i, groupe in enumerate(donnees.get("equivalences") or []):
        for mot in groupe:
            c = plier(mot)
            if c in vus and vus[c] != i:
                problemes.append(Probleme("KB800", fichier, f"« {mot} » est dans deux groupes d'équivalences.",
                                          "un mot n'appartient qu'à un groupe : fusionnez les deux groupes.",
                                          doc.ligne(("equivalences", i))))
            vus[c] = i
    if problemes:
        return None, problemes
    regles = Regles(
        mots_vides=frozenset(str(donnees["mots_vides"]).split()),
        elisions=tuple(donnees["elisions"]),
        equivalences=tuple(tuple(str(m) for m in g) for g in donnees.get("equivalences") or []),
    )
    return regles, []


def synonymes_du_glossaire(entrees: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
    """[forme courante, [termes officiels]] : « salaire » cherche aussi « rémunération », « part fixe »…

    Dans un seul sens : un mot courant mène au terme officiel, pas l'inverse (une page qui ne dit
    que « salaire » ne passe pas devant celle qui explique la rémunération).
    """
    cibles: dict[str, list[str]] = {}
    for e in entrees or []:
        officiel = str(e["terme"])
        for forme in [e.get("abreviation"), *(e.get("synonymes") or [])]:
            if forme and plier(str(forme)) != plier(officiel):
                cibles.setdefault(str(forme), [])
                if officiel not in cibles[str(forme)]:
                    cibles[str(forme)].append(officiel)
    return [[forme, officiels] for forme, officiels in cibles.items()]


def regles_pour_le_navigateur(regles: Regles, synonymes: Mapping[str, list[list[Any]]]) -> dict[str, Any]:
    """Le contenu de recherche/regles.json : la source unique des règles, pour recherche.js.

    ``synonymes`` : par langue, la sortie de :func:`synonymes_du_glossaire`.
    """
    return {
        "mots_vides": sorted(regles.mots_vides),
        "elisions": list(regles.elisions),
        "numeros": motifs_de_la_requete(),
        "equivalences": [list(g) for g in regles.equivalences],
        "synonymes": dict(synonymes),
    }
