"""kb.commun.diagnostics et kb.commun.projet : format des messages, journal, domaines admis, langues."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from kb.commun.diagnostics import CODES, Probleme, chemin_lisible, signaler
from kb.commun.etat import ouvrir_un_build
from kb.commun.projet import domaine_autorise, langue_par_defaut, langues


def test_format_code_fichier_ligne_correction():
    p = Probleme("KB102", "docs/cesa/contrat.md", "la page ne cite aucune source.", "ajoutez une source.", 5)
    assert str(p) == "KB102 docs/cesa/contrat.md:5 : la page ne cite aucune source. Correction : ajoutez une source."
    sans_ligne = Probleme("KB300", "docs/page.en.md", "traduction orpheline.", "créez la page.")
    assert str(sans_ligne) == "KB300 docs/page.en.md : traduction orpheline. Correction : créez la page."


def test_chaque_code_a_un_titre():
    assert all(code.startswith("KB") and len(code) == 5 and titre for code, titre in CODES.items())
    assert {"KB100", "KB101", "KB102", "KB103", "KB104", "KB105", "KB106", "KB300", "KB301"} <= set(CODES)


def test_chemin_lisible(tmp_path):
    page = tmp_path / "docs" / "cesa" / "période-essai.md"
    assert chemin_lisible(page, tmp_path) == "docs/cesa/période-essai.md"
    assert chemin_lisible("/ailleurs/page.md", tmp_path) == "/ailleurs/page.md"


def test_signaler_erreur_avertissement_et_une_seule_fois(caplog):
    caplog.set_level(logging.INFO, logger="mkdocs.hooks.kb")
    config = SimpleNamespace()
    erreur = Probleme("KB104", "docs/a.md", "date future.", "corrigez.", 3)
    vieux = Probleme("KB105", "docs/a.md", "date ancienne.", "relisez.", 3)
    signaler(config, erreur)
    signaler(config, erreur)  # build de la langue suivante : pas de doublon
    signaler(config, vieux, avertissement=True)
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.ERROR, str(erreur)),
        (logging.INFO, f"AVERTISSEMENT {vieux}"),
    ]
    ouvrir_un_build(config)  # build complet suivant : le problème est de nouveau signalé, une fois
    caplog.clear()
    signaler(config, erreur)
    signaler(config, erreur)
    assert [r.getMessage() for r in caplog.records] == [str(erreur)]


@pytest.mark.parametrize("url, admis", [
    ("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000029317531", True),
    ("https://legifrance.gouv.fr/", True),
    ("https://WWW.Legifrance.GOUV.fr/", True),
    ("https://code.travail.gouv.fr/code-du-travail/l7331-3", True),
    ("https://www.les-cae.coop/notre-histoire", True),
    ("https://legifrance.gouv.fr.exemple.com/", False),
    ("https://faux-legifrance.gouv.fr/", False),
    ("https://github.com/etalab/codes", False),
    ("https://", False),
])
def test_domaine_autorise(url, admis, domaines_reels):
    assert domaine_autorise(url, domaines_reels) is admis


def _config_i18n(*langues_construites):
    langs = [SimpleNamespace(locale=loc, default=defaut, build=build) for loc, defaut, build in langues_construites]
    i18n = SimpleNamespace(config=SimpleNamespace(languages=langs))
    return SimpleNamespace(plugins={"i18n": i18n}, theme={"language": "fr"})


def test_langues_construites_defaut_en_tete():
    config = _config_i18n(("en", False, True), ("fr", True, True), ("de", False, False))
    assert langues(config) == ["fr", "en"]
    assert langue_par_defaut(config) == "fr"


def test_langues_sans_i18n():
    assert langues(SimpleNamespace(plugins={}, theme={"language": "fr"})) == ["fr"]
