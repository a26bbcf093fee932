"""La machine et les versions sur lesquelles le banc a tourné."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

PAQUETS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions",
           "mkdocs-git-revision-date-localized-plugin", "mkdocs-redirects", "Markdown", "playwright")


def _lire(chemin: str) -> str:
    try:
        return Path(chemin).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _commande(*args: str) -> str:
    try:
        fini = subprocess.run(args, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "absent"
    sortie = [ligne for ligne in (fini.stdout + fini.stderr).splitlines()
              if ligne.strip() and "unexpected operator" not in ligne]
    return sortie[0].strip() if sortie else "?"


def decrire(racine: Path) -> dict[str, str]:
    cpuinfo = _lire("/proc/cpuinfo")
    modele = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    memoire = re.search(r"^MemTotal:\s*(\d+) kB", _lire("/proc/meminfo"), re.MULTILINE)
    systeme = re.search(r'^PRETTY_NAME="?([^"\n]+)', _lire("/etc/os-release"), re.MULTILINE)
    infos = {
        "Processeur": modele.group(1).strip() if modele else platform.processor() or "?",
        "Cœurs logiques (os.cpu_count)": str(os.cpu_count()),
        "Cœurs utilisables (affinité)": str(len(os.sched_getaffinity(0))) if hasattr(os, "sched_getaffinity") else "?",
        "Mémoire": f"{int(memoire.group(1)) / 1024 / 1024:.1f} Gio" if memoire else "?",
        "Système": (systeme.group(1) if systeme else platform.platform()) + f" (noyau {platform.release()})",
        "Python": sys.version.split()[0] + f" ({sys.executable})",
    }
    for paquet in PAQUETS:
        try:
            infos[paquet] = metadata.version(paquet)
        except metadata.PackageNotFoundError:
            infos[paquet] = "absent"
    infos["Chromium"] = _commande("/usr/bin/chromium", "--version")
    infos["Node.js"] = _commande("node", "--version")
    infos["git"] = _commande("git", "--version")
    lh = racine / "bench" / "node_modules" / "lighthouse" / "package.json"
    infos["Lighthouse"] = json.loads(lh.read_text())["version"] if lh.is_file() else "non installé"
    return infos
