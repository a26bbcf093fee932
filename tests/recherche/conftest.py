"""Onglets ouverts sur le site réel, recherche déjà ouverte, partagés par les tests d'un module."""

from __future__ import annotations

from typing import Callable
from urllib.parse import urlsplit

import pytest


@pytest.fixture(scope="module")
def onglets(navigateur, url_site) -> Callable:
    """Un onglet ouvert par page de départ, réutilisé d'une requête à l'autre (recherche ouverte)."""
    ouverts: dict[str, object] = {}
    prefixe = urlsplit(url_site).path

    def ouvrir(chemin: str):
        if chemin not in ouverts:
            onglet = navigateur.new_page(locale="fr-FR")
            onglet.goto(url_site + chemin)
            onglet.locator("label.md-search__icon, .md-search__input").first.click()
            onglet.prefixe = prefixe
            ouverts[chemin] = onglet
        return ouverts[chemin]

    yield ouvrir
    for onglet in ouverts.values():
        onglet.close()
