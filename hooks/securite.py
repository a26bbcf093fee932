"""Hook : refuse le HTML dangereux écrit à la main dans les pages Markdown (KB400).

Table des événements ; la vérification (balises <script>, <iframe>, <object>, <embed>, attributs
on…=, liens javascript:, hors code) est dans `kb/pages/securite.py`. Événement MkDocs utilisé :
on_page_markdown (documenté).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.pages.securite import verifier_la_page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    verifier_la_page(markdown, page, config)
    return None
