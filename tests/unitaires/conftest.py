"""Données partagées par les tests unitaires : le vrai registre et les vrais domaines du dépôt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from kb.registre import Registre, charger

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
def domaines_reels() -> frozenset[str]:
    """Les domaines admis (data/domaines.yml), lus comme le fait kb.projet.domaines_autorises."""
    donnees = yaml.safe_load((DONNEES / "domaines.yml").read_text(encoding="utf-8"))
    return frozenset(d for liste in donnees.values() for d in liste)
