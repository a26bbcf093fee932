"""kb.references.citations : repérage des citations juridiques françaises, à leur position exacte."""

from __future__ import annotations

import pytest

from kb.references.citations import codes_du_registre, identifiant_de_texte, trouver
from kb.commun.normalisation import sans_accents

PAR_DATE = {"loi 10 septembre 1947": "loi-47-1775", "loi 31 juillet 2014": "loi-2014-856"}
# Les noms des codes viennent du registre (kb.references.citations.codes_du_registre) ; ici, un extrait.
CODES = {"du code du travail": "code-du-travail", "du code de commerce": "code-de-commerce",
         "du code de la sécurité sociale": "code-securite-sociale",
         "du code de la propriété intellectuelle": "code-de-la-propriete-intellectuelle"}


def refs(texte):
    return [(c.ref, texte[c.debut:c.fin]) for c in trouver(texte, PAR_DATE, CODES)]


@pytest.mark.parametrize("texte, attendu", [
    ("article L. 7331-2 du code du travail", [("code-du-travail:L7331-2", "L. 7331-2")]),
    ("art. L. 7331-2", [("code-du-travail:L7331-2", "L. 7331-2")]),
    ("L7331-2", [("code-du-travail:L7331-2", "L7331-2")]),
    ("R. 7331-11", [("code-du-travail:R7331-11", "R. 7331-11")]),
    ("art.\u00a0L.\u00a07331-2", [("code-du-travail:L7331-2", "L.\u00a07331-2")]),
    ("L.\u202f7332-3", [("code-du-travail:L7332-3", "L.\u202f7332-3")]),
    ("article L. 127-1 du code de commerce", [("code-de-commerce:L127-1", "L. 127-1")]),
    ("L. 311-3 du code de la sécurité sociale", [("code-securite-sociale:L311-3", "L. 311-3")]),
    ("L.\u00a0113-9 du\u00a0code de la propriété intellectuelle",
     [("code-de-la-propriete-intellectuelle:L113-9", "L.\u00a0113-9")]),
    ("article L. 113-9 du code de l'urbanisme", [("code-du-travail:L113-9", "L. 113-9")]),
    ("le 32° de l'article L. 311-3 du code de la sécurité\n  sociale", [("code-securite-sociale:L311-3", "L. 311-3")]),
])
def test_articles_de_code(texte, attendu):
    assert refs(texte) == attendu


def test_plusieurs_articles_et_intervalle():
    assert refs("articles L. 7331-1 et L. 7331-2") == [
        ("code-du-travail:L7331-1", "L. 7331-1"), ("code-du-travail:L7331-2", "L. 7331-2")]
    assert refs("articles L. 7331-1 à L. 7332-7") == [
        ("code-du-travail:L7331-1", "L. 7331-1"), ("code-du-travail:L7332-7", "L. 7332-7")]


def test_le_code_nomme_apres_s_applique_a_tout_le_groupe():
    assert [r for r, _ in refs("articles L. 127-1 et L. 127-2 du code de commerce")] == [
        "code-de-commerce:L127-1", "code-de-commerce:L127-2"]


@pytest.mark.parametrize("texte, attendu", [
    ("article 26-41 de la loi du 10 septembre 1947", [("loi-47-1775:26-41", "26-41")]),
    ("article 26-41 de la loi n° 47-1775", [("loi-47-1775:26-41", "26-41")]),
    ("article 1er de la loi du 10 septembre 1947", [("loi-47-1775:1", "1er")]),
    ("article 3 bis de la loi du 10 septembre 1947", [("loi-47-1775:3 bis", "3 bis")]),
    ("article 3\u00a0bis de la loi du 10 septembre 1947", [("loi-47-1775:3 bis", "3\u00a0bis")]),
    ("article 47 de la loi du 31 juillet 2014", [("loi-2014-856:47", "47")]),
    ("article 48 de la loi n°\u00a02014-856", [("loi-2014-856:48", "48")]),
    ("article 1er du décret n° 2015-1363", [("decret-2015-1363:1", "1er")]),
])
def test_articles_de_loi_et_de_decret(texte, attendu):
    assert refs(texte) == attendu


def test_plusieurs_articles_d_une_loi():
    assert [r for r, _ in refs("articles 47 et 48 de la loi du 31 juillet 2014")] == [
        "loi-2014-856:47", "loi-2014-856:48"]


@pytest.mark.parametrize("texte, ref", [
    ("la loi n° 2014-856", "loi-2014-856"),
    ("le décret n° 2015-1363", "decret-2015-1363"),
    ("Décret n°2015-1363", "decret-2015-1363"),
    ("l'ordonnance n° 2016-131", "ordonnance-2016-131"),
])
def test_textes_entiers(texte, ref):
    assert [r for r, _ in refs(texte)] == [ref]


def test_loi_citee_par_une_date_inconnue():
    citations = trouver("article 3 de la loi du 1er janvier 1900", PAR_DATE)
    assert len(citations) == 1 and citations[0].texte_id is None


def test_article_de_loi_trop_vague_ignore():
    assert refs("l'article 3 de la loi") == []


@pytest.mark.parametrize("texte", [
    "en 2014, 150 CAE",
    "le 10 septembre 1947",
    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000029317531",
    "le fichier article-l7331-2.md",
    "XL7331-2",
    "L7331",
])
def test_pas_de_citation(texte):
    assert refs(texte) == []


def test_une_loi_citee_par_article_n_est_pas_aussi_citee_en_entier():
    assert [r for r, _ in refs("article 48 de la loi n° 2014-856 du 31 juillet 2014")] == ["loi-2014-856:48"]


def test_ordre_et_positions():
    texte = "Voir L. 7331-2, puis la loi n° 2014-856 et l'article 26-41 de la loi du 10 septembre 1947."
    assert [texte[c.debut:c.fin] for c in trouver(texte, PAR_DATE, CODES)] == ["L. 7331-2", "loi n° 2014-856", "26-41"]


def test_identifiant_de_texte_sans_accents():
    assert identifiant_de_texte("Décret", "2015-1363") == "decret-2015-1363"
    assert identifiant_de_texte("Loi", "47-1775") == "loi-47-1775"
    assert sans_accents("sécurité sociale, Île") == "securite sociale, Ile"


def test_codes_du_registre_et_code_par_defaut(registre_reel):
    """Les noms des codes viennent du registre ; sans nom connu, le code du travail."""
    codes = codes_du_registre(registre_reel.textes.values())
    assert codes["du code de commerce"] == "code-de-commerce"
    assert all(v.startswith("code-") for v in codes.values())
    texte = "articles L. 127-1 et L. 127-2 du code de commerce, puis L. 7331-2"
    assert [c.ref for c in trouver(texte, None, codes)] == [
        "code-de-commerce:L127-1", "code-de-commerce:L127-2", "code-du-travail:L7331-2"]
    assert [c.ref for c in trouver("L. 127-1 du code de commerce")] == ["code-du-travail:L127-1"]


def test_forme_officielle_de_chaque_article_du_registre_reconnue(registre_reel):
    """Article.citation (« art. L. 7331-2 du code du travail ») : la grammaire des citations la relit."""
    from kb.references.citations import codes_du_registre, trouver

    codes = codes_du_registre(registre_reel.textes.values())
    for article in registre_reel.articles.values():
        citations = trouver(article.citation, {}, codes)
        assert [c.ref for c in citations] == [article.id], article.citation
    assert registre_reel.articles["code-du-travail:L7331-2"].citation == "art. L. 7331-2 du code du travail"
    assert registre_reel.articles["loi-47-1775:1"].citation == "art. 1er de la loi n° 47-1775 du 10 septembre 1947"
