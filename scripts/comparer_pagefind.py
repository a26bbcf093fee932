"""Mesure ponctuelle : Pagefind, réglages par défaut, sur le site construit, avec les requêtes des tests.

Sert à choisir le moteur de recherche par la mesure (issue « Search that answers questions »).
Ce n'est pas une dépendance du projet : Pagefind s'installe à part, dans un environnement jetable.

    python3 -m venv /tmp/pf && /tmp/pf/bin/pip install "pagefind[bin]==1.5.2"
    .venv/bin/mkdocs build --strict -d /tmp/site-pf
    /tmp/pf/bin/python -m pagefind --site /tmp/site-pf --root-selector article \\
        --exclude-selectors .kb-metadonnees --exclude-selectors .headerlink
    .venv/bin/python scripts/comparer_pagefind.py /tmp/site-pf > /tmp/pagefind.json

Les requêtes : la banque de questions (data/questions/) et les requêtes courtes de
tests/recherche/test_recherche_navigateur.py, avec les mêmes critères (trois premiers ; premier
pour un numéro d'article). Chaque requête passe par l'API JavaScript documentée de Pagefind
(pagefind.search), dans Chromium, sur le site servi en http sous son préfixe.
"""

from __future__ import annotations

import ast
import json
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

RACINE = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(RACINE / "tests" / "recherche"), str(RACINE / "tests"), str(RACINE / "hooks")]

from banque import charger  # noqa: E402
from serveur_statique import prefixe_du_site, servir  # noqa: E402


def requetes_courtes() -> list[tuple[str, tuple[str, ...], str]]:
    """La table REQUETES des tests (pages françaises), lue sans importer le module de test."""
    source = (RACINE / "tests" / "recherche" / "test_recherche_navigateur.py").read_text(encoding="utf-8")
    arbre = ast.parse(source)
    constantes: dict[str, str] = {}
    for noeud in arbre.body:
        if isinstance(noeud, ast.Assign):
            for cible in noeud.targets:
                if isinstance(cible, ast.Name) and cible.id != "REQUETES":
                    try:
                        constantes[cible.id] = ast.literal_eval(noeud.value)
                    except ValueError:
                        pass
                if isinstance(cible, ast.Tuple):
                    for nom, valeur in zip(cible.elts, noeud.value.elts):
                        constantes[nom.id] = ast.literal_eval(valeur)
        if isinstance(noeud, ast.AnnAssign) and getattr(noeud.target, "id", "") == "REQUETES":
            table = eval(compile(ast.Expression(noeud.value), "REQUETES", "eval"), {}, constantes)  # noqa: S307
            return [(q, attendues, rang) for depart, q, attendues, rang in table if depart == "/"]
    raise SystemExit("REQUETES introuvable dans test_recherche_navigateur.py")


def main(site: Path) -> dict:
    prefixe = prefixe_du_site(RACINE / "mkdocs.yml")
    questions, problemes = charger()
    if problemes:
        raise SystemExit("\n".join(problemes))
    serveur, url = servir(site, prefixe)
    temps: list[float] = []
    with sync_playwright() as p:
        navigateur = p.chromium.launch(executable_path="/usr/bin/chromium",
                                       args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        onglet = navigateur.new_page()
        onglet.goto(url + "/")
        onglet.evaluate(f"async () => {{ window.pf = await import('{prefixe}/pagefind/pagefind.js');"
                        " await window.pf.init(); }")

        def chercher(q: str) -> list[str]:
            debut = time.perf_counter()
            adresses = onglet.evaluate("""async q => { const r = await window.pf.search(q);
                const d = await Promise.all(r.results.slice(0, 3).map(x => x.data()));
                return d.map(x => x.url); }""", q)
            temps.append((time.perf_counter() - debut) * 1000)
            return [a.split("#")[0].replace(prefixe, "", 1) for a in adresses]

        banque = [(q.question, q.url, chercher(q.question)) for q in questions]
        courtes = [(q, attendues, rang, chercher(q)) for q, attendues, rang in requetes_courtes()]
        navigateur.close()
    serveur.shutdown()
    def juste(resultats: list[str], attendues: tuple[str, ...], rang: str) -> bool:
        if rang == "premier":
            return bool(resultats) and resultats[0] in attendues
        return bool(set(resultats[:3]) & set(attendues))

    bonnes_courtes = [r for r in courtes if juste(r[3], r[1], r[2])]
    return {
        "banque_top3": [sum(u in r[:3] for _, u, r in banque), len(banque)],
        "courtes": [len(bonnes_courtes), len(courtes)],
        "latence_mediane_ms": round(statistics.median(temps), 1),
        "latence_p90_ms": round(sorted(temps)[int(len(temps) * 0.9)], 1),
        "manquees_courtes": [(q, list(a), r) for q, a, _, r in courtes if (q, a, _, r) not in bonnes_courtes],
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1])), ensure_ascii=False, indent=1))
