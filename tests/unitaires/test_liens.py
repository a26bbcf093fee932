"""liens : les messages anglais de MkDocs sur les liens deviennent KB600, KB601, KB602 avec la ligne."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from kb.commun.messages_de_mkdocs import FiltreDesMessages


@pytest.fixture
def filtre(tmp_path):
    docs = tmp_path / "docs"
    (docs / "cesa").mkdir(parents=True)
    (docs / "cesa" / "contrat.md").write_text(
        "---\ntitle: Contrat\n---\n\n# Contrat\n\nVoir [la période d'essai](periode-essai.md#duree).\n"
        "Et [la rémunération](remuneration.md).\nOu [le dossier](remuneration/).\n", encoding="utf-8")
    return FiltreDesMessages(docs, tmp_path, SimpleNamespace())  # config : porte l'état du build


def test_lien_casse(filtre):
    assert filtre.reecrire(
        "Doc file 'cesa/contrat.md' contains a link 'remuneration.md', but the target is not found among "
        "documentation files.") == (
        "KB601 docs/cesa/contrat.md:8 : le lien « remuneration.md » vise une page qui n'existe pas. "
        "Correction : corrigez le chemin (relatif à la page, vers un fichier .md de docs/).")


def test_lien_casse_avec_suggestion(filtre):
    message = filtre.reecrire(
        "Doc file 'cesa/contrat.md' contains a link 'remuneration.md', but the target 'cesa/remuneration.md' "
        "is not found among documentation files. Did you mean 'remunerations.md'?")
    assert message.startswith("KB601 docs/cesa/contrat.md:8 : ")
    assert message.endswith("Lien probable : « remunerations.md ».")


def test_ancre_cassee(filtre):
    assert filtre.reecrire(
        "Doc file 'cesa/contrat.md' contains a link 'periode-essai.md#duree', but the doc "
        "'cesa/periode-essai.md' does not contain an anchor '#duree'.") == (
        "KB602 docs/cesa/contrat.md:7 : le lien « periode-essai.md#duree » vise l'ancre « #duree », qui "
        "n'existe pas dans docs/cesa/periode-essai.md. Correction : reprenez l'ancre du titre visé (survolez "
        "le titre sur le site et copiez le lien « ¶ ») ou donnez au titre un identifiant stable « {#mon-ancre} ».")


def test_lien_non_reconnu(filtre):
    message = filtre.reecrire("Doc file 'cesa/contrat.md' contains an unrecognized relative link 'remuneration/', "
                              "it was left as is.")
    assert message == ("KB601 docs/cesa/contrat.md:9 : le lien « remuneration/ » ne vise pas un fichier .md. "
                       "Correction : visez le fichier Markdown lui-même, par exemple « ../cesa/contrat.md ».")


def test_pages_absentes_du_menu(filtre):
    message = filtre.reecrire('The following pages exist in the docs directory, but are not included in the '
                              '"nav" configuration:\n  - cesa/brouillon.md\n  - glossaire.md')
    lignes = message.splitlines()
    assert [ligne.split(" : ")[0] for ligne in lignes] == ["KB600 docs/cesa/brouillon.md", "KB600 docs/glossaire.md"]
    assert "n'apparaît pas dans le menu" in lignes[0]


def test_autres_messages_inchanges(filtre):
    assert filtre.reecrire("Documentation built in 1.2 seconds") == "Documentation built in 1.2 seconds"


def test_filtre_une_seule_fois_par_build(filtre):
    texte = ("Doc file 'cesa/contrat.md' contains a link 'remuneration.md', but the target is not found among "
             "documentation files.")
    premier = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, texte, (), None)
    second = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, texte, (), None)
    assert filtre.filter(premier) is True and premier.getMessage().startswith("KB601 ")
    assert filtre.filter(second) is False  # build de la langue suivante : déjà dit
    # Un autre build (une autre configuration, donc un autre état) le dit de nouveau.
    autre = FiltreDesMessages(filtre.docs, filtre.racine, SimpleNamespace())
    troisieme = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0, texte, (), None)
    assert autre.filter(troisieme) is True
