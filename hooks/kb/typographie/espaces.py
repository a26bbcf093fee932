"""Les espaces insécables de la typographie française, appliqués au texte et au HTML en français.

Les contributeurs tapent des espaces ordinaires ; le site affiche des espaces insécables là où
la typographie française les demande, pour qu'aucune ligne ne commence par « : » ou « » » :
- espace fine insécable avant ; ! ? et espace insécable avant : ;
- espaces insécables à l'intérieur des guillemets « … » ;
- espace insécable après « art. », « n° », « L. » / « R. » / « D. » devant un numéro d'article
  (forme des numéros : `kb.references.grammaire`),
  entre un nombre et son unité (3 mois, 8 mois, 20 %, 30 000 €) et dans les milliers (12 000).
Le code, les attributs HTML et le texte dans une autre langue ne sont jamais modifiés. Dans le
build français, toute la page passe (contenu et textes des gabarits) ; dans une autre langue, seul
le contenu d'une page française non traduite.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.html import transformer_texte
from kb.commun.normalisation import ESPACE, ESPACE_FINE_INSECABLE, ESPACE_INSECABLE
from kb.references.grammaire import ABREVIATION_DE_CODE, DEBUT_DE_NUMERO_DE_CODE

_ESPACES = ESPACE
# Éléments dont le texte ne doit jamais être retouché.
_INTOUCHABLES = frozenset({"code", "pre", "script", "style", "kbd", "samp", "textarea", "svg", "math"})
_INTOUCHABLES_ET_MENUS = _INTOUCHABLES | {"nav"}
_UNITES = r"(?:€|%|ans?|mois|jours?|heures?|semaines?|exercices?|euros?|salariés?|CAE|entrepreneur\w*)"

# Toutes les règles en un seul motif (une alternative nommée par règle) : une seule passe par
# texte. Le remplacement dépend de l'alternative reconnue (`_REMPLACEMENTS`).
_REGLES = re.compile(
    rf"{_ESPACES}+(?P<haute>[;!?])"                                   # ; ! ? : espace fine
    rf"|(?P<deux_points>{_ESPACES}+:)(?=\s|$|<)"                     # : (pas 10:30 ni https:)
    rf"|(?P<ouvrant>«{_ESPACES}*)"                                   # « guillemets »
    rf"|(?P<fermant>{_ESPACES}*»)"
    rf"|\b(?P<abreviation>art\.|[Nn]°|{ABREVIATION_DE_CODE}){_ESPACES}+(?=\d)"  # art. 5, n° 2014-856, L. 7331-2
    rf"|\b(?P<article>art\.){_ESPACES}+(?={DEBUT_DE_NUMERO_DE_CODE})"  # art. L. 7331-2
    rf"|(?<![\d,.])(?P<milliers>\d{{1,3}}){_ESPACES}(?=\d{{3}}\b)"    # 12 000
    rf"|(?P<nombre>\d){_ESPACES}+(?={_UNITES}\b|€|%)"                # 3 mois, 20 %
)
_REMPLACEMENTS = MappingProxyType({
    "haute": lambda m: ESPACE_FINE_INSECABLE + m.group("haute"),
    "deux_points": lambda m: ESPACE_INSECABLE + ":",
    "ouvrant": lambda m: "«" + ESPACE_INSECABLE,
    "fermant": lambda m: ESPACE_INSECABLE + "»",
    "abreviation": lambda m: m.group("abreviation") + ESPACE_INSECABLE,
    "article": lambda m: m.group("article") + ESPACE_INSECABLE,
    "milliers": lambda m: m.group("milliers") + ESPACE_FINE_INSECABLE,
    "nombre": lambda m: m.group("nombre") + ESPACE_INSECABLE,
})


def _remplacer(m: re.Match[str]) -> str:
    return _REMPLACEMENTS[m.lastgroup](m)  # type: ignore[index]


def corriger_la_page(output: str, config: MkDocsConfig) -> str:
    """Le HTML final d'une page, hors <nav> (dont les titres sont corrigés à la source)."""
    # Build français : toute la page (contenu, menu, métadonnées écrites par les gabarits).
    # Autre langue : seulement les passages déclarés en français (pages non traduites, titres).
    if config.theme["language"].startswith("fr"):
        return corriger_html(output)
    return corriger_html(output, seulement_langue="fr")


# Aucune règle ne s'applique à un texte sans ponctuation haute, guillemet ni chiffre : on le
# saute sans essayer les huit motifs (la plupart des nœuds du menu et des gabarits).
_SIGNES = r";:!?«»\d"
_DECLENCHEUR = re.compile(rf"[{_SIGNES}]")


def corriger_texte(texte: str) -> str:
    """Applique les règles à un texte brut (sans balises)."""
    return _corriger_passage(texte) if _DECLENCHEUR.search(texte) else texte


def corriger_html(html: str, seulement_langue: str | None = None, *, menus: bool = False) -> str:
    """Applique les règles aux seuls nœuds de texte, hors code et hors attributs.

    Les <nav> sont sautés (leurs titres sont corrigés à la source), sauf avec `menus=True`.
    """
    exclus = _INTOUCHABLES if menus else _INTOUCHABLES_ET_MENUS
    return transformer_texte(html, _corriger_passage, exclus, seulement_langue, _SIGNES)


def _corriger_passage(texte: str) -> str:
    return _REGLES.sub(_remplacer, texte)
