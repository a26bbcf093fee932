"""scripts/comparer_sites.py : l'ordre des clés d'un JSON ne compte pas, leurs valeurs si."""

from __future__ import annotations

from comparer_sites import comparer


def test_ordre_des_cles_json_indifferent_valeurs_comparees(tmp_path):
    avant, apres = tmp_path / "avant", tmp_path / "apres"
    avant.mkdir()
    apres.mkdir()
    # Comme pagefind-entry.json, dont Pagefind écrit les langues dans un ordre qui varie.
    (avant / "entree.json").write_text('{"languages": {"fr": {"page_count": 1}, "en": {"page_count": 1}}}')
    (apres / "entree.json").write_text('{"languages": {"en": {"page_count": 1}, "fr": {"page_count": 1}}}')
    assert comparer(avant, apres) == []
    (apres / "entree.json").write_text('{"languages": {"en": {"page_count": 2}, "fr": {"page_count": 1}}}')
    assert [e.split(" :")[0] for e in comparer(avant, apres)] == ["entree.json"]
