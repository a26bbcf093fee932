"""Dates lisibles dans la langue de la page : « 1er décembre 2020 », « December 1, 2020 »."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date


def date_longue(valeur: str | dt.date | None, langue: str) -> str:
    """Date en toutes lettres ; en français, le premier du mois s'écrit « 1er »."""
    if not valeur:
        return ""
    if isinstance(valeur, (str, dt.date)):
        return _date_longue(valeur, langue)
    return _mettre_en_lettres(valeur, langue)


# Fonction pure : chaque page affiche les mêmes dates (vérification, mise à jour, nouveautés) dans
# deux langues ; babel n'est appelé qu'une fois par date et par langue.
@lru_cache(maxsize=4096)
def _date_longue(valeur: str | dt.date, langue: str) -> str:
    return _mettre_en_lettres(valeur, langue)


def _mettre_en_lettres(valeur, langue: str) -> str:
    try:
        date = dt.date.fromisoformat(valeur[:10]) if isinstance(valeur, str) else valeur
    except ValueError:
        return str(valeur)  # date impossible : déjà signalée (KB101, KB201), affichée telle quelle
    texte = format_date(date, format="long", locale=langue)
    if langue.startswith("fr") and date.day == 1:
        texte = "1er" + texte[1:]
    return texte
