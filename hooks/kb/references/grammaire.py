"""La grammaire des numéros d'articles et des citations juridiques, écrite une seule fois.

Rôle : dire à quoi ressemble un numéro d'article (« L. 7331-2 », « R7331-11 », « 26-41 »,
« 3 bis », « 1er ») et une citation (« art. L. 7331-2 du code de commerce », « article 26-41 de
la loi du 10 septembre 1947 », « décret n° 2015-1363 »). Tous les autres modules prennent leurs
motifs ici, aucun n'en écrit :

- `kb.references.citations` (liens des citations, kb/references/liaison.py) : motifs des citations ;
- `kb.typographie.espaces` : espace insécable après « art. » et « L. » devant un numéro ;
- `kb.pages.ancres` : la lettre d'un numéro reste collée à ses chiffres dans une clé ;
- `kb.references.registre` : forme d'un numéro dans le registre (`normaliser_numero`) ;
- `kb.recherche.jetons` : jetons des pages (`forme_du_registre`), et les motifs des numéros tapés
  dans une requête (`motifs_de_la_requete`), que le navigateur reçoit dans recherche/regles.json
  (clé `numeros`) : recherche.js ne les réécrit pas.

Ce qui vient du registre (data/textes/*.yml) et non d'ici : les noms des codes (« du code de
commerce » -> code-de-commerce) et les textes cités par leur date (« loi du 10 septembre 1947 »
-> loi-47-1775), réunis par :func:`grammaire_du_registre`. Ce qui est écrit ici, parce que c'est
la forme des numéros et non une liste de textes : les lettres des articles de code (L, R, D), les
tirets (trait d'union, insécable), les suffixes (bis, ter, quater, quinquies), les natures de textes
(loi, décret, ordonnance) et les mots qui les introduisent. Les espaces : `kb.commun.normalisation`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping

from kb.commun.dates import date_longue
from kb.commun.normalisation import ESPACE as ESP

#: Lettres des articles de code : législatif (L), réglementaire (R), décret simple (D).
LETTRES = "LRD"
LETTRE = f"[{LETTRES}]"
#: Trait d'union, et trait d'union insécable (U+2011), entre les chiffres d'un numéro.
TIRETS = "\u2011-"  # le trait d'union en dernier : dans [...], pas une plage
#: Suffixes d'un article inséré entre deux autres (« 3 bis », « 19 quinquies »).
SUFFIXES = ("bis", "ter", "quater", "quinquies")
CODE_PAR_DEFAUT = "code-du-travail"

# ---------------------------------------------------------------- Citations (texte des pages)

_CHIFFRES_CODE = rf"\d{{1,4}}(?:[{TIRETS}]\d{{1,3}}){{1,3}}"
#: Un numéro d'article de code cité (« L. 7331-2 », « L7331-2 ») : groupes `lettre`, `chiffres`.
NUM_CODE = re.compile(rf"(?<![\w/.{TIRETS}])(?P<lettre>{LETTRE})\.?{ESP}?(?P<chiffres>{_CHIFFRES_CODE})(?![\w{TIRETS}])")
_NUM_CODE_SANS_GROUPE = rf"(?<![\w/.{TIRETS}]){LETTRE}\.?{ESP}?{_CHIFFRES_CODE}(?![\w{TIRETS}])"
#: Entre deux numéros d'une énumération : « , », « et », « à », « ou ».
SEPARATEUR = rf"(?:{ESP}*,{ESP}*|{ESP}+(?:et|à|ou){ESP}+)"

_MOIS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_DATE = rf"(?:1er|\d{{1,2}}){ESP}(?:{_MOIS}){ESP}\d{{4}}"
_SUFFIXE = rf"{ESP}(?:{'|'.join(SUFFIXES)})"
_NUM_LOI = rf"\d{{1,3}}(?:-\d{{1,3}})?(?:er)?(?:{_SUFFIXE})?"
_NUMERO_DE_TEXTE = r"\d{2,4}-\d{1,5}"
#: « articles 47 et 48 de la loi n° 2014-856 du 31 juillet 2014 » : groupes `nums`, `loi` /
#: `decret` / `ordonnance`, `numero`, `date`.
GROUPE_LOI = re.compile(
    rf"\b(?:[Aa]rticles?|[Aa]rt\.){ESP}+(?P<nums>{_NUM_LOI}(?:{SEPARATEUR}{_NUM_LOI})*)"
    rf"{ESP}+(?:de{ESP}la{ESP}(?P<loi>loi)|du{ESP}(?P<decret>décret)|de{ESP}l['’](?P<ordonnance>ordonnance))"
    rf"(?:{ESP}+n°{ESP}?(?P<numero>{_NUMERO_DE_TEXTE}))?(?:{ESP}+du{ESP}+(?P<date>{_DATE}))?"
)
#: Un numéro dans `nums` de GROUPE_LOI : groupes `num`, `er`, `suffixe`.
UN_NUM_LOI = re.compile(rf"(?P<num>\d{{1,3}}(?:-\d{{1,3}})?)(?P<er>er)?(?P<suffixe>{_SUFFIXE})?")
#: Natures des textes qui ne sont pas des codes (champ `nature` du registre, voir
#: data/schemas/texte.schema.json) -> le mot écrit dans une citation.
NATURES_DE_TEXTE = MappingProxyType({"loi": "loi", "decret": "décret", "ordonnance": "ordonnance"})
_NATURE_ECRITE = "|".join(f"[{mot[0].upper()}{mot[0]}]{mot[1:]}" for mot in NATURES_DE_TEXTE.values())
#: Un texte entier : « loi n° 2014-856 », « Décret n° 2015-1363 » : groupes `nature`, `numero`.
TEXTE = re.compile(rf"\b(?P<nature>{_NATURE_ECRITE}){ESP}+n°{ESP}?(?P<numero>{_NUMERO_DE_TEXTE})\b")


@lru_cache(maxsize=8)
def groupe_code(noms: tuple[str, ...]) -> re.Pattern[str]:
    """Un ou plusieurs numéros d'articles de code, suivis du nom d'un des `noms` de codes (ceux
    du registre, « du code de commerce »…) : groupe `code`. Fonction pure : le cache ne retient
    que des motifs compilés, pour les mêmes noms."""
    suffixe = "|".join(f"{ESP}+".join(map(re.escape, nom.split())) for nom in sorted(noms, key=len, reverse=True))
    suffixe = rf"(?:{ESP}+(?P<code>{suffixe}))?" if noms else ""
    return re.compile(
        rf"{_NUM_CODE_SANS_GROUPE}(?:{SEPARATEUR}(?:articles?{ESP}+|art\.{ESP}*)?{_NUM_CODE_SANS_GROUPE})*{suffixe}"
    )


# ---------------------------------------------------------------- Typographie et clés d'ancres

#: Abréviation d'article de code devant son numéro (« L. » dans « L. 7331-2 »).
ABREVIATION_DE_CODE = rf"{LETTRE}\."
#: Début d'un numéro d'article de code (« L. 7331 », « L7331 ») : ce qui suit « art. ».
DEBUT_DE_NUMERO_DE_CODE = rf"{LETTRE}\.?{ESP}?\d"


# ---------------------------------------------------------------- Forme des numéros du registre

#: Un numéro d'article d'une loi, d'un décret ou d'une ordonnance : « 26-41 », « 1 », « 3 bis ».
NUMERO_D_ARTICLE_DE_TEXTE = rf"\d+(-\d+)*( ({'|'.join(SUFFIXES)}))?"
#: Un numéro d'article tel que le registre l'écrit (champ `numero` de data/textes/*.yml) :
#: « L7331-2 », ou un numéro d'article de texte. data/schemas/texte.schema.json porte le même
#: motif (un schéma JSON ne peut pas l'importer ; tests/unitaires/test_grammaire.py les compare).
NUMERO_DU_REGISTRE = rf"^({LETTRE}\d+(-\d+)+|{NUMERO_D_ARTICLE_DE_TEXTE})$"

_FORME_CODE = re.compile(rf"({LETTRE})(\d.*)")


def forme_du_registre(numero: str) -> tuple[str | None, str]:
    """(lettre, chiffres) d'un numéro du registre : « L7331-2 » -> (« L », « 7331-2 ») ;
    « 26-41 » -> (None, « 26-41 »). Accepte la lettre en minuscule et une espace (« l 7331-2 »)."""
    m = re.fullmatch(rf"({LETTRE})\s*(\d.*)", numero.strip(), re.IGNORECASE)
    return (m.group(1), m.group(2)) if m else (None, numero.strip())


def normaliser_numero(numero: str) -> str:
    """« L. 7331-2 » -> « L7331-2 » ; « 1er » -> « 1 » ; « 3 bis » garde son espace."""
    numero = re.sub(r"[\s\u00a0\u202f]+", " ", numero.strip())
    numero = re.sub(rf"^({LETTRE})\.?\s*", lambda m: m.group(1).upper(), numero, flags=re.IGNORECASE)
    numero = numero.replace("\u2011", "-").replace("–", "-")
    return re.sub(r"^1er\b", "1", numero)


def numero_cite(numero: str, nature: str) -> str:
    """Le numéro d'un article du registre tel qu'on le cite : « L7331-2 » -> « L. 7331-2 » dans un
    code, « 1 » -> « 1er » dans une loi ou un décret, « 3 bis » et « 26-41 » tels quels."""
    if nature == "code":
        m = _FORME_CODE.fullmatch(numero)
        return f"{m.group(1)}. {m.group(2)}" if m else numero
    return "1er" if numero == "1" else numero


def numero_de_texte(texte_id: str) -> str | None:
    """Le numéro d'un texte, d'après son identifiant : « loi-47-1775 » -> « 47-1775 »."""
    m = re.search(r"(\d+-\d+)$", texte_id)
    return m.group(1) if m else None


# ---------------------------------------------------------------- Requêtes de la recherche

# Les motifs de la requête sont lus par Python (re) et par le navigateur (RegExp, drapeaux
# « giu ») : pas de \w ni de \p{…}, une lettre est écrite par ses plages. Le navigateur met la
# requête en forme NFKC, qui change le trait d'union insécable (U+2011) en U+2010 : les deux sont
# des tirets ici.
_LETTRE_DE_MOT = "0-9A-Za-zÀ-ÖØ-öø-ÿ_"
_TIRET_DE_LA_REQUETE = r"\u2010\u2011-"  # U+2010, U+2011, trait d'union (en dernier)
_ART_DE_LA_REQUETE = r"(?:art(?:icle)?s?\.?\s*)?"


def motifs_de_la_requete() -> dict[str, str]:
    """Sources des expressions qui trouvent les numéros tapés dans une requête (sans casse) :

    - « article » : « L7331-2 », « l. 7331 - 2 », « art. R.7331-11 » -> groupes (lettre, numéro) ;
    - « numero » : « 7331-2 », « 26-41 », « 2015-1363 » -> groupe (numéro) ;
    - « tiret » : le séparateur des chiffres dans un numéro (pour son jeton, « l7331x2 »).

    Le build les compile (kb/recherche/jetons.py) et les écrit (kb/recherche/regles.py) dans
    recherche/regles.json, d'où recherche.js les lit."""
    tiret = f"[{_TIRET_DE_LA_REQUETE}]"
    return {
        "article": rf"(?<![{_LETTRE_DE_MOT}])" + _ART_DE_LA_REQUETE
                   + rf"({LETTRE})\s*\.?\s*(\d{{1,5}}(?:\s*{tiret}\s*\d+)+)(?![{_LETTRE_DE_MOT}{_TIRET_DE_LA_REQUETE}])",
        "numero": rf"(?<![{_LETTRE_DE_MOT}{_TIRET_DE_LA_REQUETE}])" + _ART_DE_LA_REQUETE
                  + rf"(\d{{1,5}}(?:{tiret}\d+)+)(?![{_LETTRE_DE_MOT}{_TIRET_DE_LA_REQUETE}])",
        "tiret": rf"\s*{tiret}\s*",
    }


# ---------------------------------------------------------------- Ce qui vient du registre


@dataclass(frozen=True)
class Grammaire:
    """La part de la grammaire tirée du registre : noms des codes et textes cités par leur date.

    `codes` : « du code de commerce » -> « code-de-commerce » ; `textes_par_date` :
    « loi 10 septembre 1947 » -> « loi-47-1775 ». Construite une fois par build complet
    (`kb.commun.projet.grammaire`, rangée dans l'état du build)."""

    codes: Mapping[str, str]
    textes_par_date: Mapping[str, str]


def codes_du_registre(textes: Iterable[object]) -> dict[str, str]:
    """« du code de commerce » -> « code-de-commerce », pour chaque code du registre.

    `textes` : les `kb.references.registre.Texte` (attributs `nature`, `complement`, `id`).
    """
    return {t.complement: t.id for t in textes if getattr(t, "nature", None) == "code"}


def cle_de_date(nature: str, date: str) -> str:
    """Clé d'un texte cité par sa date : (« loi », « 1er juillet 1901 ») -> « loi 1 juillet 1901 »."""
    return f"{nature} {date.replace('1er ', '1 ')}"


def textes_par_date(reg: object) -> dict[str, str]:
    """« loi 10 septembre 1947 » -> « loi-47-1775 », pour les textes du registre (`kb.references.registre.Registre`)
    qui ne sont pas des codes : la clé que :func:`cle_de_date` donne à une citation par date."""
    resultat = {}
    for texte in reg.textes.values():  # type: ignore[attr-defined]
        if texte.date and texte.nature != "code":
            resultat[cle_de_date(texte.nature, date_longue(texte.date, 'fr'))] = texte.id
    return resultat


def grammaire_du_registre(reg: object) -> Grammaire:
    """La grammaire d'un registre chargé (`kb.references.registre.Registre`)."""
    return Grammaire(codes=codes_du_registre(reg.textes.values()),  # type: ignore[attr-defined]
                     textes_par_date=textes_par_date(reg))
