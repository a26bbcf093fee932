"""Les ancres stables des paragraphes dans le HTML de chaque page (règle : `kb/pages/ancres.py`,
CONTRIBUTING.md « Citer un paragraphe »), avec l'attribut `data-kb-ancre` que lit
`overrides/assets/javascripts/outils-lecteur.js` pour y placer le bouton « copier la référence »."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.etat import UneFoisParEntree, etat_du_build
from kb.commun.normalisation import elisions
from kb.commun.projet import projet
from kb.pages.ancres import ancrer_html


class AncresDesPages(UneFoisParEntree):
    """Partie de l'état du build (kb.commun.etat) : (HTML du contenu d'une page, élisions) -> le même HTML,
    ancré ; calculé une fois pour une page rendue sous / et sous /en/ avec le même HTML. Les élisions
    sont lues une fois par build, à la première page."""

    def __init__(self) -> None:
        super().__init__()
        self.elisions: tuple[str, ...] | None = None


def ancrer_la_page(html: str, config: MkDocsConfig) -> str:
    """Le HTML du contenu, chaque paragraphe, élément de liste et ligne de tableau ancré."""
    partie = etat_du_build(config).partie(AncresDesPages)
    if partie.elisions is None:
        # Les élisions retirées des clés : celles de la recherche (data/recherche.yml).
        partie.elisions = elisions(projet(config).racine)
    entree = (html, partie.elisions)
    return partie.calculer(entree, lambda: ancrer_html(*entree))
