"""La page 404 de chaque langue : celle d'une autre langue écrite sous /<langue>/404.html."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.projet import langue_par_defaut


def ecrire_la_404(output: str, template_name: str, config: MkDocsConfig) -> str | None:
    """404.html d'une autre langue : écrit sous /<langue>/ ; la racine garde la page française.

    mkdocs-static-i18n écrit sinon le 404.html de chaque langue au même endroit, à la racine,
    et la dernière langue construite (l'anglais) l'emporte. Une sortie vide n'est pas écrite.
    """
    langue = config.theme["language"]
    if template_name != "404.html" or langue == langue_par_defaut(config):
        return None
    cible = Path(config.site_dir) / langue / "404.html"
    cible.parent.mkdir(parents=True, exist_ok=True)
    cible.write_text(output, encoding="utf-8")
    return ""
