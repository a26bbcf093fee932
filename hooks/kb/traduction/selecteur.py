"""Le sélecteur de langue : liens vers la même page dans une autre langue, rendus relatifs à la page."""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url


def lien_de_langue(lien: str, site_url: str, url_page: str) -> str | None:
    """Lien du sélecteur de langue rendu relatif à la page, ou None s'il l'est déjà.

    mkdocs-static-i18n donne aux pages d'accueil un chemin absolu (« /base-juridique-cae/en/ ») :
    il casse dès que le site est servi sous un autre chemin. Les autres pages ont déjà des liens
    relatifs, que le gabarit garde tels quels.
    """
    prefixe = (urlsplit(site_url).path or "/").rstrip("/") + "/"
    if not lien.startswith(prefixe):
        return None
    relatif = get_relative_url(lien[len(prefixe):], url_page)
    # « . » et « .. » (des dossiers) : avec la barre finale, comme les autres liens du site.
    return relatif + "/" if relatif in (".", "..") or relatif.endswith("/..") else relatif


def lien_alternatif(config: MkDocsConfig, langue: str) -> str | None:
    """Lien vers la même page dans une autre langue (calculé par mkdocs-static-i18n)."""
    for alternatif in config.extra.get("alternate") or []:
        if alternatif.get("lang") == langue:
            return alternatif.get("link")
    return None
