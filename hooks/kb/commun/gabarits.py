"""Les gabarits Jinja compilés une fois par build complet, pour toutes les langues.

mkdocs-static-i18n construit chaque langue avec un environnement Jinja neuf (celui que MkDocs
crée pour chaque build) : sans rien de plus, chaque gabarit de Material et d'`overrides/` serait
analysé et compilé une fois par langue. Le cache de code compilé de Jinja (`BytecodeCache`, son
point d'extension documenté), rangé dans l'état du build, sert le même code à la langue suivante.
La clé de Jinja comprend une empreinte du source du gabarit : un gabarit changé est recompilé.
Rien ne survit au build (`mkdocs serve` recompile à chaque reconstruction)."""

from __future__ import annotations

from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from kb.commun.etat import etat_du_build


class GabaritsCompiles(BytecodeCache):
    """Partie de l'état du build : le code compilé de chaque gabarit, par clé Jinja."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def compiler_une_fois(env: Any, config: Any) -> None:
    """Donne à l'environnement Jinja de la langue en cours le cache du build."""
    env.bytecode_cache = etat_du_build(config).partie(GabaritsCompiles)
