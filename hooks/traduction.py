"""Hook : contrôle les fichiers de traduction (`page.en.md` à côté de `page.md`).

Table des événements ; le contrôle (KB300 : traduction sans page française ; KB301 : suffixe de
langue non déclaré dans mkdocs.yml) est dans `kb/traduction/fichiers.py`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from kb.traduction.fichiers import verifier_les_traductions


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    verifier_les_traductions(config)
    return None
