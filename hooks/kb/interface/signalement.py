"""« Signaler une erreur » : le formulaire du dépôt et le courriel, préremplis avec la page (aucun
script tiers)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def url_signalement(config: MkDocsConfig, page: Page) -> str | None:
    """Formulaire « Signaler une erreur juridique » du dépôt, prérempli avec l'adresse de la page."""
    if not config.repo_url:
        return None
    adresse = (config.site_url or "") + page.url
    parametres = {
        "template": config.extra.get("formulaire_erreur", "signaler-une-erreur.yml"),
        "title": f"Erreur : {page.title}",
        "page": adresse,
    }
    return f"{config.repo_url.rstrip('/')}/issues/new?{urlencode(parametres)}"


def courriel_signalement(config: MkDocsConfig, page: Page, textes: dict[str, Any]) -> str | None:
    """« Signaler une erreur » sans compte GitHub : un courriel prérempli (sujet, adresse de la page,
    ce qu'il faut dire), vers l'adresse fixée une fois dans mkdocs.yml (extra.courriel_erreur)."""
    adresse = config.extra.get("courriel_erreur")
    if not adresse:
        return None
    sujet = f"{textes['signaler_erreur']} : {page.title}"
    corps = textes["courriel_modele"].replace("{page}", (config.site_url or "") + page.url)
    return f"mailto:{adresse}?subject={quote(sujet)}&body={quote(corps)}"
