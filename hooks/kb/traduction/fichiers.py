"""Les fichiers de traduction (`page.en.md` à côté de `page.md`) contrôlés une fois par build.

- KB300 : une traduction dont la page française n'existe pas (elle serait publiée seule) ;
- KB301 : un suffixe de langue qui n'est pas déclaré dans mkdocs.yml (`page.de.md`, `page.fr.md`).
L'avis « page non traduite » et l'attribut lang des pages de repli sont dans les gabarits
(overrides/partials/content.html), à partir de la variable `kb` préparée par kb/interface/contexte.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.projet import langue_par_defaut, langues_declarees, projet

# Forme d'un suffixe de langue : en, pt-BR, zh_Hant…
_SUFFIXE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")


def verifier_les_traductions(config: MkDocsConfig) -> None:
    """Une seule vérification par build complet : pendant celui de la langue par défaut."""
    defaut = langue_par_defaut(config)
    if config.theme["language"] != defaut:
        return
    racine = projet(config).racine
    for probleme in verifier_suffixes(Path(config.docs_dir), langues_declarees(config), defaut, racine):
        signaler(config, probleme)


def verifier_suffixes(docs: Path, langues: list[str], defaut: str, racine: Path) -> list[Probleme]:
    """Liste les traductions orphelines et les suffixes de langue inconnus sous docs/."""
    autres = [langue for langue in langues if langue != defaut]
    problemes = []
    for chemin in sorted(docs.rglob("*.md")):
        parties = chemin.name.split(".")
        if len(parties) < 3 or not _SUFFIXE.match(parties[-2]):
            continue
        suffixe, fichier = parties[-2], chemin_lisible(chemin, racine)
        if suffixe == defaut:
            problemes.append(Probleme(
                "KB301", fichier, f"le suffixe « .{suffixe} » est inutile : le français n'a pas de suffixe.",
                f"renommez le fichier en « {'.'.join(parties[:-2])}.md ».", None))
        elif suffixe not in autres:
            problemes.append(Probleme(
                "KB301", fichier, f"le suffixe de langue « .{suffixe} » n'est pas déclaré dans mkdocs.yml "
                f"(langues : {', '.join(autres)}).",
                f"corrigez le suffixe (par exemple « .{autres[0]}.md ») ou déclarez la langue dans le bloc "
                "i18n de mkdocs.yml et dans data/interface.yml.", None))
        elif not chemin.with_name(".".join(parties[:-2]) + ".md").exists():
            problemes.append(Probleme(
                "KB300", fichier, f"cette traduction n'a pas de page française « {'.'.join(parties[:-2])}.md ».",
                "créez d'abord la page française (elle fait foi), ou corrigez le nom du fichier.", None))
    return problemes
