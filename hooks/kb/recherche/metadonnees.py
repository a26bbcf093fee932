"""Ce que Pagefind lit dans chaque page (variable `kb_recherche` des gabarits) : jetons des numéros,
questions déclarées, numéro officiel, langue réelle du contenu ; et la page retirée de l'index du
plugin search de Material, qui ne sert plus qu'à placer la loupe."""

from __future__ import annotations

from typing import Any, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.projet import est_un_repli, langue_par_defaut, registre
from kb.recherche.jetons import jetons_de_la_page
from kb.references.grammaire import numero_cite
from kb.references.registre import Registre


def hors_de_l_index_de_material(page: Page) -> None:
    """Le plugin de recherche de Material n'indexe aucune page (interrupteur d'en-tête documenté
    « search: exclude: true ») : Pagefind indexe le site construit."""
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}


def contexte_de_recherche(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Ajoute `kb_recherche` (métadonnées Pagefind de la page) au contexte des gabarits."""
    repli = est_un_repli(page, config)
    # Langue réelle du contenu (une page française servie sous /en/ reste en français).
    langue = getattr(page.file, "locale", None) or langue_par_defaut(config)
    context["kb_recherche"] = metadonnees_de_la_page(page.meta or {}, registre(config),
                                                     repli=repli, langue_du_contenu=str(langue))
    return context


def metadonnees_de_la_page(meta: Mapping[str, Any], registre: Registre, *, repli: bool,
                           langue_du_contenu: str) -> dict[str, str]:
    """Ce que overrides/main.html écrit en <meta data-pagefind-meta> pour une page."""
    article = str(meta["article"]) if meta.get("article") else None
    texte = str(meta["texte"]) if meta.get("texte") else None
    sortie: dict[str, str] = {}
    cles = jetons_de_la_page(article, texte)
    if cles:
        sortie["cles"] = " ".join(cles)
    questions = [str(q) for q in meta.get("questions") or ()]
    if questions:
        sortie["questions"] = " · ".join(questions)
    if article:
        art = registre.articles.get(article)
        if art is not None:
            sortie["numero"] = f"art. {numero_cite(art.numero, art.texte.nature)}"
    sortie["langue"] = langue_du_contenu
    if repli:
        sortie["repli"] = "1"
    return sortie
