"""Les références juridiques telles que le lecteur les voit sur le site construit.

- « Cité dans cette base » sur chaque page d'article : exactement les pages qui la citent ;
- les citations deviennent des liens, jamais dans un titre ni dans du code ;
- JSON-LD schema.org Legislation sur chaque page d'article ;
- references.json : le registre complet et ses rétroliens.
"""

from __future__ import annotations

import json
import posixpath

import pytest

from arbre_html import RACINE
from kb.references.registre import charger

pytestmark = pytest.mark.html


@pytest.fixture(scope="module")
def registre():
    reg, problemes = charger(RACINE / "data" / "textes", RACINE / "data" / "schemas" / "texte.schema.json", RACINE)
    assert not problemes, problemes
    return reg


def _cible(page, href: str) -> str:
    """URL (relative au site) visée par un lien relatif d'une page."""
    chemin = posixpath.normpath(posixpath.join(page.url, href.split("#")[0]))
    return "" if chemin in (".", "") else chemin.lstrip("./") + "/"


def _pages_d_articles(pages_fr):
    return [p for p in pages_fr if p.url.startswith("textes/") and p.url.count("/") == 3]


def test_cite_dans_cette_base_egale_les_pages_qui_citent(pages_fr):
    """Chaque page listée cite vraiment l'article, et chaque page qui le cite est listée."""
    citants: dict[str, set[str]] = {}
    for page in pages_fr:
        for lien in page.dom.tous("a", classe="kb-citation"):
            citants.setdefault(_cible(page, lien.attrs["href"]), set()).add(page.url)
    articles = _pages_d_articles(pages_fr)
    assert len(articles) >= 20, "moins de 20 pages d'articles construites"
    for article in articles:
        titre = article.dom.premier("h2", id="cite-dans-cette-base")
        assert titre is not None, f"/{article.url} n'a pas de section « Cité dans cette base »"
        liste = article.dom.premier("ul", classe="kb-cite-dans")
        affichees = {_cible(article, a.attrs["href"]) for a in liste.tous("a")} if liste else set()
        attendues = citants.get(article.url, set()) - {article.url}
        assert affichees == attendues, (
            f"/{article.url} : « Cité dans cette base » liste {sorted(affichees)}, "
            f"les pages qui la citent sont {sorted(attendues)}")


def test_les_articles_centraux_sont_cites(pages_fr):
    """Les articles du contrat sont cités par les pages explicatives (rétroliens non vides)."""
    for url in ("textes/code-du-travail/l7331-2/", "textes/code-du-travail/l7332-1/",
                "textes/code-du-travail/l7332-3/", "textes/loi-47-1775/article-26-41/"):
        page = next(p for p in pages_fr if p.url == url)
        liste = page.dom.premier("ul", classe="kb-cite-dans")
        assert liste is not None and len(liste.tous("a")) >= 2, f"/{url} : presque aucun rétrolien"


def test_aucune_citation_liee_dans_un_titre_ou_du_code(pages):
    for page in pages:
        for lien in page.dom.tous("a", classe="kb-citation"):
            interdits = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "a"}
            ancetres = {n.tag for n in lien.ancetres()}
            assert not ancetres & interdits, f"/{page.url} : citation liée dans {ancetres & interdits}"


def test_json_ld_legislation(pages_fr, registre):
    for page in _pages_d_articles(pages_fr):
        scripts = page.dom.tous("script", type="application/ld+json")
        assert len(scripts) == 1, f"/{page.url} : {len(scripts)} bloc(s) JSON-LD"
        donnees = json.loads(scripts[0].texte())
        assert donnees["@type"] == "Legislation"
        assert donnees["legislationJurisdiction"] == "FR"
        article = next(a for a in registre.articles.values()
                       if page.url.endswith(f"/{a.texte.id}/" + (a.numero.lower() if a.texte.nature == "code"
                                                                 else "article-" + a.numero.replace(" ", "-")) + "/"))
        assert donnees["name"] == article.titre
        assert article.numero in donnees["legislationIdentifier"]
        if article.url:
            assert donnees["isBasedOn"] == article.url
        if article.en_vigueur_depuis:
            assert donnees["legislationDateVersion"] == article.en_vigueur_depuis


def test_references_json(site_construit, registre, pages_fr):
    export = json.loads((site_construit / "references.json").read_text(encoding="utf-8"))
    ids = {a["id"] for t in export["textes"] for a in t["articles"]}
    assert ids == set(registre.articles), "references.json ne reprend pas tout le registre"
    l7331_2 = next(a for t in export["textes"] for a in t["articles"] if a["id"] == "code-du-travail:L7331-2")
    page = next(p for p in pages_fr if p.url == "textes/code-du-travail/l7331-2/")
    affichees = {a.attrs["href"] for a in page.dom.premier("ul", classe="kb-cite-dans").tous("a")}
    assert len(l7331_2["cite_dans"]) >= len(affichees), "les rétroliens exportés sont incomplets"
    assert all(u.startswith("https://") for u in l7331_2["cite_dans"])


def test_titre_officiel_au_survol_a_la_premiere_citation_seulement(pages_fr):
    """Chaque article cité a son titre officiel au survol à sa première citation dans la page,
    pas aux suivantes (une infobulle Material par élément titré : coût au chargement mobile)."""
    verifie = 0
    for page in pages_fr:
        vus: set[str] = set()
        for lien in page.dom.tous("a", classe="kb-citation"):
            href = lien.attrs["href"]
            premiere = href not in vus
            assert ("title" in lien.attrs) == premiere, (
                f"/{page.url} : {href} {'sans titre à sa première' if premiere else 'avec titre à une nouvelle'} citation")
            if not premiere:
                verifie += 1
            vus.add(href)
    assert verifie > 10, "aucune citation répétée dans le site : le test ne vérifie rien"


def test_un_sigle_developpe_une_fois_par_page(pages_fr):
    repetes = 0
    for page in pages_fr:
        contenu = page.dom.premier("div", classe="kb-contenu")
        if contenu is None:
            continue
        sigles = [a.texte() for a in contenu.tous("abbr")]
        assert len(sigles) == len(set(sigles)), f"/{page.url} : sigle développé plusieurs fois {sigles}"
        repetes += contenu.texte().count("CAE") > 1
    assert repetes > 10
