"""Chaîne d'approvisionnement : workflows GitHub Actions et dépendances figées.

- les workflows et formulaires GitHub passent yamllint (.yamllint.yml) et le schéma officiel
  des workflows (check-jsonschema, schémas embarqués : aucun accès réseau) ;
- chaque action est épinglée par l'empreinte complète de son commit, jamais par une étiquette ;
- aucun workflow ne s'exécute sur pull_request_target, et les permissions sont déclarées ;
- chaque dépendance Python est figée avec ses empreintes (requirements*.txt).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.qualite

RACINE = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((RACINE / ".github" / "workflows").glob("*.yml"))
FORMULAIRES = sorted((RACINE / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))


def _outil(nom: str) -> str:
    chemin = Path(sys.executable).parent / nom
    assert chemin.is_file(), f"{nom} manque dans .venv : lancez « make test » (requirements-test.txt)."
    return str(chemin)


def test_il_y_a_des_workflows():
    assert {w.name for w in WORKFLOWS} >= {"tests.yml", "deploiement.yml", "liens-externes.yml"}


def test_yamllint():
    fini = subprocess.run([_outil("yamllint"), "-c", str(RACINE / ".yamllint.yml"), "-f", "parsable",
                           *map(str, WORKFLOWS + FORMULAIRES)], capture_output=True, text=True, check=False)
    assert fini.returncode == 0, f"yamllint :\n{fini.stdout}{fini.stderr}"


def test_schema_des_workflows():
    fini = subprocess.run([_outil("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                           *map(str, WORKFLOWS)], capture_output=True, text=True, check=False)
    assert fini.returncode == 0, f"check-jsonschema :\n{fini.stdout}{fini.stderr}"


def test_schema_des_formulaires():
    formulaires = [f for f in FORMULAIRES if f.name != "config.yml"]
    fini = subprocess.run([_outil("check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms",
                           *map(str, formulaires)], capture_output=True, text=True, check=False)
    assert fini.returncode == 0, f"check-jsonschema :\n{fini.stdout}{fini.stderr}"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_actions_epinglees_par_empreinte(workflow):
    fautives = [ligne.strip() for ligne in workflow.read_text(encoding="utf-8").splitlines()
                if re.search(r"\buses:\s*[^\s#]+@", ligne) and not re.search(r"@[0-9a-f]{40}\b", ligne)]
    assert not fautives, (f"{workflow.name} : actions non épinglées par une empreinte de commit : {fautives}. "
                          "Correction : remplacez l'étiquette (@v4) par l'empreinte complète du commit, "
                          "suivie de « # v4.x.y ».")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda w: w.name)
def test_permissions_minimales(workflow):
    donnees = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    declencheurs = donnees.get("on") or donnees.get(True) or {}
    assert "pull_request_target" not in declencheurs, f"{workflow.name} : pull_request_target est interdit."
    assert "permissions" in donnees, f"{workflow.name} : déclarez « permissions: » au niveau du workflow."
    globales = donnees["permissions"] or {}
    assert "write-all" not in str(globales) and all(v in ("read", "none") for v in globales.values()), (
        f"{workflow.name} : les permissions globales doivent être en lecture ; "
        "accordez l'écriture au seul job qui en a besoin.")


@pytest.mark.parametrize("fichier", ["requirements.txt", "requirements-test.txt", "requirements-properdocs.txt"])
def test_dependances_figees_avec_empreintes(fichier):
    texte = (RACINE / fichier).read_text(encoding="utf-8")
    paquets = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", texte, re.MULTILINE)
    assert paquets, f"{fichier} : aucune dépendance figée"
    blocs = re.split(r"^(?=[A-Za-z0-9_.-]+==)", texte, flags=re.MULTILINE)[1:]
    sans = [b.split("==")[0] for b in blocs if "--hash=sha256:" not in b]
    assert not sans, f"{fichier} : dépendances sans empreinte : {sans}. Correction : make requirements."
