"""`mkdocs serve` : la recherche (Pagefind) marche aussi pendant l'aperçu d'un contributeur.

Le petit site de test `valide` est servi par un vrai `mkdocs serve` ; la boîte de recherche de
l'en-tête, dans Chromium, trouve la seconde page par un mot de son texte.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import CHROMIUM, environnement_mkdocs, preparer
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.navigateur


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_la_recherche_marche_avec_mkdocs_serve(tmp_path: Path) -> None:
    site = preparer("valide", tmp_path)
    port = port_libre()
    serveur = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=site, env=environnement_mkdocs(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        fin = time.monotonic() + 180
        racine = None
        while time.monotonic() < fin and racine is None:
            time.sleep(1)
            assert serveur.poll() is None, f"mkdocs serve s'est arrêté :\n{serveur.stdout.read()}"
            for chemin in ("/", "/base-juridique-cae/"):
                try:
                    with urllib.request.urlopen(base + chemin + "pagefind/pagefind.js", timeout=2) as r:
                        if r.status == 200:
                            racine = chemin
                except OSError:
                    pass
        assert racine, "mkdocs serve ne sert pas l'index de recherche (pagefind/pagefind.js)"
        with sync_playwright() as p:
            navigateur = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                            "--disable-background-networking"])
            page = navigateur.new_page()
            page.goto(base + racine)
            page.locator("body").focus()
            page.keyboard.press("/")
            page.keyboard.type("citation", delay=30)
            premier = page.locator(".md-search-result__item a.md-search-result__link").first
            premier.wait_for(timeout=15_000)
            assert premier.get_attribute("href").rstrip("/").endswith("/autre"), \
                page.locator(".md-search-result__list").inner_html()[:500]
            navigateur.close()
    finally:
        serveur.terminate()
        serveur.wait(timeout=30)
