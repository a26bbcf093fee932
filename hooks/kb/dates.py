"""Dates lisibles dans la langue de la page : « 1er décembre 2020 », « December 1, 2020 »."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def date_longue(valeur: str | dt.date | None, langue: str) -> str:
    """Date en toutes lettres ; en français, le premier du mois s'écrit « 1er »."""
    if not valeur:
        return ""
    try:
        date = dt.date.fromisoformat(valeur[:10]) if isinstance(valeur, str) else valeur
    except ValueError:
        return str(valeur)  # date impossible : déjà signalée (KB101, KB201), affichée telle quelle
    texte = format_date(date, format="long", locale=langue)
    if langue.startswith("fr") and date.day == 1:
        texte = "1er" + texte[1:]
    return texte
