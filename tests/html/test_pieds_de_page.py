"""Ce que chaque page montre sous son contenu : date de vérification, sources, signalement."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from kb.commun.dates import date_longue
from kb.commun.normalisation import espaces_ordinaires

from arbre_html import RACINE, SITE_URL

MOIS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
MOIS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
DEPOT = "https://github.com/base-juridique-cae/base-juridique-cae"


def test_verifie_le_en_toutes_lettres(pages):
    for page in pages:
        fait = page.dom.premier("span", classe="kb-verifie")
        assert fait is not None, f"{page} : pas de « Vérifié le »"
        temps = fait.premier("time")
        iso = temps.attrs.get("datetime", "")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso), page
        langue = "en" if page.anglaise else "fr"
        texte = fait.texte_propre()
        if langue == "fr":
            assert re.fullmatch(rf"Vérifié le (1er|[12]?\d|3[01]) ({MOIS_FR}) \d{{4}}", texte), f"{page} : {texte!r}"
        else:
            assert re.fullmatch(rf"Checked on ({MOIS_EN}) \d{{1,2}}, \d{{4}}", texte), f"{page} : {texte!r}"
        assert temps.texte_propre() == date_longue(iso, langue), page


def test_sources_en_https(pages):
    sans_sources, fautes = [], []
    for page in pages:
        bloc = page.dom.premier("ul", classe="kb-sources")
        article = page.dom.premier("p", classe="kb-article__liens")
        if bloc is None and article is None:
            sans_sources.append(str(page))
            continue
        liens = []
        if bloc is not None:
            elements = bloc.tous("li")
            if not elements or not all(e.texte_propre() for e in elements):
                fautes.append(f"{page} : bloc de sources vide ou source sans titre")
            liens += bloc.tous("a")
            titre = page.dom.premier("h2", id="kb-sources")
            if titre is None or titre.texte_propre() != "Sources":
                fautes.append(f"{page} : le bloc de sources n'a pas de titre « Sources »")
        if article is not None:
            liens += article.tous("a")
        if not liens:
            fautes.append(f"{page} : aucune source n'a de lien")
        fautes += [f"{page} : source {l.texte_propre()!r} -> {l.attrs.get('href')!r}"
                   for l in liens if not l.attrs.get("href", "").startswith("https://")]
    assert not sans_sources, f"{len(sans_sources)} page(s) sans bloc « Sources » : {sans_sources}"
    assert not fautes, "\n".join(fautes)


def test_signaler_une_erreur(pages):
    for page in pages:
        bloc = page.dom.premier("p", classe="kb-signaler")
        assert bloc is not None, f"{page} : pas de lien « Signaler une erreur »"
        lien = bloc.premier("a")
        assert lien.texte_propre() == ("Report an error" if page.anglaise else "Signaler une erreur"), page
        adresse = urlsplit(lien.attrs["href"])
        assert f"{adresse.scheme}://{adresse.netloc}{adresse.path}" == DEPOT + "/issues/new", page
        parametres = parse_qs(adresse.query)
        assert parametres["template"] == ["signaler-une-erreur.yml"], page
        assert parametres["page"] == [SITE_URL + page.url], page
        h1 = page.dom.premier("div", classe="kb-contenu").premier("h1").texte(frozenset({"a"})).strip()
        assert espaces_ordinaires(parametres["title"][0]).endswith(espaces_ordinaires(h1)), page
        # Le formulaire visé existe dans le dépôt.
        assert (RACINE / ".github" / "ISSUE_TEMPLATE" / "signaler-une-erreur.yml").is_file()


def _registre():
    from kb.references.registre import charger
    registre, problemes = charger(RACINE / "data" / "textes", RACINE / "data/schemas/texte.schema.json", RACINE)
    assert not problemes
    return registre


def test_pages_d_articles_titrees_depuis_le_registre(pages_fr):
    import yaml
    registre = _registre()
    vues = 0
    for fichier in sorted((RACINE / "docs" / "textes").glob("*/*.md")):
        texte = fichier.read_text(encoding="utf-8")
        entete = yaml.safe_load(texte.split("---")[1]) if texte.startswith("---") else {}
        ref = (entete or {}).get("article")
        if not ref or fichier.name.endswith(".en.md"):
            continue
        url = fichier.relative_to(RACINE / "docs").as_posix()[:-3] + "/"
        page = next(p for p in pages_fr if p.url == url)
        h1 = page.dom.premier("div", classe="kb-contenu").premier("h1")
        # La typographie met une espace insécable après « n° » : on compare sans elle.
        affiche = espaces_ordinaires(h1.texte(frozenset({"a"})).strip())
        assert affiche == registre.trouver(ref).titre, page
        vues += 1
    assert vues, "aucune page d'article dans docs/textes/"
