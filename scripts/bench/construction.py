"""Copies du projet, variantes de mkdocs.yml et builds chronométrés (temps réel et temps CPU)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ICI = Path(__file__).resolve().parent
MESURE = ICI / "mesure_build.py"
# Ce qu'une copie du projet emporte (jamais .git, site/, .venv, node_modules).
A_COPIER = ("docs", "data", "hooks", "overrides", "mkdocs.yml")


def environnement() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
                "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "PYTHONHASHSEED": "0"})
    env.pop("KB_LANGUE", None)  # toutes les langues, sauf demande explicite (variables=)
    return env


@dataclass
class Build:
    """Une mesure : temps réel du processus, temps CPU (lui et ses enfants : git…), détail par plugin."""

    etiquette: str
    code: int
    reel_s: float
    cpu_s: float
    detail: dict = field(default_factory=dict)
    journal: str = ""

    @property
    def build_s(self) -> float:
        """Durée de build() dans le processus (sans le démarrage de Python ni les imports)."""
        return float(self.detail.get("duree_build_s") or self.reel_s)


def construire(config: Path, site_dir: Path, *, strict: bool = True, etiquette: str = "",
               python: str = sys.executable, variables: dict[str, str] | None = None) -> Build:
    """Lance scripts/bench/mesure_build.py dans un processus neuf ; mesure wall-clock et CPU (wait4)."""
    with tempfile.NamedTemporaryFile(prefix="mesure-", suffix=".json", delete=False) as f:
        sortie_json = Path(f.name)
    commande = [python, str(MESURE), "--config", str(config), "--site-dir", str(site_dir),
                "--strict" if strict else "--no-strict", "--json", str(sortie_json)]
    journal_f = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    debut = time.perf_counter()
    processus = subprocess.Popen(commande, cwd=config.parent, env={**environnement(), **(variables or {})},
                                 stdout=journal_f, stderr=subprocess.STDOUT)
    _, statut, usage = os.wait4(processus.pid, 0)
    reel = time.perf_counter() - debut
    processus.returncode = os.waitstatus_to_exitcode(statut)
    journal_f.seek(0)
    journal = journal_f.read()
    journal_f.close()
    try:
        detail = json.loads(sortie_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        detail = {}
    sortie_json.unlink(missing_ok=True)
    return Build(etiquette, processus.returncode, reel, usage.ru_utime + usage.ru_stime, detail, journal)


# ---------------------------------------------------------------- Copies et variantes de mkdocs.yml


def copier_projet(racine: Path, destination: Path) -> Path:
    """Copie docs/, data/, hooks/, overrides/ et mkdocs.yml (sans caches Python)."""
    destination.mkdir(parents=True, exist_ok=True)
    for nom in A_COPIER:
        source = racine / nom
        if source.is_dir():
            shutil.copytree(source, destination / nom, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.is_file():
            shutil.copy2(source, destination / nom)
    return destination


def _bloc(texte: str, cle: str) -> re.Pattern[str]:
    """Un bloc YAML de premier niveau (« cle: » et ses lignes indentées ou vides)."""
    return re.compile(rf"(?m)^{re.escape(cle)}:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*)\n)*")


def sans_bloc(texte: str, cle: str) -> str:
    return _bloc(texte, cle).sub("", texte, count=1)


def sans_hooks(texte: str, racine: Path) -> str:
    """mkdocs.yml sans les hooks du projet ni ce qui n'existe que pour eux.

    - `hooks:` retiré ;
    - `watch:` retiré (il vise hooks/ et data/, inutiles sans hooks) ;
    - `theme.custom_dir` rendu absolu (les gabarits du projet restent : ils testent `kb` avant de
      s'en servir) ; docs_dir absolu vers les docs du dépôt.
    Tout le reste (plugins, extensions, nav, validation) est identique.
    """
    texte = sans_bloc(texte, "hooks")
    texte = sans_bloc(texte, "watch")
    texte = re.sub(r"(?m)^(\s+custom_dir:\s*)(\S+)", lambda m: m.group(1) + str(racine / m.group(2)), texte)
    return f"docs_dir: {racine / 'docs'}\n" + texte


def sans_gabarits(texte: str) -> str:
    """Variante de repli : sans theme.custom_dir (si les gabarits échouent sans les hooks)."""
    return re.sub(r"(?m)^\s+custom_dir:.*\n", "", texte)


def sans_git(texte: str) -> str:
    """Le plugin git-revision-date-localized désactivé (enabled: false), le reste identique."""
    motif = re.compile(r"(?m)^(?P<indent>[ \t]*)- git-revision-date-localized:[ \t]*\n")
    m = motif.search(texte)
    if not m:
        raise ValueError("plugin git-revision-date-localized introuvable dans mkdocs.yml")
    indent = m.group("indent") + "    "
    return texte[:m.end()] + f"{indent}enabled: false\n" + texte[m.end():]


def non_strict(texte: str) -> str:
    return re.sub(r"(?m)^strict:\s*true", "strict: false", texte)


def taille_du_site(dossier: Path) -> tuple[int, int]:
    """(octets, nombre de fichiers) du site construit."""
    total, nombre = 0, 0
    for chemin in dossier.rglob("*"):
        if chemin.is_file():
            total += chemin.stat().st_size
            nombre += 1
    return total, nombre


def pages_sources(docs: Path) -> tuple[int, int]:
    """(pages françaises, traductions anglaises) dans docs/."""
    fr = en = 0
    for chemin in docs.rglob("*.md"):
        if chemin.name.endswith(".en.md"):
            en += 1
        else:
            fr += 1
    return fr, en


def git_instantane(dossier: Path) -> None:
    """Fait de la copie un dépôt git jetable, d'un seul commit, pour que le plugin
    git-revision-date-localized y lise une vraie date par page (comme dans le dépôt).
    Ne touche jamais au dépôt du projet : tout se passe dans le dossier temporaire.
    """
    env = dict(os.environ, GIT_AUTHOR_NAME="banc", GIT_AUTHOR_EMAIL="banc@exemple.invalid",
               GIT_COMMITTER_NAME="banc", GIT_COMMITTER_EMAIL="banc@exemple.invalid",
               GIT_AUTHOR_DATE="2026-11-26T12:00:00Z", GIT_COMMITTER_DATE="2026-11-26T12:00:00Z",
               GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
    for commande in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                     ["git", "commit", "-q", "-m", "instantané du banc de performance"]):
        subprocess.run(commande, cwd=dossier, env=env, check=True, stdout=subprocess.DEVNULL)
