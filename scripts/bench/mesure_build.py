"""Un `mkdocs build` instrumenté, lancé dans son propre processus par le banc.

    python scripts/bench/mesure_build.py --config mkdocs.yml --site-dir /tmp/site [--no-strict] --json mesure.json

Fait ce que fait `mkdocs build` (on_startup, build, on_shutdown) et mesure en plus le temps
PROPRE de chaque plugin et de chaque hook : PluginCollection.run_event est remplacé par une
version qui chronomètre chaque appel et retranche le temps des appels imbriqués (mkdocs-static-i18n
relance un build complet par langue depuis son on_post_build : ce build imbriqué n'est pas compté
à i18n). Les rapports « part des hooks » sont donc des rapports de temps mesurés dans UN même
build, peu sensibles au bruit de la machine. Le JSON contient aussi la durée totale de build(),
le nombre de pages et le code de retour (1 si le mode strict a interrompu le build).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections import defaultdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--site-dir", required=True)
    parser.add_argument("--strict", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--json", required=True)
    args = parser.parse_args()

    t_debut_import = time.perf_counter()
    from mkdocs import exceptions
    from mkdocs.commands import build as module_build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.pages import Page

    temps_propre: dict[str, float] = defaultdict(float)
    cpu_propre: dict[str, float] = defaultdict(float)  # temps CPU de CE processus (time.process_time)
    appels: dict[str, int] = defaultdict(int)
    par_evenement: dict[str, float] = defaultdict(float)
    pile: list[list[float]] = []  # [réel, CPU] des appels imbriqués, par niveau

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            origine = self._event_origins.get(method, "<inconnu>")
            self._current_plugin = origine
            pile.append([0.0, 0.0])
            debut, debut_cpu = time.perf_counter(), time.process_time()
            try:
                result = method(item, **kwargs) if pass_item else method(**kwargs)
            finally:
                duree = time.perf_counter() - debut
                duree_cpu = time.process_time() - debut_cpu
                imbrique, imbrique_cpu = pile.pop()
                temps_propre[origine] += duree - imbrique
                cpu_propre[origine] += duree_cpu - imbrique_cpu
                appels[origine] += 1
                par_evenement[f"{origine} on_{name}"] += duree - imbrique
                if pile:
                    pile[-1][0] += duree
                    pile[-1][1] += duree_cpu
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    PluginCollection.run_event = run_event

    # Compte les pages rendues (toutes langues) sans toucher au build.
    pages_rendues = [0]
    original_render = Page.render

    def render(self, config, files):
        pages_rendues[0] += 1
        return original_render(self, config, files)

    Page.render = render

    # Sondes : quelques fonctions dont le banc veut le temps à part (temps inclusif, en secondes).
    sondes: dict[str, float] = defaultdict(float)
    sondes_cpu: dict[str, float] = defaultdict(float)

    def sonder(classe, nom: str, etiquette: str) -> None:
        original = getattr(classe, nom)

        def enveloppe(*a, **k):
            debut_sonde, debut_cpu = time.perf_counter(), time.process_time()
            try:
                return original(*a, **k)
            finally:
                sondes[etiquette] += time.perf_counter() - debut_sonde
                sondes_cpu[etiquette] += time.process_time() - debut_cpu

        setattr(classe, nom, enveloppe)

    try:  # déduplication de l'index de recherche par mkdocs-static-i18n (reconfigure_search: true)
        from mkdocs_static_i18n.reconfigure import ExtendedPlugin
        sonder(ExtendedPlugin, "reconfigure_search_duplicates", "i18n reconfigure_search_duplicates")
    except (ImportError, AttributeError):
        pass
    sonder(Page, "render", "Markdown -> HTML (Page.render)")
    sonder(module_build, "_build_page", "rendu des pages (_build_page, gabarits compris)")

    # Journal : avertissements et erreurs sur stderr, comme `mkdocs build`.
    gestionnaire = logging.StreamHandler(sys.stderr)
    gestionnaire.setLevel(logging.WARNING)
    gestionnaire.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(gestionnaire)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    t_import = time.perf_counter() - t_debut_import

    code = 0
    message = ""
    debut, debut_cpu = time.perf_counter(), time.process_time()
    try:
        config = load_config(config_file=args.config, strict=args.strict, site_dir=args.site_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            module_build.build(config, dirty=False)
        finally:
            config.plugins.on_shutdown()
    except exceptions.Abort as e:
        code, message = 1, str(e)
    except exceptions.ConfigurationError as e:
        code, message = 2, str(e)
    total = time.perf_counter() - debut
    total_cpu = time.process_time() - debut_cpu

    resultat = {
        "code": code,
        "message": message,
        "duree_build_s": total,
        "duree_build_cpu_s": total_cpu,
        "duree_imports_s": t_import,
        "pages_rendues": pages_rendues[0],
        "temps_propre_s": dict(temps_propre),
        "cpu_propre_s": dict(cpu_propre),
        "appels": dict(appels),
        "par_evenement_s": dict(sorted(par_evenement.items(), key=lambda kv: -kv[1])[:40]),
        "sondes_s": dict(sondes),
        "sondes_cpu_s": dict(sondes_cpu),
        "pid": os.getpid(),
    }
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(resultat, f, ensure_ascii=False, indent=1)
    return code


if __name__ == "__main__":
    sys.exit(main())
