"""Le site construit suit ses changements (data/nouveautes.yml) : flux Atom de chaque langue, lien
dans l'en-tête, dernière nouveauté sur l'accueil, « Mis à jour le … » des pages concernées."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import yaml

from kb.typographie.espaces import corriger_texte
from outils_kb import adresse_de_page

pytestmark = pytest.mark.html

ATOM = "{http://www.w3.org/2005/Atom}"
NOUVEAUTES = yaml.safe_load(open("data/nouveautes.yml", encoding="utf-8"))


def html(site, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefixe", ["", "en/"])
def test_flux_atom_valide_et_annonce(site_construit, prefixe):
    flux = ET.parse(site_construit / prefixe / "nouveautes.xml").getroot()
    entrees = flux.findall(f"{ATOM}entry")
    assert len(entrees) == len(NOUVEAUTES)
    ids = [e.findtext(f"{ATOM}id") for e in entrees]
    assert len(set(ids)) == len(ids)
    # Chaque entrée renvoie à une ancre qui existe sur la page « Quoi de neuf ? » construite.
    page = html(site_construit, prefixe + "a-propos/quoi-de-neuf/")
    for e in entrees:
        ancre = e.find(f"{ATOM}link[@rel='alternate']").get("href").split("#")[1]
        assert f'id="{ancre}"' in page, ancre
    for url in (prefixe, prefixe + "cesa/contrat/"):
        assert ('<link rel="alternate feed" type="application/atom+xml"' in html(site_construit, url)
                and "nouveautes.xml" in html(site_construit, url)), url


def test_accueil_montre_la_derniere_nouveaute(site_construit):
    derniere = max(NOUVEAUTES, key=lambda n: str(n["publie_le"]))
    accueil = html(site_construit, "")
    # Le titre tel que l'affiche la page française : espaces insécables de la typographie (« : »).
    assert "Dernière mise à jour, le" in accueil and corriger_texte(derniere["titre"]) in accueil
    assert derniere["en"]["titre"] in html(site_construit, "en/")


def test_pages_changees_pour_une_raison_juridique(site_construit):
    # Une page nommée par plusieurs nouveautés affiche la plus récente.
    derniere: dict[str, str] = {}
    for n in NOUVEAUTES:
        for p in n.get("pages") or []:
            derniere[p["page"]] = max(derniere.get(p["page"], ""), str(n["publie_le"]))
    for chemin, publie_le in derniere.items():
        page = html(site_construit, adresse_de_page(chemin))
        assert '<p class="kb-mise-a-jour">' in page, chemin
        debut = page.index('<p class="kb-mise-a-jour">')
        assert page.index("</h1>") < debut, f"{chemin} : la mise à jour doit suivre le titre"
        assert f'datetime="{publie_le}"' in page[debut:debut + 400], chemin
    assert '<p class="kb-mise-a-jour">' not in html(site_construit, "cesa/contrat/")


def test_sous_en_le_renvoi_vers_quoi_de_neuf_reste_en_anglais(site_construit):
    """« see “What's new” » d'une page servie sous /en/ mène à « Quoi de neuf ? » sous /en/, pas à la
    page française : le lecteur ne change pas de langue (les fichiers sont pris en on_nav)."""
    verifiees = 0
    for n in NOUVEAUTES:
        for p in n.get("pages") or []:
            url = "en/" + adresse_de_page(p["page"]).strip("/") + "/"
            page = html(site_construit, url)
            debut = page.index('<p class="kb-mise-a-jour">')
            lien = page[debut:page.index("</p>", debut)].split('href="')[1].split('"')[0]
            cible = (site_construit / url / lien.split("#")[0]).resolve()
            relatif = cible.relative_to(site_construit.resolve()).as_posix()
            assert relatif == "en/a-propos/quoi-de-neuf", f"/{url} : « What's new » mène à /{relatif}"
            assert f'id="{lien.split("#")[1]}"' in html(site_construit, relatif), f"/{url} : ancre absente"
            verifiees += 1
    assert verifiees > 0
