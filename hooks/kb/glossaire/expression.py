"""L'expression régulière de tous les termes du glossaire et de leurs formes (pluriel, écriture
inclusive, apostrophe), construite une fois par build, avec l'ancre de chaque terme."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.commun.normalisation import ESPACE_DANS_LA_LIGNE, Slugify
from kb.glossaire.termes import Terme, ancre


def _motif_du_mot(mot: str) -> str:
    """Un mot d'un terme, tel qu'il s'écrit dans une page : pluriel, écriture inclusive, apostrophe."""
    mot = re.escape(mot).replace("'", "['’]")
    return mot + r"(?:s|x)?(?:[·•](?:e|es|s|rice|rices|euse|euses)(?:[·•]s)?)?"


@dataclass(frozen=True)
class Motifs:
    motif: re.Pattern[str]
    par_forme: dict[str, Terme]
    ancres: dict[str, str]  # terme -> ancre de sa définition


def motifs_des_termes(termes: list[Terme], slugify: Slugify) -> Motifs:
    """Une seule expression pour tous les termes et leurs `formes` (les plus longues d'abord).

    Les formes sont rangées par initiale : à chaque position du texte, l'expression n'essaie que
    celles qui commencent par la lettre lue (un test d'une classe de caractères écarte d'abord les
    autres positions). À une position donnée, elle trouve donc la même forme que si elle les
    essayait toutes dans l'ordre, et le groupe numéroté de chaque forme ne change pas.
    """
    formes = sorted(((f, t) for t in termes for f in (t.terme, *t.formes)), key=lambda ft: len(ft[0]), reverse=True)
    par_initiale: dict[str, list[tuple[str, Terme]]] = {}
    for f, t in formes:
        par_initiale.setdefault(f[:1].lower(), []).append((f, t))
    initiales = "".join(re.escape(i + i.upper()) for i in par_initiale)
    groupes = "|".join(f"(?=[{re.escape(i + i.upper())}])(?:" + "|".join(
        "(" + f"{ESPACE_DANS_LA_LIGNE}+".join(_motif_du_mot(m) for m in f.split()) + ")" for f, _ in groupe) + ")"
        for i, groupe in par_initiale.items())
    motif = re.compile(rf"(?=[{initiales}])(?<![\w·-])(?:{groupes})(?![\w-])", re.IGNORECASE)
    # Le groupe n de l'expression est la n-ième forme dans l'ordre des initiales.
    dans_l_ordre = [t for groupe in par_initiale.values() for _, t in groupe]
    return Motifs(motif, {str(i): t for i, t in enumerate(dans_l_ordre)},
                  {t.terme: ancre(t.terme, slugify) for t in termes})
