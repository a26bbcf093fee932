"""kb.diagnostics et kb.projet : format des messages, journal, domaines admis, langues."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from kb import diagnostics
from kb.diagnostics import CODES, Probleme, chemin_lisible, nouveau_build, signaler
from kb.projet import domaine_autorise, langue_par_defaut, langues


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
    nouveau_build()
    erreur = Probleme("KB104", "docs/a.md", "date future.", "corrigez.", 3)
    vieux = Probleme("KB105", "docs/a.md", "date ancienne.", "relisez.", 3)
    signaler(erreur)
    signaler(erreur)  # build de la langue suivante : pas de doublon
    signaler(vieux, avertissement=True)
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.ERROR, str(erreur)),
        (logging.INFO, f"AVERTISSEMENT {vieux}"),
    ]
    nouveau_build()
    caplog.clear()
    signaler(erreur)
    assert [r.getMessage() for r in caplog.records] == [str(erreur)]
    diagnostics.nouveau_build()


def test_second_processus_confie_les_problemes_des_pages_francaises(caplog):
    """Dans le processus de l'anglais (hooks/langues_paralleles.py), les messages sur les pages
    françaises sont confiés au processus principal, qui n'affiche que ceux qu'il n'a pas trouvés
    lui-même ; ceux des traductions et des données s'affichent tout de suite."""
    caplog.set_level(logging.INFO, logger="mkdocs.hooks.kb")
    nouveau_build()
    deja_vu = Probleme("KB400", "docs/entrepreneur·e/période-d’essai.md", "balise <script>.", "supprimez-la.", 4)
    diagnostics.deja_signales.add(str(deja_vu))  # le parent l'affichera lui-même : rien à confier
    diagnostics.signales_ailleurs(lambda fichier: fichier.endswith(".md") and not fichier.endswith(".en.md"))
    try:
        signaler(deja_vu)
        signaler(Probleme("KB601", "docs/index.en.md", "lien cassé.", "corrigez.", 12))
        signaler(Probleme("KB500", "data/glossaire.yml", "renvoi inconnu.", "corrigez.", 2))
        signaler(Probleme("KB105", "docs/cesa/contrat.md", "date ancienne.", "relisez.", 7), avertissement=True)
        ancre = "KB602 docs/cesa/contrat.md:3 : l’ancre « #essai » manque dans docs/index.en.md. Correction : x."
        assert diagnostics.premiere_fois(ancre, niveau=logging.WARNING) is False
        assert diagnostics.premiere_fois("KB602 docs/cesa/contrat.en.md:3 : ancre. Correction : x.") is True
        assert diagnostics.premiere_fois("KB602 docs/cesa/contrat.en.md:3 : ancre. Correction : x.") is False
        confies = list(diagnostics.messages_mis_de_cote)
    finally:
        diagnostics.signales_ailleurs(None)
    assert [r.getMessage().split(" : ")[0] for r in caplog.records] == [
        "KB601 docs/index.en.md:12", "KB500 data/glossaire.yml:2"]
    assert [(niveau, texte.split(" : ")[0]) for niveau, texte, _ in confies] == [
        (logging.INFO, "AVERTISSEMENT KB105 docs/cesa/contrat.md:7"), (logging.WARNING, "KB602 docs/cesa/contrat.md:3")]
    # Le processus principal : il a déjà dit l'avertissement KB105, pas l'ancre (propre à l'anglais).
    nouveau_build()
    caplog.clear()
    diagnostics.deja_signales.add(confies[0][2])
    assert diagnostics.reprendre_les_messages(confies) == 1
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [(logging.WARNING, ancre)]
    nouveau_build()


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


def test_cache_du_build_vide_a_chaque_build_complet():
    from kb.diagnostics import cache_du_build, nouveau_build

    cache = cache_du_build()
    cache["page.md"] = "vérifiée"
    assert cache == {"page.md": "vérifiée"}  # build anglais du même build complet : gardé
    nouveau_build()
    assert cache == {}
