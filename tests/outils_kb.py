"""Petites aides communes aux tests (importées par tests/unitaires et tests/build)."""

from __future__ import annotations

import re

# Le détail entre parenthèses vient de la bibliothèque YAML, pas du projet : l'analyseur en C
# (libyaml) dit « in this context », celui en Python « here ». Le reste du message est exact.
_DETAIL_YAML = re.compile(r"mapping values are not allowed (?:here|in this context)")


def sans_detail_yaml(texte: str) -> str:
    """Uniformise le détail de l'erreur YAML « deux-points en trop », quel que soit l'analyseur."""
    return _DETAIL_YAML.sub("mapping values are not allowed here", texte)
