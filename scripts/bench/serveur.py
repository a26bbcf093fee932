"""Le site construit servi en http sur 127.0.0.1, sous le préfixe de site_url (comme GitHub Pages).

Avec compression gzip du texte, comme GitHub Pages (Lighthouse et la recherche mesurent ce
qu'un lecteur reçoit) ; les tailles du rapport sont recalculées par le banc (gzip -9 du contenu).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/ : serveur partagé avec les tests
from serveur_statique import prefixe_du_site, servir  # noqa: E402

__all__ = ["Serveur", "prefixe_du_site", "servir"]  # prefixe_du_site : pour scripts/bench.py


class Serveur:
    """Contexte : `with Serveur(site, "/base-juridique-cae") as url: …` (url sans barre finale)."""

    def __init__(self, dossier: Path, prefixe: str = "") -> None:
        self._dossier, self._prefixe = dossier, prefixe

    def __enter__(self) -> str:
        self._serveur, self.url = servir(self._dossier, self._prefixe, compresser=True)
        return self.url

    def __exit__(self, *exc) -> None:
        self._serveur.shutdown()
        self._serveur.server_close()
