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
  en mémoire (entrées de l'index de recherche, état partagé des hooks, messages sur les pages
  françaises), puis se termine.
- `on_post_template` : le sitemap.xml du français (que le build séquentiel écrase ensuite par
  celui de la dernière langue, qui les liste toutes) n'est pas écrit ; seul l'enfant l'écrit.
- `on_post_build` du build français, avant celui de mkdocs-static-i18n : le parent attend
  l'enfant. Si l'enfant a échoué (avertissement en mode strict, erreur), le build échoue avec son
  message. Sinon, le temps de la boucle de mkdocs-static-i18n, sa fonction `build` est remplacée
  par la reprise des résultats de l'enfant : la suite (index de recherche fusionné, index par
  langue de hooks/recherche.py) se déroule comme dans le build séquentiel.
- `on_build_error` et `on_shutdown` : un enfant encore en vie est arrêté ; l'enfant s'arrête aussi
  de lui-même si le parent meurt (Linux).

Le site produit est celui du build séquentiel, fichier pour fichier (tests/build/test_build.py),
à un détail près : en séquentiel, le sélecteur de langue de la 404 anglaise garde l'adresse de la
dernière page française construite ; ici, il vise les deux accueils.
`KB_PARALLELE=0 mkdocs build` garde le build séquentiel.

Dépend de détails de mkdocs-static-i18n 1.3.1 (version figée ; les tests cassent si cela
change) : ses attributs `current_language`, `building` et `search_entries`, et le nom `build`
qu'appelle sa boucle.
"""

from __future__ import annotations

import ctypes
import logging
import os
import pickle
import signal
import sys
import traceback
from dataclasses import dataclass, field
from typing import Any

from mkdocs import utils
from mkdocs.commands.build import build as build_mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from kb import diagnostics, partage
from kb.projet import langues

log = logging.getLogger("mkdocs.hooks.langues_paralleles")

RESULTAT_ATTENDU = ("entrees", "etats", "messages")


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
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # enfant : ne revient jamais dans le build français
        os.close(lecture)
        _construire_dans_l_enfant(config, i18n, autres, ecriture, parent)
    os.close(ecriture)
    _etat["enfant"] = Enfant(pid, lecture, autres)
    log.info(f"langues_paralleles: {', '.join(autres)} construit(es) en parallèle (processus {pid})")
    return None


def _mourir_avec_le_parent(parent: int) -> None:
    """Linux : SIGTERM à l'enfant si le parent meurt (interrompu, tué par la CI)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # le parent est mort avant la ligne précédente
        os._exit(1)


class _SansFinDeBuild(logging.Filter):
    """Le « Documentation built in … » du build imbriqué (comme mkdocs-static-i18n le tait)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Documentation built in")


def _construire_dans_l_enfant(config: MkDocsConfig, i18n: Any, autres: list[str], ecriture: int,
                              parent: int) -> None:
    """Ce que fait mkdocs-static-i18n après le build français, puis fin du processus."""
    _mourir_avec_le_parent(parent)
    resultat: dict[str, Any]
    try:
        logging.getLogger("mkdocs.commands.build").addFilter(_SansFinDeBuild())
        i18n.building = True  # ses builds imbriqués ne relancent pas la boucle des langues
        # Les pages françaises (servies ici en repli) sont lues aussi par le parent, qui signale
        # leurs problèmes : les messages qui les concernent lui sont confiés.
        diagnostics.signales_ailleurs(lambda fichier: page_de_la_langue_par_defaut(fichier, autres))
        utils.clean_directory = lambda dossier: dossier  # le parent écrit dans le même site
        dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv
        for langue in autres:
            i18n.current_language = langue
            build_mkdocs(config, dirty=dirty)
        resultat = {"entrees": list(i18n.search_entries), "etats": partage.exporter(),
                    "messages": list(diagnostics.messages_mis_de_cote)}
    except BaseException as erreur:  # noqa: BLE001 — tout doit revenir au parent
        message = str(erreur) if isinstance(erreur, Abort) else traceback.format_exc()
        resultat = {"erreur": message.strip() or type(erreur).__name__,
                    "messages": list(diagnostics.messages_mis_de_cote)}
    code = 1
    try:
        with os.fdopen(ecriture, "wb") as tube:
            pickle.dump(resultat, tube, protocol=pickle.HIGHEST_PROTOCOL)
        code = 1 if "erreur" in resultat else 0
    except BaseException:  # noqa: BLE001 — un état qui ne passe pas par pickle, par exemple
        traceback.print_exc()
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
    if code == 0 and not all(cle in resultat for cle in RESULTAT_ATTENDU):
        code, resultat = 1, {"erreur": "son résultat est illisible (voir les messages plus haut)"}
    if code != 0 and "erreur" not in resultat:
        resultat["erreur"] = f"le processus s'est arrêté (code {code})"
    return code, resultat


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str | None:
    # Le sitemap du français seul : en séquentiel, celui de la dernière langue (qui liste toutes
    # les langues) le remplace. Ici, deux processus l'écriraient en même temps : seul l'enfant
    # l'écrit (MkDocs n'écrit pas un gabarit vide).
    if template_name == "sitemap.xml" and _etat["enfant"] is not None:
        return ""
    return None


@event_priority(-50)  # avant mkdocs-static-i18n (-100), qui construirait les autres langues
def on_post_build(config: MkDocsConfig) -> None:
    enfant: Enfant | None = _etat["enfant"]
    if enfant is None:
        return
    log.info(f"langues_paralleles: {langues(config)[0]} construit ; attente de {', '.join(enfant.langues)}")
    code, resultat = _attendre(enfant)
    _etat["enfant"] = None
    # Ce que l'enfant a trouvé sur des pages françaises et que le parent n'a pas vu (une ancre
    # absente de la seule traduction visée, par exemple) : affiché ici, compté en mode strict.
    diagnostics.reprendre_les_messages(resultat.get("messages", []))
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
    try:
        os.close(enfant.lecture)
    except OSError:
        pass  # déjà fermé par _attendre


def on_build_error(error: Exception) -> None:
    _arreter_l_enfant()
    _restaurer()


def on_shutdown() -> None:
    _arreter_l_enfant()
    _restaurer()
