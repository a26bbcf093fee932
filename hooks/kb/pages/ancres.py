"""Ancres stables des paragraphes, éléments de liste et lignes de tableau (fonctions pures).

Règle (documentée dans CONTRIBUTING.md, « Citer un paragraphe ») : l'ancre d'un paragraphe est
`<section>.<clé>` :
- `<section>` : l'identifiant du titre (h2 à h6) qui le précède dans la page (`intro` avant le
  premier titre) ;
- `<clé>` : les quatre premiers mots significatifs de son texte, en minuscules, sans accents, sans
  élision (« l' », « d' », « qu' »… : celles de data/recherche.yml, argument `elisions`, lues par
  kb.commun.normalisation.elisions ; en ajouter une peut changer des ancres), sans guillemets ni ponctuation, reliés par des tirets (un
  numéro d'article garde sa lettre : « L. 7331-2 » donne `l7331-2`) ; les
  petits mots (« le », « de », « et », « the », « of »…) sont sautés, sauf s'il n'y a qu'eux.
Le point ne figure jamais dans l'ancre d'un titre : aucune ancre de paragraphe ne peut prendre celle
d'un titre, d'un terme du glossaire ou d'une note.

Modifier un AUTRE paragraphe ne change donc pas l'ancre, sauf collision : quand plusieurs
paragraphes d'une même section ont la même clé, chacun prend autant de mots qu'il en faut pour
qu'elles diffèrent toutes (le même nombre pour tout le groupe, quel que soit leur ordre) ; des
textes identiques sont numérotés dans l'ordre de la page (`-2`, `-3`).
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from typing import Iterable

from kb.references.grammaire import LETTRE
from kb.commun.normalisation import ESPACE_DANS_LA_LIGNE, espaces_ordinaires, sans_accents, sans_elisions, tirets_ordinaires

MOTS_DE_LA_CLE = 4
# Longueur du début d'un texte lu d'abord pour en tirer la clé (voir `_debut_de_la_cle`).
_DEBUT_LU = 240
SEPARATEUR = "."
SECTION_AVANT_LE_PREMIER_TITRE = "intro"

# Petits mots sautés dans la clé (français et anglais) : la clé garde les mots qui portent le sens.
MOTS_VIDES = frozenset("""
le la les un une des de du d l et ou a au aux en y ce cet cette ces se sa son ses leur leurs
the a an of and or to in on for by is are
""".split())
# « L. 7331-2 », « R 7331-11 » : la lettre reste collée au numéro (« l7331-2 »).
_NUMERO_D_ARTICLE = re.compile(rf"\b({LETTRE})\.?{ESPACE_DANS_LA_LIGNE}?(?=\d)")
_MOT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_BALISE_QUELCONQUE = re.compile(r"<[^>]*>")


def texte_visible(fragment: str) -> str:
    """Le texte d'un fragment HTML : sans balises, entités décodées, espaces réduites."""
    return " ".join(html_lib.unescape(_BALISE_QUELCONQUE.sub(" ", fragment)).split())


def mots(texte: str, elisions: Iterable[str]) -> list[str]:
    """Les mots d'un texte, tels qu'ils entrent dans une clé (voir la règle du module)."""
    pleins, tous = _mots(texte, elisions)
    return pleins or tous


def _mots(texte: str, elisions: Iterable[str]) -> tuple[list[str], list[str]]:
    """(mots significatifs, tous les mots) d'un texte."""
    texte = tirets_ordinaires(espaces_ordinaires(texte))
    texte = sans_elisions(texte, elisions)
    texte = _NUMERO_D_ARTICLE.sub(r"\1", texte)
    texte = texte.replace("·", "").replace("•", "")  # « entrepreneur·es » -> « entrepreneures »
    texte = sans_accents(texte)
    tous = [m.strip("-") for m in _MOT.findall(texte.lower())]
    tous = [m for m in tous if m]
    return [m for m in tous if m not in MOTS_VIDES], tous


def _debut_de_la_cle(texte: str, elisions: Iterable[str]) -> list[str] | None:
    """Les mots de la clé d'un texte lus sur son seul début, ou None s'il faut le texte entier.

    Le début s'arrête à une espace : il a les mêmes mots que le texte, sauf peut-être le dernier
    (« art. L. » en fin de début devient « l7331-2 » avec la suite, seule règle qui passe une espace).
    S'il a au moins un mot significatif de plus que la clé n'en prend, la clé du début est celle du
    texte entier : inutile de normaliser un long paragraphe pour en garder quatre mots.
    """
    coupure = texte.find(" ", _DEBUT_LU)
    if coupure < 0:
        return None
    pleins, _ = _mots(texte[:coupure], elisions)
    return pleins[:MOTS_DE_LA_CLE] if len(pleins) > MOTS_DE_LA_CLE else None


def cle(texte: str, elisions: Iterable[str], nombre: int = MOTS_DE_LA_CLE) -> str:
    """Les `nombre` premiers mots significatifs, reliés par des tirets ('' si le texte n'en a pas)."""
    return "-".join(mots(texte, elisions)[:nombre])


@dataclass(frozen=True)
class Paragraphe:
    """Un élément à ancrer : sa section (identifiant du titre qui le précède) et son texte."""

    section: str
    texte: str


def ancres(paragraphes: list[Paragraphe], elisions: Iterable[str],
           deja_pris: frozenset[str] | set[str] = frozenset()) -> list[str | None]:
    """L'ancre de chaque paragraphe, dans l'ordre ; None pour un paragraphe sans aucun mot.

    `deja_pris` : identifiants déjà présents dans la page (titres, notes…), jamais réutilisés.
    """
    elisions = tuple(elisions)
    # Les mots de chaque texte : d'abord ceux de la clé, lus sur son début quand il suffit ; tous
    # ses mots ensuite, pour les seuls paragraphes en collision.
    listes: list[list[str] | None] = [_debut_de_la_cle(p.texte, elisions) for p in paragraphes]
    for i, p in enumerate(paragraphes):
        if listes[i] is None:
            listes[i] = mots(p.texte, elisions)
    resultat: list[str | None] = [None] * len(paragraphes)
    groupes: dict[str, list[int]] = {}
    for i, (p, m) in enumerate(zip(paragraphes, listes)):
        if m:
            groupes.setdefault(f"{p.section}{SEPARATEUR}{'-'.join(m[:MOTS_DE_LA_CLE])}", []).append(i)
    pris = set(deja_pris)
    for base, membres in groupes.items():
        if len(membres) == 1:
            resultat[membres[0]] = base
            continue
        for i in membres:
            listes[i] = mots(paragraphes[i].texte, elisions)
        section = paragraphes[membres[0]].section
        # Le plus petit nombre de mots qui sépare tout le groupe (les mêmes pour tous ses membres).
        plus_long = max(len(listes[i]) for i in membres)
        differents = len({tuple(listes[i]) for i in membres})  # des textes identiques restent égaux
        nombre = MOTS_DE_LA_CLE
        while nombre < plus_long and len({tuple(listes[i][:nombre]) for i in membres}) < differents:
            nombre += 1
        vus: dict[str, int] = {}
        for i in membres:
            ancre = f"{section}{SEPARATEUR}{'-'.join(listes[i][:nombre])}"
            vus[ancre] = vus.get(ancre, 0) + 1
            resultat[i] = ancre if vus[ancre] == 1 else f"{ancre}-{vus[ancre]}"
    # Un identifiant déjà pris dans la page (écrit à la main avec un point) : suffixe numéroté.
    for i, ancre in enumerate(resultat):
        if ancre is None:
            continue
        candidat, n = ancre, 1
        while candidat in pris:
            n += 1
            candidat = f"{ancre}-{n}"
        pris.add(candidat)
        resultat[i] = candidat
    return resultat


# ---------------------------------------------------------------- Dans le HTML d'une page

# Les seules balises qui comptent pour situer un paragraphe : un passage de l'expression
# régulière par balise utile, jamais par nœud de texte.
_BALISE = re.compile(
    r"<(/?)(p|li|tr|h[1-6]|ul|ol|table|thead|tbody|tfoot|td|th|div|details|summary|blockquote|dl|dd|dt|nav"
    r"|figure|aside)(?=[\s/>])([^>]*)>", re.IGNORECASE)
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CLASSE = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_TOUS_LES_ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")
# Un paragraphe dans l'un de ces éléments n'a pas d'ancre propre (l'élément qui le contient en a
# une, ou c'est un titre d'encadré, un résumé repliable, une cellule).
_CONTENANTS_DE_P = frozenset({"li", "td", "th", "dd", "dt", "summary", "p"})
# Classes des zones qui ne sont pas du texte courant : cartes de l'accueil, barre des lettres.
_CLASSES_SANS_ANCRE = frozenset({"grid", "kb-lettres", "admonition-title"})
ATTRIBUT = "data-kb-ancre"


@dataclass
class _Ouvert:
    nom: str
    debut: int  # position de « < »
    fin_ouvrante: int  # position juste après « > »
    attributs: str
    ancrable: bool
    section: str
    # Calculés une fois, à l'ouverture : l'élément ou l'un de ses parents est une zone sans ancre
    # (<nav>, classe de _CLASSES_SANS_ANCRE) ; il est ou est dans un contenant de paragraphe.
    sans_ancre: bool = False
    contenant_de_p: bool = False


def ancrer_html(html: str, elisions: Iterable[str]) -> str:
    """Donne une ancre (`id`) et l'attribut `data-kb-ancre` à chaque paragraphe, élément de liste et
    ligne de corps de tableau du contenu d'une page. Un identifiant déjà présent est gardé."""
    pile: list[_Ouvert] = []
    section = SECTION_AVANT_LE_PREMIER_TITRE
    trouves: list[tuple[_Ouvert, int]] = []  # (élément, début de sa balise fermante)
    for m in _BALISE.finditer(html):
        fermante, nom, attributs = m.group(1), m.group(2).lower(), m.group(3)
        if fermante:
            # Remonte jusqu'à l'élément de même nom (le HTML de Markdown est bien formé).
            for j in range(len(pile) - 1, -1, -1):
                if pile[j].nom == nom:
                    element = pile[j]
                    del pile[j:]
                    if element.ancrable:
                        trouves.append((element, m.start()))
                    break
            continue
        if attributs.rstrip().endswith("/"):
            continue
        parent = pile[-1] if pile else None
        classe_sans_ancre = not _CLASSES_SANS_ANCRE.isdisjoint((_valeur(_CLASSE, attributs) or "").split())
        sans_ancre = classe_sans_ancre or nom == "nav" or (parent is not None and parent.sans_ancre)
        contenant_de_p = nom in _CONTENANTS_DE_P or (parent is not None and parent.contenant_de_p)
        if nom[0] == "h" and nom[1:].isdigit():
            if nom != "h1" and (ident := _valeur(_ID, attributs)):
                section = ident
            pile.append(_Ouvert(nom, m.start(), m.end(), attributs, False, section,
                                sans_ancre=sans_ancre, contenant_de_p=contenant_de_p))
            continue
        # Pour p, li et tr, sans_ancre dit exactement : l'élément a une classe sans ancre, ou l'un
        # de ses parents est une zone sans ancre.
        if nom == "p":
            ancrable = not sans_ancre and not (parent is not None and parent.contenant_de_p)
        elif nom == "li":
            ancrable = not sans_ancre
        elif nom == "tr":
            ancrable = not sans_ancre and parent is not None and parent.nom == "tbody"
        else:
            ancrable = False
        pile.append(_Ouvert(nom, m.start(), m.end(), attributs, ancrable, section,
                            sans_ancre=sans_ancre, contenant_de_p=contenant_de_p))
    trouves.sort(key=lambda t: t[0].debut)
    a_nommer = [(e, f) for e, f in trouves if not _valeur(_ID, e.attributs)]
    noms = ancres([Paragraphe(e.section, texte_visible(html[e.fin_ouvrante:f])) for e, f in a_nommer],
                  elisions, set(_TOUS_LES_ID.findall(html)))
    nouveaux = {id(e): n for (e, _), n in zip(a_nommer, noms)}
    morceaux: list[str] = []
    position = 0
    for element, _fin in trouves:
        a_un_id = bool(_valeur(_ID, element.attributs))
        nom = nouveaux.get(id(element))
        if not a_un_id and nom is None:
            continue  # sans texte : pas d'ancre
        insertion = f' id="{nom}" {ATTRIBUT}' if not a_un_id else f" {ATTRIBUT}"
        coupure = element.debut + 1 + len(element.nom)  # juste après « <p »
        morceaux += [html[position:coupure], insertion]
        position = coupure
    morceaux.append(html[position:])
    return "".join(morceaux)


def _valeur(motif: re.Pattern[str], attributs: str) -> str | None:
    m = motif.search(attributs)
    if not m:
        return None
    return next((g for g in m.groups() if g is not None), None)
