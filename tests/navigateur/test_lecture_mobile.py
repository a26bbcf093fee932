"""La réponse d'abord, sur un téléphone (390 × 844, tactile), dans Chromium.

- chaque page explicative montre son encadré « En bref » sans défilement ;
- une page d'article montre son résumé en clair sur le premier écran ;
- toucher le corps d'une carte de l'accueil ouvre sa page ;
- un terme du glossaire touché mène à sa définition ;
- le sélecteur de langue marche sur chaque type de page quand le site est servi sous un autre
  chemin que celui de site_url ;
- les contrôles (hors liens dans le texte) font au moins 24 × 24 px, ceux de l'en-tête 44 × 44 px.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from serveur_statique import servir

from kb.commun.entete import lire_entete
from outils_kb import adresse_de_page

pytestmark = pytest.mark.navigateur
expect.set_options(timeout=15_000)

RACINE = Path(__file__).resolve().parents[2]
ECRAN = {"width": 390, "height": 844}
# Pages explicatives : tout ce qui explique une situation ou un texte. Ne sont pas concernées
# l'accueil, le glossaire, la FAQ (des questions-réponses), « À propos » et les pages d'articles
# (elles ont leur propre résumé, vérifié plus bas).
DOSSIERS_EXPLICATIFS = ("cae", "cesa", "rejoindre", "gerer", "cadre-juridique")
AUTRES_PAGES_EXPLICATIVES = ("guides/gerer-une-cae.md",)


def pages_explicatives() -> list[str]:
    pages = [f.relative_to(RACINE / "docs").as_posix() for d in DOSSIERS_EXPLICATIFS
             for f in sorted((RACINE / "docs" / d).glob("*.md")) if f.name.count(".") == 1]
    return pages + list(AUTRES_PAGES_EXPLICATIVES)


@pytest.fixture(scope="module")
def telephone(navigateur):
    contexte = navigateur.new_context(viewport=ECRAN, is_mobile=True, has_touch=True, locale="fr-FR")
    onglet = contexte.new_page()
    yield onglet
    contexte.close()


@pytest.mark.parametrize("chemin_md", pages_explicatives())
def test_en_bref_sans_defilement(telephone, url_site: str, chemin_md: str) -> None:
    telephone.goto(url_site + adresse_de_page(chemin_md))
    encadre = telephone.locator("article .admonition.en-bref").first
    assert encadre.count(), f"{chemin_md} : pas d'encadré « En bref » (voir CONTRIBUTING, « La réponse d'abord »)"
    boite = encadre.bounding_box()
    assert boite is not None and boite["y"] + 60 < ECRAN["height"], (
        f"{chemin_md} : « En bref » commence à {boite and round(boite['y'])} px, sous le premier écran")


def test_aucune_page_de_situation_n_echappe_a_la_regle() -> None:
    """Le test ci-dessus voit bien toutes les pages de situation (aucune n'échappe à la règle)."""
    avec_questions = [f.relative_to(RACINE / "docs").as_posix() for f in sorted((RACINE / "docs").rglob("*.md"))
                      if f.name.count(".") == 1 and lire_entete(f.read_text(encoding="utf-8")).donnees.get("questions")]
    oubliees = sorted(set(avec_questions) - set(pages_explicatives()))
    assert not oubliees, f"pages qui déclarent des questions mais ne sont pas vérifiées : {oubliees}"


@pytest.mark.parametrize("chemin", ["/textes/code-du-travail/l7331-2/", "/textes/code-de-commerce/l127-2/"])
def test_resume_d_un_article_sur_le_premier_ecran(telephone, url_site: str, chemin: str) -> None:
    telephone.goto(url_site + chemin)
    for selecteur in (".kb-article__objet", ".kb-article + h2 + *"):
        boite = telephone.locator(f"article {selecteur}").first.bounding_box()
        assert boite is not None and boite["y"] + boite["height"] / 2 < ECRAN["height"], (
            f"{chemin} : {selecteur} hors du premier écran ({boite})")


def test_toucher_une_carte_de_l_accueil(telephone, url_site: str) -> None:
    telephone.goto(url_site + "/")
    carte = telephone.locator(".kb-portes > ul > li").first
    texte = carte.locator("p").nth(1)  # le paragraphe de présentation, pas le titre
    texte.scroll_into_view_if_needed()
    boite = texte.bounding_box()
    assert boite is not None
    telephone.touchscreen.tap(boite["x"] + boite["width"] / 2, boite["y"] + boite["height"] / 2)
    expect(telephone).to_have_url(url_site + "/rejoindre/rejoindre-une-cae/")


def test_toucher_un_terme_du_glossaire(telephone, url_site: str) -> None:
    telephone.goto(url_site + "/cesa/remuneration/")
    terme = telephone.locator("article a.kb-terme", has_text="part variable").first
    definition = terme.get_attribute("title")
    assert definition and definition.startswith("Part variable : ")
    terme.scroll_into_view_if_needed()
    terme.tap()
    expect(telephone).to_have_url(url_site + "/glossaire/#part-variable")
    cible = telephone.locator("#part-variable + p")
    expect(cible).to_be_visible()
    assert definition.split(" : ", 1)[1].rstrip(".") in cible.inner_text()


@pytest.fixture(scope="module")
def site_sous_un_autre_chemin(site_construit: Path):
    """Le même site servi sous /ailleurs/ : aucun lien ne doit supposer /base-juridique-cae/."""
    serveur, url = servir(site_construit, "/ailleurs")
    yield url
    serveur.shutdown()


@pytest.mark.parametrize("chemin, anglais", [
    ("/", "/en/"),
    ("/rejoindre/cape/", "/en/rejoindre/cape/"),
    ("/textes/code-du-travail/l7331-2/", "/en/textes/code-du-travail/l7331-2/"),
    ("/glossaire/", "/en/glossaire/"),
])
def test_selecteur_de_langue_sous_un_autre_chemin(navigateur, site_sous_un_autre_chemin: str,
                                                  chemin: str, anglais: str) -> None:
    onglet = navigateur.new_page(viewport=ECRAN, locale="fr-FR")
    try:
        onglet.goto(site_sous_un_autre_chemin + chemin)
        lien = onglet.locator("a.md-select__link[hreflang='en']").first
        href = lien.get_attribute("href")
        cible = onglet.evaluate("h => new URL(h, location.href).pathname", href)
        assert cible == urlsplit(site_sous_un_autre_chemin).path + anglais, (chemin, href)
        reponse = onglet.goto(site_sous_un_autre_chemin + anglais)
        assert reponse is not None and reponse.status == 200
        assert onglet.evaluate("document.documentElement.lang") == "en"
        retour = onglet.locator("a.md-select__link[hreflang='fr']").first.get_attribute("href")
        assert onglet.evaluate("h => new URL(h, location.href).pathname", retour) == \
            urlsplit(site_sous_un_autre_chemin).path + chemin
    finally:
        onglet.close()


def test_taille_des_controles(telephone, url_site: str) -> None:
    """WCAG 2.5.8 : 24 × 24 px au moins hors liens dans le texte ; 44 × 44 px dans l'en-tête."""
    petits = []
    for chemin in ("/", "/rejoindre/cape/", "/textes/code-du-travail/l7331-2/", "/glossaire/"):
        telephone.goto(url_site + chemin)
        tailles = telephone.evaluate("""() => {
          // Ce que le lecteur voit sur l'écran : ni le menu replié hors de l'écran, ni les liens de
          // section (¶) transparents tant qu'on ne les survole pas.
          const visibles = [...document.querySelectorAll('a, button, label[for], input, summary')]
            .filter(e => { const r = e.getBoundingClientRect();
                           return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
                             && e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}); });
          return visibles.map(e => {
            const r = e.getBoundingClientRect();
            const dansLeTexte = e.tagName === 'A' && e.closest('p, li, td, th, dd, .admonition')
                                && !e.closest('.md-header, .md-nav, .kb-lettres, .kb-article__liens');
            return {nom: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40),
                    l: r.width, h: r.height, entete: !!e.closest('.md-header'), texte: !!dansLeTexte};
          });
        }""")
        for t in tailles:
            if t["texte"]:
                continue
            minimum = 44 if t["entete"] else 24
            if t["l"] < minimum - 0.5 or t["h"] < minimum - 0.5:
                petits.append(f"{chemin} « {t['nom']} » {t['l']:.0f} × {t['h']:.0f} (au moins {minimum})")
    assert not petits, "\n".join(petits)


def pages_avec_un_tableau(site: Path) -> list[str]:
    """Adresses (« /cesa/remuneration/ ») des pages construites qui contiennent un tableau."""
    return sorted("/" + "".join(f"{p}/" for p in f.parent.relative_to(site).parts)
                  for f in site.rglob("index.html") if "<table" in f.read_text(encoding="utf-8"))


def test_aucun_tableau_ne_fait_deborder_la_page(telephone, site_construit: Path, url_site: str) -> None:
    """À 390 px, un tableau large défile seul (dans son cadre) : la page, elle, ne défile jamais
    de côté, sinon tout le texte glisse sous le doigt du lecteur."""
    pages = pages_avec_un_tableau(site_construit)
    assert len(pages) >= 20 and "/rejoindre/comparer-cae-portage-micro-couveuse/" in pages
    debordements = []
    for chemin in pages:
        telephone.goto(url_site + chemin)
        mesure = telephone.evaluate("""() => {
          const largeur = document.documentElement.clientWidth;
          const fautifs = [...document.querySelectorAll('article table')].filter(t => {
            // Le tableau tient dans l'écran, ou bien un cadre qui défile de côté le contient et tient,
            // lui, dans l'écran.
            const b = t.getBoundingClientRect();
            if (b.left >= -0.5 && b.right <= largeur + 0.5) return false;
            for (let e = t; e && e !== document.body; e = e.parentElement) {
              const style = getComputedStyle(e), r = e.getBoundingClientRect();
              if (['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth)
                return !(r.left >= -0.5 && r.right <= largeur + 0.5);
            }
            return true;
          });
          return {page: document.documentElement.scrollWidth, largeur,
                  fautifs: fautifs.map(t => t.querySelector('th, td')?.textContent.trim().slice(0, 30) || '?')};
        }""")
        if mesure["page"] > mesure["largeur"] or mesure["fautifs"]:
            debordements.append(f"{chemin} : page de {mesure['page']} px, tableaux {mesure['fautifs']}")
    assert not debordements, "\n".join(debordements)


@pytest.mark.parametrize("largeur", [390, 320])
@pytest.mark.parametrize("chemin", ["/", "/cesa/argent-contribution-et-frais/", "/en/"])
def test_le_nom_du_site_est_entier_dans_l_en_tete(navigateur, url_site: str, chemin: str, largeur: int) -> None:
    """Sur un téléphone, le nom du site va à la ligne plutôt que d'être coupé (« Base juridiqu… »)."""
    onglet = navigateur.new_page(viewport={"width": largeur, "height": 700}, locale="fr-FR")
    try:
        onglet.goto(url_site + chemin)
        nom = onglet.locator(".md-header__topic").first.locator(".md-ellipsis")
        mesure = nom.evaluate("""e => {
          const r = e.getBoundingClientRect(), h = document.querySelector('.md-header').getBoundingClientRect();
          return {texte: e.textContent.trim(), coupe: e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1,
                  dedans: r.top >= h.top && r.bottom <= h.bottom};
        }""")
        assert not mesure["coupe"], f"{chemin} à {largeur} px : « {mesure['texte']} » est coupé dans l'en-tête"
        assert mesure["dedans"], f"{chemin} à {largeur} px : « {mesure['texte']} » dépasse de l'en-tête"
    finally:
        onglet.close()
