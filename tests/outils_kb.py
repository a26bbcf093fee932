"""Petites aides communes aux tests (importées par tests/unitaires, tests/build, tests/recherche…)."""

from __future__ import annotations

import re

# Le détail entre parenthèses vient de la bibliothèque YAML, pas du projet : l'analyseur en C
# (libyaml) dit « in this context », celui en Python « here ». Le reste du message est exact.
_DETAIL_YAML = re.compile(r"mapping values are not allowed (?:here|in this context)")


def sans_detail_yaml(texte: str) -> str:
    """Uniformise le détail de l'erreur YAML « deux-points en trop », quel que soit l'analyseur."""
    return _DETAIL_YAML.sub("mapping values are not allowed here", texte)


def adresse_de_page(chemin_md: str) -> str:
    """Adresse d'une page française du site : « cesa/contrat.md » -> « /cesa/contrat/ »,
    « cesa/index.md » -> « /cesa/ », « index.md » -> « / »."""
    chemin = chemin_md[: -len(".md")]
    if chemin == "index" or chemin.endswith("/index"):
        return "/" + chemin[: -len("index")]
    return "/" + chemin + "/"
