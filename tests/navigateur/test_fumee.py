"""Test de fumée dans Chromium, sur le site servi en http (la recherche de Material l'exige).

Accueil français et anglais, changement de langue sur une page, chargement sans sitemap.xml ni
erreur, index de recherche chargé à l'ouverture, recherche ; captures d'écran dans
test-results/captures/ ; aucune requête ne doit quitter 127.0.0.1.
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



# Les pages mesurées par Lighthouse (scripts/bench.py), et une page anglaise.
PAGES_SANS_ERREUR = ["/", "/textes/code-du-travail/l7331-2/", "/guides/faq-entrepreneurs/",
                     "/en/textes/code-du-travail/l7331-2/"]


@pytest.mark.parametrize("chemin", PAGES_SANS_ERREUR)
def test_chargement_sans_sitemap_ni_erreur(page: Page, url_site: str, requetes: list[str], chemin: str):
    """Au chargement : aucune demande de sitemap.xml, aucune réponse 4xx/5xx, aucune erreur en console.

    Material télécharge « sitemap.xml » à côté de chaque <link rel="alternate"> de l'en-tête ;
    avec les liens relatifs de mkdocs-static-i18n, une page profonde demandait <page>/sitemap.xml
    (404 et erreur en console : Lighthouse, bonnes pratiques). overrides/main.html ne les écrit plus.
    L'index de recherche (Pagefind), lui, attend la première ouverture de la recherche (recherche.js).
    """
    erreurs: list[str] = []
    echecs: list[str] = []
    page.on("console", lambda message: message.type == "error" and erreurs.append(message.text))
    page.on("pageerror", lambda exception: erreurs.append(str(exception)))
    page.on("response", lambda reponse: reponse.status >= 400 and echecs.append(f"{reponse.status} {reponse.url}"))
    reponse = page.goto(url_site + chemin)
    assert reponse is not None and reponse.status == 200
    expect(titre(page)).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # les requêtes de Material partent après DOMContentLoaded
    sitemaps = [u for u in requetes if urlsplit(u).path.endswith("sitemap.xml")]
    assert not sitemaps, f"sitemap.xml demandé au chargement de {chemin} : {sitemaps}"
    assert not echecs, f"réponses en erreur au chargement de {chemin} : {echecs}"
    assert not erreurs, f"erreurs en console au chargement de {chemin} : {erreurs}"
    index = [u for u in requetes if "/pagefind/" in urlsplit(u).path or u.endswith("search_index.json")]
    assert not index, f"index de recherche téléchargé avant l'ouverture de la recherche : {index}"
    verifier_requetes_locales(requetes)


def test_l_index_de_recherche_arrive_a_l_ouverture(page: Page, url_site: str, requetes: list[str]):
    """Ouvrir la recherche au clavier télécharge l'index de la langue de la page, puis elle répond."""
    page.goto(url_site + "/en/textes/code-du-travail/l7331-2/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requetes if "/pagefind/" in u]
    page.locator("body").focus()
    page.keyboard.press("/")
    champ = page.locator("input.md-search__input")
    expect(champ).to_be_focused()
    champ.press_sequentially("CAE", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    metas = [urlsplit(u).path.rsplit("/", 1)[-1] for u in requetes if u.endswith(".pf_meta")]
    assert metas and all(m.startswith("pagefind.en_") for m in metas), metas
    assert not [u for u in requetes if u.endswith("search_index.json")], "l'index de Material ne sert plus"
    verifier_requetes_locales(requetes)


def test_changer_de_langue_sur_un_article(page: Page, url_site: str, requetes: list[str]):
    """Sans <link rel="alternate"> dans l'en-tête, le sélecteur mène toujours à la même page."""
    page.goto(url_site + "/textes/code-du-travail/l7331-2/")
    choisir_langue(page, "en")
    expect(page).to_have_url(url_site + "/en/textes/code-du-travail/l7331-2/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    choisir_langue(page, "fr")
    expect(page).to_have_url(url_site + "/textes/code-du-travail/l7331-2/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert not [u for u in requetes if urlsplit(u).path.endswith("sitemap.xml")]
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
