"""scripts/registre_legi.py : le registre comparé à une copie de la base LEGI (données fabriquées)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from registre_legi import alineas, comparer, historique_de_la_base

JOUR = 86_400_000  # millisecondes


def _article(num: str, id_: str, cid: str, debut_jours: int, etat: str = "VIGUEUR", fin_jours: int = 374_000,
             versions=()) -> dict:
    return {"type": "article", "data": {
        "num": num, "id": id_, "cid": cid, "etat": etat, "dateDebut": debut_jours * JOUR,
        "dateFin": fin_jours * JOUR,
        "articleVersions": [{"id": i, "dateDebut": d * JOUR} for i, d in versions],
        "lienModifications": [{"linkType": "CREE", "textTitle": "LOI n°2014-856\n du 31 juillet 2014 - art. 48"}]}}


def test_complete_sans_jamais_remplacer(tmp_path: Path) -> None:
    donnees = tmp_path / "legi"
    donnees.mkdir()
    (donnees / "LEGITEXT000006072050.json").write_text(json.dumps({"type": "code", "data": {}, "children": [
        {"type": "section", "data": {}, "children": [
            _article("L7331-1", "LEGIARTI000029317517", "LEGIARTI000029317517", 16_284),
            _article("L7331-2", "LEGIARTI000029317521", "LEGIARTI000029317521", 16_284),
            _article("L311-9", "LEGIARTI1", "LEGIARTI0", 20_000, "ABROGE_DIFF", 20_697, [("LEGIARTI2", 20_697)]),
        ]}]}), encoding="utf-8")
    textes = tmp_path / "textes"
    textes.mkdir()
    registre = textes / "code-du-travail.yml"
    registre.write_text("""id: code-du-travail
identifiants:
  legitext: LEGITEXT000006072050
articles:
  - numero: L7331-1
    legiarti: null
    en_vigueur_depuis: null
    verification: >-
      Texte lu dans le miroir.
  - numero: L7331-2
    legiarti: LEGIARTI000000000001
    en_vigueur_depuis: 2014-08-02
    verification: lu ailleurs.
  - numero: L311-9
    legiarti: null
    en_vigueur_depuis: null
    verification: lu.
  - numero: L9999-9
    legiarti: null
    en_vigueur_depuis: null
    verification: lu.
""", encoding="utf-8")
    rapport = comparer(donnees, True, "2026-12-06", textes)
    assert "code-du-travail.yml L7331-1 : complété {'legiarti': 'LEGIARTI000029317517', " \
           "'en_vigueur_depuis': '2014-08-02'}" in rapport
    assert any("L7331-2 : legiarti LEGIARTI000000000001 ≠ LEGI LEGIARTI000029317521" in r for r in rapport)
    assert any("L311-9 : version du 2024-10-04 en vigueur jusqu'au 2026-09-01" in r
               and "nouvelle version le 2026-09-01" in r for r in rapport)
    assert any("L9999-9 : absent de la base LEGI" in r for r in rapport)
    lu = yaml.safe_load(registre.read_text(encoding="utf-8"))["articles"]
    assert lu[0]["legiarti"] == "LEGIARTI000029317517" and str(lu[0]["en_vigueur_depuis"]) == "2014-08-02"
    assert "Confirmé le 2026-12-06 dans la base LEGI" in lu[0]["verification"]
    assert "cree : LOI n°2014-856 du 31 juillet 2014 - art. 48" in lu[0]["verification"]
    assert lu[1]["legiarti"] == "LEGIARTI000000000001"  # jamais remplacé
    assert lu[2]["legiarti"] is None and lu[3]["legiarti"] is None


# ---------------------------------------------------------------- Rédactions et historique


def test_alineas_tels_que_publies():
    html = ("<p>Est entrepreneur salarié toute personne qui :<br/><br/>\n1° Crée une activité ;<br/><br/>\n"
            "2° Conclut un contrat, en application de <a href=\"/affichCodeArticle.do?x\" title=\"t\">l'article "
            "L. 7332-3</a> ;</p><p>Second alinéa &amp; fin.</p>")
    assert alineas(html) == ["Est entrepreneur salarié toute personne qui :", "1° Crée une activité ;",
                             "2° Conclut un contrat, en application de l'article L. 7332-3 ;", "Second alinéa & fin."]
    assert alineas("<p>Taux :</p><table><tr><td>1 %</td></tr></table>") is None  # forme perdue : non reproduit
    assert alineas("") is None


LIEN_CREE = {"linkType": "CREE", "textCid": "JORFTEXT000029313296", "articleNum": "48",
             "textTitle": "LOI n°2014-856 du 31 juillet 2014 - art. 48"}
LIEN_CODIF = {"linkType": "CODIFICATION", "textCid": "JORFTEXT000000465978", "articleNum": "",
              "textTitle": "Ordonnance n°2007-329 du 12 mars 2007"}
LIEN_MODIF = {"linkType": "MODIFIE", "textCid": "JORFTEXT000024191380", "articleNum": "74",
              "textTitle": "LOI n°2011-672 du 16 juin 2011 - art. 74"}
PAR_JORFTEXT = {"JORFTEXT000029313296": "loi-2014-856", "JORFTEXT000000465978": "ordonnance-2007-329",
                "JORFTEXT000024191380": "loi-2011-672"}


def _version(versions, liens, etat="VIGUEUR"):
    return {"etat": etat, "versions": versions, "liens_complets": liens}


def test_historique_d_une_version_creee_par_un_article_du_registre():
    h, raison = historique_de_la_base(_version([("2014-08-02", "VIGUEUR")], [LIEN_CREE]), PAR_JORFTEXT, "2026-12-06",
                                      frozenset({"loi-2014-856:48"}))
    assert raison == ""
    assert h == {"creation": {"par": "loi-2014-856:48", "le": "2014-08-02"}, "modifications": [],
                 "lu_le": "2026-12-06", "source": "la base LEGI de la DILA (paquet npm @socialgouv/legi-data@2.513.0)"}


def test_historique_codifie_puis_modifie_une_fois():
    version = _version([("2008-05-01", "MODIFIE"), ("2011-06-18", "VIGUEUR")], [LIEN_CODIF, LIEN_MODIF])
    h, _ = historique_de_la_base(version, PAR_JORFTEXT, "2026-12-06")
    assert h["creation"] == {"par": "ordonnance-2007-329", "le": "2008-05-01"}
    assert h["modifications"] == [{"par": "loi-2011-672", "article": "74", "le": "2011-06-18"}]


@pytest.mark.parametrize(("version", "raison"), [
    # Trois versions : la base ne dit pas quel texte a fait la deuxième.
    (_version([("2008-05-01", "MODIFIE"), ("2009-01-01", "MODIFIE"), ("2011-06-18", "VIGUEUR")],
              [LIEN_CODIF, LIEN_MODIF]), "3 version(s)"),
    # Numéro réutilisé après un transfert : pas la même disposition.
    (_version([("2008-05-01", "TRANSFERE"), ("2011-06-18", "VIGUEUR")], [LIEN_CODIF, LIEN_MODIF]), "2 version(s)"),
    (_version([("2014-08-02", "ABROGE_DIFF")], [LIEN_CREE], etat="ABROGE_DIFF"), "état ABROGE_DIFF"),
])
def test_historique_non_complete_quand_la_base_ne_le_donne_pas_entier(version, raison):
    h, pourquoi = historique_de_la_base(version, PAR_JORFTEXT, "2026-12-06")
    assert h is None and raison in pourquoi


def test_historique_non_complete_si_un_texte_manque_au_registre():
    h, raison = historique_de_la_base(_version([("2014-08-02", "VIGUEUR")], [LIEN_CREE]), {}, "2026-12-06")
    assert h is None
    assert raison == ("texte absent du registre : « LOI n°2014-856 du 31 juillet 2014 - art. 48 » "
                      "(JORFTEXT000029313296) ; ajoutez-le pour compléter")


def test_ecrit_redactions_et_historique_de_la_version_resumee(tmp_path: Path) -> None:
    donnees = tmp_path / "legi"
    donnees.mkdir()
    resumee = _article("L7331-1", "LEGIARTI000029317517", "LEGIARTI000029317517", 16_284,
                       versions=[("LEGIARTI000029317517", 16_284)])
    resumee["data"]["articleVersions"][0]["etat"] = "VIGUEUR"
    resumee["data"]["lienModifications"][0].update(textCid="JORFTEXT000029313296", articleNum="48")
    resumee["data"]["texteHtml"] = "<p>Le présent code est applicable.</p><p>Second alinéa.</p>"
    recente = _article("L7331-2", "LEGIARTI000099999999", "LEGIARTI000029317521", 20_000)
    recente["data"]["texteHtml"] = "<p>Nouvelle rédaction.</p>"
    (donnees / "LEGITEXT000006072050.json").write_text(json.dumps(
        {"type": "code", "data": {}, "children": [resumee, recente]}), encoding="utf-8")
    textes = tmp_path / "textes"
    textes.mkdir()
    (textes / "loi-2014-856.yml").write_text("id: loi-2014-856\nidentifiants:\n  jorftext: JORFTEXT000029313296\n"
                                            "articles: []\n", encoding="utf-8")
    registre = textes / "code-du-travail.yml"
    registre.write_text("""id: code-du-travail
titre_court: code du travail
identifiants:
  legitext: LEGITEXT000006072050
articles:
  - numero: L7331-1
    legiarti: LEGIARTI000029317517
    cree_par: loi n° 2014-856, art. 48
    modifie_par: null
    en_vigueur_depuis: 2014-08-02
    verification: lu.
  - numero: L7331-2
    legiarti: LEGIARTI000029317521
    cree_par: null
    modifie_par: null
    en_vigueur_depuis: 2014-08-02
    verification: lu.
""", encoding="utf-8")
    rapport = comparer(donnees, True, "2026-12-06", textes)
    # La page de L7331-2 résume une version plus ancienne que celle de la base : rien n'est reproduit.
    assert any("L7331-2 : rédaction non reproduite : la page résume la version du 2014-08-02, la base a celle du "
               "2024-10-04" in r for r in rapport), rapport
    ecrit = yaml.safe_load((tmp_path / "textes-officiels" / "code-du-travail.yml").read_text(encoding="utf-8"))
    assert ecrit["texte"] == "code-du-travail" and ecrit["lu_le"].isoformat() == "2026-12-06"
    assert ecrit["articles"] == [{"numero": "L7331-1", "legiarti": "LEGIARTI000029317517",
                                  "en_vigueur_depuis": dt.date(2014, 8, 2),
                                  "alineas": ["Le présent code est applicable.", "Second alinéa."]}]
    lu = yaml.safe_load(registre.read_text(encoding="utf-8"))["articles"]
    assert lu[0]["cree_par"] is None
    assert lu[0]["historique"] == {"creation": {"par": "loi-2014-856", "article": "48", "le": dt.date(2014, 8, 2)},
                                   "modifications": [], "lu_le": dt.date(2026, 12, 6),
                                   "source": "la base LEGI de la DILA (paquet npm @socialgouv/legi-data@2.513.0)"}
    assert "historique" not in lu[1]
    # Relancé sans changement : le fichier des rédactions garde sa date de lecture.
    assert not any("rédaction(s) écrite(s)" in r for r in comparer(donnees, True, "2027-01-01", textes))
