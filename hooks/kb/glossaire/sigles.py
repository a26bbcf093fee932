"""Les sigles au survol : l'extension Markdown `abbr` reçoit les sigles du glossaire sur les pages
écrites en français, et seule la première occurrence d'un sigle garde son développement."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.projet import langue_du_contenu
from kb.glossaire.chargement import etat_du_glossaire
from kb.glossaire.termes import Terme, infobulle

_SIGLE = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


def preparer_les_sigles(page: Page, config: MkDocsConfig) -> None:
    """Sigles au survol (<abbr>) sur les pages écrites en français seulement : l'extension abbr
    reçoit le glossaire par son option « glossary ». MkDocs crée l'objet Markdown de la page
    juste après on_page_markdown, à partir de config.mdx_configs. Même HTML qu'en ajoutant les
    définitions « *[CAE]: … » à la fin de chaque page, sans les faire analyser à chaque page."""
    etat = etat_du_glossaire(config)
    if etat.sigles is None:
        etat.sigles = abreviations(etat.termes)
    langue = langue_du_contenu(page, config)
    # Une copie par page : l'extension abbr reçoit son propre dictionnaire.
    config.mdx_configs["abbr"] = {"glossary": dict(etat.sigles) if langue.startswith("fr") else {}}


def abreviations(termes: list[Terme]) -> dict[str, str]:
    """Sigle -> texte au survol (option « glossary » de l'extension abbr)."""
    sigles = {}
    for t in termes:
        if t.abreviation:
            sigles[t.abreviation] = infobulle(t.terme, t)
    return sigles


def sigles_developpes_une_fois(html: str) -> str:
    """Seule la première occurrence d'un sigle garde son développement au survol (<abbr title>).

    Règle d'écriture courante (développer un sigle à sa première apparition), qui évite aussi
    qu'un lecteur d'écran relise la définition à chaque « CAE » et que Material monte une
    infobulle par occurrence (des dizaines sur la FAQ : temps de chargement sur mobile).
    """
    vus: set[str] = set()

    def remplacer(m: re.Match[str]) -> str:
        if m.group(1) in vus:
            return m.group(1)
        vus.add(m.group(1))
        return m.group(0)

    return _SIGLE.sub(remplacer, html)
