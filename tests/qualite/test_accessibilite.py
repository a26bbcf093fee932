"""Accessibilité (RGAA / WCAG 2.2 niveau AA) du site construit, dans Chromium.

1. axe-core (version figée par package-lock.json) sur chaque type de page — accueil, page
   d'article, guide, glossaire, recherche avec résultats, page 404 — dans chaque langue et
   chaque palette (thème clair et thème sombre de mkdocs.yml). Règles : WCAG 2.0, 2.1 et 2.2
   niveaux A et AA, plus les bonnes pratiques d'axe. Aucune violation n'est tolérée : un défaut
   de Material se corrige dans overrides/ (CSS : overrides/assets/stylesheets/kb.css).
2. Clavier : la recherche s'ouvre au clavier (« / » ou « s », ou Tab jusqu'au champ), ses
   résultats se parcourent avec les flèches et s'ouvrent avec Entrée ; le sélecteur de langue
   et la bascule de thème s'atteignent et s'actionnent au clavier.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from qualite.outils import AXE_JS, DOCS, fichier_requis, langues, palettes

pytestmark = [pytest.mark.qualite, pytest.mark.navigateur]

ETIQUETTES_AXE = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]

# Types de page -> fichier source (docs/). Un type n'est testé que si sa page existe dans docs/
# (le glossaire, par exemple, peut ne pas être encore écrit) : rien n'est sauté en silence,
# la liste des cas testés est visible avec `pytest --collect-only`.
TYPES_DE_PAGE = {
    "accueil": "index.md",
    "article": "textes/code-du-travail/l7331-2.md",
    "guide": "guides/faq-entrepreneurs.md",
    "glossaire": "glossaire.md",
    # Page de situation : « En bref », termes du glossaire liés, onglets, « Points d'attention ».
    "situation": "rejoindre/cape.md",
    # « Quoi de neuf ? », générée depuis data/nouveautes.yml.
    "nouveautes": "a-propos/quoi-de-neuf.md",
}
# Une requête qui donne des résultats dans chaque langue (le sigle est dans toutes les pages).
REQUETE = "CAE"
NOMS_PALETTES = {"default": "clair", "slate": "sombre"}


def _url_de_source(source: str) -> str:
    chemin = source[: -len(".md")]
    if chemin == "index" or chemin.endswith("/index"):
        chemin = chemin[: -len("index")]
    else:
        chemin += "/"
    return chemin


def _cas_pages():
    cas = []
    for type_, source in TYPES_DE_PAGE.items():
        if not (DOCS / source).is_file():
            continue
        for langue, prefixe in langues():
            cas.append(pytest.param(prefixe + _url_de_source(source), id=f"{type_}-{langue}"))
    # Page 404 : celle de la racine (française, servie par GitHub Pages pour toute adresse
    # inconnue) et celle de chaque autre langue (/en/404.html, écrite par hooks/interface.py).
    for langue, prefixe in langues():
        cas.append(pytest.param(prefixe + "404.html", id=f"404-{langue}"))
    return cas


def _cas_palettes():
    return [pytest.param(media, schema, id=NOMS_PALETTES.get(schema, schema)) for media, schema in palettes()]


# ---------------------------------------------------------------- Aides


def ouvrir(page: Page, url: str, media: str = "", schema: str = "default") -> None:
    """Ouvre une page dans la palette voulue et attend que Material l'ait appliquée.

    Sans choix enregistré, Material applique la palette dont la requête média correspond : on
    émule donc « prefers-color-scheme » (comme le ferait le réglage du système du lecteur).
    """
    sombre = "dark" in media
    page.emulate_media(color_scheme="dark" if sombre else "light")
    page.goto(url, wait_until="load")
    expect(page.locator("body"), f"la palette « {schema} » n'a pas été appliquée sur {url}") \
        .to_have_attribute("data-md-color-scheme", schema)


def analyser(page: Page, pleine_hauteur: bool = True) -> list[dict]:
    """Lance axe-core sur la page ; renvoie ses violations.

    La fenêtre prend la hauteur de la page : axe ne mesure les contrastes que des éléments
    visibles à l'écran (le pied de page resterait sinon hors champ).
    """
    if pleine_hauteur:
        hauteur = page.evaluate("document.documentElement.scrollHeight")
        page.set_viewport_size({"width": 1280, "height": max(900, min(hauteur, 20000))})
    page.add_script_tag(path=str(fichier_requis(AXE_JS, "axe-core")))
    resultat = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": ETIQUETTES_AXE}, "resultTypes": ["violations"]})
    return resultat["violations"]


def rapport(violations: list[dict], contexte: str) -> str:
    lignes = [f"{len(violations)} règle(s) d'accessibilité enfreinte(s) sur {contexte} :"]
    for v in violations:
        lignes.append(f"- {v['id']} ({v['impact']}) : {v['help']}. Voir {v['helpUrl']}")
        for noeud in v["nodes"][:8]:
            resume = " ".join((noeud.get("failureSummary") or "").split())
            lignes.append(f"    {' > '.join(map(str, noeud['target']))} : {resume[:300]}")
        if len(v["nodes"]) > 8:
            lignes.append(f"    … et {len(v['nodes']) - 8} autre(s) élément(s)")
    lignes.append("Correction : un défaut de style se corrige dans overrides/assets/stylesheets/kb.css, "
                  "un défaut de balisage dans overrides/ (gabarit) ou dans la page Markdown.")
    return "\n".join(lignes)


def ouvrir_la_recherche_au_clavier(page: Page, touche: str = "/") -> None:
    page.locator("body").focus()
    page.keyboard.press(touche)
    champ = page.locator("input.md-search__input")
    expect(champ, f"la touche « {touche} » n'a pas donné le focus au champ de recherche").to_be_focused()


def taper_la_recherche(page: Page, requete: str = REQUETE) -> None:
    # Material réagit aux frappes (keyup), pas à fill().
    page.keyboard.type(requete, delay=30)
    expect(page.locator(".md-search-result__item").first,
           f"la recherche « {requete} » n'a affiché aucun résultat").to_be_visible(timeout=15_000)


def tabuler_jusqua(page: Page, condition_js: str, maximum: int = 80) -> int:
    """Appuie sur Tab jusqu'à ce que l'élément actif vérifie condition_js ; renvoie le nombre d'appuis."""
    for appuis in range(1, maximum + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const e = document.activeElement; return !!e && ({condition_js}); }})()"):
            return appuis
    actif = page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"après {maximum} appuis sur Tab, aucun élément ne vérifie « {condition_js} » "
                         f"(dernier élément actif : {actif}).")


# ---------------------------------------------------------------- axe-core


@pytest.mark.parametrize(("media", "schema"), _cas_palettes())
@pytest.mark.parametrize("chemin", _cas_pages())
def test_axe_aucune_violation(page: Page, url_site: str, site_construit, chemin: str, media: str, schema: str):
    assert (site_construit / (chemin + "index.html" if chemin.endswith("/") or not chemin else chemin)).is_file(), \
        f"la page /{chemin} n'existe pas dans le site construit"
    url = f"{url_site}/{chemin}"
    ouvrir(page, url, media, schema)
    violations = analyser(page)
    assert not violations, rapport(violations, f"{url} (thème {NOMS_PALETTES.get(schema, schema)})")


@pytest.mark.parametrize(("media", "schema"), _cas_palettes())
@pytest.mark.parametrize(("langue", "prefixe"), [pytest.param(l, p, id=l) for l, p in langues()])
def test_axe_texte_officiel_deplie_au_clavier(page: Page, url_site: str, langue: str, prefixe: str,
                                              media: str, schema: str):
    """Page d'article : le bloc replié « Texte officiel » s'ouvre au clavier ; déplié (citation, version,
    source, lien Légifrance), il reste sans violation, comme l'historique de l'article."""
    url = f"{url_site}/{prefixe}{_url_de_source(TYPES_DE_PAGE['article'])}"
    ouvrir(page, url, media, schema)
    bloc = page.locator("details.texte-officiel")
    expect(bloc, f"pas de bloc « Texte officiel » sur {url}").to_have_count(1)
    bloc.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(bloc, "Entrée sur le résumé n'a pas déplié le texte officiel").to_have_attribute("open", "")
    expect(bloc.locator("blockquote.texte-officiel__redaction p").first).to_be_visible()
    expect(page.locator("#historique-de-larticle")).to_be_visible()
    violations = analyser(page)
    assert not violations, rapport(violations, f"{url}, texte officiel déplié (thème {NOMS_PALETTES.get(schema, schema)})")


@pytest.mark.parametrize(("media", "schema"), _cas_palettes())
@pytest.mark.parametrize(("langue", "prefixe"), [pytest.param(l, p, id=l) for l, p in langues()])
def test_axe_recherche_avec_resultats(page: Page, url_site: str, langue: str, prefixe: str,
                                      media: str, schema: str):
    url = f"{url_site}/{prefixe}"
    ouvrir(page, url, media, schema)
    ouvrir_la_recherche_au_clavier(page)
    taper_la_recherche(page)
    violations = analyser(page, pleine_hauteur=False)
    assert not violations, rapport(violations, f"la recherche ouverte avec résultats, {url} "
                                               f"(thème {NOMS_PALETTES.get(schema, schema)})")


def test_axe_detecte_une_violation_temoin(page: Page, url_site: str):
    """Témoin : axe, injecté dans une vraie page du site, voit une image sans texte et un contraste faible."""
    page.goto(f"{url_site}/", wait_until="load")
    page.evaluate("""() => {
      const a = document.querySelector('article');
      a.insertAdjacentHTML('beforeend',
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">' +
        '<p style="color:#bbb;background:#fff">Texte trop pâle</p>');
    }""")
    ids = {v["id"] for v in analyser(page)}
    assert {"image-alt", "color-contrast"} <= ids, ids


def test_les_deux_palettes_sont_testees():
    """Le test axe couvre bien un thème clair et un thème sombre (bascule de mkdocs.yml)."""
    schemas = {schema for _, schema in palettes()}
    assert {"default", "slate"} <= schemas, (
        f"mkdocs.yml ne déclare pas les palettes claire (default) et sombre (slate) : {sorted(schemas)}. "
        "Correction : gardez les deux entrées de theme.palette avec leur « toggle ».")


# ---------------------------------------------------------------- Clavier


# Position de l'élément actif parmi ce que les flèches parcourent dans la recherche (-1 : ailleurs).
_POSITION_DANS_LES_RESULTATS = """(() => {
  const resultats = document.querySelector('.md-search-result');
  const elements = [...resultats.querySelectorAll(':not(details) > [href], summary, details[open] [href]')];
  return elements.indexOf(document.activeElement);
})()"""


@pytest.mark.parametrize("touche", ["/", "s"])
def test_recherche_au_clavier_raccourci_et_fleches(page: Page, url_site: str, touche: str):
    page.goto(f"{url_site}/", wait_until="load")
    ouvrir_la_recherche_au_clavier(page, touche)
    taper_la_recherche(page)
    # Flèche bas : le focus passe au premier résultat, puis au suivant ; flèche haut : retour.
    page.keyboard.press("ArrowDown")
    assert page.evaluate(_POSITION_DANS_LES_RESULTATS) == 0, (
        "la flèche bas ne donne pas le focus au premier résultat de recherche (élément actif : "
        f"{page.evaluate('document.activeElement.outerHTML.slice(0, 150)')})")
    premier = page.evaluate("document.activeElement.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate(_POSITION_DANS_LES_RESULTATS) == 1, "la flèche bas ne passe pas au résultat suivant"
    page.keyboard.press("ArrowUp")
    assert page.evaluate(_POSITION_DANS_LES_RESULTATS) == 0, "la flèche haut ne revient pas au résultat précédent"
    # Entrée ouvre le résultat qui a le focus.
    page.keyboard.press("Enter")
    page.wait_for_url(premier.split("#")[0] + "**")
    expect(page.locator("input#__search")).not_to_be_checked()


def test_recherche_atteinte_avec_tab(page: Page, url_site: str):
    page.goto(f"{url_site}/", wait_until="load")
    appuis = tabuler_jusqua(page, "e.matches('input.md-search__input')")
    assert appuis <= 15, f"il faut {appuis} appuis sur Tab pour atteindre la recherche (15 au plus)"
    taper_la_recherche(page)
    expect(page.locator("input#__search"), "la recherche ne s'ouvre pas quand son champ a le focus") \
        .to_be_checked()
    # Material parcourt les résultats avec les flèches (Tab referme la recherche, comme Échap).
    page.keyboard.press("ArrowDown")
    assert page.evaluate(_POSITION_DANS_LES_RESULTATS) == 0, \
        "la flèche bas ne mène pas au premier résultat depuis le champ atteint avec Tab"
    page.keyboard.press("Escape")
    expect(page.locator("input#__search"), "Échap ne referme pas la recherche").not_to_be_checked()
    # Entrée dans le champ ouvre directement le meilleur résultat.
    page.locator("input.md-search__input").focus()
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    # (le meilleur résultat peut être la page de départ : on attend une navigation, pas une autre adresse)
    premier = page.locator(".md-search-result__item a.md-search-result__link").first.evaluate("a => a.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] == premier.split("#")[0], (page.url, premier)


@pytest.mark.parametrize(("langue", "prefixe"), [pytest.param(l, p, id=l) for l, p in langues()])
def test_selecteur_de_langue_au_clavier(page: Page, url_site: str, langue: str, prefixe: str):
    autres = [(l, p) for l, p in langues() if l != langue]
    assert autres, "le site ne déclare qu'une langue : pas de sélecteur de langue à tester"
    autre, prefixe_autre = autres[0]
    page.goto(f"{url_site}/{prefixe}guides/faq-entrepreneurs/", wait_until="load")
    tabuler_jusqua(page, "e.matches('.md-select button, .md-select [tabindex]')")
    # Le menu s'ouvre au focus : son lien vers l'autre langue doit être visible et atteignable.
    lien = page.locator(f".md-select a[hreflang='{autre}']")
    expect(lien, "le menu des langues ne s'ouvre pas quand son bouton a le focus").to_be_visible()
    tabuler_jusqua(page, f"e.matches(\".md-select a[hreflang='{autre}']\")", maximum=len(langues()) + 2)
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator("html")).to_have_attribute("lang", autre)
    assert page.url.startswith(f"{url_site}/{prefixe_autre}"), (
        f"le lien « {autre} » du sélecteur de langue mène à {page.url}, hors de {url_site}/{prefixe_autre}")
    assert "faq-entrepreneurs" in page.url, (
        f"le sélecteur de langue ne garde pas la page en cours : {page.url}")


def test_bascule_de_theme_au_clavier(page: Page, url_site: str):
    page.emulate_media(color_scheme="light")
    page.goto(f"{url_site}/", wait_until="load")
    depart = page.locator("body").get_attribute("data-md-color-scheme")
    tabuler_jusqua(page, "e.matches(\"input[name='__palette']\")")
    page.keyboard.press("Enter")
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", depart or "")
    # Le choix est retenu d'une page à l'autre.
    choisi = page.locator("body").get_attribute("data-md-color-scheme")
    page.goto(f"{url_site}/guides/faq-entrepreneurs/", wait_until="load")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", choisi or "")


def test_lien_d_evitement_vers_le_contenu(page: Page, url_site: str):
    """Le premier Tab atteint « Aller au contenu » (WCAG 2.4.1), qui mène au contenu."""
    page.goto(f"{url_site}/guides/faq-entrepreneurs/", wait_until="load")
    page.keyboard.press("Tab")
    actif = page.locator(":focus")
    expect(actif).to_have_class(re.compile(r"\bmd-skip\b"))
    cible = actif.get_attribute("href") or ""
    assert cible.startswith("#") and page.locator(cible).count() == 1, (
        f"le lien d'évitement pointe vers « {cible} », absent de la page")


def test_page_404_dans_la_langue_par_defaut(site_construit):
    """GitHub Pages sert le 404.html de la racine pour toute adresse inconnue : il doit être en français.

    mkdocs-static-i18n construit chaque langue dans le même dossier : sans précaution, la
    dernière langue construite (l'anglais) écrase le 404.html de la racine.
    """
    langue = langues()[0][0]
    page = (site_construit / "404.html").read_text(encoding="utf-8")
    trouvee = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", page)
    assert trouvee and trouvee.group(1).split("-")[0] == langue, (
        f"404.html (racine) est en « {trouvee.group(1) if trouvee else '?'} », pas en « {langue} » : la "
        "construction d'une autre langue a remplacé la page française. Correction : hooks/interface.py doit "
        "écrire le 404.html des autres langues sous /<langue>/ et laisser celui de la racine.")
