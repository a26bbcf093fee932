"""Hook : valide l'en-tête de chaque page pendant le build et prépare ses sources.

Table des événements ; le travail est fait dans `kb/pages/` : la source rendue lisible à MkDocs
(`kb/pages/source.py`), l'en-tête validé et les sources `ref:` résolues dans le registre
(`kb/pages/metadonnees.py`). Les erreurs (KB100 à KB106) nomment le fichier, la ligne et la
correction ; `mkdocs serve` les affiche comme la CI.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.pages.metadonnees import verifier_la_page
from kb.pages.source import source_lisible


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return source_lisible(page)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    verifier_la_page(page, config)
    return None
