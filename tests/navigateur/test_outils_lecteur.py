"""Les outils d'un lecteur de référence juridique, dans Chromium (site servi en http).

- « copier la référence » d'un paragraphe et de la page (souris et clavier) : le presse-papiers
  contient le nom du site, le titre, la section, l'article sous sa forme officielle (pages
  d'articles), « vérifié le » et l'adresse complète avec l'ancre ; en français et en anglais ;
- l'API Clipboard refusée : la référence s'affiche sélectionnée, avec la marche à suivre ;
- une adresse avec l'ancre d'un paragraphe le met en évidence, même dans un onglet caché ;
- l'impression (émulation « print ») montre l'adresse, les dates et l'adresse des liens (après le
  texte pour un autre site, appelée par un numéro et listée en fin de page pour le site), cache les
  menus, la recherche et les boutons ; une page de situation tient en quelques pages A4
  (PDF gardé dans test-results/captures/ pour qu'on le regarde).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.navigateur
expect.set_options(timeout=15_000)

CAPTURES = Path(__file__).resolve().parents[2] / "test-results" / "captures"
SITE_PUBLIC = "https://base-juridique-cae.github.io/base-juridique-cae"
SITUATION = "/cesa/quitter-la-cae/"
# Au-delà, la page de situation n'est plus « quelques pages » : on regarde le PDF.
PAGES_A4_AU_PLUS = 10
NBSP = "\u00a0"


@pytest.fixture
def onglet(navigateur, url_site):
    """Un onglet fr-FR qui a le droit de lire et d'écrire le presse-papiers."""
    contexte = navigateur.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    contexte.grant_permissions(["clipboard-read", "clipboard-write"], origin=url_site.split("/base-")[0])
    contexte.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]|data:|blob:).*"), lambda route: route.abort())
    page = contexte.new_page()
    yield page
    contexte.close()


def presse_papiers(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def premier_paragraphe_de(page: Page, section: str):
    """Le premier paragraphe ancré qui suit le titre `section` (id), dans l'ordre de la page."""
    ident = page.evaluate("""section => {
        const titre = document.getElementById(section);
        for (const e of document.querySelectorAll('.kb-contenu [data-kb-ancre]'))
            if (titre.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) return e.id;
        return null; }""", section)
    assert ident, f"aucun paragraphe ancré après #{section}"
    return page.locator(f'[id="{ident}"]'), ident


def test_copier_la_reference_d_un_paragraphe(onglet: Page, url_site: str):
    onglet.goto(url_site + SITUATION)
    paragraphe, ident = premier_paragraphe_de(onglet, "demission")
    assert ident.startswith("demission."), ident
    bouton = paragraphe.locator(".kb-copier").first
    expect(bouton).to_have_css("opacity", "0")  # discret tant qu'on ne s'en approche pas
    paragraphe.hover()
    expect(bouton).to_have_css("opacity", "1")
    expect(bouton).to_have_accessible_name("Copier la référence de ce paragraphe")
    bouton.click()
    expect(onglet.get_by_role("status")).to_have_text("Référence copiée dans le presse-papiers.")
    reference = presse_papiers(onglet)
    titre = f"Quitter sa CAE{NBSP}: démission, rupture conventionnelle, licenciement, fin à trois ans"
    assert reference.startswith(f"Base juridique des CAE, «{NBSP}{titre}{NBSP}», section «{NBSP}Démissionner{NBSP}», "
                                "vérifié le "), reference
    assert re.search(r"vérifié le \d{1,2}(er)? \w+ \d{4}\.\n", reference), reference
    assert reference.endswith(f"\n{SITE_PUBLIC}{SITUATION}#{ident}"), reference


def test_copier_au_clavier(onglet: Page, url_site: str):
    """Le bouton s'atteint par Tab depuis le dernier lien du paragraphe, se voit et s'actionne."""
    onglet.goto(url_site + SITUATION)
    paragraphe, ident = premier_paragraphe_de(onglet, "demission")
    lien = paragraphe.locator("a").last
    assert lien.count(), "le paragraphe choisi devrait contenir un lien"
    lien.focus()
    onglet.keyboard.press("Tab")
    bouton = paragraphe.locator(".kb-copier").first
    expect(bouton).to_be_focused()
    expect(bouton).to_have_css("opacity", "1")
    onglet.keyboard.press("Enter")
    expect(onglet.get_by_role("status")).to_contain_text("Référence copiée")
    assert presse_papiers(onglet).endswith("#" + ident)


def test_reference_d_une_page_d_article(onglet: Page, url_site: str):
    """Titre de la page : même bouton, sans section ni ancre ; l'article sous sa forme officielle."""
    onglet.goto(url_site + "/textes/code-du-travail/l7331-2/")
    onglet.locator(".kb-contenu h1 .kb-copier").click()
    reference = presse_papiers(onglet)
    assert reference == (f"Base juridique des CAE, «{NBSP}Article L7331-2 du code du travail{NBSP}» "
                         f"(art.{NBSP}L.{NBSP}7331-2 du code du travail), vérifié le "
                         + onglet.locator(".kb-reference time[datetime]").inner_text()
                         + f".\n{SITE_PUBLIC}/textes/code-du-travail/l7331-2/"), reference


def test_reference_en_anglais(onglet: Page, url_site: str):
    onglet.goto(url_site + "/en/")
    bouton = onglet.locator(".kb-contenu h1 .kb-copier")
    expect(bouton).to_have_accessible_name("Copy the reference to this page")
    paragraphe, ident = premier_paragraphe_de(onglet, "what-is-a-cae")
    paragraphe.hover()
    paragraphe.locator(".kb-copier").first.click()
    reference = presse_papiers(onglet)
    assert reference.startswith("CAE legal knowledge base, “French law on business and employment cooperatives "
                                "(CAE)”, section “What is a CAE?”, checked on "), reference
    assert reference.endswith(f"\n{SITE_PUBLIC}/en/#{ident}"), reference


def test_repli_quand_le_presse_papiers_est_refuse(page: Page, url_site: str):
    """Sans permission et avec une API qui refuse : la référence sélectionnée et la marche à suivre."""
    page.add_init_script("""navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException('refusé', 'NotAllowedError'));""")
    page.goto(url_site + SITUATION)
    paragraphe, ident = premier_paragraphe_de(page, "rupture-conventionnelle")
    paragraphe.hover()
    bouton = paragraphe.locator(".kb-copier").first
    bouton.click()
    dialogue = page.get_by_role("dialog", name="Référence à copier")
    expect(dialogue).to_be_visible()
    expect(dialogue).to_contain_text("appuyez sur Ctrl+C")
    champ = dialogue.locator("textarea")
    expect(champ).to_be_focused()
    valeur = champ.input_value()
    assert valeur.endswith(f"{SITUATION}#{ident}") and "section «" in valeur, valeur
    debut, fin = champ.evaluate("c => [c.selectionStart, c.selectionEnd]")
    assert (debut, fin) == (0, len(valeur)), "la référence n'est pas entièrement sélectionnée"
    page.keyboard.press("Escape")
    expect(dialogue).to_be_hidden()
    expect(bouton).to_be_focused()


def test_adresse_ancree_met_le_paragraphe_en_evidence(page: Page, url_site: str):
    """Un paragraphe du second onglet (« Selon votre situation ») : l'onglet s'ouvre, le paragraphe
    est visible et surligné."""
    page.goto(url_site + SITUATION)
    ident = page.evaluate("""() => {
        const blocs = document.querySelectorAll('.tabbed-set .tabbed-block');
        return blocs[1].querySelector('[data-kb-ancre]').id; }""")
    page.goto(url_site + SITUATION + "#" + ident)
    cible = page.locator(f'[id="{ident}"]')
    expect(cible).to_be_visible()
    expect(cible).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == ident
    fond = cible.evaluate("e => getComputedStyle(e).backgroundColor")
    assert fond not in ("rgba(0, 0, 0, 0)", "transparent"), f"paragraphe visé sans fond surligné ({fond})"
    autre = page.locator("[data-kb-ancre]:not(:target)").first
    assert autre.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"


def imprimer(page: Page, url: str) -> None:
    page.goto(url)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")


def test_impression_montre_l_adresse_et_cache_les_menus(page: Page, url_site: str):
    imprimer(page, url_site + SITUATION)
    entete = page.locator(".kb-reference")
    expect(entete).to_be_visible()
    expect(entete).to_contain_text("Base juridique des CAE")
    expect(entete).to_contain_text(SITE_PUBLIC + SITUATION)
    expect(entete).to_contain_text(re.compile(r"Vérifié le \d{1,2}(er)?\s\S+\s\d{4}"))
    expect(entete).to_contain_text(re.compile(r"Imprimé le \d{1,2}(er)?\s\S+\s\d{4}"))
    for invisible in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
                      ".md-footer", ".kb-signaler", ".kb-contribuer"):
        expect(page.locator(invisible).first).to_be_hidden()
    expect(page.locator(".kb-copier").first).to_be_hidden()
    # Tous les onglets l'un après l'autre, les encadrés repliés dépliés.
    for bloc in page.locator(".tabbed-block").all():
        expect(bloc).to_be_visible()
    for repli in page.locator(".kb-contenu details").all():
        assert repli.evaluate("d => d.open")
    # L'adresse d'un lien officiel (sources) suit son texte ; celle d'une page du site (citation
    # d'article, « Détail ») est appelée par un numéro et listée en fin de page.
    apres = page.evaluate("""() => [...document.querySelectorAll('a[data-kb-adresse]')]
        .map(a => getComputedStyle(a, '::after').content)""")
    assert any(c.startswith('" <https://www.legifrance.gouv.fr/') for c in apres), apres[:10]
    citation = page.locator(".kb-contenu a.kb-citation[data-kb-note]").first
    numero = citation.get_attribute("data-kb-note")
    assert citation.evaluate("a => getComputedStyle(a, '::after').content") == f'"[{numero}]"'
    liste = page.locator(".kb-liens-imprimes")
    expect(liste.get_by_role("heading")).to_have_text("Adresses des liens")
    adresse = liste.locator("li").nth(int(numero) - 1).inner_text()
    assert adresse.startswith(SITE_PUBLIC + "/textes/"), adresse
    # Après l'impression, la page redevient celle de l'écran.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(liste).to_have_count(0)


def test_page_de_situation_sur_quelques_pages_a4(page: Page, url_site: str):
    imprimer(page, url_site + SITUATION)
    CAPTURES.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(format="A4", print_background=True, path=str(CAPTURES / "impression-quitter-la-cae.pdf"))
    nombre = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert 1 <= nombre <= PAGES_A4_AU_PLUS, f"{nombre} pages A4 pour {SITUATION}"
