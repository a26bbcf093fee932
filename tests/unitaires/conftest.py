"""Données partagées par les tests unitaires : le vrai registre et les vrais domaines du dépôt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from kb.references.registre import Registre, charger

RACINE = Path(__file__).resolve().parents[2]
DONNEES = RACINE / "data"
SCHEMA_PAGE = str(DONNEES / "schemas" / "page.schema.json")
SCHEMA_TEXTE = str(DONNEES / "schemas" / "texte.schema.json")
AUJOURDHUI = dt.date(2026, 11, 26)


@pytest.fixture(scope="session")
def registre_reel() -> Registre:
    """Le registre data/textes du dépôt ; il doit se charger sans problème."""
    registre, problemes = charger(DONNEES / "textes", SCHEMA_TEXTE, RACINE)
    assert not problemes, "\n".join(map(str, problemes))
    return registre


@pytest.fixture(scope="session")
def slugify_des_titres():
    """La fonction d'ancre des titres, telle que mkdocs.yml la configure (extension toc, `slugify`),
    lue comme MkDocs lit mkdocs.yml : les tests suivent la configuration, sans la recopier."""
    from mkdocs.utils import yaml_load

    with open(RACINE / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    return toc["slugify"]


@pytest.fixture(scope="session")
def domaines_reels() -> frozenset[str]:
    """Les domaines admis (data/domaines.yml), lus comme le fait kb.commun.projet.domaines_autorises."""
    donnees = yaml.safe_load((DONNEES / "domaines.yml").read_text(encoding="utf-8"))
    return frozenset(d for liste in donnees.values() for d in liste)
