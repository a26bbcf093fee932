"""Les rétroliens : quelles pages citent chaque texte et chaque article, et les fichiers de la
langue en cours ; partie de l'état du build que remplit la liaison des citations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kb.commun.etat import etat_du_build


@dataclass
class EtatDesReferences:
    """Partie de l'état du build (kb.commun.etat). Pour la langue en cours : rétroliens (référence ->
    {fichier source: page qui la cite}, remis à zéro à chaque on_files) et fichiers du site, que
    on_page_context ne reçoit pas de MkDocs (pris à chaque on_nav, voir kb.commun.etat). Pour tout le build : la page de chaque article déjà
    cherchée dans une collection de fichiers (la dernière vue)."""

    cite_dans: dict[str, dict[str, Page]] = field(default_factory=lambda: defaultdict(dict))
    fichiers: Files = field(default_factory=lambda: Files([]))
    _collection: Files | None = None
    _pages_des_articles: dict[str, File | None] = field(default_factory=dict)

    def fichier_de_l_article(self, files: Files, chemin: str) -> File | None:
        """files.get_file_from_path, retenu pour cette collection de fichiers (celle de
        mkdocs-static-i18n parcourt les fichiers ; une page cite souvent le même article)."""
        if self._collection is not files:
            self._collection, self._pages_des_articles = files, {}
        if chemin not in self._pages_des_articles:
            self._pages_des_articles[chemin] = files.get_file_from_path(chemin)
        return self._pages_des_articles[chemin]


def etat_des_references(config: MkDocsConfig) -> EtatDesReferences:
    """La partie des références dans l'état du build en cours."""
    return etat_du_build(config).partie(EtatDesReferences)


def nouvelle_langue(config: MkDocsConfig) -> None:
    """Au début de chaque langue (on_files) : les rétroliens repartent de zéro."""
    etat_des_references(config).cite_dans = defaultdict(dict)


def retenir_les_fichiers(config: MkDocsConfig, files: Files) -> None:
    """À chaque on_nav : la collection de fichiers que verront les pages (kb.commun.etat)."""
    etat_des_references(config).fichiers = files
