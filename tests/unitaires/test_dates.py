"""kb.commun.dates : dates en toutes lettres dans la langue de la page."""

from __future__ import annotations

import datetime as dt

import pytest

from kb.commun.dates import date_longue


@pytest.mark.parametrize("iso, attendu", [
    ("2020-12-01", "1er décembre 2020"),
    ("2015-10-27", "27 octobre 2015"),
    ("2014-08-01", "1er août 2014"),
    ("1947-09-10", "10 septembre 1947"),
    ("2026-02-11", "11 février 2026"),
    ("2026-11-26", "26 novembre 2026"),
])
def test_date_francaise(iso, attendu):
    assert date_longue(iso, "fr") == attendu


def test_le_1er_seulement_le_premier_du_mois():
    assert date_longue("2020-12-10", "fr") == "10 décembre 2020"
    assert date_longue("2020-12-11", "fr") == "11 décembre 2020"
    assert date_longue("2020-12-21", "fr") == "21 décembre 2020"


def test_date_objet_et_date_heure():
    assert date_longue(dt.date(2020, 12, 1), "fr") == "1er décembre 2020"
    assert date_longue("2020-12-01T08:15:00+01:00", "fr") == "1er décembre 2020"


def test_date_anglaise_sans_1er_ni_mois_francais():
    texte = date_longue("2020-12-01", "en")
    assert "December" in texte and "2020" in texte and "1" in texte
    assert "1er" not in texte and "décembre" not in texte


@pytest.mark.parametrize("vide", [None, ""])
def test_pas_de_date(vide):
    assert date_longue(vide, "fr") == ""


def test_date_impossible_affichee_telle_quelle():
    """Une date impossible est signalée par le build (KB100, KB201) ; l'affichage ne plante pas."""
    assert date_longue("2026-02-30", "fr") == "2026-02-30"
    assert date_longue("2026-13-01", "fr") == "2026-13-01"
