"""Retouche des seuls nœuds de texte d'un fragment HTML, hors de zones exclues.

Les hooks (typographie, liens juridiques) ne touchent jamais aux balises, aux attributs ni au
texte des éléments exclus (code, liens, titres…).

Ce code passe sur chaque page rendue, menu compris (deux fois par page avec la version anglaise) :
il ne parcourt donc pas les balises une à une en Python. Les expressions régulières trouvent
d'abord les zones à sauter (éléments exclus, commentaires) puis, dans le reste, les seuls passages
de texte qui contiennent l'un des `signes` demandés ; la fonction n'est appelée que sur ceux-là.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Callable, Iterator

#: Éléments dont le texte ne devient jamais un lien (citations juridiques, termes du glossaire) :
#: titres, liens existants, sigles, code, contrôles.
SANS_NOUVEAU_LIEN = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style",
                               "kbd", "samp", "textarea", "svg", "button", "label", "abbr", "title"})

# Éléments vides : ils n'ont pas de balise fermante.
_VIDES = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed",
                    "track"})
_COMMENTAIRE = re.compile(r"<!--.*?-->", re.DOTALL)
# Fin d'un nom de balise : « <code> », « <code class… », « <code/> », mais pas « <codex> ».
_FIN_DE_NOM = r"(?=[\s/>])"
# « lang= » sans l'espace qui le précède : l'expression commence par un littéral, que le moteur
# cherche bien plus vite qu'une classe de caractères (l'espace est vérifiée ensuite).
_ATTRIBUT_LANG = re.compile(r"lang\s*=")
_BALISE_LANG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*?\slang\s*=\s*["']?([A-Za-z-]+)[^>]*>""")


@lru_cache(maxsize=None)
def _ouvrantes(exclus: frozenset[str]) -> re.Pattern[str]:
    noms = "|".join(sorted(map(re.escape, exclus)))
    return re.compile(rf"<({noms}){_FIN_DE_NOM}[^>]*>", re.IGNORECASE)


@lru_cache(maxsize=None)
def _meme_nom(nom: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){re.escape(nom)}{_FIN_DE_NOM}[^>]*>", re.IGNORECASE)


@lru_cache(maxsize=None)
def _passages(signes: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(passage de texte qui suit une balise et contient l'un des signes, un des signes seul).

    Le motif commence par le littéral « > » (le moteur saute d'une balise à l'autre au lieu
    d'essayer chaque caractère) et avance sans retour en arrière (quantificateur possessif « *+ »)
    jusqu'au premier signe.
    """
    if signes is None:  # tout passage qui n'est pas fait que d'espaces
        return re.compile(r">(\s*+[^\s<][^<]*)"), re.compile(r"[^\s<]")
    return re.compile(rf">([^<{signes}]*+[{signes}][^<]*)"), re.compile(rf"[{signes}]")


def _fin_element(html: str, nom: str, apres_ouvrante: int, limite: int) -> int:
    """Position juste après la balise fermante qui répond à l'ouvrante (imbrication comptée)."""
    profondeur = 1
    for m in _meme_nom(nom).finditer(html, apres_ouvrante, limite):
        if m.group(1):
            profondeur -= 1
            if profondeur == 0:
                return m.end()
        elif not m.group(0).endswith("/>"):
            profondeur += 1
    return limite


def element_portant(html: str, attribut: str) -> tuple[int, int] | None:
    """(début, fin) du premier élément qui porte l'attribut (« data-pagefind-body »), de sa balise
    ouvrante à sa balise fermante comprises (imbrication comptée) ; None s'il n'y en a pas.

    Passe sur chaque page rendue : l'attribut est cherché comme une simple chaîne, puis on vérifie
    qu'il est bien un attribut de la balise qui le contient (et non du texte ou une valeur)."""
    position = html.find(attribut)
    while position >= 0:
        debut = html.rfind("<", 0, position)
        balise = _BALISE_OUVRANTE.match(html, debut) if debut >= 0 else None
        if (balise is not None and balise.end() > position and html[position - 1].isspace()
                and html[position + len(attribut)] in _APRES_UN_NOM_D_ATTRIBUT
                and html.count('"', debut, position) % 2 == 0 and html.count("'", debut, position) % 2 == 0):
            return debut, _fin_element(html, balise.group(1), balise.end(), len(html))
        position = html.find(attribut, position + 1)
    return None


_BALISE_OUVRANTE = re.compile(rf"<([a-zA-Z][a-zA-Z0-9-]*){_FIN_DE_NOM}[^>]*>")
_APRES_UN_NOM_D_ATTRIBUT = frozenset(" \t\n\r\f=/>")


def _zones_exclues(html: str, exclus: frozenset[str], debut: int, fin: int) -> Iterator[tuple[int, int]]:
    """Commentaires et éléments exclus entre debut et fin, dans l'ordre, sans chevauchement."""
    ouvrantes = _ouvrantes(exclus) if exclus else None
    position = debut
    commentaire = _COMMENTAIRE.search(html, position, fin)
    while position < fin:
        # Chaque recherche reprend où la précédente s'est arrêtée (jamais deux fois le même texte).
        if commentaire and commentaire.start() < position:
            commentaire = _COMMENTAIRE.search(html, position, fin)
        element = ouvrantes.search(html, position, fin) if ouvrantes else None
        if element and (not commentaire or element.start() < commentaire.start()):
            nom = element.group(1).lower()
            if nom in _VIDES or element.group(0).endswith("/>"):
                position = element.end()
                continue
            zone = (element.start(), _fin_element(html, nom, element.end(), fin))
        elif commentaire:
            zone = commentaire.span()
        else:
            return
        yield zone
        position = zone[1]


def _balises_lang(html: str) -> Iterator[re.Match[str]]:
    """Les balises qui portent un attribut lang : les mêmes que `_BALISE_LANG.finditer(html)`.

    Au lieu d'essayer l'expression à chaque balise de la page, on part de chaque « lang= » : aucune
    balise qui le précède n'en porte (sinon elle aurait été trouvée), donc aucune ne commence
    avant le dernier « > » qui le précède ; l'expression reprend de là.
    """
    fin = 0
    for attribut in _ATTRIBUT_LANG.finditer(html):
        position = attribut.start() - 1  # l'espace qui précède « lang »
        if position < fin or not html[position].isspace():
            continue  # dans la balise trouvée juste avant, ou pas un attribut (« hreflang= »)
        m = _BALISE_LANG.search(html, max(fin, html.rfind(">", fin, position) + 1))
        if m is None:
            return
        fin = m.end()
        yield m


def _zones_de_langue(html: str, langue: str, sautees: list[tuple[int, int]] = []) -> list[tuple[int, int]]:  # noqa: B006
    """Intervalles dont l'élément déclaré (lang) le plus proche est dans `langue`.

    Les éléments qui commencent dans une zone `sautees` (zones exclues, triées) sont ignorés :
    leur texte ne sera pas retouché, inutile de chercher où ils finissent.
    """
    debuts_sautes = [debut for debut, _ in sautees]
    # Chaque élément porteur de lang : (début du contenu, fin, dans la langue ?).
    elements = []
    for m in _balises_lang(html):
        nom = m.group(1).lower()
        if nom in _VIDES or m.group(0).endswith("/>"):
            continue
        i = bisect_right(debuts_sautes, m.start()) - 1
        if i >= 0 and m.start() < sautees[i][1]:
            continue
        elements.append((m.end(), _fin_element(html, nom, m.end(), len(html)),
                         m.group(2).lower().startswith(langue)))
    # Les éléments sont bien imbriqués : on découpe le document en segments, chacun pris par
    # l'élément le plus intérieur qui le contient.
    zones: list[tuple[int, int]] = []
    pile: list[tuple[int, bool]] = []  # (fin, dans la langue ?)
    position = 0

    def jusqua(limite: int) -> None:
        nonlocal position
        while pile and pile[-1][0] <= limite:
            fin, dedans = pile.pop()
            if dedans and fin > position:
                zones.append((position, fin))
            position = max(position, fin)
        if pile and pile[-1][1] and limite > position:
            zones.append((position, limite))
        position = max(position, limite)

    for debut, fin, dedans in elements:
        jusqua(debut)
        pile.append((fin, dedans))
    jusqua(len(html))
    return zones


def transformer_texte(html: str, fonction: Callable[[str], str], exclus: frozenset[str],
                      seulement_langue: str | None = None, signes: str | None = None) -> str:
    """Applique `fonction` à chaque passage de texte qui n'est dans aucun élément exclu.

    - `exclus` : noms d'éléments dont le texte reste intact (avec tout ce qu'ils contiennent) ;
      les commentaires HTML le sont toujours.
    - `seulement_langue` (« fr ») : seuls les passages dont l'élément déclaré le plus proche
      (attribut lang) est dans cette langue sont retouchés.
    - `signes` : contenu d'une classe de caractères d'expression régulière (« ;:!?\\d ») ; seuls
      les passages qui contiennent l'un de ces signes sont passés à `fonction` (par défaut : tout
      passage qui n'est pas fait que d'espaces).
    """
    apres_balise, declenche = _passages(signes)
    if seulement_langue:
        zones = _zones_de_langue(html, seulement_langue, list(_zones_exclues(html, exclus, 0, len(html))))
    else:
        zones = [(0, len(html))]
    morceaux: list[str] = []
    position = 0

    def traiter(debut: int, fin: int) -> None:
        segment = html[debut:fin]
        if segment and segment[0] != "<":  # la zone commence au milieu d'un texte
            coupure = segment.find("<") % (len(segment) + 1)
            tete = segment[:coupure]
            morceaux.append(fonction(tete) if declenche.search(tete) else tete)
            segment = segment[coupure:]
        morceaux.append(apres_balise.sub(lambda m: ">" + fonction(m.group(1)), segment))

    for debut, fin in zones:
        morceaux.append(html[position:debut])
        position = debut
        for zone_debut, zone_fin in _zones_exclues(html, exclus, debut, fin):
            traiter(position, zone_debut)
            morceaux.append(html[zone_debut:zone_fin])
            position = zone_fin
        traiter(position, fin)
        position = fin
    morceaux.append(html[position:])
    return "".join(morceaux)
