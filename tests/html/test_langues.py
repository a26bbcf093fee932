"""Langues : attribut lang, pages non traduites sous /en/, accueil traduit, sélecteur, hreflang."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest

from arbre_html import SITE_URL


def lang_html(page) -> str | None:
    racine = page.dom.premier("html")
    return racine.attrs.get("lang") if racine else None


def test_pages_francaises_en_francais(pages_fr):
    fautives = [str(p) for p in pages_fr if lang_html(p) != "fr"]
    assert not fautives, f'<html lang="fr"> manque sur : {fautives}'


def test_pages_anglaises_en_anglais(pages_en):
    assert pages_en, "aucune page sous /en/"
    fautives = [str(p) for p in pages_en if lang_html(p) != "en"]
    assert not fautives, f'<html lang="en"> manque sur : {fautives}'


def test_chaque_page_francaise_existe_en_anglais(pages_fr, pages_en):
    anglaises = {p.url_francaise for p in pages_en}
    manquantes = [str(p) for p in pages_fr if p.url not in anglaises]
    assert not manquantes, f"pas de page /en/ pour : {manquantes}"


def _avis(page):
    return page.dom.premier("aside", classe="kb-avis-langue")


def test_pages_non_traduites_gardent_le_francais_et_le_disent(pages_en, traductions):
    repli = [p for p in pages_en if p.url_francaise not in traductions]
    assert repli, "aucune page de repli sous /en/"
    for page in repli:
        contenu = page.dom.premier("div", classe="kb-contenu")
        assert contenu is not None, page
        assert contenu.attrs.get("lang") == "fr", f"{page} : le contenu français n'est pas déclaré lang=\"fr\""
        avis = _avis(page)
        assert avis is not None, f"{page} : pas d'avis « Not yet translated »"
        texte = avis.texte_propre()
        assert "Not yet translated" in texte, page
        assert "has not been translated into English" in texte and "French" in texte, page
        assert avis.attrs.get("lang") in (None, "en"), page  # l'avis lui-même est en anglais
        # L'avis précède le contenu français (il est lu en premier).
        assert page.html.index("kb-avis-langue") < page.html.index('class="kb-contenu"'), page


def test_pages_traduites_sans_avis_de_repli(pages_en, traductions):
    traduites = [p for p in pages_en if p.url_francaise in traductions]
    assert traduites, "aucune page traduite : l'accueil anglais (docs/index.en.md) devrait l'être"
    for page in traduites:
        contenu = page.dom.premier("div", classe="kb-contenu")
        assert contenu.attrs.get("lang") in (None, "en"), page
        avis = _avis(page)
        assert avis is not None, f"{page} : une traduction doit dire que le français fait foi"
        assert "Not yet translated" not in avis.texte_propre(), page
        assert "authoritative" in avis.texte_propre(), page


def test_pages_francaises_sans_avis_de_langue(pages_fr):
    fautives = [str(p) for p in pages_fr if _avis(p) is not None]
    assert not fautives, f"avis de traduction sur une page française : {fautives}"


def test_accueil_anglais_traduit_renvoie_au_francais_qui_fait_foi(pages_en):
    accueil = next(p for p in pages_en if p.url == "en/")
    avis = _avis(accueil)
    assert avis is not None, "l'accueil anglais n'annonce pas qu'il est une traduction"
    texte = avis.texte_propre()
    assert "French text is the authoritative version" in texte
    lien = avis.premier("a", hreflang="fr")
    assert lien is not None, "l'avis de traduction ne lie pas la version française"
    assert lien.texte_propre() == "Read the French version"
    assert urljoin(SITE_URL + accueil.url, lien.attrs["href"]) == SITE_URL
    h1 = accueil.dom.premier("h1")
    assert h1.texte(frozenset({"a"})).strip() == "French law on business and employment cooperatives (CAE)"


def test_accueil_francais(pages_fr):
    accueil = next(p for p in pages_fr if p.url == "")
    h1 = accueil.dom.premier("h1")
    assert h1.texte(frozenset({"a"})).strip() == "Le droit des coopératives d'activité et d'emploi"
    assert accueil.dom.premier("title").texte_propre().endswith("Base juridique des CAE")


def _selecteur(page, langue):
    liens = page.dom.tous("a", classe="md-select__link", hreflang=langue)
    return liens[0] if liens else None


@pytest.mark.parametrize("langue_cible", ["en", "fr"])
def test_le_selecteur_de_langue_mene_a_la_meme_page(pages, langue_cible, site_construit):
    for page in pages:
        lien = _selecteur(page, langue_cible)
        assert lien is not None, f"{page} : pas de lien vers la version {langue_cible}"
        cible = urljoin(SITE_URL + page.url, lien.attrs["href"])
        attendu = SITE_URL + ("en/" if langue_cible == "en" else "") + page.url_francaise
        assert cible == attendu, f"{page} : le sélecteur {langue_cible} mène à {cible}"
        fichier = site_construit / urlsplit(cible).path[len(urlsplit(SITE_URL).path):] / "index.html"
        assert fichier.is_file(), f"{page} : {cible} n'existe pas"


def test_pas_d_alternates_hreflang_dans_l_entete(pages):
    """Les versions linguistiques sont déclarées dans sitemap.xml, pas dans <head>.

    Le script de Material télécharge « sitemap.xml » à côté de chaque link[rel=alternate] de la
    page : avec les liens relatifs de mkdocs-static-i18n, une page profonde demandait
    <page>/sitemap.xml (404 et erreur en console), et Lighthouse refuse ces href relatifs
    (audit hreflang). overrides/main.html (bloc site_meta) ne les écrit donc plus ; le sélecteur
    de langue (test ci-dessus) mène toujours à la même page dans l'autre langue.
    """
    fautives = []
    for page in pages:
        tete = page.dom.premier("head")
        assert tete is not None, page
        liens = tete.tous("link", filtre=lambda n: "alternate" in (n.attrs.get("rel") or "").split()
                          and "hreflang" in n.attrs)
        if liens:
            fautives.append(f"{page} : {[l.attrs.get('href') for l in liens]}")
    assert not fautives, f"<link rel=\"alternate\" hreflang> revenus dans l'en-tête : {fautives}"


NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_avec_alternates_hreflang(site_construit, pages):
    """Chaque page, française ET anglaise, figure dans sitemap.xml avec ses deux versions
    (elle-même comprise, comme Google le demande) ; toutes les adresses sont absolues et existent."""
    arbre = ET.parse(site_construit / "sitemap.xml")
    entrees = {}
    for url in arbre.getroot().findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        entrees[loc] = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", NS)
                        if l.get("rel") == "alternate"}
    assert entrees, "sitemap.xml vide"
    for page in pages:
        loc = SITE_URL + page.url
        assert loc in entrees, f"{page} absente de sitemap.xml"
        attendu = {"fr": SITE_URL + page.url_francaise, "en": SITE_URL + "en/" + page.url_francaise}
        assert entrees[loc] == attendu, f"{page} : alternates {entrees[loc]}, attendu {attendu}"
    chemin_site = urlsplit(SITE_URL).path
    for loc, alternates in entrees.items():
        for adresse in [loc, *alternates.values()]:
            assert adresse.startswith(SITE_URL), f"adresse hors du site dans sitemap.xml : {adresse}"
            fichier = site_construit / urlsplit(adresse).path[len(chemin_site):] / "index.html"
            assert fichier.is_file(), f"sitemap.xml annonce {adresse}, qui n'existe pas"
