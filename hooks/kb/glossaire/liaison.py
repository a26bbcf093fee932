"""La liaison des termes : sur chaque page écrite en français, la première apparition de chaque
terme du glossaire devient un lien vers sa définition, qui s'affiche aussi au survol (title)."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.commun.html import SANS_NOUVEAU_LIEN, transformer_texte
from kb.commun.projet import langue_du_contenu
from kb.commun.normalisation import Slugify, majuscule
from kb.glossaire.chargement import etat_du_glossaire
from kb.glossaire.expression import Motifs, motifs_des_termes
from kb.glossaire.termes import Terme, infobulle

# Ni dans un titre, un lien, un sigle ou du code, ni dans l'intitulé d'un bloc repliable.
_EXCLUS = SANS_NOUVEAU_LIEN | {"summary"}
PAGE_DU_GLOSSAIRE = "glossaire.md"


def lier_la_page(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Le HTML de la page, termes liés (une fois par HTML, voir EtatDuGlossaire.pages_liees)."""
    glossaire = files.get_file_from_path(PAGE_DU_GLOSSAIRE)
    langue = langue_du_contenu(page, config)
    # Le glossaire est en français : seules les pages écrites en français ont des liens vers lui.
    if glossaire is None or page.file.src_uri == PAGE_DU_GLOSSAIRE or not langue.startswith("fr"):
        return html
    etat = etat_du_glossaire(config)
    motifs = etat.motifs
    if motifs is None:
        return html
    vers = get_relative_url(glossaire.url, page.url)

    def lier_la_page() -> str:
        vus: set[str] = set()  # chaque terme n'est lié qu'à sa première apparition dans la page
        return transformer_texte(html, lambda texte: _lier(texte, motifs, vers, vus), _EXCLUS)

    return etat.pages_liees.calculer((html, vers), lier_la_page)


def lier_les_termes(texte: str, termes: list[Terme], vers_le_glossaire: str, vus: set[str], slugify: Slugify) -> str:
    """La première apparition de chaque terme du glossaire dans la page devient un lien vers sa
    définition ; `vus` (propre à la page) retient les termes déjà liés."""
    return _lier(texte, motifs_des_termes(termes, slugify), vers_le_glossaire, vus) if termes else texte


def _lier(texte: str, motifs: Motifs, vers_le_glossaire: str, vus: set[str]) -> str:
    def lier(m: re.Match[str]) -> str:
        terme = motifs.par_forme[str(m.lastindex - 1)]
        if terme.terme in vus:
            return m.group(0)
        vus.add(terme.terme)
        titre = infobulle(majuscule(terme.terme), terme).replace("&", "&amp;").replace('"', "&quot;")
        return (f'<a class="kb-terme" href="{vers_le_glossaire}#{motifs.ancres[terme.terme]}" title="{titre}">'
                f"{m.group(0)}</a>")

    return motifs.motif.sub(lier, texte)
