"""« Mis à jour le … : … » sous le titre d'une page dont le contenu juridique a changé (variable
`kb_mise_a_jour`, partials/kb-mise-a-jour.html, filtre `kb_apres_titre`) et `kb_flux` des gabarits."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.commun.dates import date_longue
from kb.nouveautes.entrees import PAGE, ancres_de_la_langue, etat_des_nouveautes


def ajouter_les_filtres(env: Environment) -> Environment:
    """Le filtre `kb_apres_titre` des gabarits."""
    env.filters["kb_apres_titre"] = apres_titre
    return env


def apres_titre(html: str, insertion: str) -> Markup:
    """Insère `insertion` juste après le premier titre <h1> du contenu (ou au début)."""
    position = html.find("</h1>")
    if position < 0 or not insertion:
        return Markup(insertion + html)
    position += len("</h1>")
    return Markup(html[:position] + insertion + html[position:])


def contexte_de_mise_a_jour(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """« Mis à jour le … : … » sur une page dont le contenu juridique a changé (dernière entrée)."""
    etat = etat_des_nouveautes(config)
    context["kb_flux"] = bool(etat.nouveautes)
    source = page.file.src_uri
    concernees = [(n, note) for n in etat.nouveautes for chemin, note in n.pages if chemin == source]
    if not concernees:
        context["kb_mise_a_jour"] = None
        return context
    n, note = max(concernees, key=lambda c: (c[0].publie_le, c[0].tri))
    langue = context.get("i18n_page_locale") or config.theme["language"]
    fichier = etat.fichiers.get_file_from_path(PAGE) if etat.fichiers is not None else None
    lien = get_relative_url(fichier.url, page.url) + "#" + ancres_de_la_langue(config)[n] if fichier is not None else None
    context["kb_mise_a_jour"] = {"date": date_longue(n.publie_le, langue), "date_iso": n.publie_le,
                                 "note": note, "lien": lien}
    return context
