"""`mkdocs build` : les autres langues construites dans un second processus, pendant le français.

Pourquoi : mkdocs-static-i18n construit les langues l'une après l'autre, et chaque page française
non traduite est rendue une seconde fois sous /en/ (avec son avis « non traduite »). Sur une
machine à deux cœurs, le build complet prend ainsi deux fois le temps d'une langue ; en parallèle,
à peine plus que celui d'une langue.

Comment, avec les seuls événements documentés de MkDocs :

- `on_startup` : seulement pour `mkdocs build`. `mkdocs serve` reconstruit dans un même processus
  à chaque modification : il garde le build séquentiel de mkdocs-static-i18n.
- `on_nav` du build français, après celui de mkdocs-static-i18n : les fichiers et les pages
  françaises existent (le sitemap de l'autre langue en a besoin). `os.fork()` : le processus enfant
  fait exactement ce que mkdocs-static-i18n fait après le français (un `build(config)` par autre
  langue, sans vider le dossier du site), renvoie au parent par un tube ce que ces builds laissent
  en mémoire (entrées de l'index de recherche, état partagé des hooks, sitemap), puis se termine.
- `on_post_build` du build français, avant celui de mkdocs-static-i18n : le parent attend
  l'enfant. Si l'enfant a échoué (avertissement en mode strict, erreur), le build échoue avec son
  message. Sinon, le temps de la boucle de mkdocs-static-i18n, sa fonction `build` est remplacée
  par la reprise des résultats de l'enfant : la suite (index de recherche fusionné, index par
  langue de hooks/recherche.py) se déroule comme dans le build séquentiel.
- `on_build_error` et `on_shutdown` : un enfant encore en vie est arrêté.

La sortie est identique à celle du build séquentiel (tests/build/test_langues_paralleles.py).
`KB_PARALLELE=0 mkdocs build` garde le build séquentiel.

Dépend de trois détails de mkdocs-static-i18n 1.3.1 (version figée ; les tests cassent si
cela change) : ses attributs `current_language`, `building` et `search_entries`, et le nom `build`
qu'appelle sa boucle.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.commands.build import build as build_mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from kb import partage
from kb.diagnostics import signales_ailleurs
from kb.projet import langues

log = logging.getLogger("mkdocs.hooks.langues_paralleles")

# Écrits par le build de chaque langue à la racine du site ; la version de la dernière langue
# (qui liste toutes les langues) est celle que le build séquentiel laisse.
FICHIERS_DU_DERNIER_BUILD = ("sitemap.xml", "sitemap.xml.gz")


@dataclass
class Enfant:
    pid: int
    lecture: int
    langues: list[str]
    reprises: set[str] = field(default_factory=set)


_etat: dict[str, Any] = {"commande": None, "enfant": None, "restaurer": None}


def parallele_demande() -> bool:
    """KB_PARALLELE=0 (ou « non », « false ») garde le build séquentiel."""
    return os.environ.get("KB_PARALLELE", "1").strip().lower() not in {"0", "non", "false", "no"}


def page_de_la_langue_par_defaut(fichier: str, autres: list[str]) -> bool:
    """« docs/cesa/remuneration.md » : oui ; « docs/index.en.md » (traduction) ou data/… : non."""
    return fichier.endswith(".md") and not any(fichier.endswith(f".{langue}.md") for langue in autres)


def on_startup(command: str, dirty: bool) -> None:
    _etat["commande"] = command


@event_priority(-1000)  # après mkdocs-static-i18n (-100) et les hooks qui complètent le menu
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
    i18n = config.plugins.get("i18n")
    if (_etat["commande"] != "build" or i18n is None or getattr(i18n, "building", False)
            or not parallele_demande() or not hasattr(os, "fork")):
        return None
    autres = langues(config)[1:]
    if not autres or i18n.current_language != langues(config)[0]:
        return None
    lecture, ecriture = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # enfant : ne revient jamais dans le build français
        os.close(lecture)
        _construire_dans_l_enfant(config, i18n, autres, ecriture)
    os.close(ecriture)
    _etat["enfant"] = Enfant(pid, lecture, autres)
    log.info(f"langues_paralleles: {', '.join(autres)} construit(es) en parallèle (processus {pid})")
    return None


def _construire_dans_l_enfant(config: MkDocsConfig, i18n: Any, autres: list[str], ecriture: int) -> None:
    """Ce que fait mkdocs-static-i18n après le build français, puis fin du processus."""
    code, resultat = 1, {}
    try:
        i18n.building = True  # ses builds imbriqués ne relancent pas la boucle des langues
        # Les pages françaises (servies ici en repli) sont lues aussi par le parent, qui signale
        # leurs problèmes : le contributeur ne lit chaque message qu'une fois, comme en séquentiel.
        signales_ailleurs(lambda fichier: page_de_la_langue_par_defaut(fichier, autres))
        utils.clean_directory = lambda dossier: dossier  # le parent écrit dans le même site
        dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv
        for langue in autres:
            i18n.current_language = langue
            build_mkdocs(config, dirty=dirty)
        site = Path(config.site_dir)
        resultat = {
            "entrees": list(i18n.search_entries),
            "etats": partage.exporter(),
            "fichiers": {nom: (site / nom).read_bytes() for nom in FICHIERS_DU_DERNIER_BUILD
                         if (site / nom).is_file()},
        }
        code = 0
    except BaseException as erreur:  # noqa: BLE001 — tout doit revenir au parent
        message = str(erreur) if isinstance(erreur, Abort) else traceback.format_exc()
        resultat = {"erreur": message.strip() or type(erreur).__name__}
    finally:
        try:
            with os.fdopen(ecriture, "wb") as tube:
                pickle.dump(resultat, tube, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            for flux in (sys.stdout, sys.stderr):
                flux.flush()
            os._exit(code)


def _attendre(enfant: Enfant) -> tuple[int, dict[str, Any]]:
    """(code de sortie, résultat) de l'enfant ; lit tout le tube avant d'attendre sa fin."""
    with os.fdopen(enfant.lecture, "rb") as tube:
        donnees = tube.read()
    _, statut = os.waitpid(enfant.pid, 0)
    code = os.waitstatus_to_exitcode(statut)
    try:
        resultat = pickle.loads(donnees) if donnees else {}
    except Exception:  # noqa: BLE001
        resultat = {}
    if code != 0 and "erreur" not in resultat:
        resultat["erreur"] = f"le processus s'est arrêté (code {code})"
    return code, resultat


@event_priority(-50)  # avant mkdocs-static-i18n (-100), qui construirait les autres langues
def on_post_build(config: MkDocsConfig) -> None:
    enfant: Enfant | None = _etat["enfant"]
    if enfant is None:
        return
    _etat["enfant"] = None
    log.info(f"langues_paralleles: {langues(config)[0]} construit ; attente de {', '.join(enfant.langues)}")
    code, resultat = _attendre(enfant)
    if code != 0:
        # Une ligne, qui finit comme le message de MkDocs (« … in strict mode! ») ; les
        # messages du build de cette langue sont plus haut dans le journal.
        raise Abort(f"langues_paralleles: le build « {', '.join(enfant.langues)} » a échoué (messages "
                    "plus haut ; KB_PARALLELE=0 construit les langues l'une après l'autre) : "
                    f"{resultat['erreur']}")
    i18n = config.plugins["i18n"]
    module_i18n = sys.modules[type(i18n).__module__]
    build_d_origine = module_i18n.build

    def reprendre_le_build_de_l_enfant(config: MkDocsConfig, dirty: bool = False) -> None:
        """Remplace, pour chaque langue déjà construite par l'enfant, le build de la boucle."""
        langue = i18n.current_language
        if langue not in enfant.langues or langue in enfant.reprises:
            return build_d_origine(config, dirty=dirty)
        if not enfant.reprises:
            i18n.search_entries.extend(resultat["entrees"])
            partage.reprendre(resultat["etats"])
            site = Path(config.site_dir)
            for nom, contenu in resultat["fichiers"].items():
                (site / nom).write_bytes(contenu)
        enfant.reprises.add(langue)
        if enfant.reprises == set(enfant.langues):
            _restaurer()
        return None

    def restaurer() -> None:
        module_i18n.build = build_d_origine

    module_i18n.build = reprendre_le_build_de_l_enfant
    _etat["restaurer"] = restaurer


def _restaurer() -> None:
    restaurer = _etat["restaurer"]
    _etat["restaurer"] = None
    if restaurer is not None:
        restaurer()


def _arreter_l_enfant() -> None:
    enfant: Enfant | None = _etat["enfant"]
    _etat["enfant"] = None
    if enfant is None:
        return
    try:
        os.kill(enfant.pid, signal.SIGTERM)
        os.waitpid(enfant.pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    os.close(enfant.lecture)


def on_build_error(error: Exception) -> None:
    _arreter_l_enfant()
    _restaurer()


def on_shutdown() -> None:
    _arreter_l_enfant()
    _restaurer()
