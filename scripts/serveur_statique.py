"""Serveur http local du site construit, sous le préfixe de site_url (comme GitHub Pages).

Partagé par les tests (tests/conftest.py) et le banc de mesure (scripts/bench/serveur.py) :
sert 404.html pour une page absente et redirige un dossier sans barre finale, comme l'hébergeur.
N'écoute que sur 127.0.0.1, sur un port libre.
"""

from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


class _ServeurStatique(SimpleHTTPRequestHandler):
    """Sert le site sous son préfixe, comme GitHub Pages (404.html pour une page absente)."""

    prefixe = ""

    def log_message(self, *args) -> None:  # silencieux
        pass

    def _reecrire(self) -> bool:
        chemin = urlsplit(self.path).path
        if self.prefixe and chemin == self.prefixe:
            self._rediriger(self.prefixe + "/")
            return False
        if self.prefixe and not chemin.startswith(self.prefixe + "/"):
            self.send_error(HTTPStatus.NOT_FOUND)
            return False
        self.path = self.path[len(self.prefixe):]
        local = Path(self.translate_path(self.path))
        if local.is_dir() and not urlsplit(self.path).path.endswith("/"):
            self._rediriger(self.prefixe + urlsplit(self.path).path + "/")
            return False
        return True

    def _rediriger(self, cible: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", cible)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        if self._reecrire():
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._reecrire():
            super().do_HEAD()

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        corps = page.read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(corps)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(corps)


def servir(dossier: Path, prefixe: str = ""):
    """Démarre un serveur http sur 127.0.0.1 (port libre) ; renvoie (serveur, url de base)."""
    gestionnaire = type("Gestionnaire", (_ServeurStatique,), {"prefixe": prefixe})
    serveur = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(gestionnaire, directory=str(dossier)))
    serveur.daemon_threads = True
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    return serveur, f"http://127.0.0.1:{serveur.server_address[1]}{prefixe}"
