"""L'index Pagefind du site construit, un par langue (pris de <html lang>), par l'API Python
documentée de Pagefind ; et sa taille par langue pour make bench."""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path
from typing import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.recherche")

#: Dossier de l'index Pagefind dans le site construit.
DOSSIER_INDEX = "pagefind"

#: Ce que Pagefind lit dans une page : le contenu (.kb-contenu, marqué data-pagefind-body dans
#: overrides/partials/content.html), sans les symboles de lien des titres.
EXCLUS = (".headerlink", ".kb-pas-dans-la-recherche")


async def _indexer(site: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=list(EXCLUS), output_path=str(site / DOSSIER_INDEX))
    async with PagefindIndex(config=config) as index:
        reponse = await index.add_directory(str(site))
        return int(reponse.get("page_count", 0)) if isinstance(reponse, dict) else 0


def indexer(site: Path) -> int:
    """Indexe le site construit ; renvoie le nombre de pages indexées."""
    return asyncio.run(_indexer(site))


def indexer_le_site(config: MkDocsConfig) -> None:
    """Indexe le site du build ; un échec de Pagefind arrête le build par un message, sans trace Python."""
    site = Path(config.site_dir)
    try:
        pages = indexer(site)
    except Exception as e:  # binaire absent ou en échec : le build le dit, sans trace Python
        raise PluginError(f"recherche : l'indexation par Pagefind a échoué ({e}). Correction : "
                          "réinstallez les dépendances (make installer), puis relancez le build.") from e
    log.info(f"recherche : {pages} pages indexées par Pagefind dans {DOSSIER_INDEX}/")


def taille_de_l_index(site: Path) -> Mapping[str, int]:
    """Octets de l'index par langue (pour make bench) : fichiers pf_meta, index et fragments."""
    dossier = site / DOSSIER_INDEX
    tailles: dict[str, int] = {}
    for f in dossier.rglob("*"):
        if f.is_file():
            m = re.match(r"(?:pagefind\.|wasm\.)?([a-z]{2})[._]", f.name)
            if m:
                tailles[m.group(1)] = tailles.get(m.group(1), 0) + f.stat().st_size
    return tailles
