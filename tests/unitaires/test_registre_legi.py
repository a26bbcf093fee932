"""scripts/registre_legi.py : le registre comparé à une copie de la base LEGI (données fabriquées)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from registre_legi import comparer

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
