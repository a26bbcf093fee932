"""Hook : typographie française du contenu des pages en français.

Table des événements ; les règles (espaces insécables avant ; : ! ?, dans les guillemets, après
« art. », « n° », « L. », entre un nombre et son unité…) sont dans `kb/typographie/espaces.py`.
Les menus (éléments <nav> : menu principal, table des matières, pied de page précédent/suivant,
en-tête) répètent sur chaque page les titres de toutes les autres ; plutôt que de les corriger
des milliers de fois, on corrige une fois chaque titre à sa source (`kb/typographie/titres.py` :
titre de la page, entrées de sa table des matières, titres des sections du menu), et la passe sur
la page saute les <nav>.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.typographie.espaces import corriger_la_page
from kb.typographie.titres import corriger_les_sections_du_menu, corriger_les_titres_de_la_page


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
    corriger_les_sections_du_menu(nav, config)
    return None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    corriger_les_titres_de_la_page(page, config)
    return None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str | None:
    return corriger_la_page(output, config)
