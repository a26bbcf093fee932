"""Hook : rend les erreurs de liens et de menu de MkDocs aussi claires que les nôtres.

Table des événements ; le filtre du journal de MkDocs qui réécrit ces messages (KB600, KB601,
KB602 : ligne et correction, sans en supprimer aucun) est dans `kb/commun/messages_de_mkdocs.py`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.messages_de_mkdocs import filtrer_les_messages


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    filtrer_les_messages(config)
    return None
