"""L'état du build (hooks/kb/commun/etat.py) : un objet par build complet, aucune globale mutable.

- deux builds successifs dans le MÊME processus (comme `mkdocs serve` qui reconstruit) donnent le
  même site et ne partagent rien : chacun a son état, ouvert une seule fois pour toutes ses
  langues, et chacun redit le problème de la page (une fois) ;
- aucun module de hooks/ ne garde d'état dans une variable globale mutable (analyse du code).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from comparer_sites import comparer  # scripts/ est dans le chemin d'import (pyproject.toml)
from conftest import RACINE, environnement_mkdocs, preparer

# Deux builds dans un seul processus, avec l'API Python de MkDocs (celle qu'appelle `mkdocs build`).
# Un espion compte les états ouverts ; le journal garde les messages KB de chaque build.
_DEUX_BUILDS = r"""
import json, logging, sys
from pathlib import Path
sys.path.insert(0, str(Path("hooks").resolve()))
import kb.commun.etat
from mkdocs.commands.build import build
from mkdocs.config import load_config

ouverts = []
original = kb.commun.etat.ouvrir_un_build
def espion(config):
    ouverts.append(original(config))
    return ouverts[-1]
kb.commun.etat.ouvrir_un_build = espion  # hooks/build.py l'importe au chargement de la configuration

messages = []
class Journal(logging.Handler):
    def emit(self, record):
        messages.append(record.getMessage())
logging.getLogger("mkdocs").addHandler(Journal())

builds = []
for sortie in sys.argv[1:]:
    debut, avant = len(messages), len(ouverts)
    config = load_config("mkdocs.yml", site_dir=sortie, strict=False)  # la page a une faute (KB104)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    etat = config.kb_etat_du_build
    builds.append({
        "kb": [m for m in messages[debut:] if m.startswith("KB")],
        "ouverts": len(ouverts) - avant,
        "etat_ouvert": etat is ouverts[-1],
        "parties": sorted(type(p).__name__ for p in etat._parties.values()),
        "parties_partagees": [type(p).__name__ for p in etat._parties.values()
                              if any(p is q for e in ouverts[:avant] for q in e._parties.values())],
    })
print("RESULTAT " + json.dumps(builds))
"""


def test_deux_builds_dans_le_meme_processus_ne_partagent_rien():
    with tempfile.TemporaryDirectory(prefix="kb-etat-") as tmp:
        site = preparer("date-future", Path(tmp))
        sorties = [Path(tmp) / "site-1", Path(tmp) / "site-2"]
        fini = subprocess.run([sys.executable, "-c", _DEUX_BUILDS, *map(str, sorties)], cwd=site,
                              env=environnement_mkdocs(), capture_output=True, text=True, timeout=600)
        assert fini.returncode == 0, fini.stdout + fini.stderr
        ligne = next(ligne for ligne in fini.stdout.splitlines() if ligne.startswith("RESULTAT "))
        premier, second = json.loads(ligne.removeprefix("RESULTAT "))
        # Un état par build complet : ouvert une fois (français), repris par le build anglais.
        assert premier["ouverts"] == second["ouverts"] == 1
        assert premier["etat_ouvert"] and second["etat_ouvert"]
        assert {"DonneesDuProjet", "PagesVerifiees", "EtatDuGlossaire", "EtatDesReferences"} <= set(premier["parties"])
        assert premier["parties"] == second["parties"]
        assert second["parties_partagees"] == []
        # Le problème de la page (KB104) : dit une fois dans chaque build, pas zéro dans le second.
        assert len(premier["kb"]) == 1 and premier["kb"][0].startswith("KB104 docs/"), premier["kb"]
        assert second["kb"] == premier["kb"]
        # Le même site, page par page (l'index Pagefind, écrit par son propre binaire, mis à part).
        ecarts = [e for e in comparer(*sorties) if not e.startswith("pagefind/")]
        assert ecarts == [], "\n".join(ecarts)
        assert (sorties[1] / "en" / "index.html").is_file()


# ---------------------------------------------------------------- Pas de globale mutable

_MUTABLES = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
_APPELS_MUTABLES = {"list", "dict", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"}


def globales_mutables(source: str) -> list[str]:
    """Les variables de module qui reçoivent une valeur mutable, et les instructions `global`."""
    arbre = ast.parse(source)
    trouvees = [f"ligne {n.lineno} : global {', '.join(n.names)}"
                for n in ast.walk(arbre) if isinstance(n, ast.Global)]
    for noeud in arbre.body:
        if isinstance(noeud, (ast.Assign, ast.AnnAssign)) and noeud.value is not None:
            valeur = noeud.value
            appel = isinstance(valeur, ast.Call) and getattr(valeur.func, "id", getattr(valeur.func, "attr", None))
            if isinstance(valeur, _MUTABLES) or appel in _APPELS_MUTABLES:
                cibles = noeud.targets if isinstance(noeud, ast.Assign) else [noeud.target]
                trouvees.append(f"ligne {noeud.lineno} : {', '.join(ast.unparse(c) for c in cibles)}")
    return trouvees


def test_l_analyse_trouve_une_globale_mutable():
    assert globales_mutables("_cache: dict[str, int] = {}\nX = frozenset()\nY = (1, 2)\n") == ["ligne 1 : _cache"]
    assert globales_mutables("deja = set()\nvus = defaultdict(list)\ndef f():\n    global deja\n") == \
        ["ligne 4 : global deja", "ligne 1 : deja", "ligne 2 : vus"]


def test_aucune_globale_mutable_dans_les_hooks():
    trouvees = {f"{chemin.relative_to(RACINE)} {g}"
                for chemin in sorted((RACINE / "hooks").rglob("*.py"))
                for g in globales_mutables(chemin.read_text(encoding="utf-8"))}
    assert not trouvees, "état de module (à ranger dans une partie de kb.commun.etat) :\n" + "\n".join(sorted(trouvees))
