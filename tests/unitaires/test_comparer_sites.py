"""scripts/comparer_sites.py : ce qui compte comme un écart entre deux sites construits."""

from __future__ import annotations

from pathlib import Path

from comparer_sites import comparer  # scripts/ est dans le chemin d'import (pyproject.toml)


def _site(dossier: Path, fichiers: dict[str, str]) -> Path:
    for nom, texte in fichiers.items():
        chemin = dossier / nom
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text(texte, encoding="utf-8")
    return dossier


def test_json_aux_cles_dans_un_autre_ordre_n_est_pas_un_ecart(tmp_path):
    # Pagefind écrit les langues de pagefind-entry.json dans un ordre qui varie d'un build à l'autre.
    avant = _site(tmp_path / "a", {"pagefind/pagefind-entry.json": '{"languages":{"fr":{"page_count":1},"en":{"page_count":1}}}'})
    apres = _site(tmp_path / "b", {"pagefind/pagefind-entry.json": '{"languages":{"en":{"page_count":1},"fr":{"page_count":1}}}'})
    assert comparer(avant, apres) == []


def test_json_aux_valeurs_differentes_est_un_ecart(tmp_path):
    avant = _site(tmp_path / "a", {"references.json": '{"L7331-2":"code-du-travail/l7331-2/"}'})
    apres = _site(tmp_path / "b", {"references.json": '{"L7331-2":"code-du-travail/l7331-3/"}'})
    ecarts = comparer(avant, apres)
    assert len(ecarts) == 1 and ecarts[0].startswith("references.json")


def test_dates_du_build_et_blancs_ignores_mais_pas_le_texte(tmp_path):
    avant = _site(tmp_path / "a", {"index.html": "<p>Mis à jour le 5 décembre 2026</p>\n  <p>Période d'essai</p>",
                                   "autre.html": "<p>Les associés</p>"})
    apres = _site(tmp_path / "b", {"index.html": "<p>Mis à jour le 1er janvier 2027</p> <p>Période d'essai</p>",
                                   "autre.html": "<p>Les associé·es</p>"})
    ecarts = comparer(avant, apres)
    assert [e.split(" :")[0] for e in ecarts] == ["autre.html"]
