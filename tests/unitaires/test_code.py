"""Le code et sa documentation ne dérivent pas : pyflakes, codes KB, fichiers cités, ordre des hooks.

- pyflakes (version figée dans requirements-test.txt) ne trouve rien dans hooks/, scripts/, tests/ ;
- chaque code KB a un seul sens : il est documenté une fois dans la table de CONTRIBUTING.md et
  une fois dans sa section, avec le titre de `kb.commun.diagnostics.CODES`, et c'est exactement
  l'ensemble des codes que le code émet, chacun par une seule préoccupation (dossier de hooks/kb/) ;
- les docstrings (hooks/, scripts/, tests/) et hooks/README.md ne citent que des fichiers qui
  existent ;
- hooks/README.md présente les hooks dans l'ordre de mkdocs.yml, et tous.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path


from kb.commun.diagnostics import CODES

RACINE = Path(__file__).resolve().parents[2]
DOSSIERS_DE_CODE = ("hooks", "scripts", "tests")


def _fichiers_python() -> list[Path]:
    return sorted(p for dossier in DOSSIERS_DE_CODE for p in (RACINE / dossier).rglob("*.py")
                  if "__pycache__" not in p.parts and "node_modules" not in p.parts)


def _relatif(chemin: Path) -> str:
    return chemin.relative_to(RACINE).as_posix()


# ---------------------------------------------------------------- pyflakes


def _pyflakes(fichiers: list[str]) -> list[str]:
    fini = subprocess.run([sys.executable, "-m", "pyflakes", *fichiers], cwd=RACINE, capture_output=True,
                          text=True, check=False)
    assert "No module named pyflakes" not in fini.stderr, "pyflakes manque : `make installer`"
    return [ligne for ligne in (fini.stdout + fini.stderr).splitlines() if ligne.strip()]


def test_pyflakes_ne_trouve_rien():
    fichiers = [_relatif(p) for p in _fichiers_python()]
    assert len(fichiers) > 30
    assert _pyflakes(fichiers) == []


# ---------------------------------------------------------------- Codes KB

_LIGNE_DE_TABLE = re.compile(r"^\| \[(KB\d{3})\]\(#(kb\d{3})\) \| ([^|]+?) \|", re.MULTILINE)
_SECTION = re.compile(r"^### (KB\d{3}) — (.+)$", re.MULTILINE)
_ANCRE = re.compile(r'^<a id="(kb\d{3})"></a>$', re.MULTILINE)
_CODE = re.compile(r"\bKB\d{3}\b")


def test_table_de_contributing_et_codes_du_code():
    texte = (RACINE / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = _LIGNE_DE_TABLE.findall(texte)
    sections = _SECTION.findall(texte)
    codes_table = [code for code, _, _ in table]
    assert len(codes_table) == len(set(codes_table)), "un code figure deux fois dans la table"
    assert [code for code, _ in sections] == sorted({code for code, _ in sections}), \
        "une section par code, dans l'ordre"
    assert all(ancre == code.lower() for code, ancre, _ in table)
    assert {code: titre.strip() for code, _, titre in table} == CODES
    assert dict(sections) == CODES
    assert sorted(_ANCRE.findall(texte)) == sorted(code.lower() for code in CODES)


def _codes_emis() -> dict[str, set[str]]:
    """Code -> fichiers de hooks/ qui l'écrivent (hors la table kb/commun/diagnostics.py elle-même)."""
    emis: dict[str, set[str]] = {}
    for chemin in (RACINE / "hooks").rglob("*.py"):
        if chemin.name == "diagnostics.py":
            continue
        for code in _CODE.findall(chemin.read_text(encoding="utf-8")):
            emis.setdefault(code, set()).add(_relatif(chemin))
    return emis


def test_codes_emis_par_le_code_sont_ceux_de_la_table():
    assert set(_codes_emis()) == set(CODES)


def _preoccupation(fichier: str) -> str:
    """Le dossier de kb/ d'un module (« hooks/kb/glossaire/liaison.py » -> « glossaire ») ; pour un
    hook de hooks/, le hook lui-même (sa docstring peut citer les codes de sa préoccupation)."""
    parties = fichier.split("/")
    return parties[2] if parties[1] == "kb" and len(parties) > 3 else fichier


def test_un_code_une_seule_preoccupation():
    """Deux préoccupations (dossiers de hooks/kb/, hors le socle kb/commun/) qui émettent le même code lui donnent deux sens
    (KB301 en avait deux) ; un hook ne fait que le citer dans sa docstring, pour un seul dossier."""
    for code, fichiers in _codes_emis().items():
        # kb/commun/ est le socle de toutes les préoccupations (lecture du YAML, données du projet) :
        # il peut nommer le code de celle qu'il sert.
        modules = {_preoccupation(f) for f in fichiers if f.startswith("hooks/kb/") and not f.startswith("hooks/kb/commun/")}
        assert len(modules) <= 1, f"{code} est émis par {sorted(modules)}"
        hooks = {f for f in fichiers if not f.startswith("hooks/kb/")}
        assert len(hooks) <= 1, f"{code} est cité par {sorted(hooks)}"


def test_le_code_des_hooks_est_range_dans_kb():
    """Les hooks de hooks/ ne sont que des tables d'événements : aucun n'écrit de message KB (le
    code est dans hooks/kb/<préoccupation>/), et chaque module de kb/ est dans un sous-dossier."""
    for chemin in (RACINE / "hooks").glob("*.py"):
        source = chemin.read_text(encoding="utf-8")
        assert "Probleme(" not in source and "signaler(" not in source, _relatif(chemin)
    assert [p.name for p in (RACINE / "hooks" / "kb").glob("*.py")] == ["__init__.py"]


# ---------------------------------------------------------------- Fichiers cités

# Un chemin de fichier du dépôt : au moins un « / » ou une extension connue ; sans joker ni gabarit.
_CHEMIN = re.compile(r"(?<![\w./<{*-])((?:[\w.-]+/)*[\w-]+\.(?:py|md|yml|yaml|json|html|js|css|txt|toml|cfg))\b")
# Fichiers que le code crée ailleurs que dans le dépôt (copie du projet par le banc).
EXEMPLES = {"data/textes/loi-90-1xx.yml"}
_RACINES = ("hooks", "scripts", "tests", "overrides", "data", "modeles", "bench", "rapports", ".github")


def _existe(reference: str, depuis: Path) -> bool:
    """Cherche la référence depuis la racine, le dossier du fichier, et les dossiers de code."""
    bases = [RACINE, depuis.parent, RACINE / "hooks", RACINE / "hooks" / "kb", RACINE / "overrides", RACINE / "tests",
             RACINE / "scripts"]
    module = RACINE / "hooks" / (reference.replace(".", "/") + ".py")  # le module « kb.commun.html »
    return reference in EXEMPLES or module.exists() or any((base / reference).exists() for base in bases)


def _a_verifier(reference: str) -> bool:
    """Seuls les fichiers de code et de configuration : les exemples de pages (docs/…) et les
    fichiers d'un site de test ou d'une copie temporaire ne sont pas des fichiers du dépôt."""
    premier = reference.split("/", 1)[0]
    if "/" in reference:
        return premier in _RACINES
    return reference.endswith((".py", ".html"))


def _docstrings(chemin: Path) -> list[str]:
    arbre = ast.parse(chemin.read_text(encoding="utf-8"))
    noeuds = [arbre, *(n for n in ast.walk(arbre)
                       if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))]
    return [d for d in (ast.get_docstring(n) for n in noeuds) if d]


def _references_manquantes(textes: list[str], depuis: Path) -> set[str]:
    return {ref for texte in textes for ref in _CHEMIN.findall(texte)
            if _a_verifier(ref) and not _existe(ref, depuis)}


def test_les_docstrings_ne_citent_que_des_fichiers_qui_existent():
    manquantes = {}
    for chemin in _fichiers_python():
        if refs := _references_manquantes(_docstrings(chemin), chemin):
            manquantes[_relatif(chemin)] = sorted(refs)
    assert manquantes == {}


def test_le_readme_des_hooks_ne_cite_que_des_fichiers_qui_existent():
    readme = RACINE / "hooks" / "README.md"
    assert _references_manquantes([readme.read_text(encoding="utf-8")], readme) == set()


def test_le_controle_des_fichiers_cites_voit_un_fichier_absent():
    """Le contrôle lui-même : un module supprimé, cité par une docstring, est trouvé."""
    assert _references_manquantes(["Voir hooks/langues_paralleles.py et `menu.py`."], RACINE / "hooks" / "x.py") \
        == {"hooks/langues_paralleles.py", "menu.py"}
    assert _references_manquantes(["Voir hooks/glossaire.py, `kb/commun/html.py`, docs/cesa/x.md."],
                                  RACINE / "hooks" / "x.py") == set()


# ---------------------------------------------------------------- hooks/README.md


def test_le_readme_des_hooks_suit_l_ordre_de_mkdocs_yml():
    texte = (RACINE / "mkdocs.yml").read_text(encoding="utf-8")
    bloc = re.search(r"(?m)^hooks:\n((?:[ \t]+.*\n|[ \t]*\n)*)", texte).group(1)
    hooks = [Path(m).name for m in re.findall(r"(?m)^\s+- (hooks/\S+\.py)\s*$", bloc)]
    readme = (RACINE / "hooks" / "README.md").read_text(encoding="utf-8")
    lignes = re.findall(r"(?m)^\| `([\w.]+\.py)` \|", readme)
    assert lignes == hooks
    assert sorted(hooks) == sorted(p.name for p in (RACINE / "hooks").glob("*.py"))
