"""Chemins du projet et données partagées (registre, domaines), lus une fois par build."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.etat import etat_du_build
from kb.references.grammaire import Grammaire, grammaire_du_registre
from kb.references.registre import Registre, charger
from kb.references.textes_officiels import Redaction
from kb.references.textes_officiels import charger as charger_redactions


@dataclass
class DonneesDuProjet:
    """Partie de l'état du build (kb.commun.etat) : les données du dépôt lues et contrôlées une fois par
    build complet, que le build anglais de mkdocs-static-i18n reprend telles quelles."""

    registre: Registre | None = None
    grammaire: Grammaire | None = None
    redactions: dict[str, Redaction] | None = None
    interface: dict[str, dict[str, Any]] | None = None
    # Chemin absolu d'un fichier de page -> son chemin dans le dépôt, pour les messages.
    fichiers_lisibles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Projet:
    racine: Path

    @property
    def donnees(self) -> Path:
        return self.racine / "data"

    def schema(self, nom: str) -> str:
        return str(self.donnees / "schemas" / f"{nom}.schema.json")


def projet(config: MkDocsConfig) -> Projet:
    """Le dépôt est le dossier de mkdocs.yml (jamais le dossier courant)."""
    return Projet(Path(config.config_file_path).resolve().parent)


def fichier_lisible(config: MkDocsConfig, chemin: str) -> str:
    """`kb.commun.diagnostics.chemin_lisible` du fichier d'une page (« docs/cesa/contrat.md »), cherché
    une fois par build complet : métadonnées et sécurité le demandent pour chaque page, dans
    chaque langue."""
    lisibles = etat_du_build(config).partie(DonneesDuProjet).fichiers_lisibles
    if chemin not in lisibles:
        lisibles[chemin] = chemin_lisible(chemin, projet(config).racine)
    return lisibles[chemin]


def registre(config: MkDocsConfig) -> Registre:
    """Le registre des textes, lu et contrôlé une fois par build complet (KB201, KB203)."""
    donnees = etat_du_build(config).partie(DonneesDuProjet)
    if donnees.registre is None:
        p = projet(config)
        fichiers = sorted((p.donnees / "textes").glob("*.yml"))
        signature = tuple((f.name, f.stat().st_mtime_ns) for f in (*fichiers, Path(p.schema("texte"))))
        donnees.registre, problemes = _registre_lu(p.racine, p.schema("texte"), signature)
        for probleme in problemes:
            signaler(config, probleme)
    return donnees.registre


def grammaire(config: MkDocsConfig) -> Grammaire:
    """La grammaire des citations tirée du registre (noms des codes, textes cités par leur date),
    construite une fois par build complet (`kb.references.grammaire`)."""
    donnees = etat_du_build(config).partie(DonneesDuProjet)
    if donnees.grammaire is None:
        donnees.grammaire = grammaire_du_registre(registre(config))
    return donnees.grammaire


@lru_cache(maxsize=4)
def _registre_lu(racine: Path, schema: str, _signature: tuple) -> tuple[Registre, tuple[Probleme, ...]]:
    """Le registre de data/textes et ses problèmes : relu seulement quand un de ses fichiers change
    (leurs dates de modification font partie de la clé ; `mkdocs serve` reconstruit sans le relire)."""
    reg, problemes = charger(racine / "data" / "textes", schema, racine)
    return reg, tuple(problemes)


def textes_officiels(config: MkDocsConfig) -> dict[str, Redaction]:
    """Les rédactions officielles (data/textes-officiels/), lues et contrôlées une fois par build
    complet (KB204) ; {identifiant d'article: rédaction}. Seuls des fichiers YAML sont lus."""
    donnees = etat_du_build(config).partie(DonneesDuProjet)
    if donnees.redactions is None:
        p = projet(config)
        reg = registre(config)
        donnees.redactions, problemes = charger_redactions(p.donnees / "textes-officiels", p.schema("texte-officiel"),
                                                           p.racine, reg)
        for probleme in problemes:
            signaler(config, probleme)
    return donnees.redactions


def textes_de_l_interface(config: MkDocsConfig, langue: str) -> dict[str, Any]:
    """Les textes de l'interface dans `langue` (data/interface.yml, contrôlé par hooks/interface.py),
    ceux du français pour une langue qui n'en a pas."""
    donnees = etat_du_build(config).partie(DonneesDuProjet)
    if donnees.interface is None:
        chemin = projet(config).donnees / "interface.yml"
        donnees.interface = yaml.safe_load(chemin.read_text(encoding="utf-8"))
    return donnees.interface.get(langue) or donnees.interface["fr"]


def domaines_autorises(config: MkDocsConfig) -> frozenset[str]:
    """Domaines des sources permises (data/domaines.yml), toutes catégories confondues."""
    chemin = projet(config).donnees / "domaines.yml"
    return _domaines(str(chemin), chemin.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _domaines(chemin: str, _version: int) -> frozenset[str]:
    """Relu seulement quand le fichier change (la date de modification fait partie de la clé)."""
    donnees = yaml.safe_load(Path(chemin).read_text(encoding="utf-8"))
    return frozenset(d for liste in donnees.values() for d in liste)


def domaine_autorise(url: str, domaines: frozenset[str]) -> bool:
    """www.legifrance.gouv.fr est accepté au titre de legifrance.gouv.fr."""
    hote = (urlsplit(url).hostname or "").lower()
    return any(hote == d or hote.endswith("." + d) for d in domaines)


def langues(config: MkDocsConfig) -> list[str]:
    """Langues construites, celle par défaut en premier (bloc i18n de mkdocs.yml)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    construites = [langue for langue in i18n.config.languages if langue.build]
    return [langue.locale for langue in sorted(construites, key=lambda langue: not langue.default)]


def langues_declarees(config: MkDocsConfig) -> list[str]:
    """Toutes les langues du bloc i18n, construites ou non (`build_only_locale` pour un aperçu
    rapide n'en construit qu'une : une traduction reste valide même si sa langue n'est pas construite)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    return [langue.locale for langue in i18n.config.languages]


def langue_par_defaut(config: MkDocsConfig) -> str:
    return langues(config)[0]


def chemin_relatif(depuis: str, vers: str) -> str:
    """Chemin Markdown relatif entre deux fichiers sources de docs/ (MkDocs le valide et le convertit)."""
    dossier = PurePosixPath(depuis).parent
    return PurePosixPath(*([".."] * len(dossier.parts)), vers).as_posix()


def langue_du_contenu(page: Page, config: MkDocsConfig) -> str:
    """Langue dans laquelle la page est écrite : celle de son fichier (une page française servie
    sous /en/ reste en français), à défaut celle du build en cours."""
    return getattr(page.file, "locale", None) or config.theme["language"]


def est_un_repli(page: Page, config: MkDocsConfig) -> bool:
    """Page d'une autre langue servie dans ce build (copie de repli de mkdocs-static-i18n)."""
    locale = getattr(page.file, "locale", None)
    return locale is not None and locale != config.theme["language"]


def elements_du_menu(elements: Iterable[Any]) -> Iterator[Any]:
    """Chaque élément du menu (sections, pages, liens), dans l'ordre du menu, sections avant
    leur contenu : `elements_du_menu(nav.items)`."""
    for element in elements:
        yield element
        yield from elements_du_menu(getattr(element, "children", None) or [])
