"""Fixtures partagées par toute la suite (tests/qualite/ les réutilise).

- `site_construit` : le vrai site, construit UNE fois par session avec `mkdocs build --strict` ;
- `url_site` : ce site servi en http sur 127.0.0.1, sous le même chemin que sur GitHub Pages
  (/base-juridique-cae), sans barre finale : `url_site + "/en/"` ;
- `navigateur` : Chromium de Debian piloté par Playwright (API synchrone), sans interface ;
- `page` : un onglet neuf par test (contexte fr-FR) ; capture d'écran et HTML en cas d'échec ;
- `requetes` : toutes les adresses demandées par `page` (les requêtes hors 127.0.0.1 sont bloquées) ;
- `construire(dossier_fixture) -> (code_retour, journal)` : construit un petit site de
  tests/fixtures/sites/<nom>/ avec les vrais hooks, gabarits et données du dépôt.

Les artefacts (journaux de build, captures, rapport JUnit) vont dans test-results/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from serveur_statique import prefixe_du_site, servir  # scripts/ est dans le chemin d'import (pyproject.toml)

RACINE = Path(__file__).resolve().parents[1]
FIXTURES_SITES = RACINE / "tests" / "fixtures" / "sites"
RESULTATS = RACINE / "test-results"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
OPTIONS_CHROMIUM = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Ce que les petits sites de test empruntent au dépôt (jamais modifié : on copie).
_EMPRUNTS = ("hooks", "overrides", "data")


def environnement_mkdocs() -> dict[str, str]:
    """Environnement des builds : sans la bannière « MkDocs 2.0 » de Material."""
    env = dict(os.environ)
    env.update({"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
                "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"})
    env.pop("KB_LANGUE", None)  # les tests construisent toujours toutes les langues
    return env


def mkdocs_build(dossier_config: Path, destination: Path, **variables: str) -> tuple[int, str]:
    """`mkdocs build --strict -d destination` dans dossier_config ; code de retour et journal."""
    fini = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(destination)],
        cwd=dossier_config, env={**environnement_mkdocs(), **variables}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, encoding="utf-8", timeout=600, check=False)
    return fini.returncode, fini.stdout


def construire(dossier_fixture: str | Path, destination: str | Path | None = None,
               **variables: str) -> tuple[int, str]:
    """Construit le petit site tests/fixtures/sites/<nom>/ et renvoie (code de retour, journal).

    Le site est copié dans un dossier temporaire avec base.yml (dont il hérite), elle-même héritière
    du vrai mkdocs.yml, et avec les hooks, les gabarits et les données du dépôt : les messages
    nomment donc « docs/<page>.md:<ligne> » comme pour un contributeur. Un site de test peut
    remplacer un fichier de data/ ou d'overrides/ (par exemple data/glossaire.yml).
    `destination` : où garder le HTML produit (sinon il est jeté avec le dossier temporaire) ;
    `variables` : variables d'environnement du build (par exemple KB_LANGUE="fr").
    """
    with tempfile.TemporaryDirectory(prefix="kb-fixture-") as tmp:
        site = preparer(dossier_fixture, Path(tmp))
        sortie = Path(destination) if destination else Path(tmp) / "site"
        code, journal = mkdocs_build(site, sortie, **variables)
    return code, journal


def preparer(dossier_fixture: str | Path, travail: Path) -> Path:
    """Copie le petit site dans `travail` avec base.yml, le vrai mkdocs.yml, les hooks, les gabarits
    et les données du dépôt ; renvoie le dossier du site (celui de son mkdocs.yml)."""
    source = Path(dossier_fixture)
    if not source.is_absolute():
        source = FIXTURES_SITES / source
    if not (source / "mkdocs.yml").is_file():
        raise FileNotFoundError(f"pas de mkdocs.yml dans {source}")
    shutil.copy2(FIXTURES_SITES / "base.yml", travail / "base.yml")
    shutil.copy2(RACINE / "mkdocs.yml", travail / "depot.yml")
    site = travail / source.name
    shutil.copytree(source, site)
    for nom in _EMPRUNTS:
        # Les fichiers du site de test l'emportent ; les autres viennent du dépôt.
        for fichier in (RACINE / nom).rglob("*"):
            cible = site / nom / fichier.relative_to(RACINE / nom)
            if fichier.is_file() and "__pycache__" not in fichier.parts and not cible.exists():
                cible.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(fichier, cible)
    return site


@pytest.fixture(name="construire_depot", scope="session")
def _fixture_construire_depot():
    """`mkdocs build --strict` du dépôt vers une destination, avec des variables d'environnement."""
    return lambda destination, **variables: mkdocs_build(RACINE, destination, **variables)


@pytest.fixture(name="construire", scope="session")
def _fixture_construire():
    """La fonction `construire` comme fixture (pour les tests qui ne l'importent pas)."""
    return construire


@pytest.fixture(name="preparer", scope="session")
def _fixture_preparer():
    """La fonction `preparer` comme fixture : un petit site prêt à construire soi-même (par
    exemple deux builds de suite, le second avec --dirty) ; `environnement_mkdocs` pour le lancer."""
    return preparer


@pytest.fixture(name="environnement_mkdocs", scope="session")
def _fixture_environnement_mkdocs():
    return environnement_mkdocs()


def chemin_du_site(fichier_config: Path = RACINE / "mkdocs.yml") -> str:
    """Chemin de site_url (« /base-juridique-cae ») : le site est servi sous ce préfixe."""
    return prefixe_du_site(fichier_config)


# ---------------------------------------------------------------- Le vrai site


@pytest.fixture(scope="session")
def construction_du_site(tmp_path_factory) -> tuple[int, str, Path]:
    """Le build strict du dépôt, fait une fois : (code de retour, journal, dossier du site)."""
    sortie = tmp_path_factory.mktemp("site")
    code, journal = mkdocs_build(RACINE, sortie)
    RESULTATS.mkdir(exist_ok=True)
    (RESULTATS / "build-site.log").write_text(journal, encoding="utf-8")
    return code, journal, sortie


@pytest.fixture(scope="session")
def site_construit(construction_du_site) -> Path:
    """Le site réel construit (mode strict) ; échoue avec le journal si le build échoue."""
    code, journal, sortie = construction_du_site
    if code != 0:
        pytest.fail(f"`mkdocs build --strict` a échoué (code {code}) ; journal :\n{journal}", pytrace=False)
    return sortie





@pytest.fixture(scope="session")
def url_site(site_construit):
    """Adresse de base du site servi en http, sans barre finale (http://127.0.0.1:PORT/base-juridique-cae)."""
    serveur, url = servir(site_construit, chemin_du_site())
    yield url
    serveur.shutdown()
    serveur.server_close()


# ---------------------------------------------------------------- Navigateur


@pytest.fixture(scope="session")
def navigateur():
    """Chromium de Debian (pas `playwright install`), sans interface, sans réseau de fond."""
    from playwright.sync_api import sync_playwright

    pilote = sync_playwright().start()
    try:
        chromium = pilote.chromium.launch(executable_path=CHROMIUM, headless=True, args=OPTIONS_CHROMIUM)
    except Exception:
        pilote.stop()
        raise
    yield chromium
    chromium.close()
    pilote.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Garde le résultat de chaque phase sur le test (pour les captures en cas d'échec)."""
    rapport = yield
    setattr(item, f"rapport_{rapport.when}", rapport)
    return rapport


def _nom_de_fichier(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")[:150]


@pytest.fixture
def page(navigateur, request):
    """Un onglet neuf (contexte fr-FR, 1280×900) ; hors 127.0.0.1, toute requête est bloquée."""
    contexte = navigateur.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    contexte.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]|data:|blob:).*"), lambda route: route.abort())
    onglet = contexte.new_page()
    yield onglet
    rapport = getattr(request.node, "rapport_call", None)
    if rapport is not None and rapport.failed:
        dossier = RESULTATS / "echecs"
        dossier.mkdir(parents=True, exist_ok=True)
        nom = _nom_de_fichier(request.node.nodeid)
        try:
            onglet.screenshot(path=str(dossier / f"{nom}.png"), full_page=True)
            (dossier / f"{nom}.html").write_text(onglet.content(), encoding="utf-8")
        except Exception:  # l'onglet peut être fermé : l'échec du test reste le message utile
            pass
    contexte.close()


@pytest.fixture
def requetes(page) -> list[str]:
    """Adresses de toutes les requêtes de `page` (y compris celles qui ont été bloquées)."""
    adresses: list[str] = []
    page.on("request", lambda requete: adresses.append(requete.url))
    return adresses


# ---------------------------------------------------------------- Marques par dossier

_MARQUES = {"unitaires": "unitaire", "build": "construction", "html": "html", "navigateur": "navigateur"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        parties = Path(str(item.path)).relative_to(RACINE).parts if str(item.path).startswith(str(RACINE)) else ()
        if len(parties) > 2 and parties[0] == "tests" and parties[1] in _MARQUES:
            item.add_marker(_MARQUES[parties[1]])
