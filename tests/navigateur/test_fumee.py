"""Test de fumée dans Chromium, sur le site servi en http (la recherche de Material l'exige).

Accueil français et anglais, changement de langue sur une page, recherche ; captures d'écran
dans test-results/captures/ ; aucune requête ne doit quitter 127.0.0.1.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

CAPTURES = Path(__file__).resolve().parents[2] / "test-results" / "captures"
# Machine de CI partagée : on laisse du temps au navigateur, sans jamais mesurer ce temps.
expect.set_options(timeout=15_000)


def capturer(page: Page, nom: str) -> None:
    CAPTURES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(CAPTURES / f"{nom}.png"), full_page=False)


def verifier_requetes_locales(requetes: list[str]) -> None:
    assert requetes, "aucune requête enregistrée"
    externes = [u for u in requetes if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                and urlsplit(u).hostname != "127.0.0.1"]
    assert not externes, f"requêtes hors du site : {externes}"


def titre(page: Page):
    return page.locator("article .kb-contenu h1").first


def test_accueil_francais(page: Page, url_site: str, requetes: list[str]):
    reponse = page.goto(url_site + "/")
    assert reponse is not None and reponse.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(titre(page)).to_contain_text("Le droit des coopératives d'activité et d'emploi")
    expect(page.locator(".kb-verifie")).to_contain_text(re.compile(r"^Vérifié le \S+ \S+ \d{4}$"))
    expect(page.locator(".kb-signaler a")).to_have_text("Signaler une erreur")
    page.wait_for_load_state("networkidle")
    capturer(page, "accueil-fr")
    verifier_requetes_locales(requetes)


def test_accueil_anglais(page: Page, url_site: str, requetes: list[str]):
    reponse = page.goto(url_site + "/en/")
    assert reponse is not None and reponse.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(titre(page)).to_contain_text("French law on business and employment cooperatives (CAE)")
    avis = page.locator("aside.kb-avis-langue")
    expect(avis).to_contain_text("The French text is the authoritative version")
    expect(avis.get_by_role("link", name="Read the French version")).to_be_visible()
    page.wait_for_load_state("networkidle")
    capturer(page, "accueil-en")
    verifier_requetes_locales(requetes)


def choisir_langue(page: Page, langue: str) -> None:
    selecteur = page.locator(".md-header .md-select").first
    selecteur.hover()
    lien = selecteur.locator(f"a.md-select__link[hreflang='{langue}']")
    expect(lien).to_be_visible()
    lien.click()


def test_changer_de_langue_reste_sur_la_meme_page(page: Page, url_site: str, requetes: list[str]):
    page.goto(url_site + "/cae/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    titre_fr = titre(page).inner_text()

    choisir_langue(page, "en")
    expect(page).to_have_url(url_site + "/en/cae/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # Page pas encore traduite : même contenu français, annoncé en anglais.
    expect(page.locator("aside.kb-avis-langue")).to_contain_text("Not yet translated")
    expect(page.locator(".kb-contenu")).to_have_attribute("lang", "fr")
    expect(titre(page)).to_have_text(titre_fr)

    choisir_langue(page, "fr")
    expect(page).to_have_url(url_site + "/cae/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    verifier_requetes_locales(requetes)


def test_lien_vers_la_version_francaise(page: Page, url_site: str, requetes: list[str]):
    page.goto(url_site + "/en/")
    page.locator("aside.kb-avis-langue").get_by_role("link", name="Read the French version").click()
    expect(page).to_have_url(url_site + "/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    verifier_requetes_locales(requetes)


@pytest.mark.parametrize("requete", ["coopérative", "entrepreneur salarié"])
def test_recherche(page: Page, url_site: str, requetes: list[str], requete: str):
    page.goto(url_site + "/")
    champ = page.locator("input.md-search__input")
    champ.click()
    expect(champ).to_be_focused()
    expect(page.locator(".md-search__output")).to_be_visible()
    champ.press_sequentially(requete, delay=30)
    resultats = page.locator(".md-search-result__item")
    expect(resultats.first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ documents? trouvés?"))
    assert resultats.count() >= 1
    # Chaque résultat mène à une page du site.
    for href in resultats.locator("a.md-search-result__link").evaluate_all("els => els.map(e => e.href)"):
        assert href.startswith(url_site + "/"), href
    if requete == "coopérative":
        capturer(page, "recherche")
    verifier_requetes_locales(requetes)


def test_page_introuvable(page: Page, url_site: str, requetes: list[str]):
    reponse = page.goto(url_site + "/cette-page-n-existe-pas/")
    assert reponse is not None and reponse.status == 404
    expect(page.locator("article h1").first).to_have_text("Page introuvable")
    verifier_requetes_locales(requetes)
