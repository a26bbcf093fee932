"""menu : une entrée inactive du menu rendue une fois par dossier de pages, jamais à tort.

Le cache repose sur une propriété des liens relatifs de MkDocs : depuis deux pages d'un même
dossier, le lien vers une cible hors de leurs dossiers est le même. On la vérifie avec la vraie
fonction de MkDocs (`normalize_url`) sur des adresses du site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import pytest
from markupsafe import Markup
from mkdocs.utils import normalize_url

import menu


@dataclass(eq=False)
class Entree:
    url: str | None
    children: list = field(default_factory=list)
    active: bool = False


ARTICLES = [Entree(f"textes/loi-47-1775/article-{n}/") for n in ("1", "3", "3-bis", "26-41")]
TEXTE = Entree(None, children=[Entree("textes/loi-47-1775/"), *ARTICLES])
MENU = [
    Entree(""),
    Entree(None, children=[Entree("cae/histoire/"), Entree("cae/federation/")]),
    Entree(None, children=[Entree("entrepreneur-salarie/remuneration/"), Entree("entrepreneur-salarie/periode-d-essai/")]),
    Entree(None, children=[Entree("textes/"), TEXTE]),
    Entree("glossaire/"),
    Entree("https://www.legifrance.gouv.fr/"),
]


def adresses(entrees):
    for e in entrees:
        if e.url is not None:
            yield e.url
        yield from adresses(e.children)


@pytest.fixture(autouse=True)
def menu_du_site():
    menu.noter_le_menu(menu._entrees(MENU))
    yield
    menu.noter_le_menu([])


def page(url, entrees=MENU):
    """L'entrée du menu qui porte cette adresse (la page elle-même), ou une page hors menu."""
    for e in entrees:
        if e.url == url:
            return e
        trouve = page(url, e.children) if e.children else None
        if trouve is not None:
            return trouve
    return None


@pytest.mark.parametrize("url, attendu", [
    ("textes/loi-47-1775/article-3-bis/", ("textes", "loi-47-1775")),
    ("entrepreneur-salarie/periode-d-essai/", ("entrepreneur-salarie",)),
    ("glossaire/", ()),
    # La page d'un texte contient ses articles : ses liens vers eux lui sont propres.
    ("textes/loi-47-1775/", None),
    ("textes/", None),
    # L'accueil contient tout le site.
    ("", None),
])
def test_cle_de_dossier(url, attendu):
    assert menu.cle_de_dossier(page(url)) == attendu


def test_page_hors_menu_dont_le_dossier_contient_des_entrees():
    """Une page absente du menu (« textes/loi-47-1775/ » non listée) n'emprunte pas le cache."""
    menu.noter_le_menu(menu._entrees([Entree(None, children=ARTICLES)]))
    assert menu.cle_de_dossier(Entree("textes/loi-47-1775/")) is None
    assert menu.cle_de_dossier(Entree("textes/loi-1947/")) == ("textes",)


def test_page_visee_par_une_autre_entree_que_la_sienne():
    doublon = [Entree("cae/histoire/"), Entree(None, children=[Entree("cae/histoire/")])]
    menu.noter_le_menu(menu._entrees(doublon))
    assert menu.cle_de_dossier(doublon[0]) is None


def test_page_listee_deux_fois_dans_le_menu():
    """MkDocs garde un seul objet Page : l'autre section, « inactive », contient la page active."""
    faq, autre = Entree("guides/faq/"), Entree("guides/autre/")
    menu.noter_le_menu(menu._entrees([Entree(None, children=[faq]), Entree(None, children=[faq]), autre]))
    assert menu.cle_de_dossier(faq) is None
    assert menu.cle_de_dossier(autre) == ("guides",)


def test_adresse_en_fichier_jamais_en_cache():
    menu.noter_le_menu(menu._entrees([Entree("cae/histoire.html")]))
    assert menu.cle_de_dossier(Entree("cae/federation.html")) is None


def test_liens_relatifs_identiques_pour_deux_pages_de_meme_cle():
    """La propriété dont dépend le cache, vérifiée avec la fonction de MkDocs elle-même."""
    pages = [e for e in map(page, adresses(MENU)) if e is not None and "://" not in e.url]
    paires = [(a, b) for a, b in combinations(pages, 2)
              if menu.cle_de_dossier(a) is not None and menu.cle_de_dossier(a) == menu.cle_de_dossier(b)]
    assert len(paires) >= 6  # articles voisins, pages d'une même section
    for a, b in paires:
        # L'entrée de la page elle-même est active : jamais en cache.
        for cible in set(adresses(MENU)) - {a.url, b.url}:
            assert normalize_url(cible, a) == normalize_url(cible, b), (a.url, b.url, cible)


def test_entree_rendue_une_fois_par_dossier():
    rendus = []

    def rendre():
        rendus.append(1)
        return "<li>Période d’essai\u202f: « 8 mois »</li>"

    entree, parent = ARTICLES[1], TEXTE
    voisines = [page("textes/loi-47-1775/article-1/"), page("textes/loi-47-1775/article-26-41/")]
    html = [menu.entree_du_menu(entree, "__nav_4_2_3", 3, parent, p, rendre) for p in voisines]
    assert len(rendus) == 1
    assert html[0] == html[1] == Markup("<li>Période d’essai\u202f: « 8 mois »</li>")
    # Une page d'un autre dossier : liens relatifs différents, nouveau rendu.
    menu.entree_du_menu(entree, "__nav_4_2_3", 3, parent, page("cae/histoire/"), rendre)
    assert len(rendus) == 2


def test_entree_active_ou_page_sans_cle_toujours_rendue():
    rendus = []

    def rendre():
        rendus.append(1)
        return "<li>x</li>"

    active = Entree("cae/histoire/", active=True)
    for _ in range(2):
        menu.entree_du_menu(active, "__nav_2_1", 2, None, page("cae/federation/"), rendre)
        menu.entree_du_menu(ARTICLES[0], "__nav_4_2_2", 3, TEXTE, page("textes/loi-47-1775/"), rendre)
        menu.entree_du_menu(ARTICLES[0], "__nav_4_2_2", 3, TEXTE, None, rendre)  # 404 : pas de page
    assert len(rendus) == 6


def test_le_html_rendu_n_est_pas_echappe():
    html = menu.entree_du_menu(ARTICLES[0], "p", 3, TEXTE, page("glossaire/"), lambda: '<a href="x/">l’« essai »</a>')
    assert isinstance(html, Markup) and str(html) == '<a href="x/">l’« essai »</a>'


def test_un_nouveau_menu_vide_le_cache():
    appels = []
    rendre = lambda: appels.append(1) or "<li/>"  # noqa: E731
    menu.entree_du_menu(ARTICLES[0], "p", 3, TEXTE, page("glossaire/"), rendre)
    menu.noter_le_menu(menu._entrees(MENU))
    menu.entree_du_menu(ARTICLES[0], "p", 3, TEXTE, page("glossaire/"), rendre)
    assert len(appels) == 2
