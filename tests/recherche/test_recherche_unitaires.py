"""Tests unitaires de hooks/recherche.py (fonctions pures) et parité avec recherche.js (sous node)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[2]

import recherche as r  # noqa: E402  (hooks/ est dans le chemin d'import : voir pyproject.toml)
from kb.registre import Article, Registre, Texte  # noqa: E402

JS = RACINE / "overrides" / "assets" / "javascripts" / "recherche.js"
NBSP, NNBSP = "\u00a0", "\u202f"


# -- folding, unification -------------------------------------------------------------------

@pytest.mark.parametrize("brut,attendu", [
    ("Rémunération", "remuneration"), ("COOPÉRATIVE", "cooperative"), ("œuvre", "oeuvre"),
    ("Période", "periode"), ("ça", "ca"), ("L7331-2", "l7331-2"), ("naïf", "naif"),
])
def test_plier(brut: str, attendu: str) -> None:
    assert r.plier(brut) == attendu


def test_unifier_espaces_apostrophes_guillemets() -> None:
    assert r.unifier(f"«{NBSP}période d’essai{NNBSP}»") == '" période d\'essai "'
    assert r.unifier("lʼassocié") == "l'associé"
    assert r.unifier("L.\u2009 7331-2") == "L.  7331-2"  # thin space -> space


# -- light plural stemming ------------------------------------------------------------------

@pytest.mark.parametrize("mot,attendu", [
    ("entrepreneurs", "entrepreneur"), ("salariés", "salarié"), ("coopératives", "coopérative"),
    ("associés", "associé"), ("sociaux", "social"), ("généraux", "général"), ("nouveaux", "nouveau"),
    ("travaux", "travail"), ("lois", "loi"), ("emplois", "emploi"), ("délais", "délai"),
    ("essais", "essai"), ("rémunérations", "rémunération"), ("cotisations", "cotisation"),
    # must NOT change
    ("mois", "mois"), ("fois", "fois"), ("temps", "temps"), ("procès", "procès"), ("accès", "accès"),
    ("taux", "taux"), ("cas", "cas"), ("plus", "plus"), ("avis", "avis"), ("frais", "frais"),
    ("recours", "recours"), ("pays", "pays"), ("prix", "prix"), ("sous", "sous"),
    # numbers and identifiers are never stemmed
    ("2014", "2014"), ("l7331", "l7331"), ("l7331_2", "l7331_2"), ("47s", "47s"), ("cas", "cas"),
])
def test_radical(mot: str, attendu: str) -> None:
    assert r.radical(mot) == attendu


# -- article / text identifiers -------------------------------------------------------------

@pytest.mark.parametrize("texte,attendu", [
    ("L7331-2", ["l7331_2", "7331_2"]),
    ("L. 7331-2", ["l7331_2", "7331_2"]),
    (f"L.{NBSP}7331-2", ["l7331_2", "7331_2"]),
    ("l7331-2", ["l7331_2", "7331_2"]),
    ("L 7331-2", ["l7331_2", "7331_2"]),
    ("L.7331-2", ["l7331_2", "7331_2"]),
    ("art. L7331-2", ["l7331_2", "7331_2"]),
    ("article L. 7331-2 du code du travail", ["l7331_2", "7331_2"]),
    ("R. 7331-11", ["r7331_11", "7331_11"]),
    ("D. 1234-5", ["d1234_5", "1234_5"]),
    ("articles L. 7331-1 et L. 7331-2", ["l7331_1", "7331_1", "l7331_2", "7331_2"]),
    ("7331-2", ["7331_2"]),
    ("loi n° 47-1775", ["47_1775"]),
    ("décret n°\u00a02015-1363 du 27 octobre 2015", ["2015_1363"]),
    ("article 26-41 de la loi n° 47-1775", ["26_41", "47_1775"]),
    ("en 2014, la loi", []),
    ("covid-19", []),
    ("coopératives", []),
])
def test_identifiants(texte: str, attendu: list[str]) -> None:
    assert r.identifiants(texte) == attendu


def test_variantes_identifiant_complet() -> None:
    assert r.variantes_identifiant("7331-2", "L", complet=True) == ["l7331_2", "7331_2", "l73312"]
    assert r.variantes_identifiant("26-41") == ["26_41"]
    assert r.variantes_identifiant("7331 - 2", "r") == ["r7331_2", "7331_2"]


def test_identifiants_survivent_au_separateur() -> None:
    """The whole point of "_": Material's separator never splits an identifier token."""
    for tok in ["l7331_2", "7331_2", "47_1775", "2015_1363"]:
        assert r.scinder(tok) == [tok]


# -- words, elision, normalisation ----------------------------------------------------------

@pytest.mark.parametrize("texte,attendu", [
    ("l’entrepreneur", ["entrepreneur"]), ("l'entrepreneur", ["entrepreneur"]),
    ("lʼentrepreneur", ["entrepreneur"]), ("d'essai", ["essai"]), ("D’ESSAI", ["essai"]),
    ("qu’il", ["il"]), ("jusqu'au", ["au"]), ("lorsqu’une", ["une"]),
    ("« une personne, une voix »", ["une", "personne", "une", "voix"]),
    ("entrepreneur·e", ["entrepreneur"]),
    ("salarié·es et gérant·e·s", ["salarié", "et", "gérant"]),
    ("aujourd'hui", ["aujourd", "hui"]),  # not an elision: split like Material's separator does
])
def test_mots(texte: str, attendu: list[str]) -> None:
    assert r.mots(texte) == attendu


@pytest.mark.parametrize("texte,attendu", [
    ("Art. L. 7331-2 : la période d’essai de l’entrepreneur\u00a0salarié",
     "l7331_2 7331_2 periode essai entrepreneur salarie"),
    (f"«{NBSP}période d’essai{NBSP}»", "periode essai"),
    ("Les entrepreneur·e·s salarié·e·s", "entrepreneur salarie"),
    ("Rémunérations des associés", "remuneration associe"),
    ("Coopératives d'activité et d'emploi", "cooperative activite emploi"),
    ("loi n° 47-1775 du 10 septembre 1947", "47_1775 loi 10 septembre 1947"),
    ("", ""),
])
def test_normaliser(texte: str, attendu: str) -> None:
    assert r.normaliser(texte) == attendu


@pytest.mark.parametrize("requete,attendu", [
    ("L7331-2", ["l7331_2^1"]), ("art. L. 7331-2", ["l7331_2^1"]), ("7331-2", ["7331_2^1"]),
    ("rémunérations", ["rémunération", "remuneration"]), ("remuneration", ["remuneration"]),
    ("période d'essai", ["période", "periode", "essai"]), ("entrepreneurs", ["entrepreneur"]),
    ("loi n° 2014-856", ["2014_856^1", "loi"]), ("de", ["de"]),
])
def test_termes_requete(requete: str, attendu: list[str]) -> None:
    assert r.termes_requete(requete) == attendu


def test_termes_requete_sans_accents() -> None:
    assert r.termes_requete("rémunérations", accents=False) == ["remuneration"]


def test_cles_cachees() -> None:
    c = r.cles_cachees(["rémunération", "sociaux", "essai", "2014", "entrepreneurs", "l7331"])
    assert "remuneration" in c and "social" in c
    assert "essai" not in c and "2014" not in c and "l7331" not in c
    assert "entrepreneur" not in c  # prefix of the visible token: the query wildcard covers it


# -- glossary synonyms ------------------------------------------------------------------------

GLOSSAIRE = r.groupes_glossaire([
    {"terme": "rémunération", "synonymes": ["salaire", "paie"]},
    {"terme": "coopérative d'activité et d'emploi", "abreviation": "CAE", "synonymes": ["couveuse"]},
    {"terme": "entrepreneur salarié", "synonymes": ["porteur de projet"]},
])


def test_synonymes_un_sens() -> None:
    s = r.synonymes_trouves("La rémunération mensuelle", GLOSSAIRE)
    assert "salaire" in s and "paie" in s
    assert r.synonymes_trouves("Le salaire", GLOSSAIRE) == []


def test_synonymes_abreviation_et_locution() -> None:
    s = r.synonymes_trouves("Entrer dans une CAE", GLOSSAIRE)
    assert {"couveuse", "cooperative", "activite", "emploi"} <= set(s)
    s = r.synonymes_trouves("Les entrepreneurs salariés de la coopérative", GLOSSAIRE)
    assert {"porteur", "projet"} <= set(s)
    assert r.synonymes_trouves("Un entrepreneur individuel", GLOSSAIRE) == []


# -- index post-processing -------------------------------------------------------------------

def _index() -> dict:
    doc = lambda loc, t, x="": {"location": loc, "title": t, "text": x}  # noqa: E731
    return {"config": {"lang": ["fr", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter", "trimmer"],
                       "fields": {"title": {"boost": 1e3}, "text": {"boost": 1}, "tags": {"boost": 1e6}}},
            "docs": [doc("", "Accueil", "<p>Les CAE</p>"),
                     doc("cesa/remuneration/", "La rémunération", "<p>Voir L. 7332-3.</p>"),
                     doc("cesa/periode-essai/", "La période d'essai"),
                     doc("textes/code-du-travail/l7331-2/", "Article L7331-2 du code du travail"),
                     doc("en/", "Home", "<p>cooperatives</p>"),
                     doc("en/cesa/remuneration/", "Remuneration"),
                     doc("en/cesa/periode-essai/", "La période d'essai")]}


def test_indexes_par_langue() -> None:
    pages = {"textes/code-du-travail/l7331-2/": r.InfoPage("textes/code-du-travail/l7331-2/",
                                                           article="code-du-travail:L7331-2"),
             "en/cesa/periode-essai/": r.InfoPage("en/cesa/periode-essai/", repli=True)}
    code = Texte(id="code-du-travail", titre="Code du travail", titre_court="code du travail", nature="code",
                 url="https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050")
    reg = Registre(textes={code.id: code},
                   articles={"code-du-travail:L7331-2": Article(texte=code, numero="L7331-2", intitule="Définition")})
    sortie = r.indexes_par_langue(_index(), "fr", ["en"], pages, {"fr": GLOSSAIRE}, reg)
    fr, en = sortie["fr"], sortie["en"]
    for idx in (fr, en):
        assert idx["config"]["separator"] == r.SEPARATEUR
        assert idx["config"]["pipeline"] == ["stopWordFilter"]
        assert set(r.CHAMPS) <= set(idx["config"]["fields"])
    assert fr["config"]["lang"] == ["fr"] and en["config"]["lang"] == ["en", "fr"]
    assert [d["location"] for d in fr["docs"]] == ["", "cesa/remuneration/", "cesa/periode-essai/",
                                                     "textes/code-du-travail/l7331-2/"]
    # en: own pages first (relative to /en/), FR originals of untranslated pages, no fallback copy,
    # no FR twin of a translated page
    assert [d["location"] for d in en["docs"]] == ["", "cesa/remuneration/", "../cesa/periode-essai/",
                                                     "../textes/code-du-travail/l7331-2/"]
    assert en["docs"][0]["boost"] == r.BOOST_LANGUE and "boost" not in en["docs"][2]
    art = fr["docs"][3]
    assert art["cle_id"] == "l7331_2 7331_2 l73312"
    assert "definition" in art["cle_texte"]
    rem = fr["docs"][1]
    assert "salaire" in rem["cle_titre"] and "remuneration" in rem["cle_titre"]
    assert "l7332_3" in rem["cle_texte"]
    assert "cle_id" not in rem


# -- parity with the JS query transform (node) -----------------------------------------------

REQUETES = ["L7331-2", "L. 7331-2", "l7331-2", "7331-2", "art. L7331-2", "R7331-11", "26-41",
            "47-1775", "2015-1363", "loi n° 47-1775", "décret n° 2015-1363", "article 26-41",
            "rémunération", "remunerations", "période d’essai", "periode d'essai", "l'entrepreneur",
            "entrepreneurs salariés", "coopératives", "sociaux", "travaux", "lois", "mois",
            "porteur de projet", f"«{NBSP}salaire{NBSP}»", "de", "Assurance CHÔMAGE", "entrepreneur·e",
            "L7331-2 salaire", "qu’il", "délai 3 ans associé", "toucher l'ARE", "1947", "loi 2014"]


def _node() -> str:
    """Node.js est installé par scripts/installer-systeme.sh : son absence est une erreur, pas un saut."""
    chemin = shutil.which("node")
    assert chemin, "node est introuvable : lancez « make test » (qui l'installe) ou « apt-get install nodejs »."
    return chemin


def test_js_identique_a_python() -> None:
    prog = ("const r=require(process.argv[1]);const q=JSON.parse(process.argv[2]);"
            "console.log(JSON.stringify(q.map(x=>r.transformer(x))))")
    out = subprocess.run([_node(), "-e", prog, str(JS), json.dumps(REQUETES)],
                         capture_output=True, text=True, check=True).stdout
    js = json.loads(out)
    for q, t in zip(REQUETES, js):
        # quoted segments (« ») keep their quotes in JS: compare the terms
        assert t.replace('"', "").split() == r.termes_requete(q.replace("«", "").replace("»", "")), (q, t)


def test_js_sans_accents_identique_a_python() -> None:
    prog = ("const r=require(process.argv[1]);const q=JSON.parse(process.argv[2]);"
            "console.log(JSON.stringify(q.map(x=>r.transformer(x,false))))")
    out = subprocess.run([_node(), "-e", prog, str(JS), json.dumps(REQUETES)],
                         capture_output=True, text=True, check=True).stdout
    for q, t in zip(REQUETES, json.loads(out)):
        assert t.replace('"', "").split() == r.termes_requete(q.replace("«", "").replace("»", ""),
                                                              accents=False), (q, t)


def test_js_meme_separateur() -> None:
    src = JS.read_text(encoding="utf-8")
    m = re.search(r"var SEPARATEUR = /(.*)/;", src)
    assert m and m.group(1).replace("\\/", "/") == r.SEPARATEUR


def test_questions_declarees_dans_un_champ_cache() -> None:
    """« questions: » de l'en-tête : mots sans mots vides, formes pliées, numéros ; page seulement."""
    jetons = r.cles_questions(["Puis-je garder l’ARE en CAE ?", "Démissionner pendant l'essai (L. 7332-1)"])
    assert {"garder", "are", "cae", "démissionner", "demissionner", "essai", "l7332_1"} <= set(jetons)
    assert not {"je", "l", "en"} & set(jetons)
    info = r.InfoPage("cesa/quitter/", questions=("Comment quitter ma CAE ?",))
    reg = Registre()
    page = r.enrichir_document({"location": "cesa/quitter/", "title": "Quitter", "text": ""}, [], info, reg,
                               glossaire=False)
    section = r.enrichir_document({"location": "cesa/quitter/#demission", "title": "Démission", "text": ""}, [],
                                  info, reg, glossaire=False)
    assert page["cle_questions"].split() == ["quitter", "cae"]  # « comment » : mot de question
    assert "cle_questions" not in section
    assert "cle_questions" in r.CHAMPS


def test_un_nombre_seul_ne_decide_pas_du_classement() -> None:
    """« 3 ans » : pas de « 3* » (L. 323-6, art. 3 de la loi…) ; seul, le nombre reste ; « ARE » est un mot."""
    assert r.termes_requete("délai 3 ans associé") == ["délai", "delai", "ans", "associé", "associe"]
    assert r.termes_requete("1947") == ["1947^1"]
    assert r.termes_requete("loi 2014") == ["loi", "2014^1"]
    assert "are" in r.termes_requete("toucher l'ARE")
