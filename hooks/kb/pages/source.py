"""La source d'une page telle que MkDocs la lit : un délimiteur « --- » cassé réparé et une date
impossible mise entre guillemets, pour que MkDocs ne s'arrête pas sur une trace Python (la faute
reste signalée par kb/pages/metadonnees.py, KB100)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.pages import Page

from kb.commun.entete import dates_impossibles_entre_guillemets, delimiteurs_repares


def source_lisible(page: Page) -> str | None:
    """Une date impossible dans l'en-tête (« verifie_le: 2026-02-30 ») arrêterait MkDocs sur une
    trace Python sans nom de fichier : elle lui est passée entre guillemets, et on_page_markdown la
    signale (KB100, ligne et correction)."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    # De même, un délimiteur « --- » cassé (KB100) est réparé pour MkDocs : sans cela, les champs de
    # l'en-tête deviendraient du texte de la page, où d'autres vérifications les reprocheraient.
    reparee = delimiteurs_repares(source)
    return dates_impossibles_entre_guillemets(reparee or source) or reparee
