"""L'index Pagefind est construit à partir de la seule partie des pages que Pagefind lit (en-tête et
contenu `data-pagefind-body`, kb/recherche/indexation.py) : il doit être le même que l'index du
site construit en entier, et un build partiel (`--dirty`) doit garder toutes les pages."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb.recherche.indexation import DOSSIER_INDEX, PagesPourPagefind, ce_que_lit_pagefind, indexer


def fragments(index: Path) -> dict[str, dict]:
    """Les fragments d'un index Pagefind (un par page : adresse, contenu, métadonnées), décodés."""
    resultat = {}
    for fichier in (index / "fragment").iterdir():
        donnees = gzip.decompress(fichier.read_bytes())
        fragment = json.loads(donnees[donnees.index(b"{"):])  # après l'en-tête « pagefind_dcd »
        resultat[fragment["url"]] = fragment
    return resultat


def test_l_extrait_garde_l_en_tete_et_le_contenu_sans_les_menus(site_construit: Path) -> None:
    html = (site_construit / "cesa" / "contrat" / "index.html").read_text(encoding="utf-8")
    extrait = ce_que_lit_pagefind(html)
    assert extrait is not None
    assert extrait.lstrip().startswith("<!doctype html>") and '<html lang="fr"' in extrait
    assert 'data-pagefind-meta="' in extrait and "<title>" in extrait
    assert "<h1" in extrait and "data-pagefind-body" in extrait
    assert "md-nav" not in extrait and "md-footer" not in extrait
    assert len(extrait) < len(html) / 2
    # Sans élément marqué, Pagefind ignore la page : rien à lui donner.
    assert ce_que_lit_pagefind((site_construit / "404.html").read_text(encoding="utf-8")) is None


def test_l_index_est_celui_du_site_entier(site_construit: Path, tmp_path: Path) -> None:
    """Mêmes pages, mêmes adresses, mêmes contenus, mêmes métadonnées, dans les deux langues."""
    copie = tmp_path / "site"
    # Le site sans son index, indexé en entier comme avant (add_directory sur le site construit).
    subprocess.run(["cp", "-r", str(site_construit), str(copie)], check=True)
    subprocess.run(["rm", "-r", str(copie / DOSSIER_INDEX)], check=True)
    indexer(copie)
    attendu, obtenu = fragments(copie / DOSSIER_INDEX), fragments(site_construit / DOSSIER_INDEX)
    assert len(obtenu) > 300
    assert obtenu.keys() == attendu.keys()
    differents = [url for url in attendu if attendu[url] != obtenu[url]]
    assert not differents, f"fragments différents : {differents[:5]}"
    # Mêmes langues, même nombre de pages par langue (l'empreinte des fichiers d'index dépend de
    # l'ordre dans lequel le système de fichiers liste les pages : elle n'est pas comparée).
    def pages_par_langue(index: Path) -> dict[str, int]:
        entree = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
        return {langue: infos["page_count"] for langue, infos in entree["languages"].items()}
    assert pages_par_langue(site_construit / DOSSIER_INDEX) == pages_par_langue(copie / DOSSIER_INDEX)


def test_un_build_partiel_indexe_le_site_entier(preparer, environnement_mkdocs, tmp_path: Path) -> None:
    """`mkdocs build --dirty` ne rend que les pages modifiées : l'index garde pourtant les autres."""
    site = preparer("valide", tmp_path)
    sortie = tmp_path / "sortie"
    temporaires = tmp_path / "tmp"  # TMPDIR du build : le dossier des extraits doit y être effacé
    temporaires.mkdir()

    def build(*options: str) -> str:
        fini = subprocess.run([sys.executable, "-m", "mkdocs", "build", *options, "-d", str(sortie)],
                              cwd=site, env={**environnement_mkdocs, "TMPDIR": str(temporaires)},
                              capture_output=True, text=True, check=False)
        assert fini.returncode == 0, fini.stdout + fini.stderr
        return fini.stdout + fini.stderr

    build()
    complet = fragments(sortie / DOSSIER_INDEX)
    assert complet and not list(temporaires.iterdir())
    journal = build("--dirty", "--no-strict")  # MkDocs avertit toujours qu'un build partiel est imprécis
    assert "build partiel, le site construit est indexé en entier" in journal
    assert fragments(sortie / DOSSIER_INDEX).keys() == complet.keys()
    assert not list(temporaires.iterdir())


def test_le_dossier_temporaire_est_efface() -> None:
    pages = PagesPourPagefind()
    pages.attendues = 2
    pages.rendues = 1
    pages.ecrire("en/cesa/index.html", "<html lang=\"en\"></html>")
    dossier = pages.dossier
    assert dossier is not None and (dossier / "en" / "cesa" / "index.html").is_file()
    assert not pages.complet()  # une page attendue n'a pas été rendue : build partiel
    pages.rendues = 2
    assert pages.complet()
    pages.effacer()
    assert not dossier.exists() and pages.dossier is None and not pages.complet()


@pytest.mark.parametrize("html", [
    "<html lang=\"fr\"><head></head><body><div>sans contenu marqué</div></body></html>",
    "<div data-pagefind-body>sans en-tête</div>",
])
def test_rien_a_indexer(html: str) -> None:
    assert ce_que_lit_pagefind(html) is None


def test_extraits_en_memoire_sauf_tmpdir_donne_ou_place_manquante(monkeypatch, tmp_path: Path) -> None:
    from kb.recherche import indexation
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert indexation.dossier_temporaire() is None  # le choix du contributeur l'emporte
    monkeypatch.delenv("TMPDIR")
    monkeypatch.setattr(indexation, "PLACE_EN_MEMOIRE", 1 << 60)  # plus de place qu'aucune machine n'en a
    assert indexation.dossier_temporaire() is None
    monkeypatch.setattr(indexation, "PLACE_EN_MEMOIRE", 0)
    en_memoire = Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK)
    assert indexation.dossier_temporaire() == ("/dev/shm" if en_memoire else None)


def test_un_echec_de_pagefind_est_explique(tmp_path: Path) -> None:
    """Pagefind qui échoue (ici : aucune page HTML) donne son message, jamais un index vide."""
    from kb.recherche.indexation import EchecDePagefind
    with pytest.raises(EchecDePagefind, match="not able to build an index"):
        indexer(tmp_path)


def test_aucun_fichier_de_l_index_n_est_tronque(site_construit: Path) -> None:
    """Symptôme vu en CI avec l'API Python de Pagefind (service arrêté pendant l'écriture) :
    pagefind-entry.json vide, fichiers coupés à 128 Kio, et une recherche qui ne trouve rien."""
    index = site_construit / DOSSIER_INDEX
    vides = [f.name for f in index.rglob("*") if f.is_file() and f.stat().st_size == 0]
    assert not vides, f"fichiers vides dans l'index : {vides}"
    entree = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entree["languages"]) == {"fr", "en"}
    for langue, infos in entree["languages"].items():
        assert (index / f"pagefind.{infos['hash']}.pf_meta").is_file(), langue
        assert (index / f"wasm.{infos['wasm']}.pagefind").stat().st_size > 10_000, langue
