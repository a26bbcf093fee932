"""Portabilité : le même arbre se construit avec ProperDocs, la suite maintenue de MkDocs 1.x.

`properdocs build --strict` (environnement à part `.venv-properdocs`, créé par `make installer`
depuis requirements-properdocs.txt : aucun réseau pendant le test) doit réussir sans un
message, et produire le même site que `mkdocs build` (scripts/comparer_sites.py : au blanc près,
hors dates et hors la balise `<meta name="generator">`, qui nomme le moteur).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from comparer_sites import comparer

RACINE = Path(__file__).resolve().parents[2]
PROPERDOCS = Path(os.environ.get("KB_PROPERDOCS") or RACINE / ".venv-properdocs" / "bin" / "properdocs")


def _environnement() -> dict[str, str]:
    """Celui des builds de tests/conftest.py : sans bannière, toutes les langues."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               PYTHONDONTWRITEBYTECODE="1", NO_COLOR="1")
    env.pop("KB_LANGUE", None)
    return env


@pytest.fixture(scope="module")
def construction_properdocs(tmp_path_factory):
    if not PROPERDOCS.is_file():
        pytest.fail(f"{PROPERDOCS} manque : lancez `make installer` (il crée .venv-properdocs).", pytrace=False)
    sortie = tmp_path_factory.mktemp("site-properdocs")
    fini = subprocess.run([str(PROPERDOCS), "build", "--strict", "-f", "mkdocs.yml", "-d", str(sortie)],
                          cwd=RACINE, env=_environnement(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, encoding="utf-8", timeout=600, check=False)
    return fini.returncode, fini.stdout, sortie


def test_properdocs_construit_le_site_en_mode_strict(construction_properdocs):
    code, journal, sortie = construction_properdocs
    assert code == 0, journal
    assert not [ligne for ligne in journal.splitlines() if re.match(r"^(WARNING|ERROR)\b", ligne)], journal
    assert "properdocs" in (sortie / "index.html").read_text(encoding="utf-8").lower(), \
        "le site n'a pas été construit par ProperDocs"


def test_properdocs_produit_le_meme_site(construction_properdocs, site_construit):
    _, journal, sortie = construction_properdocs
    assert comparer(site_construit, sortie) == [], journal
