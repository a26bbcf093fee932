"""kb.references.grammaire : la seule grammaire des numéros d'articles et des citations.

Les mêmes écritures d'un numéro (« L7331-2 », « L. 7331-2 », « l7331-2 », espaces et tirets
insécables…) passent par les trois usages : lien de la citation (kb.references.citations), typographie
(hooks/typographie.py) et jeton de la recherche (kb/recherche/jetons.py ; recherche.js reçoit les mêmes
motifs, voir tests/recherche/test_recherche_unitaires.py). Et aucun autre fichier n'écrit de motif
de numéro : la grammaire n'existe qu'à un endroit.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from kb.recherche.jetons import jetons_de_la_requete
from kb.recherche.regles import Regles, charger_regles, regles_pour_le_navigateur
from kb.references import grammaire as g
from kb.references.citations import trouver
from kb.commun.etat import etat_du_build
from kb.commun.normalisation import ESPACE_FINE_INSECABLE as FINE
from kb.commun.normalisation import ESPACE_INSECABLE as NBSP
from kb.commun.projet import grammaire
from kb.typographie.espaces import corriger_texte

RACINE = Path(__file__).resolve().parents[2]
TIRET_INSECABLE = "\u2011"


@pytest.fixture(scope="module")
def gram(registre_reel) -> g.Grammaire:
    return g.grammaire_du_registre(registre_reel)


@pytest.fixture(scope="module")
def regles() -> Regles:
    regles, problemes = charger_regles(RACINE / "data" / "recherche.yml", RACINE)
    assert regles is not None, problemes
    return regles


# Écrit -> (référence liée dans une page, jeton de la recherche).
CAS = [
    ("L7331-2", "code-du-travail:L7331-2", "l7331x2"),
    ("L. 7331-2", "code-du-travail:L7331-2", "l7331x2"),
    (f"L.{NBSP}7331-2", "code-du-travail:L7331-2", "l7331x2"),
    (f"L.{FINE}7331-2", "code-du-travail:L7331-2", "l7331x2"),
    (f"L. 7331{TIRET_INSECABLE}2", "code-du-travail:L7331-2", "l7331x2"),
    ("art. L7331-2", "code-du-travail:L7331-2", "l7331x2"),
    ("R7331-11", "code-du-travail:R7331-11", "r7331x11"),
    ("D. 1226-1", "code-du-travail:D1226-1", "d1226x1"),
    ("article 26-41 de la loi du 10 septembre 1947", "loi-47-1775:26-41", "n26x41"),
    ("article 3 bis de la loi du 10 septembre 1947", "loi-47-1775:3 bis", None),
    ("article 19 quinquies de la loi du 10 septembre 1947", "loi-47-1775:19 quinquies", None),
    ("loi n° 47-1775", "loi-47-1775", "n47x1775"),
    ("décret n° 2015-1363", "decret-2015-1363", "n2015x1363"),
]


@pytest.mark.parametrize("ecrit, ref, _jeton", CAS)
def test_citation_liee(gram, registre_reel, ecrit, ref, _jeton):
    citations = trouver(ecrit, gram.textes_par_date, gram.codes)
    assert [c.ref for c in citations] == [ref]
    assert registre_reel.trouver(ref) is not None, "le cas doit viser un article réel du registre"


@pytest.mark.parametrize("ecrit, _ref, jeton", CAS)
def test_jeton_de_la_recherche(regles, ecrit, _ref, jeton):
    assert jetons_de_la_requete(ecrit, regles) == ([jeton] if jeton else [])


@pytest.mark.parametrize("requete, jeton", [("l7331-2", "l7331x2"), ("7331-2", "n7331x2"), ("26-41", "n26x41"),
                                            ("47-1775", "n47x1775"), ("2015-1363", "n2015x1363")])
def test_numeros_tapes_dans_la_recherche(regles, requete, jeton):
    assert jetons_de_la_requete(requete, regles) == [jeton]


@pytest.mark.parametrize("avant, apres", [
    ("L. 7331-2", f"L.{NBSP}7331-2"),
    ("art. L. 7331-2", f"art.{NBSP}L.{NBSP}7331-2"),
    ("art. L7331-2", f"art.{NBSP}L7331-2"),
    ("D. 1226-1", f"D.{NBSP}1226-1"),
    ("R. 7331-11", f"R.{NBSP}7331-11"),
    ("art. 26-41", f"art.{NBSP}26-41"),
    ("loi n° 47-1775", f"loi n°{NBSP}47-1775"),
    ("M. Dupont", "M. Dupont"),  # pas une lettre d'article de code
])
def test_typographie_des_numeros(avant, apres):
    assert corriger_texte(avant) == apres


def test_les_noms_des_codes_et_des_textes_viennent_du_registre(registre_reel, gram):
    codes = {t.id for t in registre_reel.textes.values() if t.nature == "code"}
    assert set(gram.codes.values()) == codes
    for texte in registre_reel.textes.values():
        if texte.nature == "code":
            # Un article de chaque code, cité avec le nom du code pris au registre.
            article = next((a for a in registre_reel.articles.values() if a.id.startswith(f"{texte.id}:")), None)
            if article is None:
                continue
            cite = f"article {g.numero_cite(article.numero, 'code')} {texte.complement}"
            assert [c.ref for c in trouver(cite, gram.textes_par_date, gram.codes)] == [article.id], cite
        elif g.numero_de_texte(texte.id):
            cite = f"{g.NATURES_DE_TEXTE[texte.nature]} n° {g.numero_de_texte(texte.id)}"
            assert [c.ref for c in trouver(cite, gram.textes_par_date, gram.codes)] == [texte.id], cite


def test_les_natures_du_schema_sont_celles_de_la_grammaire():
    schema = json.loads((RACINE / "data" / "schemas" / "texte.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]["nature"]["enum"]) == {"code", *g.NATURES_DE_TEXTE}


def test_les_numeros_du_schema_sont_ceux_de_la_grammaire(registre_reel):
    schema = json.loads((RACINE / "data" / "schemas" / "texte.schema.json").read_text(encoding="utf-8"))
    motif = schema["properties"]["articles"]["items"]["properties"]["numero"]["pattern"]
    assert motif == g.NUMERO_DU_REGISTRE, "data/schemas/texte.schema.json doit porter kb.references.grammaire.NUMERO_DU_REGISTRE"
    for article in registre_reel.articles.values():
        assert re.fullmatch(g.NUMERO_DU_REGISTRE, article.numero), article.id
        assert g.normaliser_numero(g.numero_cite(article.numero, article.texte.nature)) == article.numero


def test_la_grammaire_du_build_est_dans_l_etat(tmp_path):
    config = SimpleNamespace(config_file_path=str(RACINE / "mkdocs.yml"))
    premiere = grammaire(config)
    assert grammaire(config) is premiere, "construite une fois par build"
    assert premiere.codes["du code de commerce"] == "code-de-commerce"
    assert premiere.textes_par_date["loi 10 septembre 1947"] == "loi-47-1775"
    autre = SimpleNamespace(config_file_path=str(RACINE / "mkdocs.yml"))
    assert grammaire(autre) is not premiere, "rien n'est partagé entre deux builds"
    assert etat_du_build(config) is not etat_du_build(autre)


def test_le_navigateur_recoit_les_motifs_de_la_grammaire(regles):
    envoye = regles_pour_le_navigateur(regles, {})
    assert envoye["numeros"] == g.motifs_de_la_requete()
    for source in envoye["numeros"].values():
        assert "\\w" not in source and "\\p{" not in source, "motif lu aussi par JavaScript"


# Un motif de numéro d'article écrit ailleurs que dans kb.references.grammaire : la lettre d'un article de
# code en classe (« [LRD] », « [LRDlrd] ») ou en chaîne (« "LRD" ») ; les suffixes (« bis|ter »).
_MOTIF_ECRIT_AILLEURS = re.compile(r"\[LRD|[\"']LRD[\"']|bis\|ter")


def test_aucun_motif_de_numero_hors_de_la_grammaire():
    fichiers = [*(RACINE / "hooks").rglob("*.py"), *(RACINE / "overrides").rglob("*.js"),
                *(RACINE / "scripts").rglob("*.py"), RACINE / "data" / "recherche.yml"]
    fautifs = [f"{f.relative_to(RACINE)}:{n}" for f in fichiers if f.name != "grammaire.py"
               for n, ligne in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
               if _MOTIF_ECRIT_AILLEURS.search(ligne)]
    assert not fautifs, "grammaire des numéros écrite hors de hooks/kb/references/grammaire.py :\n" + "\n".join(fautifs)
    assert _MOTIF_ECRIT_AILLEURS.search('re.fullmatch(r"([LRD])(\\d.*)", numero)')
    assert _MOTIF_ECRIT_AILLEURS.search('r"\\d+(?:-\\d+)*(?: (?:bis|ter|quater))?"')
