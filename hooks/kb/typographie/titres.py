"""Les titres corrigés une fois à leur source (sections du menu, titre et table des matières de
chaque page) : les menus (<nav>) les répètent sur chaque page, et la passe sur le HTML les saute."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from kb.commun.projet import elements_du_menu, langue_du_contenu
from kb.typographie.espaces import corriger_texte


def _en_francais(langue: str | None) -> bool:
    return bool(langue) and langue.startswith("fr")


def corriger_les_sections_du_menu(nav: Navigation, config: MkDocsConfig) -> None:
    """Titres des sections du menu (« Textes et articles »…) : ceux du build français."""
    if _en_francais(config.theme["language"]):
        for element in elements_du_menu(nav.items):
            if not element.is_page and element.title:
                element.title = corriger_texte(element.title)


def corriger_les_titres_de_la_page(page: Page, config: MkDocsConfig) -> None:
    """Titre et table des matières d'une page écrite en français (y compris recopiée sous /en/) :
    tous les menus qui les reprennent sont rendus après que chaque page a passé on_page_content."""
    if _en_francais(langue_du_contenu(page, config)):
        if page.title:
            page.title = corriger_texte(page.title)
        if isinstance(page.meta.get("title"), str):  # Material le préfère à page.title (en-tête, <title>)
            page.meta["title"] = corriger_texte(page.meta["title"])
        _corriger_toc(page.toc.items if page.toc else [])


def _corriger_toc(entrees: list[AnchorLink]) -> None:
    for entree in entrees:
        entree.title = corriger_texte(entree.title)
        _corriger_toc(entree.children)
