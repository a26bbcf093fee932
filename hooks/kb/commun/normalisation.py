"""Normalisation du texte français, écrite une seule fois (fonctions pures, sans MkDocs).

Le build, la recherche, le glossaire, les citations, la typographie et les ancres des paragraphes
comparent ou découpent du texte : ils prennent ici leurs règles.

- espaces : l'espace ordinaire et les espaces insécables (U+00A0 avant « : », U+202F, l'espace
  fine, avant « ; ! ? ») que la typographie insère (`ESPACE`, `espaces_ordinaires`) ;
- tirets : le trait d'union insécable (U+2011) vaut un trait d'union (`tirets_ordinaires`) ;
- accents : « é » -> « e », « Î » -> « I » (`sans_accents`) ; ligatures « œ », « æ » (`plier`) ;
- clé de comparaison de deux noms (`cle_de_comparaison`) : « Période d'essai » et « periode
  d’essai » ont la même ;
- élisions (« l' », « d' », « qu' »…) : la liste est dans data/recherche.yml (`elisions`), le
  motif qui les retire en tête de mot, ici (`motif_des_elisions`) ;
- ancres des titres : la fonction `slugify` de l'extension toc de mkdocs.yml
  (`slugify_des_titres`), la seule du site (« Période d'essai » -> « periode-dessai »).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

ESPACE_INSECABLE = "\u00a0"
ESPACE_FINE_INSECABLE = "\u202f"
#: Une espace dans un texte, retour à la ligne compris (expression régulière).
ESPACE = r"[ \t\n\u00a0\u202f]"
#: Une espace à l'intérieur d'une ligne (les mots d'un même terme du glossaire).
ESPACE_DANS_LA_LIGNE = r"[ \u00a0\u202f]"
#: Les apostrophes : droite, typographique (’), lettre modificative (ʼ).
APOSTROPHES = "'’ʼ"

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "OE", "Æ": "AE"})

Slugify = Callable[[str, str], str]


def espaces_ordinaires(texte: str) -> str:
    """Les espaces insécables (U+00A0, U+202F) deviennent des espaces ordinaires."""
    return texte.replace(ESPACE_INSECABLE, " ").replace(ESPACE_FINE_INSECABLE, " ")


def tirets_ordinaires(texte: str) -> str:
    """Le trait d'union insécable (U+2011) devient un trait d'union."""
    return texte.replace("\u2011", "-")


# Les signes diacritiques (catégorie Unicode Mn) sont tous au-delà de U+02FF. Ceux des lettres
# latines (U+0300 à U+036F, tous Mn) sont retirés d'un coup ; les autres caractères au-delà de
# U+02FF, rares dans un texte français décomposé, sont examinés un à un.
_DIACRITIQUES_LATINS = re.compile("[\u0300-\u036f]+")
_AU_DELA_DU_LATIN = re.compile("[^\x00-\u02ff]+")


def majuscule(texte: str) -> str:
    """Le texte avec une capitale initiale (« Code du travail »), le reste inchangé."""
    return texte[:1].upper() + texte[1:]


def sans_accents(texte: str) -> str:
    """Sans diacritiques : « sécurité sociale, Île » -> « securite sociale, Ile » (casse gardée)."""
    if texte.isascii():
        return texte
    texte = _DIACRITIQUES_LATINS.sub("", unicodedata.normalize("NFD", texte))
    return texte if texte.isascii() else _AU_DELA_DU_LATIN.sub(_sans_diacritiques, texte)


def _sans_diacritiques(m: re.Match[str]) -> str:
    return "".join(c for c in m.group() if unicodedata.category(c) != "Mn")


def plier(texte: str) -> str:
    """Clé d'un mot pour la recherche : minuscules, sans accents, ligatures développées
    (« Rémunération » -> « remuneration », « Œuvre » -> « oeuvre »)."""
    return sans_accents(texte.lower().translate(_LIGATURES))


def cle_de_comparaison(texte: str) -> str:
    """Clé de comparaison de deux noms : sans accents, sans casse, la ponctuation (apostrophes,
    tirets, points) réduite à des espaces, sans espaces superflues (« Période d’essai » ->
    « periode d essai »)."""
    sans = sans_accents(texte)
    return " ".join("".join(c if c.isalnum() else " " for c in sans.lower()).split())


# ---------------------------------------------------------------- Élisions


def motif_des_elisions(elisions: Iterable[str]) -> re.Pattern[str]:
    """« l' », « qu' », « jusqu' »… en tête de mot, quelle que soit l'apostrophe ou la casse."""
    return _motif_des_elisions(tuple(elisions))


@lru_cache(maxsize=8)
def _motif_des_elisions(elisions: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(e) for e in sorted(elisions, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})[{APOSTROPHES}]", re.IGNORECASE)


def sans_elisions(texte: str, elisions: Iterable[str]) -> str:
    """Les élisions retirées (remplacées par une espace) : « l'entrepreneur » -> « entrepreneur »."""
    if not any(apostrophe in texte for apostrophe in APOSTROPHES):
        return texte  # pas d'apostrophe, pas d'élision : inutile d'essayer le motif à chaque lettre
    return motif_des_elisions(elisions).sub(" ", texte)


def elisions(racine: str | Path) -> tuple[str, ...]:
    """Les élisions de data/recherche.yml (clé `elisions`), relues quand le fichier change.

    Le fichier a déjà été contrôlé (KB800) par kb/recherche/regles.py ; illisible, il ne donne rien."""
    chemin = Path(racine) / "data" / "recherche.yml"
    return _elisions(str(chemin), chemin.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _elisions(chemin: str, _version: int) -> tuple[str, ...]:
    try:
        donnees = yaml.safe_load(Path(chemin).read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return ()
    liste = donnees.get("elisions") if isinstance(donnees, dict) else None
    return tuple(str(e) for e in liste) if isinstance(liste, list) else ()


# ---------------------------------------------------------------- Ancres des titres


def slugify_des_titres(config: Any) -> Slugify:
    """La seule fonction d'ancre du site : celle des titres (option `slugify` de l'extension toc
    dans mkdocs.yml, « Période d'essai » -> « periode-dessai »). Le glossaire et « Quoi de neuf ? »
    s'en servent pour leurs ancres, pour qu'une ancre écrite à la main suive la même règle."""
    fonction = config.mdx_configs.get("toc", {}).get("slugify")
    if fonction is None:
        from markdown.extensions.toc import slugify as fonction
    return fonction
