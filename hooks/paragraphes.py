"""Hook : citer un paragraphe et imprimer une page.

Table des événements ; le travail est fait dans `kb/pages/` :
- `on_page_content` : chaque paragraphe, élément de liste et ligne de tableau du contenu reçoit une
  ancre stable et l'attribut `data-kb-ancre` (`kb/pages/paragraphes.py`, règle : `kb/pages/ancres.py`) ;
- `on_page_context` : la variable `kb_reference` des gabarits, adresse complète de la page et, pour
  une page d'article, l'article sous sa forme officielle (`kb/pages/reference.py`).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.pages.paragraphes import ancrer_la_page
from kb.pages.reference import contexte_de_reference


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return ancrer_la_page(html, config)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return contexte_de_reference(context, page, config)
