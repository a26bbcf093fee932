"""Le site construit servi en http sur 127.0.0.1, sous le préfixe de site_url (comme GitHub Pages).

Sans compression : le banc compresse lui-même chaque réponse (gzip -9) pour compter les octets
qu'un hébergeur qui compresse enverrait.
"""

from __future__ import annotations

import functools
import re
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


def prefixe_du_site(fichier_config: Path) -> str:
    """« /base-juridique-cae » pour site_url: https://…/base-juridique-cae/ ."""
    motif = re.search(r"^site_url:\s*(\S+)", fichier_config.read_text(encoding="utf-8"), re.MULTILINE)
    return urlsplit(motif.group(1)).path.rstrip("/") if motif else ""


class _Gestionnaire(SimpleHTTPRequestHandler):
    prefixe = ""

    def log_message(self, *args) -> None:
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


class Serveur:
    """Contexte : `with Serveur(site, "/base-juridique-cae") as url: …` (url sans barre finale)."""

    def __init__(self, dossier: Path, prefixe: str = "") -> None:
        gestionnaire = type("Gestionnaire", (_Gestionnaire,), {"prefixe": prefixe})
        self._serveur = ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(gestionnaire, directory=str(dossier)))
        self._serveur.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._serveur.server_address[1]}{prefixe}"

    def __enter__(self) -> str:
        threading.Thread(target=self._serveur.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc) -> None:
        self._serveur.shutdown()
        self._serveur.server_close()
