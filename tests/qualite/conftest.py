"""Fixtures TEMPORAIRES de développement : à retirer quand tests/conftest.py les fournit."""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

RACINE = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_construit(tmp_path_factory) -> Path:
    dossier = os.environ.get("KB_SITE")
    if dossier:
        return Path(dossier)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    sortie = tmp_path_factory.mktemp("site")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    build(load_config(str(RACINE / "mkdocs.yml"), strict=False, site_dir=str(sortie)))
    return sortie


@pytest.fixture(scope="session")
def url_site(site_construit):
    config = yaml.load((RACINE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    prefixe = urlsplit(config["site_url"]).path.rstrip("/")

    class Gestionnaire(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path):
            if prefixe and path.startswith(prefixe):
                path = path[len(prefixe):] or "/"
            return super().translate_path(path)

    serveur = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Gestionnaire, directory=str(site_construit)))
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{serveur.server_address[1]}{prefixe}"
    serveur.shutdown()
    serveur.server_close()


@pytest.fixture(scope="session")
def navigateur():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(navigateur):
    contexte = navigateur.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    p = contexte.new_page()
    yield p
    contexte.close()
