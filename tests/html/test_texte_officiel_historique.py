"""Pages d'articles du site construit : le bloc « Texte officiel » vient de data/textes-officiels/
(rédaction de la version résumée, sa date, où et quand elle a été lue, lien vers cette version) ;
l'historique vient du registre (création, modifications datées, version résumée), ou la page dit
« Historique non vérifié »."""

from __future__ import annotations

import re

import pytest

from arbre_html import RACINE
from kb.references.registre import charger, url_legifrance_article
from kb.references.textes_officiels import charger as charger_redactions

pytestmark = pytest.mark.html

DONNEES = RACINE / "data"


@pytest.fixture(scope="module")
def registre():
    reg, problemes = charger(DONNEES / "textes", DONNEES / "schemas" / "texte.schema.json", RACINE)
    assert not problemes, problemes
    return reg


@pytest.fixture(scope="module")
def redactions(registre):
    lues, problemes = charger_redactions(DONNEES / "textes-officiels", DONNEES / "schemas" / "texte-officiel.schema.json",
                                         RACINE, registre)
    assert not problemes, problemes
    return lues


def _espaces(texte: str) -> str:
    """La typographie du build met des espaces insécables : le texte publié est le même, mot pour mot."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", texte).strip()


def _pages_d_articles(pages, registre):
    """(page, article du registre) pour chaque page d'article construite."""
    par_url = {f"textes/{a.texte.id}/{_slug(a)}/": a for a in registre.articles.values()}
    return [(p, par_url[p.url_francaise]) for p in pages if p.url_francaise in par_url]


def _slug(article) -> str:
    return article.numero.lower() if article.texte.nature == "code" else "article-" + article.numero.replace(" ", "-")


def test_le_texte_officiel_vient_des_donnees_avec_sa_version(pages_fr, registre, redactions):
    verifiees = 0
    for page, article in _pages_d_articles(pages_fr, registre):
        blocs = page.dom.tous("details", classe="texte-officiel")
        assert len(blocs) == 1, f"{page} : {len(blocs)} bloc(s) « texte-officiel »"
        bloc = blocs[0]
        r = redactions.get(article.id)
        if r is None:
            assert "texte-officiel--non-reproduit" in bloc.classes(), page
            assert "non reproduit" in bloc.texte_propre(), page
            assert bloc.premier("a", href=article.url) is not None, f"{page} : pas de renvoi au texte officiel"
            continue
        # Mot pour mot les alinéas des données, un paragraphe chacun, dans une citation en français.
        citation = bloc.premier("blockquote", classe="texte-officiel__redaction")
        assert citation is not None and citation.attrs.get("lang") == "fr", page
        assert [_espaces(p.texte_propre()) for p in citation.tous("p")] == [_espaces(a) for a in r.alineas], page
        # La version reproduite, datée, et où elle a été lue.
        resume = bloc.premier("summary")
        assert resume.premier("time", datetime=r.en_vigueur_depuis) is not None, page
        assert "version en vigueur depuis le" in resume.texte_propre(), page
        source = bloc.premier("p", classe="texte-officiel__source")
        assert source.premier("time", datetime=r.lu_le) is not None, page
        assert _espaces(r.source) in _espaces(source.texte_propre()), page
        # Le lien Légifrance vise cette version précise.
        lien = url_legifrance_article(article.texte, r.legiarti) if r.legiarti else article.url
        assert source.premier("a", href=lien) is not None, f"{page} : lien attendu {lien}"
        verifiees += 1
    assert verifiees >= 100


def test_le_texte_officiel_est_replie_sous_le_resume(pages_fr, registre):
    page = next(p for p, a in _pages_d_articles(pages_fr, registre) if a.id == "code-du-travail:L7332-1")
    html = page.html
    debut = html.index('<details class="texte-officiel"')
    titres = [m.start() for m in re.finditer(r"<h2 id=", html)]
    assert titres[0] < debut < titres[1], "le bloc doit suivre « Ce que dit l'article » et précéder la section suivante"
    assert 'id="ce-que-dit-larticle"' in html[titres[0]:debut]
    assert " open" not in html[debut:html.index(">", debut)], "le bloc doit être replié"


def test_l_historique_vient_du_registre(pages_fr, registre):
    avec = sans = 0
    for page, article in _pages_d_articles(pages_fr, registre):
        bloc = page.dom.premier("div", classe="kb-historique")
        assert bloc is not None and bloc.premier("h2", id="historique-de-larticle") is not None, page
        h = article.historique
        if h is None:
            assert "Historique non vérifié." in bloc.texte_propre(), page
            sans += 1
            continue
        etapes = bloc.tous("li")
        assert [e.premier("time").attrs["datetime"] for e in etapes] == list(h.versions), page
        assert "créé par" in etapes[0].texte_propre(), page
        assert all("modifié par" in e.texte_propre() for e in etapes[1:]), page
        version = bloc.premier("p", classe="kb-historique__version")
        assert version.premier("time", datetime=str(article.en_vigueur_depuis)) is not None, page
        assert version.premier("time", datetime=h.lu_le) is not None, page
        avec += 1
    assert avec >= 40 and sans >= 1


def test_historique_d_un_article_codifie_puis_cree(pages_fr, registre):
    page = next(p for p, a in _pages_d_articles(pages_fr, registre) if a.id == "code-du-travail:L1237-11")
    etape = page.dom.premier("div", classe="kb-historique").premier("li")
    assert _espaces(etape.texte_propre()) == "27 juin 2008 : créé par l'article 5 de la loi n° 2008-596 du 25 juin 2008"
    assert etape.premier("a", href="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000019066178") is not None
    # La ligne de faits en tête de page dit la même chose, tirée du même historique.
    faits = page.dom.premier("p", classe="kb-article__faits").texte_propre()
    assert "créé par l'article 5 de la loi n° 2008-596" in _espaces(faits)


def test_en_anglais_l_interface_est_traduite(pages_en, registre):
    page = next(p for p, a in _pages_d_articles(pages_en, registre) if a.id == "code-du-travail:L7331-2")
    bloc = page.dom.premier("details", classe="texte-officiel")
    assert bloc.attrs.get("lang") == "en"  # la page non traduite est en français ; l'interface, non
    assert bloc.premier("summary").texte_propre().startswith("Official text of the article (version in force since")
    assert bloc.premier("time").texte_propre() == "August 2, 2014"
    historique = page.dom.premier("div", classe="kb-historique")
    assert historique.premier("h2").texte_propre() == "History of the article"
    assert "created by" in historique.premier("li").texte_propre()


def test_sous_en_les_articles_lies_et_l_historique_restent_en_anglais(pages_en, registre, site_construit):
    """Une page d'article servie sous /en/ renvoie vers les pages d'articles servies sous /en/ (avec
    l'interface anglaise), pas vers leur version française : le lecteur ne change pas de langue."""
    verifies = 0
    for page, _ in _pages_d_articles(pages_en, registre):
        blocs = [n for n in page.dom.tous("ul", classe="kb-liste")] + page.dom.tous("div", classe="kb-historique")
        for bloc in blocs:
            for lien in bloc.tous("a"):
                href = lien.attrs.get("href", "")
                if href.startswith(("http", "#", "mailto:")):
                    continue
                relatif = (page.chemin.parent / href).resolve().relative_to(site_construit.resolve()).as_posix()
                assert relatif == "en" or relatif.startswith("en/"), f"{page.url} : « {lien.texte_propre()} » mène à /{relatif}"
                verifies += 1
    assert verifies > 50  # le test a bien vu des liens internes
