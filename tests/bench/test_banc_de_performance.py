"""Le banc de performance (scripts/bench.py, scripts/bench/) fonctionne.

Un petit build de 20 pages synthétiques avec les vrais hooks, mesuré comme le fait `make bench`,
puis le rapport écrit à partir de cette mesure. AUCUNE assertion de durée : la machine est
partagée et bruyante ; on vérifie la machinerie (générateur déterministe, variantes de
mkdocs.yml, build instrumenté, rapport), pas les chiffres.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import pytest
import yaml

RACINE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(RACINE / "scripts"))

from bench import construction, synthetique  # noqa: E402
from bench.requetes import REQUETES  # noqa: E402

pytestmark = pytest.mark.construction

N = 20


def _script_bench():
    """scripts/bench.py chargé comme module (son nom est aussi celui du paquet scripts/bench/)."""
    spec = importlib.util.spec_from_file_location("bench_script", RACINE / "scripts" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entete(chemin: Path) -> dict:
    texte = chemin.read_text(encoding="utf-8")
    return yaml.safe_load(texte.split("---", 2)[1])


@pytest.fixture(scope="module")
def petit_build(tmp_path_factory):
    """Copie du projet + 20 pages synthétiques, dépôt git jetable, build strict mesuré."""
    dossier = tmp_path_factory.mktemp("banc")
    projet = construction.copier_projet(RACINE, dossier / "projet")
    pages = synthetique.generer(projet, N)
    construction.git_instantane(projet)
    site = dossier / "site"
    mesure = construction.construire(projet / "mkdocs.yml", site, strict=True, etiquette="test")
    return projet, pages, site, mesure


def test_generateur_deterministe_et_valide(tmp_path):
    projets = []
    for nom in ("a", "b"):
        projet = tmp_path / nom
        construction.copier_projet(RACINE, projet)
        projets.append((projet, synthetique.generer(projet, 60)))
    (pa, pages_a), (pb, pages_b) = projets
    assert len(pages_a) == 60
    assert [p.relative_to(pa) for p in pages_a] == [p.relative_to(pb) for p in pages_b]
    assert all(a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8") for a, b in zip(pages_a, pages_b))
    # 60 pages = 2 lois fictives de 50 articles au plus, dans le registre de la copie seulement.
    assert (pa / "data" / "textes" / "loi-90-101.yml").is_file()
    assert (pa / "data" / "textes" / "loi-90-102.yml").is_file()
    assert not (RACINE / "data" / "textes" / "loi-90-101.yml").exists()
    for page in pages_a[:10]:
        entete = _entete(page)
        assert re.fullmatch(r"loi-90-1\d\d:\d+", entete["article"])
        assert 50 <= len(entete["description"]) <= 300
        assert entete["audience"] and entete["verifie_le"]
        corps = page.read_text(encoding="utf-8").split("---", 2)[2]
        assert 450 <= len(corps.split()) <= 900, "une page synthétique fait ~600 mots"
        assert "CAE" in corps and "CESA" in corps
        assert re.search(r"article \d+ de la loi n° 90-1\d\d", corps)


def test_variantes_de_mkdocs_yml():
    texte = (RACINE / "mkdocs.yml").read_text(encoding="utf-8")
    sans = construction.sans_hooks(texte, RACINE)
    assert not re.search(r"(?m)^hooks:", sans) and not re.search(r"(?m)^watch:", sans)
    assert re.search(r"(?m)^plugins:", sans) and "git-revision-date-localized" in sans
    assert f"docs_dir: {RACINE / 'docs'}" in sans
    assert "custom_dir" not in construction.sans_gabarits(sans)
    sans_git = construction.sans_git(texte)
    assert re.search(r"- git-revision-date-localized:\s*\n\s+enabled: false\n", sans_git)
    assert "strict: false" in construction.non_strict(texte) or "strict:" not in texte


def test_petit_build_mesure(petit_build):
    projet, pages, site, mesure = petit_build
    messages = [l for l in mesure.journal.splitlines() if l.startswith(("ERROR", "WARNING"))]
    # Les pages synthétiques ne provoquent aucun message (le contenu réel, en cours d'édition, peut en avoir).
    assert not [m for m in messages if "loi-90-1" in m], "\n".join(messages)
    assert mesure.code == 0 or messages, mesure.journal[-3000:]
    detail = mesure.detail
    assert detail["pages_rendues"] >= 2 * (N + 1), "chaque page est rendue en français et sous /en/"
    propres = detail["temps_propre_s"]
    assert any(k.startswith("hooks/") for k in propres), propres
    assert "git-revision-date-localized" in propres and "i18n" in propres
    assert set(detail["cpu_propre_s"]) == set(propres)
    assert "Markdown -> HTML (Page.render)" in detail["sondes_s"]
    assert mesure.reel_s > 0 and mesure.cpu_s > 0
    # Les pages synthétiques sont de vraies pages d'articles : titre, citations liées, sigles.
    html = (site / "textes" / "loi-90-101" / "article-1" / "index.html").read_text(encoding="utf-8")
    assert "Article 1er de la loi n° 90-101" in html
    assert 'class="kb-citation"' in html
    assert "<abbr" in html
    assert (site / "en" / "textes" / "loi-90-101" / "article-1" / "index.html").is_file()
    octets, fichiers = construction.taille_du_site(site)
    assert octets > 0 and fichiers > N


def test_rapport_depuis_le_petit_build(petit_build, tmp_path):
    projet, pages, site, mesure = petit_build
    banc = _script_bench()
    groupes = banc.regrouper(mesure.detail)
    assert set(groupes) >= {"hooks du projet", "git-revision-date-localized", "MkDocs + Material (Markdown, gabarits, fichiers)"}
    fr, en = construction.pages_sources(projet / "docs")
    taille = {"n": N, "runs": 1, "pages_fr": fr, "pages_en": en, "pages_rendues": mesure.detail["pages_rendues"],
              "codes": [mesure.code], "reel": [mesure.reel_s], "cpu": [mesure.cpu_s], "build": [mesure.build_s],
              "sans_git_reel": [], "sans_git_build": [], "groupes": groupes,
              "par_hook": {k: v for k, v in mesure.detail["temps_propre_s"].items() if k.startswith("hooks/")},
              "par_hook_cpu": {k: v for k, v in mesure.detail["cpu_propre_s"].items() if k.startswith("hooks/")},
              "sondes": dict(mesure.detail["sondes_cpu_s"]), "hooks": [],
              "site_octets": 1, "site_fichiers": 1, "index_octets": None}
    r = {"debut": dt.datetime.now(dt.timezone.utc), "commande": "test", "machine": {"Python": sys.version.split()[0]},
         "charge_debut": "0", "charge_fin": "0", "duree_s": 1.0, "notes": [], "commandes": ["make bench"],
         "echelle": {"tailles": [taille]}}
    # Section 1 : le même build compté « avec » et, deux fois plus lent en CPU, « Material seul ».
    mesures = [(mesure.reel_s, mesure.cpu_s, mesure.build_s, mesure.code)]
    r["hooks"] = {"notes": [], "avec": mesures, "sans": [(x[0], x[1] / 2, x[2], x[3]) for x in mesures],
                  "pages_rendues": mesure.detail["pages_rendues"], "groupes": groupes, "part_hooks": 0.2,
                  "build_total_median": mesure.build_s, "par_hook": taille["par_hook"],
                  "par_hook_cpu": taille["par_hook_cpu"], "sondes": taille["sondes"], "sondes_sans": taille["sondes"]}
    sortie = tmp_path / "performance.md"
    texte = banc.ecrire_rapport(r, sortie)
    assert sortie.read_text(encoding="utf-8") == texte
    assert "## Synthèse" in texte and "## 2. Montée en charge" in texte
    assert re.search(r"^\| 20 \| \d+ \|", texte, re.MULTILINE), "une ligne du tableau par taille"
    # Le rapport juge le temps CPU, et dit clairement un objectif manqué.
    assert re.search(r"^\| Coût du code du projet : temps CPU .*\| 2\.00× \| ≤ 1\.3× \| ❌", texte, re.MULTILINE), texte
    assert "second processus" not in texte and "KB_PARALLELE" not in texte


def test_table_des_requetes():
    textes = [r.texte for r in REQUETES]
    assert 35 <= len(textes) <= 60 and len(set(textes)) == len(textes)
    for r in REQUETES:
        assert r.texte.strip() == r.texte and r.intention
        if r.attendu is not None:
            assert r.attendu.endswith("/") and not r.attendu.startswith("/")
            chemin = RACINE / "docs" / r.attendu.rstrip("/")
            assert chemin.with_suffix(".md").is_file() or (chemin / "index.md").is_file(), r


def test_le_serveur_du_banc_compresse_le_texte_comme_l_hebergeur(tmp_path):
    """Lighthouse doit recevoir ce que GitHub Pages envoie : du texte compressé en gzip."""
    import gzip
    import urllib.request

    from bench.serveur import Serveur

    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "bonjour " * 500 + "</p>", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG" + b"\0" * 100)
    with Serveur(tmp_path, "/base") as url:
        def lire(chemin, accepte="gzip, br"):
            requete = urllib.request.Request(url + chemin, headers={"Accept-Encoding": accepte})
            with urllib.request.urlopen(requete) as reponse:
                return reponse.headers.get("Content-Encoding"), reponse.read()
        encodage, corps = lire("/page/")
        assert encodage == "gzip" and gzip.decompress(corps).startswith(b"<p>bonjour")
        assert lire("/page/", accepte="identity")[0] is None
        assert lire("/image.png")[0] is None
