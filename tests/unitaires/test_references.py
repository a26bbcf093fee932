"""references : pages d'articles (nom, JSON-LD), dates des lois, export du registre."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from kb.references.registre import Article, Texte
from kb.references.grammaire import textes_par_date
from kb.references.export import exporter
from kb.references.fiche_d_article import _decrire, json_ld
from kb.references.pages_d_articles import slug_article

CODE = Texte(id="code-du-travail", titre="Code du travail", titre_court="code du travail", nature="code",
             url="https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050")
LOI = Texte(id="loi-47-1775", titre="Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération",
            titre_court="loi n° 47-1775 du 10 septembre 1947", nature="loi", date="1947-09-10",
            url="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004")
SITE = "https://base-juridique-cae.github.io/base-juridique-cae/"


@pytest.mark.parametrize("article, slug", [
    (Article(CODE, "L7331-2", "x"), "l7331-2"),
    (Article(CODE, "R7331-11", "x"), "r7331-11"),
    (Article(LOI, "26-41", "x"), "article-26-41"),
    (Article(LOI, "3 bis", "x"), "article-3-bis"),
    (Article(LOI, "1", "x"), "article-1"),
])
def test_nom_de_fichier_des_pages_d_articles(article, slug):
    assert slug_article(article) == slug


def test_json_ld_legislation():
    article = Article(CODE, "L7332-3", "Rémunération", legiarti="LEGIARTI000029317531", en_vigueur_depuis="2014-08-02")
    donnees = json_ld(article, SITE, SimpleNamespace(url="textes/code-du-travail/l7332-3/"))
    assert donnees["@context"] == "https://schema.org" and donnees["@type"] == "Legislation"
    assert donnees["name"] == "Article L7332-3 du code du travail"
    assert donnees["url"] == SITE + "textes/code-du-travail/l7332-3/"
    assert donnees["isBasedOn"] == "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000029317531"
    assert donnees["identifier"] == "LEGIARTI000029317531"
    assert donnees["legislationDateVersion"] == "2014-08-02"
    assert donnees["inLanguage"] == "fr" and donnees["legislationJurisdiction"] == "FR"
    json.dumps(donnees, ensure_ascii=False)


def test_json_ld_sans_identifiant_n_invente_rien():
    donnees = json_ld(Article(LOI, "1", "Définition"), SITE, SimpleNamespace(url="textes/loi-47-1775/article-1/"))
    assert "identifier" not in donnees and "legislationDateVersion" not in donnees
    assert donnees["isBasedOn"] == LOI.url
    assert donnees["isPartOf"] == {"@type": "Legislation", "name": LOI.titre, "legislationDate": "1947-09-10"}


def test_lois_citees_par_leur_date(registre_reel):
    dates = textes_par_date(registre_reel)
    assert dates["loi 10 septembre 1947"] == "loi-47-1775"
    assert dates["loi 31 juillet 2014"] == "loi-2014-856"
    assert "code du travail" not in " ".join(dates)


def test_decrire_createur():
    article = Article(LOI, "1", "x")
    assert _decrire("loi-47-1775:1", article) == "l'article 1er de la loi n° 47-1775 du 10 septembre 1947"
    assert _decrire("loi-47-1775", LOI) == "la loi n° 47-1775 du 10 septembre 1947"
    assert _decrire("ordonnance du 1er mai 1945", None) == "ordonnance du 1er mai 1945"
    assert _decrire(None, None) is None


def test_export_du_registre(registre_reel):
    export = exporter(registre_reel, {"code-du-travail:L7331-2": ["cesa/contrat/"]}, SITE)
    textes = {t["id"]: t for t in export["textes"]}
    assert set(textes) == set(registre_reel.textes)
    article = next(a for a in textes["code-du-travail"]["articles"] if a["id"] == "code-du-travail:L7331-2")
    assert article["titre"] == "Article L7331-2 du code du travail"
    assert article["page"] == SITE + "textes/code-du-travail/l7331-2/"
    assert article["cite_dans"] == [SITE + "cesa/contrat/"]
    assert article["url_code_du_travail_numerique"] == "https://code.travail.gouv.fr/code-du-travail/l7331-2"
    json.dumps(export, ensure_ascii=False)
