"""kb.commun.schema : les écarts au schéma deviennent des phrases françaises qui nomment le champ."""

from __future__ import annotations

import pytest

from kb.commun.schema import erreurs, nom_du_champ

from .conftest import SCHEMA_PAGE, SCHEMA_TEXTE

DESCRIPTION = "Une description assez longue pour respecter le minimum de cinquante caractères."
VALIDE = {
    "title": "Période d'essai",
    "description": DESCRIPTION,
    "audience": ["entrepreneurs"],
    "sources": [{"ref": "code-du-travail:L7332-1"}],
    "verifie_le": "2026-11-26",
}


def messages(donnees, schema=SCHEMA_PAGE):
    return list(erreurs(donnees, schema))


def test_en_tete_valide():
    assert messages(VALIDE) == []


def test_page_d_article_sans_titre_ni_sources():
    article = {"article": "code-du-travail:L7331-2", "description": DESCRIPTION,
               "audience": ["tous"], "verifie_le": "2026-11-26"}
    assert messages(article) == []


def test_champ_obligatoire_manquant():
    donnees = {k: v for k, v in VALIDE.items() if k != "description"}
    assert messages(donnees) == [((), "le champ obligatoire « description » manque dans l'en-tête.")]


def test_titre_obligatoire_hors_page_d_article():
    donnees = {k: v for k, v in VALIDE.items() if k != "title"}
    assert messages(donnees) == [((), "le champ obligatoire « title » manque dans l'en-tête.")]


def test_champ_inconnu():
    donnees = dict(VALIDE, titre="Période d'essai")
    # Le chemin désigne le champ inconnu lui-même : le message donne sa ligne.
    assert messages(donnees) == [(("titre",), "champ inconnu « titre » dans l'en-tête (faute de frappe ?).")]


def test_public_inconnu():
    donnees = dict(VALIDE, audience=["entrepreneurs", "lecteurs"])
    assert messages(donnees) == [(("audience", 1),
                                  "valeur « lecteurs » refusée pour audience[2] ; valeurs permises : "
                                  "« entrepreneurs », « gestionnaires », « contributeurs », « tous ».")]


def test_public_vide():
    assert messages(dict(VALIDE, audience=[])) == [(("audience",), "audience ne doit pas être vide.")]


@pytest.mark.parametrize("date", ["26/11/2026", "2026-13-01", "2026-02-30", "le 1er décembre 2020"])
def test_date_qui_n_existe_pas(date):
    assert messages(dict(VALIDE, verifie_le=date)) == [(
        ("verifie_le",), f"verifie_le doit être une date réelle au format AAAA-MM-JJ (reçu : « {date} »).")]


def test_description_trop_courte_ou_trop_longue():
    assert messages(dict(VALIDE, description="Trop court.")) == [
        (("description",), "description est trop court (au moins 50 caractères).")]
    assert messages(dict(VALIDE, description="é" * 301)) == [
        (("description",), "description est trop long (au plus 300 caractères).")]


def test_mauvais_type():
    assert messages(dict(VALIDE, title=12)) == [(("title",), "title doit être un texte.")]
    assert messages(dict(VALIDE, audience="tous")) == [(("audience",), "audience doit être une liste.")]


def test_source_mal_formee():
    donnees = dict(VALIDE, sources=[{"titre": "Un site", "url": "http://exemple.fr"}])
    assert messages(donnees) == [(("sources", 0),
                                  "sources[1] doit être soit « ref: … », soit « titre: … » avec « url: https://… ».")]


def test_doublon():
    assert messages(dict(VALIDE, audience=["tous", "tous"])) == [
        (("audience",), "audience contient deux fois la même valeur.")]


def test_registre_numero_de_forme_inattendue():
    texte = {"id": "code-du-travail", "titre": "Code du travail", "titre_court": "code du travail",
             "nature": "code", "url": None, "articles": [{"numero": "L. 7331-2", "intitule": "Définition"}]}
    assert messages(texte, SCHEMA_TEXTE) == [(("articles", 0, "numero"),
                                             "articles[1].numero a une forme inattendue (« L. 7331-2 »).")]


@pytest.mark.parametrize("chemin, nom", [
    ((), "l'en-tête"),
    (("title",), "title"),
    (("sources", 0), "sources[1]"),
    (("sources", 2, "url"), "sources[3].url"),
    (("articles", 0, "voir_aussi", 1), "articles[1].voir_aussi[2]"),
])
def test_nom_du_champ_numerote_a_partir_de_un(chemin, nom):
    assert nom_du_champ(chemin) == nom
