"""Repérage des citations juridiques dans un texte français (fonctions pures, sans MkDocs).

Formes reconnues (espaces ordinaires, insécables ou fines ; « L. » avec ou sans espace) :
- articles de code : « L. 7331-2 », « L7331-2 », « art. R. 7331-11 », « articles L. 7331-1 et
  L. 7331-2 », « L. 7331-1 à L. 7332-7 » ; le code du travail par défaut, sinon le code nommé
  juste après (« … du code de commerce ») : les noms des codes viennent du registre (argument
  `codes`, construit par :func:`codes_du_registre`), jamais d'une liste écrite ici ;
- articles de loi ou de décret : « article 26-41 de la loi du 10 septembre 1947 », « article 1er
  de la loi n° 2014-856 », « articles 47 et 48 de la loi du 31 juillet 2014 », « article 3 bis … » ;
- textes entiers : « loi n° 2014-856 », « décret n° 2015-1363 », « ordonnance n° 2016-415 ».
Chaque citation garde sa position, pour que le hook place le lien sur le numéro lui-même. Les
motifs (forme des numéros, des énumérations, des natures de textes) sont ceux de `kb.references.grammaire`,
la seule grammaire du site ; ce module les applique.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from kb.references.grammaire import (CODE_PAR_DEFAUT, GROUPE_LOI, NUM_CODE, TEXTE, UN_NUM_LOI, cle_de_date,
                                     codes_du_registre, groupe_code, numero_cite)
from kb.commun.normalisation import ESPACE, espaces_ordinaires, sans_accents, tirets_ordinaires

__all__ = ("CODE_PAR_DEFAUT", "Citation", "citation_officielle", "codes_du_registre", "identifiant_de_texte",
           "numero_cite", "trouver")


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
    return re.sub(f"{ESPACE}+", " ", texte)


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

    for groupe in GROUPE_LOI.finditer(texte):
        nature = groupe.group("loi") or groupe.group("decret") or groupe.group("ordonnance")
        if groupe.group("numero"):
            texte_id: str | None = identifiant_de_texte(nature, groupe.group("numero"))
        elif groupe.group("date"):
            texte_id = textes_par_date.get(cle_de_date(sans_accents(nature).lower(), _espaces(groupe.group('date'))))
        else:
            continue  # « l'article 3 de la loi » sans autre précision : trop vague pour un lien
        debut_nums = groupe.start("nums")
        for num in UN_NUM_LOI.finditer(groupe.group("nums")):
            numero = num.group("num") + (espaces_ordinaires(num.group("suffixe")) if num.group("suffixe") else "")
            citations.append(Citation(debut_nums + num.start(), debut_nums + num.end(), texte_id,
                                      numero, _espaces(groupe.group(0))))
        occupe.append(groupe.span())

    for groupe in groupe_code(tuple(codes)).finditer(texte):
        if _chevauche(groupe.span(), occupe):
            continue
        suffixe = groupe.groupdict().get("code")
        code = codes.get(_espaces(suffixe), CODE_PAR_DEFAUT) if suffixe else CODE_PAR_DEFAUT
        for num in NUM_CODE.finditer(texte, groupe.start(), groupe.end() - (len(suffixe) + 1 if suffixe else 0)):
            numero = num.group("lettre") + tirets_ordinaires(num.group("chiffres"))
            ecrit = _espaces(num.group(0)) + (" " + _espaces(suffixe) if suffixe else "")
            citations.append(Citation(num.start(), num.end(), code, numero, ecrit))
        occupe.append(groupe.span())

    for cite in TEXTE.finditer(texte):
        if _chevauche(cite.span(), occupe):
            continue
        citations.append(Citation(cite.start(), cite.end(),
                                  identifiant_de_texte(cite.group("nature"), cite.group("numero")),
                                  None, _espaces(cite.group(0))))
    return sorted(citations, key=lambda c: c.debut)


def citation_officielle(numero: str, nature: str, complement: str) -> str:
    """Forme officielle d'une citation d'article : « art. L. 7331-2 du code du travail »,
    « art. 26-41 de la loi n° 47-1775 du 10 septembre 1947 » (`complement` : celui du texte du
    registre, voir `kb.references.registre.Texte.complement`). :func:`trouver` la reconnaît."""
    return f"art. {numero_cite(numero, nature)} {complement}"


def _chevauche(span: tuple[int, int], occupe: list[tuple[int, int]]) -> bool:
    return any(span[0] < fin and debut < span[1] for debut, fin in occupe)
