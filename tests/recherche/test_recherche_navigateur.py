"""La recherche dans la vraie boîte de recherche de l'en-tête (Pagefind ; Chromium de Debian, Playwright).

Chaque requête est tapée touche par touche dans le site réel servi en http ; la page attendue
doit arriver en tête pour un numéro d'article ou de texte, dans les trois premiers résultats
pour les mots du langage courant. La table des requêtes est partagée avec le banc de mesure
(scripts/bench) : voir REQUETES.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from saisie import chercher, sans_prefixe

pytestmark = pytest.mark.navigateur

A = "/textes/code-du-travail/"
L47 = "/textes/loi-47-1775/"
L14 = "/textes/loi-2014-856/"
REMU, ESSAI, ASSOCIE = "/cesa/remuneration/", "/cesa/periode-essai/", "/cesa/devenir-associe/"
CHOMAGE, CESA, CONTRAT = "/cesa/protection-sociale-chomage/", "/cesa/", "/cesa/contrat/"

# (page de départ, requête, pages acceptées, "premier" | "top3")
REQUETES: list[tuple[str, str, tuple[str, ...], str]] = [
    # 1. Numéros d'articles et de textes, sous toutes leurs formes : la page de référence en tête.
    ("/", "L7331-2", (A + "l7331-2/",), "premier"),
    ("/", "L. 7331-2", (A + "l7331-2/",), "premier"),
    ("/", "l7331-2", (A + "l7331-2/",), "premier"),
    ("/", "7331-2", (A + "l7331-2/",), "premier"),
    ("/", "art. L7331-2", (A + "l7331-2/",), "premier"),
    ("/", "article L. 7331-2 du code du travail", (A + "l7331-2/",), "premier"),
    ("/", "L7331-1", (A + "l7331-1/",), "premier"),
    ("/", "L7331-3", (A + "l7331-3/",), "premier"),
    ("/", "L. 7332-1", (A + "l7332-1/",), "premier"),
    ("/", "L7332-3", (A + "l7332-3/",), "premier"),
    ("/", "L7332-6", (A + "l7332-6/",), "premier"),
    ("/", "R7331-11", (A + "r7331-11/",), "premier"),
    ("/", "R. 7331-12", (A + "r7331-12/",), "premier"),
    ("/", "R7331-9", (A + "r7331-9/",), "premier"),
    ("/", "26-41", (L47 + "article-26-41/",), "premier"),
    ("/", "article 26-41", (L47 + "article-26-41/",), "premier"),
    ("/", "47-1775", ("/cadre-juridique/loi-1947/",), "premier"),
    ("/", "loi n° 47-1775", ("/cadre-juridique/loi-1947/",), "premier"),
    ("/", "2015-1363", ("/cadre-juridique/decret-2015-1363/",), "premier"),
    ("/", "décret n° 2015-1363", ("/cadre-juridique/decret-2015-1363/",), "premier"),
    ("/", "2014-856", ("/cadre-juridique/loi-ess-2014/",), "premier"),
    ("/", "L127-1", ("/textes/code-de-commerce/l127-1/",), "premier"),
    # 2. Accents, élisions, pluriels.
    ("/", "remuneration", (REMU,), "top3"),
    ("/", "rémunération", (REMU,), "top3"),
    ("/", "periode d'essai", (ESSAI, A + "l7332-1/"), "top3"),
    ("/", "période d’essai", (ESSAI, A + "l7332-1/"), "top3"),
    ("/", "essai", (ESSAI, A + "l7332-1/"), "top3"),
    ("/", "devenir associé", (ASSOCIE, A + "l7331-3/"), "top3"),
    ("/", "devenir associe", (ASSOCIE, A + "l7331-3/"), "top3"),
    ("/", "cooperative d'activite", ("/cae/", "/", L47 + "article-26-41/"), "top3"),
    ("/", "revision cooperative", (L47 + "article-25-1/", "/cadre-juridique/loi-1947/", "/gerer/revision-cooperative/"),
     "top3"),
    ("/", "prud'hommes", (A + "l7332-6/", "/cesa/protections/"), "top3"),
    ("/", "conges payes", ("/cesa/temps-de-travail-sante-conges/", A + "l7332-2/"), "top3"),
    ("/", "loi 2014", ("/cadre-juridique/loi-ess-2014/", L14 + "article-47/", L14 + "article-48/",
                       L14 + "article-1/"), "top3"),
    ("/", "histoire", ("/cae/histoire/",), "top3"),
    ("/", "federation", ("/cae/federation/",), "top3"),
    # 3. Mots du langage courant et synonymes du glossaire.
    ("/", "salaire", (REMU, A + "l7332-3/", A + "r7331-11/"), "top3"),
    ("/", "salaires", (REMU, A + "l7332-3/", A + "r7331-11/"), "top3"),
    ("/", "chômage", (CHOMAGE, "/rejoindre/chomage-are-rsa/"), "top3"),
    ("/", "chomage", (CHOMAGE, "/rejoindre/chomage-are-rsa/"), "top3"),
    # Dans un CAPE, la personne accompagnée est le « porteur de projet » : la page du CAPE répond aussi.
    ("/", "porteur de projet", (CESA, CONTRAT, A + "l7331-2/", "/guides/faq-entrepreneurs/", "/glossaire/",
                                "/rejoindre/cape/"), "top3"),
    ("/", "gérant", ("/guides/gerer-une-cae/",), "top3"),
    # 4. Mots du langage courant (issue « Search that answers questions »).
    ("/", "c'est quoi une cae", ("/cae/",), "premier"),
    ("/", "quitter la CAE", ("/cesa/quitter-la-cae/",), "top3"),
    ("/", "démissionner", ("/cesa/quitter-la-cae/",), "top3"),
    ("/", "combien ça coûte", ("/cesa/argent-contribution-et-frais/",), "top3"),
    ("/", "toucher le chômage", ("/rejoindre/chomage-are-rsa/", CHOMAGE), "top3"),
    ("/", "CAPE", ("/rejoindre/cape/",), "top3"),
    ("/", "contrat d'appui au projet d'entreprise", ("/rejoindre/cape/",), "top3"),
    ("/", "contribution cooperative", ("/cesa/argent-contribution-et-frais/",), "top3"),
    ("/", "Cap Services", ("/cae/histoire/",), "top3"),
    ("/", "délai 3 ans associé", (ASSOCIE, A + "l7331-3/"), "top3"),
    ("/", "nouveautés", ("/a-propos/quoi-de-neuf/",), "top3"),
    # 5. Version anglaise : son propre index (pages servies sous /en/, traduites ou non).
    ("/en/", "cooperative", ("/en/",), "premier"),
    ("/en/", "L7331-2", ("/en" + A + "l7331-2/",), "premier"),
    ("/en/", "période d'essai", ("/en" + ESSAI, "/en" + A + "l7332-1/"), "top3"),
]


@pytest.mark.parametrize("depart,requete,attendues,rang", REQUETES, ids=[f"{d}|{q}" for d, q, _, _ in REQUETES])
def test_requete(onglets, depart: str, requete: str, attendues: tuple[str, ...], rang: str) -> None:
    onglet = onglets(depart)
    chemins, resume = chercher(onglet, requete)
    chemins = sans_prefixe(chemins, onglet.prefixe)
    assert chemins, f"« {requete} » ne donne aucun résultat ({resume})"
    if rang == "premier":
        assert chemins[0] in attendues, f"« {requete} » : en tête {chemins[0]}, puis {chemins[1:5]}"
    else:
        assert set(chemins[:3]) & set(attendues), f"« {requete} » : trois premiers {chemins[:3]}"


def test_index_propre_a_chaque_langue(navigateur, url_site) -> None:
    """Sous /en/, la recherche lit l'index anglais de Pagefind ; en français, le français."""
    for depart, langue in (("/", "fr"), ("/en/", "en")):
        onglet = navigateur.new_page()
        lus: list[str] = []
        onglet.on("request", lambda requete: lus.append(urlsplit(requete.url).path))
        onglet.goto(url_site + depart)
        chercher(onglet, "cooperative")
        metas = [c.rsplit("/", 1)[-1] for c in lus if c.endswith(".pf_meta")]
        onglet.close()
        assert metas and all(m.startswith(f"pagefind.{langue}_") for m in metas), (depart, metas)


def test_pas_de_doublon_et_pages_francaises_signalees_en_anglais(onglets) -> None:
    """Sous /en/ : aucune page deux fois ; une page non traduite est marquée « (in French) »."""
    onglet = onglets("/en/")
    chemins = sans_prefixe(chercher(onglet, "cooperative")[0], onglet.prefixe)
    assert len(chemins) == len(set(chemins)), chemins
    chercher(onglet, "démissionner")
    premier = onglet.locator(".md-search-result__item").first
    assert "/en/cesa/quitter-la-cae/" in premier.locator("a").first.get_attribute("href")
    assert premier.locator(".kb-recherche__langue").inner_text() == "(in French)"


def test_interface_dans_la_langue_de_la_page(onglets) -> None:
    _, resume_fr = chercher(onglets("/"), "coopérative")
    _, resume_en = chercher(onglets("/en/"), "cooperative")
    assert "trouvé" in resume_fr, resume_fr
    assert "matching" in resume_en, resume_en


def test_un_resultat_montre_titre_numero_section_et_extrait(onglets) -> None:
    onglet = onglets("/")
    chercher(onglet, "L. 7331-2")
    premier = onglet.locator(".md-search-result__item").first
    assert premier.locator(".kb-recherche__numero").inner_text() == "art.\u00a0L.\u00a07331-2" or \
        premier.locator(".kb-recherche__numero").inner_text().replace("\u00a0", " ") == "art. L. 7331-2"
    chercher(onglet, "période d'essai renouvellement")
    resultats = onglet.locator(".md-search-result__item")
    assert resultats.locator(".kb-recherche__section").count() >= 1
    assert resultats.locator(".md-search-result__teaser mark").count() >= 1


def test_surlignage_accents_et_mots_entiers(onglets) -> None:
    onglet = onglets("/")
    chercher(onglet, "remuneration")
    marques = onglet.locator(".md-search-result__teaser mark").all_inner_texts()
    assert any("rémunération" in m.lower() for m in marques), marques
    chercher(onglet, "délai 3 ans associé")
    html = onglet.locator(".md-search-result__list").inner_html()
    assert "d<mark>ans</mark>" not in html and "<mark>ans</mark>" in html.replace("<mark>ans,</mark>", "<mark>ans</mark>")


def test_mots_manquants_une_seule_fois(onglets) -> None:
    onglet = onglets("/")
    chercher(onglet, "révision revision zzzinconnu")
    manquants = onglet.locator(".kb-recherche__manquants").first.inner_text()
    assert manquants.count("zzzinconnu") == 1, manquants
    assert "revision" not in manquants.lower(), manquants


def test_jamais_une_impasse(onglets) -> None:
    """Rien ne correspond : le résumé le dit et propose des pistes, la FAQ reste sous les yeux."""
    onglet = onglets("/")
    _, resume = chercher(onglet, "zzzinconnu")
    assert "Aucun" in resume and "Pistes" in resume, resume
    assert onglet.locator(".kb-recherche-aide a[href$='guides/faq-entrepreneurs/']").is_visible()


def test_cinq_resultats_puis_la_suite_a_la_demande(onglets) -> None:
    """Cinq résultats d'abord (cinq extraits chargés), le total dans le résumé, et un bouton qui
    montre les cinq suivants, atteint au clavier, le focus posé sur le premier nouveau résultat."""
    onglet = onglets("/")
    _, resume = chercher(onglet, "coopérative")
    resultats = onglet.locator(".md-search-result__item")
    assert resultats.count() == 5
    total = int(re.search(r"\d+", resume).group())
    assert total > 10, resume
    bouton = onglet.locator(".kb-recherche__suite button")
    assert bouton.inner_text() == "Afficher les résultats suivants"
    # au clavier : les flèches descendent des résultats jusqu'au bouton
    onglet.locator("input.md-search__input").focus()
    for _ in range(20):
        onglet.keyboard.press("ArrowDown")
        if onglet.evaluate("document.activeElement.closest('.kb-recherche__suite') !== null"):
            break
    else:
        raise AssertionError("les flèches n'atteignent pas le bouton « résultats suivants »")
    onglet.keyboard.press("Enter")
    expect(resultats).to_have_count(10)
    sixieme = resultats.nth(5).locator("a[href]").first
    expect(sixieme).to_be_focused()
    chemins = onglet.eval_on_selector_all("li.md-search-result__item > a:first-child", "els => els.map(e => e.href)")
    assert len(chemins) == len(set(chemins)), chemins
    chercher(onglets("/en/"), "cooperative")
    assert onglets("/en/").locator(".kb-recherche__suite button").inner_text() == "Show more results"
