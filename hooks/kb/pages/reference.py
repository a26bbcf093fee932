"""La référence de la page (variable `kb_reference`, `partials/kb-reference.html`) : son adresse
complète et, pour une page d'article, l'article sous sa forme officielle (« art. L. 7331-2 du code
du travail », tirée du registre) ; en-tête des pages imprimées et données du bouton « copier la
référence »."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.projet import registre


def contexte_de_reference(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Ajoute `kb_reference` au contexte des gabarits."""
    ref = page.meta.get("article")
    article = registre(config).articles.get(str(ref)) if ref else None
    context["kb_reference"] = {
        # Adresse publique (site_url), la même quel que soit l'endroit d'où la page est lue.
        "url": page.canonical_url or ((config.site_url or "") + page.url),
        "article": article.citation if article is not None else None,
    }
    return context
