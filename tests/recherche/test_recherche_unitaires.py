"""Tests unitaires de la recherche : règles (data/recherche.yml), jetons des numéros, métadonnées
des pages (kb/recherche/), et analyse de la requête par recherche.js, exécuté sous node avec
les mêmes règles que le navigateur (recherche/regles.json)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kb.recherche.jetons import jetons_de_la_page, jetons_de_la_requete
from kb.recherche.metadonnees import metadonnees_de_la_page
from kb.recherche.regles import Regles, charger_regles, regles_pour_le_navigateur, synonymes_du_glossaire
from kb.commun.projet import Projet

RACINE = Path(__file__).resolve().parents[2]
JS = RACINE / "overrides" / "assets" / "javascripts" / "recherche.js"
NBSP, NNBSP = "\u00a0", "\u202f"

pytestmark = pytest.mark.unitaire


@pytest.fixture(scope="module")
def regles() -> Regles:
    regles, problemes = charger_regles(RACINE / "data" / "recherche.yml", RACINE)
    assert not problemes, "\n".join(map(str, problemes))
    assert regles is not None
    return regles


# ---------------------------------------------------------------- jetons des numéros

@pytest.mark.parametrize("requete,attendus", [
    ("L7331-2", ["l7331x2"]),
    ("L. 7331-2", ["l7331x2"]),
    ("l7331-2", ["l7331x2"]),
    ("art. L7331-2", ["l7331x2"]),
    ("article L. 7331-2 du code du travail", ["l7331x2"]),
    (f"art.{NBSP}R.{NNBSP}7331-11", ["r7331x11"]),
    ("7331-2", ["n7331x2"]),
    ("26-41", ["n26x41"]),
    ("loi n° 47-1775", ["n47x1775"]),
    ("décret n° 2015-1363", ["n2015x1363"]),
    ("L7331-2 et R7331-2", ["l7331x2", "r7331x2"]),
    ("D. 1226-1", ["d1226x1"]),
    ("L. 7331\u20112", ["l7331x2"]),
    ("7331\u20112", ["n7331x2"]),
    ("délai 3 ans associé", []),
    ("entrepreneur·e salarié·e", []),
])
def test_jetons_de_la_requete(regles, requete: str, attendus: list[str]) -> None:
    assert jetons_de_la_requete(requete, regles) == attendus


@pytest.mark.parametrize("article,texte,attendus", [
    ("code-du-travail:L7331-2", None, ["l7331x2", "n7331x2"]),
    ("code-du-travail:R7331-11", None, ["r7331x11", "n7331x11"]),
    ("loi-47-1775:26-41", None, ["n26x41"]),
    ("loi-47-1775:3 bis", None, []),
    (None, "loi-47-1775", ["n47x1775"]),
    (None, "decret-2015-1363", ["n2015x1363"]),
    (None, None, []),
])
def test_jetons_de_la_page(article, texte, attendus) -> None:
    assert jetons_de_la_page(article, texte) == attendus


def test_la_page_d_un_article_porte_ses_jetons_et_son_numero_officiel() -> None:
    from kb.references.registre import charger
    registre, problemes = charger(RACINE / "data" / "textes", RACINE / "data/schemas/texte.schema.json", RACINE)
    assert not problemes
    meta = metadonnees_de_la_page({"article": "code-du-travail:L7331-2", "questions": ["qui signe le CESA"]},
                                    registre, repli=False, langue_du_contenu="fr")
    assert meta == {"cles": "l7331x2 n7331x2", "questions": "qui signe le CESA",
                    "numero": "art. L. 7331-2", "langue": "fr"}
    repli = metadonnees_de_la_page({}, registre, repli=True, langue_du_contenu="fr")
    assert repli == {"langue": "fr", "repli": "1"}


def test_synonymes_du_glossaire_dans_un_seul_sens() -> None:
    entrees = [{"terme": "rémunération", "synonymes": ["salaire", "paie"]},
               {"terme": "part fixe", "synonymes": ["salaire", "fixe"]},
               {"terme": "coopérative d'activité et d'emploi", "abreviation": "CAE", "synonymes": []}]
    assert synonymes_du_glossaire(entrees) == [
        ["salaire", ["rémunération", "part fixe"]], ["paie", ["rémunération"]], ["fixe", ["part fixe"]],
        ["CAE", ["coopérative d'activité et d'emploi"]]]


# ---------------------------------------------------------------- erreurs des contributeurs (KB800)

VALIDE = (RACINE / "data" / "recherche.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("remplacer,par,ligne,attendu", [
    ("elisions:", "elisons:", None, "champ inconnu « elisons »"),
    ("  - [client, clientèle]", "  - [client, clientèle, salaire]", None, "dans deux groupes"),
    ("equivalences:", "numeros: {article: 'L'}\nequivalences:", None, "champ inconnu « numeros »"),
    ("  - [client, clientèle]", "\t- [client, clientèle]", None, "tabulation"),
    ("  - [client, clientèle]", "  - [client]", None, "au moins 2 éléments"),
])
def test_une_faute_dans_les_regles_est_expliquee(tmp_path: Path, remplacer: str, par: str, ligne, attendu: str) -> None:
    assert remplacer in VALIDE
    texte = VALIDE.replace(remplacer, par, 1)
    (tmp_path / "data" / "schemas").mkdir(parents=True)
    shutil.copy(RACINE / "data" / "schemas" / "recherche.schema.json", tmp_path / "data" / "schemas")
    fichier = tmp_path / "data" / "recherche.yml"
    fichier.write_text(texte, encoding="utf-8")
    regles, problemes = charger_regles(fichier, tmp_path)
    assert regles is None and problemes, "la faute n'a pas été vue"
    message = str(problemes[0])
    assert message.startswith("KB800 data/recherche.yml:"), message
    numero_de_ligne = int(message.split(":")[1].split()[0])
    ligne_fautive = texte.splitlines()[numero_de_ligne - 1]
    assert par.strip().split(":")[0].strip("\t -[") in ligne_fautive or "numeros" in ligne_fautive \
        or par.strip().split(":")[0] in ligne_fautive, (message, ligne_fautive)
    assert attendu in message.lower() or attendu in message, message
    assert "Correction" in message, message


# ---------------------------------------------------------------- recherche.js sous node

NODE = shutil.which("node")


@pytest.fixture(scope="module")
def analyser(regles):
    if NODE is None:
        pytest.fail("node est nécessaire aux tests de recherche.js (installé par `make systeme`).")
    donnees = regles_pour_le_navigateur(regles, {"fr": [["salaire", ["rémunération"]],
                                                          ["période de test", ["période d'essai"]]]})

    def executer(requetes: list[str]) -> list[dict]:
        script = (f"const m = require({json.dumps(str(JS))});"
                  f"const a = new m.Analyseur({json.dumps(donnees)}, 'fr');"
                  f"console.log(JSON.stringify({json.dumps(requetes)}.map(q => a.analyser(q))));")
        sortie = subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True)
        return json.loads(sortie.stdout)
    return executer


REQUETES_NUMEROS = ["L7331-2", "L. 7331-2", "l7331-2", "7331-2", "art. L7331-2", "R7331-11", "26-41",
                    "47-1775", "2015-1363", f"article{NBSP}L.{NNBSP}7332-1 du code", "loi n° 47-1775 coopération",
                    "D. 1226-1", f"L.{NBSP}7331\u20112", "7331\u20112", "R7331\u201011"]


def test_navigateur_et_build_lisent_les_numeros_de_la_meme_facon(regles, analyser) -> None:
    """Une seule grammaire des numéros (kb.references.grammaire, reçue dans regles.json) : mêmes jetons en
    Python et en JS, et aucun numéro de la liste n'est manqué."""
    analyses = analyser(REQUETES_NUMEROS)
    for requete, analyse in zip(REQUETES_NUMEROS, analyses):
        assert analyse["numeros"] == jetons_de_la_requete(requete, regles), requete
        assert analyse["numeros"], requete


def mots(analyse: dict) -> list[str]:
    return [g["mot"] for g in analyse["groupes"]]


def test_les_mots_des_questions_ne_comptent_pas(analyser) -> None:
    a, b, c = analyser(["puis-je quitter ma CAE", "c'est quoi une CAE", "comment ça coûte, combien ?"])
    assert mots(a) == ["quitter", "CAE"]
    assert mots(b) == ["CAE"]
    assert mots(c) == ["coûte"]


def test_elisions_apostrophes_et_ecriture_inclusive(analyser) -> None:
    a, b = analyser(["l’entrepreneur d'une coopérative", "entrepreneur·es salarié·es"])
    assert mots(a) == ["entrepreneur", "coopérative"]
    assert mots(b) == ["entrepreneur", "salarié"]


def test_un_petit_nombre_seul_ne_compte_pas_une_annee_si(analyser) -> None:
    a, b, c = analyser(["délai 3 ans associé", "loi 2014", "3"])
    assert mots(a) == ["délai", "ans", "associé"]
    assert mots(b) == ["loi", "2014"]
    assert mots(c) == ["3"]  # une requête faite d'un seul nombre le garde


def test_equivalences_et_synonymes(analyser) -> None:
    a, b, c = analyser(["démissionner", "salaires", "période de test"])
    assert {f["texte"] for f in a["groupes"][0]["formes"]} >= {"démissionner", "quitter", "départ", "démission"}
    assert "rémunération" in {f["texte"] for f in b["groupes"][0]["formes"]}
    assert any("période d'essai" in {f["texte"] for f in g["formes"]} for g in c["groupes"])
    # le mot tapé pèse plus que ses équivalents
    poids = {f["texte"]: f["poids"] for f in a["groupes"][0]["formes"]}
    assert poids["démissionner"] > poids["quitter"]


def test_un_mot_repete_ne_compte_qu_une_fois(analyser) -> None:
    (a,) = analyser(["révision revision"])
    assert mots(a) == ["révision"]


def test_question_entiere(analyser) -> None:
    """Une question de trois à huit mots est aussi cherchée telle quelle (elle peut être déclarée
    par une page) ; deux mots qui se suivent sont reconnus à leurs positions, sans recherche de plus."""
    a, b, c, d = analyser(["c'est quoi une CAE", "CAE", "coopérative d'activité", "le contrat"])
    assert a["entiere"] == "c'est quoi une CAE" and a["paire"] is None
    assert b["entiere"] is None and b["paire"] is None
    assert c["entiere"] is None and c["paire"] == [0, 1]
    assert d["paire"] is None  # « le » n'est pas un mot cherché


def test_deux_mots_qui_se_suivent_passent_devant() -> None:
    """À scores égaux, la page où les deux mots se suivent (« coopérative d'activité ») passe
    devant celle où ils sont épars ; positions telles que Pagefind les donne."""
    if NODE is None:
        pytest.fail("node est nécessaire")
    script = (f"const m = require({json.dumps(str(JS))});"
              "const a = new m.Analyseur({vides: [], elisions: ['d'], equivalences: [], synonymes: {}, numeros: "
              + json.dumps(regles_pour_le_navigateur(charger_regles(RACINE / "data" / "recherche.yml", RACINE)[0], {})["numeros"])
              + "}, 'fr');"
              "const pos = {cooperative: {epars: [3, 40], suivis: [7]}, activite: {epars: [20], suivis: [8]}};"
              "const chercher = t => Promise.resolve(Object.entries(pos[m.plier(t)] || {}).map(([id, w]) => ({id, score: 1, words: w})));"
              "m.classer(a.analyser(\"cooperative d'activite\"), chercher, 100).then(l => console.log(JSON.stringify("
              "[l.map(p => p.id), m.seSuivent([1, 5], [6]), m.seSuivent([1, 5], [5, 7]), m.seSuivent(undefined, [1])])));")
    sortie = subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True)
    ordre, oui, non, absent = json.loads(sortie.stdout)
    assert ordre == ["suivis", "epars"]
    assert (oui, non, absent) == (True, False, False)


@pytest.fixture(scope="module")
def recherches(regles):
    """Les recherches que classer() demande à Pagefind pour une requête, avec un faux Pagefind
    qui trouve `trouvees[forme]` pages (2 par défaut) dans un index de `pages` pages."""
    if NODE is None:
        pytest.fail("node est nécessaire aux tests de recherche.js (installé par `make systeme`).")
    donnees = regles_pour_le_navigateur(regles, {"fr": [["salaire", ["rémunération"]],
                                                          ["période de test", ["période d'essai"]]]})

    def executer(requete: str, trouvees: dict[str, int], pages: int | None = 200) -> list[str]:
        script = (f"const m = require({json.dumps(str(JS))});"
                  f"const a = new m.Analyseur({json.dumps(donnees)}, 'fr');"
                  f"const trouvees = {json.dumps(trouvees)}; const vues = [];"
                  "const chercher = t => { vues.push(t); const n = trouvees[t] === undefined ? 2 : trouvees[t];"
                  "  return Promise.resolve(Array.from({length: n}, (_, i) => ({id: t + i, score: 1}))); };"
                  f"m.classer(a.analyser({json.dumps(requete)}), chercher, {json.dumps(pages)})"
                  ".then(() => console.log(JSON.stringify(vues)));")
        sortie = subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True)
        return json.loads(sortie.stdout)
    return executer


def test_un_mot_present_partout_se_passe_de_ses_autres_formes(recherches) -> None:
    """Le terme officiel du glossaire d'un mot est cherché, sauf si le mot est déjà sur plus de la
    moitié des pages (il n'y départagerait rien, et chaque recherche coûte sur un grand site) ;
    les équivalents du langage courant, seulement pour un mot qui trouve peu de pages ; sans
    nombre de pages connu, rien n'est retiré."""
    assert recherches("salaire", {"salaire": 40}) == ["salaire", "rémunération"]
    assert recherches("salaire", {"salaire": 150}) == ["salaire"]
    assert recherches("salaire", {"salaire": 150}, None) == ["salaire", "rémunération"]
    demission = recherches("démissionner", {"démissionner": 0})
    assert demission[0] == "démissionner" and {"quitter", "démission"} <= set(demission[1:])
    assert recherches("démissionner", {"démissionner": 40}) == ["démissionner"]
    # expression du glossaire reconnue dans la requête : cherchée si un de ses mots est distinctif
    assert "période d'essai" in recherches("période de test", {"période": 150, "test": 3})
    assert "période d'essai" not in recherches("période de test", {"période": 150, "test": 150})


def test_surlignage_par_mots_entiers() -> None:
    if NODE is None:
        pytest.fail("node est nécessaire")
    script = (f"const m = require({json.dumps(str(JS))});"
              "console.log(JSON.stringify([m.surligner('dans les 3 ans, la rémunération', ['ans', 'remuneration']),"
              "m.surligner('<mark>délai</mark> de trois ans', ['délai', 'ans'])]));")
    un, deux = json.loads(subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True).stdout)
    assert un == "dans les 3 <mark>ans</mark>, la <mark>rémunération</mark>"
    assert deux == "<mark>délai</mark> de trois <mark>ans</mark>"


def test_la_projet_a_ses_regles() -> None:
    assert (Projet(RACINE).donnees / "recherche.yml").is_file()


def test_file_des_recherches_garde_et_abandonne() -> None:
    """Une forme n'est cherchée qu'une fois pour toute la page ; les recherches passent une à une ;
    celle d'une requête périmée est abandonnée avant de partir, mais redemandée pour une requête
    vivante qui attendait la même forme."""
    if NODE is None:
        pytest.fail("node est nécessaire")
    script = (f"const m = require({json.dumps(str(JS))});"
              "const parties = []; let vieille = false;"
              # le lecteur tape autre chose pendant la recherche de « contrat » : « rupture » n'est pas parti
              "const f = new m.FileDeRecherches(t => { parties.push(t); if (t === 'contrat') vieille = true;"
              "  return Promise.resolve([t]); });"
              "const perimee = f.pour(() => vieille), vivante = f.pour(() => false);"
              "const a = perimee('contrat'), b = perimee('rupture'), c = vivante('rupture');"
              "Promise.all([a, b, c, vivante('contrat')]).then(r => console.log(JSON.stringify([r, parties])));")
    sortie = subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True)
    (a, b, c, d), parties = json.loads(sortie.stdout)
    assert a == ["contrat"] and d == ["contrat"]  # partie avant le changement, gardée
    assert b == []  # abandonnée pour la requête périmée
    assert c == ["rupture"]  # redemandée pour la requête vivante
    assert parties == ["contrat", "rupture"]  # chacune une seule fois
