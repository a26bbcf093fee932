"""Repérage des citations juridiques dans un texte français (fonctions pures, sans MkDocs).

Formes reconnues (espaces ordinaires, insécables ou fines ; « L. » avec ou sans espace) :
- articles de code : « L. 7331-2 », « L7331-2 », « art. R. 7331-11 », « articles L. 7331-1 et
  L. 7331-2 », « L. 7331-1 à L. 7332-7 » ; le code du travail par défaut, sinon le code nommé
  juste après (« … du code de commerce ») : les noms des codes viennent du registre (argument
  `codes`, construit par :func:`codes_du_registre`), jamais d'une liste écrite ici ;
- articles de loi ou de décret : « article 26-41 de la loi du 10 septembre 1947 », « article 1er
  de la loi n° 2014-856 », « articles 47 et 48 de la loi du 31 juillet 2014 », « article 3 bis … » ;
- textes entiers : « loi n° 2014-856 », « décret n° 2015-1363 », « ordonnance n° 2016-415 ».
Chaque citation garde sa position, pour que le hook place le lien sur le numéro lui-même.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from kb.normalisation import ESPACE, espaces_ordinaires, sans_accents

ESP = ESPACE
CODE_PAR_DEFAUT = "code-du-travail"

_NUM_CODE = rf"(?<![\w/.‑-])(?P<lettre>[LRD])\.?{ESP}?(?P<chiffres>\d{{1,4}}(?:[-‑]\d{{1,3}}){{1,3}})(?![\w‑-])"
_SEP = rf"(?:{ESP}*,{ESP}*|{ESP}+(?:et|à|ou){ESP}+)"
_NUM_CODE_SANS_GROUPE = rf"(?<![\w/.‑-])[LRD]\.?{ESP}?\d{{1,4}}(?:[-‑]\d{{1,3}}){{1,3}}(?![\w‑-])"


@lru_cache(maxsize=8)
def _groupe_code(noms: tuple[str, ...]) -> re.Pattern[str]:
    """Un ou plusieurs numéros d'articles de code, suivis du nom d'un des `noms` de codes."""
    suffixe = "|".join(f"{ESP}+".join(map(re.escape, nom.split())) for nom in sorted(noms, key=len, reverse=True))
    suffixe = rf"(?:{ESP}+(?P<code>{suffixe}))?" if noms else ""
    return re.compile(
        rf"{_NUM_CODE_SANS_GROUPE}(?:{_SEP}(?:articles?{ESP}+|art\.{ESP}*)?{_NUM_CODE_SANS_GROUPE})*{suffixe}"
    )


def codes_du_registre(textes: Iterable[object]) -> dict[str, str]:
    """« du code de commerce » -> « code-de-commerce », pour chaque code du registre.

    `textes` : les `kb.registre.Texte` (attributs `nature`, `complement`, `id`).
    """
    return {t.complement: t.id for t in textes if getattr(t, "nature", None) == "code"}


_UN_NUM_CODE = re.compile(_NUM_CODE)

_MOIS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_DATE = rf"(?:1er|\d{{1,2}}){ESP}(?:{_MOIS}){ESP}\d{{4}}"
_NUM_LOI = rf"\d{{1,3}}(?:-\d{{1,3}})?(?:er)?(?:{ESP}(?:bis|ter|quater|quinquies))?"
_GROUPE_LOI = re.compile(
    rf"\b(?:[Aa]rticles?|[Aa]rt\.){ESP}+(?P<nums>{_NUM_LOI}(?:{_SEP}{_NUM_LOI})*)"
    rf"{ESP}+(?:de{ESP}la{ESP}(?P<loi>loi)|du{ESP}(?P<decret>décret)|de{ESP}l['’](?P<ordonnance>ordonnance))"
    rf"(?:{ESP}+n°{ESP}?(?P<numero>\d{{2,4}}-\d{{1,5}}))?(?:{ESP}+du{ESP}+(?P<date>{_DATE}))?"
)
_UN_NUM_LOI = re.compile(rf"(?P<num>\d{{1,3}}(?:-\d{{1,3}})?)(?P<er>er)?(?P<suffixe>{ESP}(?:bis|ter|quater|quinquies))?")
_TEXTE = re.compile(rf"\b(?P<nature>[Ll]oi|[Dd]écret|[Oo]rdonnance){ESP}+n°{ESP}?(?P<numero>\d{{2,4}}-\d{{1,5}})\b")


@dataclass(frozen=True)
class Citation:
    """Un lien à poser : [debut, fin[ dans le texte, vers un article ou un texte entier."""

    debut: int
    fin: int
    texte_id: str | None  # None : texte désigné par une date inconnue du registre
    numero: str | None  # None : citation d'un texte entier
    ecrit: str  # la citation telle qu'elle est écrite (pour les messages d'erreur)

    @property
    def ref(self) -> str:
        return f"{self.texte_id}:{self.numero}" if self.numero else str(self.texte_id)


def identifiant_de_texte(nature: str, numero: str) -> str:
    """« Décret » + « 2015-1363 » -> « decret-2015-1363 » (forme des fichiers data/textes)."""
    return f"{sans_accents(nature).lower()}-{numero}"


def _espaces(texte: str) -> str:
    return re.sub(f"{ESP}+", " ", texte)


def trouver(texte: str, textes_par_date: Mapping[str, str] | None = None,
            codes: Mapping[str, str] | None = None) -> list[Citation]:
    """Toutes les citations du texte, dans l'ordre, sans chevauchement.

    `textes_par_date` associe « loi 10 septembre 1947 » à « loi-47-1775 », pour les lois citées
    par leur date plutôt que par leur numéro ; `codes` associe « du code de commerce » à
    « code-de-commerce » (voir :func:`codes_du_registre`). Un numéro sans nom de code connu vise
    le code du travail.
    """
    textes_par_date = textes_par_date or {}
    codes = codes or {}
    citations: list[Citation] = []
    occupe: list[tuple[int, int]] = []

    for groupe in _GROUPE_LOI.finditer(texte):
        nature = groupe.group("loi") or groupe.group("decret") or groupe.group("ordonnance")
        if groupe.group("numero"):
            texte_id: str | None = identifiant_de_texte(nature, groupe.group("numero"))
        elif groupe.group("date"):
            cle = f"{sans_accents(nature).lower()} {_espaces(groupe.group('date')).replace('1er ', '1 ')}"
            texte_id = textes_par_date.get(cle)
        else:
            continue  # « l'article 3 de la loi » sans autre précision : trop vague pour un lien
        debut_nums = groupe.start("nums")
        for num in _UN_NUM_LOI.finditer(groupe.group("nums")):
            numero = num.group("num") + (espaces_ordinaires(num.group("suffixe")) if num.group("suffixe") else "")
            citations.append(Citation(debut_nums + num.start(), debut_nums + num.end(), texte_id,
                                      numero, _espaces(groupe.group(0))))
        occupe.append(groupe.span())

    for groupe in _groupe_code(tuple(codes)).finditer(texte):
        if _chevauche(groupe.span(), occupe):
            continue
        suffixe = groupe.groupdict().get("code")
        code = codes.get(_espaces(suffixe), CODE_PAR_DEFAUT) if suffixe else CODE_PAR_DEFAUT
        for num in _UN_NUM_CODE.finditer(texte, groupe.start(), groupe.end() - (len(suffixe) + 1 if suffixe else 0)):
            numero = num.group("lettre") + num.group("chiffres").replace("‑", "-")
            ecrit = _espaces(num.group(0)) + (" " + _espaces(suffixe) if suffixe else "")
            citations.append(Citation(num.start(), num.end(), code, numero, ecrit))
        occupe.append(groupe.span())

    for cite in _TEXTE.finditer(texte):
        if _chevauche(cite.span(), occupe):
            continue
        citations.append(Citation(cite.start(), cite.end(),
                                  identifiant_de_texte(cite.group("nature"), cite.group("numero")),
                                  None, _espaces(cite.group(0))))
    return sorted(citations, key=lambda c: c.debut)


def numero_cite(numero: str, nature: str) -> str:
    """Le numéro d'un article du registre tel qu'on le cite : « L7331-2 » -> « L. 7331-2 » dans un
    code, « 1 » -> « 1er » dans une loi ou un décret, « 3 bis » et « 26-41 » tels quels."""
    if nature == "code":
        m = re.fullmatch(r"([LRD])(\d.*)", numero)
        return f"{m.group(1)}. {m.group(2)}" if m else numero
    return "1er" if numero == "1" else numero


def citation_officielle(numero: str, nature: str, complement: str) -> str:
    """Forme officielle d'une citation d'article : « art. L. 7331-2 du code du travail »,
    « art. 26-41 de la loi n° 47-1775 du 10 septembre 1947 » (`complement` : celui du texte du
    registre, voir `kb.registre.Texte.complement`). :func:`trouver` la reconnaît."""
    return f"art. {numero_cite(numero, nature)} {complement}"


def _chevauche(span: tuple[int, int], occupe: list[tuple[int, int]]) -> bool:
    return any(span[0] < fin and debut < span[1] for debut, fin in occupe)
