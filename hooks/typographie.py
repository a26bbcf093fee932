"""Hook : typographie française du contenu des pages en français.

Les contributeurs tapent des espaces ordinaires ; le site affiche des espaces insécables là où
la typographie française les demande, pour qu'aucune ligne ne commence par « : » ou « » » :
- espace fine insécable avant ; ! ? et espace insécable avant : ;
- espaces insécables à l'intérieur des guillemets « … » ;
- espace insécable après « art. », « n° », « L. » / « R. » / « D. » devant un numéro d'article,
  entre un nombre et son unité (3 mois, 8 mois, 20 %, 30 000 €) et dans les milliers (12 000).
Le code, les attributs HTML et le texte dans une autre langue ne sont jamais modifiés. Dans le
build français, toute la page passe (contenu et textes des gabarits) ; dans une autre langue, seul
le contenu d'une page française non traduite.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.html import transformer_texte

ESPACE_INSECABLE = "\u00a0"
ESPACE_FINE_INSECABLE = "\u202f"
_ESPACES = "[ \t\n\u00a0\u202f]"
# Éléments dont le texte ne doit jamais être retouché.
_INTOUCHABLES = frozenset({"code", "pre", "script", "style", "kbd", "samp", "textarea", "svg", "math"})
_UNITES = r"(?:€|%|ans?|mois|jours?|heures?|semaines?|exercices?|euros?|salariés?|CAE|entrepreneur\w*)"

_REGLES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_ESPACES}+([;!?])"), ESPACE_FINE_INSECABLE + r"\1"),
    (re.compile(rf"{_ESPACES}+:(?=\s|$|<)"), ESPACE_INSECABLE + ":"),
    (re.compile(rf"«{_ESPACES}*"), "«" + ESPACE_INSECABLE),
    (re.compile(rf"{_ESPACES}*»"), ESPACE_INSECABLE + "»"),
    (re.compile(rf"\b(art\.|[Nn]°|[LRD]\.){_ESPACES}+(?=\d)"), r"\1" + ESPACE_INSECABLE),
    (re.compile(rf"\b(art\.){_ESPACES}+(?=[LRD]\.?{_ESPACES}?\d)"), r"\1" + ESPACE_INSECABLE),
    (re.compile(rf"(?<![\d,.])(\d{{1,3}}){_ESPACES}(?=\d{{3}}\b)"), r"\1" + ESPACE_FINE_INSECABLE),
    (re.compile(rf"(\d){_ESPACES}+(?={_UNITES}\b|€|%)"), r"\1" + ESPACE_INSECABLE),
]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str | None:
    # Build français : toute la page (contenu, menu, métadonnées écrites par les gabarits).
    # Autre langue : seulement les passages déclarés en français (pages non traduites, titres).
    if config.theme["language"].startswith("fr"):
        return corriger_html(output)
    return corriger_html(output, seulement_langue="fr")


# Aucune règle ne s'applique à un texte sans ponctuation haute, guillemet ni chiffre : on le
# saute sans essayer les huit motifs (la plupart des nœuds du menu et des gabarits).
_DECLENCHEUR = re.compile(r"[;:!?«»\d]")


def corriger_texte(texte: str) -> str:
    """Applique les règles à un texte brut (sans balises)."""
    if not _DECLENCHEUR.search(texte):
        return texte
    for motif, remplacement in _REGLES:
        texte = motif.sub(remplacement, texte)
    return texte


def corriger_html(html: str, seulement_langue: str | None = None) -> str:
    """Applique les règles aux seuls nœuds de texte, hors code et hors attributs."""
    return transformer_texte(html, corriger_texte, _INTOUCHABLES, seulement_langue)
