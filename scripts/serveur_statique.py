"""Serveur http local du site construit, sous le préfixe de site_url (comme GitHub Pages).

Partagé par les tests (tests/conftest.py) et le banc de mesure (scripts/bench/serveur.py) :
sert 404.html pour une page absente et redirige un dossier sans barre finale, comme l'hébergeur.
Avec `compresser=True` (banc de mesure), compresse en gzip le texte (HTML, CSS, JS, JSON, XML,
SVG) quand le navigateur l'accepte, comme GitHub Pages : Lighthouse mesure alors ce qu'un lecteur
reçoit vraiment. N'écoute que sur 127.0.0.1, sur un port libre.
"""

from __future__ import annotations

import functools
import gzip
import re
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


def prefixe_du_site(fichier_config: Path) -> str:
    """« /base-juridique-cae » pour site_url: https://…/base-juridique-cae/ (« » sans site_url)."""
    motif = re.search(r"^site_url:\s*(\S+)", fichier_config.read_text(encoding="utf-8"), re.MULTILINE)
    return urlsplit(motif.group(1)).path.rstrip("/") if motif else ""


class _ServeurStatique(SimpleHTTPRequestHandler):
    """Sert le site sous son préfixe, comme GitHub Pages (404.html pour une page absente)."""

    prefixe = ""
    compresser = False
    _TEXTE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

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
        if self._reecrire() and not self._envoyer_compresse():
            super().do_GET()

    def _envoyer_compresse(self) -> bool:
        """Réponse gzip pour un fichier texte, si demandé et accepté ; False sinon."""
        if not self.compresser or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return False
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file() or local.suffix not in self._TEXTE:
            return False
        corps = _gzip(str(local), local.stat().st_mtime_ns)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(corps)))
        self.end_headers()
        self.wfile.write(corps)
        return True

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


@functools.lru_cache(maxsize=512)
def _gzip(chemin: str, _version: int) -> bytes:
    return gzip.compress(Path(chemin).read_bytes(), compresslevel=6)


def servir(dossier: Path, prefixe: str = "", *, compresser: bool = False):
    """Démarre un serveur http sur 127.0.0.1 (port libre) ; renvoie (serveur, url de base)."""
    gestionnaire = type("Gestionnaire", (_ServeurStatique,), {"prefixe": prefixe, "compresser": compresser})
    serveur = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(gestionnaire, directory=str(dossier)))
    serveur.daemon_threads = True
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    return serveur, f"http://127.0.0.1:{serveur.server_address[1]}{prefixe}"
