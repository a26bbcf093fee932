"""hooks/nouveautes.py : données des nouveautés (KB700, fichier:ligne et correction) et flux Atom."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kb.nouveautes.entrees import ancres_des_entrees, charger, classees
from kb.nouveautes.flux import flux_atom
from unitaires.conftest import DONNEES, RACINE

SCHEMA = str(DONNEES / "schemas" / "nouveautes.schema.json")
AUJOURDHUI = dt.date(2026, 12, 6)
ATOM = "{http://www.w3.org/2005/Atom}"
ENTREE = """\
- date: 2014-08-02
  publie_le: 2026-11-26
  categorie: juridique
  titre: entrée en vigueur de la loi
  resume: >-
    La loi n° 2014-856 du 31 juillet 2014 donne aux CAE une définition légale.
  pages:
    - page: index.md
      note: La définition légale de la CAE est citée (article 26-41 de la loi de 1947).
  texte: |
    La loi n° 2014-856 du 31 juillet 2014 entre en vigueur pour l'essentiel.
"""


def lire(tmp_path: Path, texte: str):
    chemin = tmp_path / "data" / "nouveautes.yml"
    chemin.parent.mkdir(parents=True, exist_ok=True)
    chemin.write_text(texte, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text("# Accueil\n", encoding="utf-8")
    return charger(chemin, tmp_path, docs, SCHEMA, AUJOURDHUI)


def messages(problemes) -> list[str]:
    return [str(p) for p in problemes]


def test_les_vraies_nouveautes_sont_valides():
    # Le vrai jour : une entrée publiée aujourd'hui n'est pas « dans le futur ».
    nouveautes, problemes = charger(DONNEES / "nouveautes.yml", RACINE, RACINE / "docs", SCHEMA, dt.date.today())
    assert not problemes, "\n".join(messages(problemes))
    assert {n.categorie for n in nouveautes} == {"juridique", "editorial"}


def test_entree_valide(tmp_path):
    nouveautes, problemes = lire(tmp_path, ENTREE)
    assert problemes == [] and nouveautes[0].pages == (("index.md", nouveautes[0].pages[0][1]),)


@pytest.mark.parametrize("remplace, attendu", [
    (("publie_le: 2026-11-26", "publie_le: 2027-01-15"),
     "KB700 data/nouveautes.yml:2 : publie_le (2027-01-15) est dans le futur. Correction : mettez la date où "
     "l'entrée est publiée sur le site (aujourd'hui, au plus tard)."),
    (("page: index.md", "page: cesa/inconnue.md"),
     "KB700 data/nouveautes.yml:8 : pages[1].page de l'entrée « entrée en vigueur de la loi » vise "
     "docs/cesa/inconnue.md, qui n'existe pas. Correction : écrivez le chemin du fichier depuis docs/, par "
     "exemple rejoindre/cape.md."),
    (("categorie: juridique", "categorie: loi"),
     "KB700 data/nouveautes.yml:3 : valeur « loi » refusée pour [1].categorie ; valeurs permises : "
     "« juridique », « editorial ». Correction : comparez avec une entrée existante et avec "
     "data/schemas/nouveautes.schema.json (CONTRIBUTING.md, « Noter un changement »)."),
    (("date: 2014-08-02", "date: 2014-02-30"),
     "KB700 data/nouveautes.yml:1 : date impossible « 2014-02-30 ». Correction : écrivez une date qui existe, "
     "au format AAAA-MM-JJ (mois de 01 à 12, jour présent dans le mois)."),
    (("  texte: |", "texte: |"),
     "KB700 data/nouveautes.yml:10 : YAML invalide"),
])
def test_erreur_de_saisie_donne_fichier_ligne_et_correction(tmp_path, remplace, attendu):
    _, problemes = lire(tmp_path, ENTREE.replace(*remplace))
    assert problemes, "la faute aurait dû être signalée"
    assert messages(problemes)[0].startswith(attendu), messages(problemes)
    assert "Correction : " in messages(problemes)[0]


def test_doublon(tmp_path):
    _, problemes = lire(tmp_path, ENTREE + ENTREE)
    assert messages(problemes) == [
        "KB700 data/nouveautes.yml:12 : l'entrée « 2014-08-02 : entrée en vigueur de la loi » figure deux fois "
        "(la première ligne 1). Correction : fusionnez les deux entrées."]


def _flux(langue: str = "fr") -> ET.Element:
    nouveautes, _ = charger(DONNEES / "nouveautes.yml", RACINE, RACINE / "docs", SCHEMA, AUJOURDHUI)
    texte = flux_atom(nouveautes, ancres_des_entrees(nouveautes, lambda t, s: re.sub(r"\W+", s, t.lower())),
                      langue=langue, site_url="https://exemple.org/base/", prefixe="" if langue == "fr" else "en/",
                      titre="Base : quoi de neuf ?", sous_titre="Les changements.", auteur="Base",
                      droits="CC BY-SA 4.0", etiquettes={"juridique": "Évolutions juridiques",
                                                         "editorial": "Mises à jour éditoriales"})
    return ET.fromstring(texte)


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def test_flux_atom_conforme_a_la_rfc_4287():
    flux = _flux()
    assert flux.tag == f"{ATOM}feed"
    for obligatoire in ("id", "title", "updated", "author"):  # 4.1.1 (author : au niveau du flux)
        assert flux.find(f"{ATOM}{obligatoire}") is not None, obligatoire
    assert flux.find(f"{ATOM}author/{ATOM}name").text
    assert flux.find(f"{ATOM}link[@rel='self']").get("href") == "https://exemple.org/base/nouveautes.xml"
    entrees = flux.findall(f"{ATOM}entry")
    assert len(entrees) >= 5
    ids = [e.find(f"{ATOM}id").text for e in entrees]
    assert len(set(ids)) == len(ids), "identifiants d'entrées en double"
    assert all(i.startswith("tag:exemple.org,") for i in ids)
    dates = [flux.find(f"{ATOM}updated").text]
    for e in entrees:
        for obligatoire in ("id", "title", "updated", "summary"):  # 4.1.2 (summary : pas de content)
            assert e.find(f"{ATOM}{obligatoire}") is not None and e.find(f"{ATOM}{obligatoire}").text, obligatoire
        assert e.find(f"{ATOM}link[@rel='alternate']").get("href").startswith(
            "https://exemple.org/base/a-propos/quoi-de-neuf/#")
        assert e.find(f"{ATOM}category").get("term") in ("juridique", "editorial")
        dates += [e.find(f"{ATOM}updated").text, e.find(f"{ATOM}published").text]
        assert e.find(f"{ATOM}published").text <= e.find(f"{ATOM}updated").text
    assert all(RFC3339.match(d) for d in dates), dates
    assert flux.find(f"{ATOM}updated").text == max(dates)


def test_flux_liste_les_derniers_changements_en_premier():
    nouveautes, _ = charger(DONNEES / "nouveautes.yml", RACINE, RACINE / "docs", SCHEMA, AUJOURDHUI)
    premiere = _flux().find(f"{ATOM}entry")
    derniere = classees(nouveautes)[0]
    assert premiere.find(f"{ATOM}title").text.endswith(derniere.titre)
    assert premiere.find(f"{ATOM}category").get("term") == derniere.categorie


def test_flux_anglais_traduit():
    flux = _flux("en")
    assert flux.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert flux.find(f"{ATOM}link[@rel='self']").get("href") == "https://exemple.org/base/en/nouveautes.xml"
    assert "December" in flux.find(f"{ATOM}entry/{ATOM}title").text
