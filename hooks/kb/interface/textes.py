"""Les textes de l'interface (data/interface.yml) : chaque langue construite doit les avoir tous
(KB302) ; ils sont lus ensuite, une fois par build complet, par kb.commun.projet.textes_de_l_interface."""

from __future__ import annotations

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb.commun.projet import langues, projet


def verifier_les_textes(config: MkDocsConfig) -> None:
    """Vérifie que data/interface.yml couvre chaque langue construite (les textes sont lus ensuite,
    une fois par build complet, par kb.commun.projet.textes_de_l_interface)."""
    chemin = projet(config).donnees / "interface.yml"
    donnees = yaml.safe_load(chemin.read_text(encoding="utf-8"))
    reference = set(donnees["fr"])
    for langue in langues(config):
        manquantes = reference - set(donnees.get(langue) or {})
        if manquantes:
            raise PluginError(
                f"KB302 data/interface.yml : la langue « {langue} » (déclarée dans mkdocs.yml) n'a pas "
                f"les textes {', '.join(sorted(manquantes))}. Correction : copiez la section « fr » "
                f"sous « {langue}: » et traduisez-la.")
