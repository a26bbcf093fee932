"""La recherche dans la vraie boîte de recherche de Material (Chromium de Debian, Playwright).

Chaque requête est tapée touche par touche dans le site réel servi en http ; la page attendue
doit arriver en tête pour un numéro d'article ou de texte, dans les trois premiers résultats
pour les mots du langage courant. La table des requêtes est partagée avec le banc de mesure
(scripts/bench) : voir REQUETES.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
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
    ("/", "porteur de projet", (CESA, CONTRAT, A + "l7331-2/", "/guides/faq-entrepreneurs/", "/glossaire/"), "top3"),
    ("/", "gérant", ("/guides/gerer-une-cae/",), "top3"),
    # 4. Version anglaise : son propre index, les pages anglaises d'abord.
    ("/en/", "cooperative", ("/en/",), "premier"),
    ("/en/", "L7331-2", (A + "l7331-2/",), "premier"),
    ("/en/", "période d'essai", (ESSAI, A + "l7332-1/"), "top3"),
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


def test_index_propre_a_chaque_langue(onglets) -> None:
    """Sous /en/, le site lit /en/search/search_index.json ; en français, /search/…"""
    base_en = onglets("/en/").evaluate("JSON.parse(document.getElementById('__config').textContent).base")
    base_fr = onglets("/").evaluate("JSON.parse(document.getElementById('__config').textContent).base")
    assert base_en.rstrip("/").endswith("/en"), base_en
    assert base_fr == ".", base_fr


def test_pas_de_doublon_en_anglais(onglets) -> None:
    """Sous /en/ : aucune page deux fois, aucune copie de repli française sous /en/."""
    onglet = onglets("/en/")
    chemins = sans_prefixe(chercher(onglet, "cooperative")[0], onglet.prefixe)
    assert len(chemins) == len(set(chemins)), chemins
    assert all(c == "/en/" or not c.startswith("/en/") for c in chemins), chemins


def test_interface_dans_la_langue_de_la_page(onglets) -> None:
    _, resume_fr = chercher(onglets("/"), "coopérative")
    _, resume_en = chercher(onglets("/en/"), "cooperative")
    assert "trouvé" in resume_fr, resume_fr
    assert "matching" in resume_en, resume_en


def test_surlignage_avec_accents(onglets) -> None:
    """En français, la forme accentuée est envoyée : search.highlight surligne « rémunération »."""
    onglet = onglets("/")
    chercher(onglet, "rémunérations")
    lien = onglet.eval_on_selector("li.md-search-result__item > a.md-search-result__link", "e => e.href")
    assert "rémunération" in parse_qs(urlsplit(lien).query)["h"][0]
