"""Hook : citer un paragraphe et imprimer une page.

- `on_page_content` : chaque paragraphe, élément de liste et ligne de tableau du contenu reçoit une
  ancre stable (règle : `kb/pages/ancres.py`, CONTRIBUTING.md « Citer un paragraphe ») et l'attribut
  `data-kb-ancre`, que lit `overrides/assets/javascripts/outils-lecteur.js` pour y placer le bouton
  « copier la référence » ;
- `on_page_context` : la variable `kb_reference` des gabarits (`partials/kb-reference.html`) :
  adresse complète de la page et, pour une page d'article, l'article sous sa forme officielle
  (« art. L. 7331-2 du code du travail », tirée du registre par `kb.references.citations`). Ce bloc sert
  d'en-tête aux pages imprimées et de données au bouton.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.pages.ancres import ancrer_html
from kb.commun.etat import UneFoisParEntree, etat_du_build
from kb.commun.normalisation import elisions
from kb.commun.projet import projet, registre


class AncresDesPages(UneFoisParEntree):
    """Partie de l'état du build (kb.commun.etat) : (HTML du contenu d'une page, élisions) -> le même HTML,
    ancré ; calculé une fois pour une page rendue sous / et sous /en/ avec le même HTML."""


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # Les élisions retirées des clés : celles de la recherche (data/recherche.yml).
    entree = (html, elisions(projet(config).racine))
    return etat_du_build(config).partie(AncresDesPages).calculer(entree, lambda: ancrer_html(*entree))


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    ref = page.meta.get("article")
    article = registre(config).articles.get(str(ref)) if ref else None
    context["kb_reference"] = {
        # Adresse publique (site_url), la même quel que soit l'endroit d'où la page est lue.
        "url": page.canonical_url or ((config.site_url or "") + page.url),
        "article": article.citation if article is not None else None,
    }
    return context
