"""L'index Pagefind du site construit, un par langue (pris de <html lang>), par la commande de
Pagefind ; et sa taille par langue pour make bench.

Pagefind ne lit d'une page que son en-tête (<html lang>, métadonnées `data-pagefind-meta`) et
l'élément marqué `data-pagefind-body` (le contenu, overrides/partials/content.html) ; le reste
(menu, pied de page, scripts : plus de la moitié du HTML), il le parcourt pour l'ignorer. Chaque
page rendue laisse donc, dans un dossier temporaire qui reproduit le site, la seule partie que
Pagefind lit (`retenir_la_page`), et c'est ce dossier qu'il indexe : le même index, pour trois fois
moins de HTML à lire. Pagefind mesuré seul : 12,6 s de CPU au lieu de 22,4 s sur 2 000 pages
synthétiques (4 400 pages rendues), 1,6 s au lieu de 2,1 s sur le site réel ; dans le build complet,
le gain mesuré est plus petit (README, « Performance »). Écrire les extraits coûte, dans le
build, 0,17 s sur le site réel quand ils vont en mémoire (/dev/shm, `dossier_temporaire`), 0,53 s
sur le disque de cette machine.
Un build partiel (`mkdocs build --dirty`, qui ne rend que les pages modifiées) indexe le site
construit en entier, comme avant.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kb.commun.etat import etat_du_build
from kb.commun.html import element_portant

log = logging.getLogger("mkdocs.hooks.recherche")

#: Dossier de l'index Pagefind dans le site construit.
DOSSIER_INDEX = "pagefind"

#: Ce que Pagefind lit dans une page : le contenu (.kb-contenu, marqué data-pagefind-body dans
#: overrides/partials/content.html), sans les symboles de lien des titres.
EXCLUS = (".headerlink", ".kb-pas-dans-la-recherche")

#: L'attribut qui marque le contenu indexé (overrides/partials/content.html).
CORPS = "data-pagefind-body"


def ce_que_lit_pagefind(html: str) -> str | None:
    """L'en-tête de la page et son élément `data-pagefind-body`, seuls lus par Pagefind ; None pour
    une page sans contenu indexé (Pagefind l'ignore)."""
    corps = element_portant(html, CORPS)
    fin_de_l_entete = html.find("</head>")
    if corps is None or fin_de_l_entete < 0:
        return None
    debut, fin = corps
    return f"{html[:fin_de_l_entete]}</head><body>{html[debut:fin]}</body></html>"


class PagesPourPagefind:
    """Partie de l'état du build (kb.commun.etat) : le dossier temporaire de ce que Pagefind lira,
    le nombre de pages que MkDocs doit rendre (toutes langues) et le nombre de pages rendues.

    Le dossier est un `tempfile.TemporaryDirectory` : effacé après l'indexation, et sinon (build
    interrompu par une erreur) quand l'état du build disparaît ou à la fin du processus."""

    def __init__(self) -> None:
        self._temporaire: tempfile.TemporaryDirectory[str] | None = None
        self.attendues = 0
        self.rendues = 0

    @property
    def dossier(self) -> Path | None:
        return Path(self._temporaire.name) if self._temporaire is not None else None

    def ecrire(self, chemin_dans_le_site: str, texte: str) -> None:
        if self._temporaire is None:
            self._temporaire = tempfile.TemporaryDirectory(prefix="kb-pagefind-", dir=dossier_temporaire())
        cible = os.path.join(self._temporaire.name, chemin_dans_le_site)
        os.makedirs(os.path.dirname(cible), exist_ok=True)
        with open(cible, "w", encoding="utf-8") as fichier:
            fichier.write(texte)

    def effacer(self) -> None:
        if self._temporaire is not None:
            self._temporaire.cleanup()
            self._temporaire = None

    def complet(self) -> bool:
        """Vrai si chaque page à rendre l'a été (faux pour `mkdocs build --dirty`)."""
        return self._temporaire is not None and self.rendues >= self.attendues


#: Place libre demandée à /dev/shm avant d'y écrire les extraits (ceux de 4 400 pages : 90 Mo).
PLACE_EN_MEMOIRE = 1 << 30


def dossier_temporaire() -> str | None:
    """Où écrire les extraits : le dossier temporaire choisi par TMPDIR s'il est donné ; sinon
    /dev/shm, le système de fichiers en mémoire de Linux, s'il a de la place ; sinon celui de Python.

    Sur un disque de machine virtuelle, créer un fichier par page coûte plus de temps système que
    Pagefind n'en gagne à lire moins de HTML (site réel : 0,53 s dans le hook au lieu de 0,17 s)."""
    if os.environ.get("TMPDIR"):
        return None
    try:
        if os.access("/dev/shm", os.W_OK) and shutil.disk_usage("/dev/shm").free > PLACE_EN_MEMOIRE:
            return "/dev/shm"
    except OSError:
        pass
    return None


def compter_les_pages_a_rendre(files: Any, config: MkDocsConfig) -> None:
    """Les pages que MkDocs va rendre dans la langue en cours (à `on_env`, une fois par langue)."""
    etat_du_build(config).partie(PagesPourPagefind).attendues += len(files.documentation_pages())


def retenir_la_page(output: str, page: Any, config: MkDocsConfig) -> None:
    """Range la partie de la page rendue que Pagefind lira (à `on_post_page`, HTML final)."""
    pages = etat_du_build(config).partie(PagesPourPagefind)
    pages.rendues += 1
    extrait = ce_que_lit_pagefind(output)
    if extrait is not None:
        pages.ecrire(page.file.dest_path, extrait)


def abandonner(config: MkDocsConfig) -> None:
    """Efface le dossier temporaire quand l'index n'est pas construit (règles en erreur, KB800)."""
    etat_du_build(config).partie(PagesPourPagefind).effacer()


class EchecDePagefind(Exception):
    """Pagefind s'est arrêté sur une erreur, ou son index écrit est illisible."""


def indexer(site: Path, pages: Path | None = None) -> int:
    """Indexe les pages du site (par défaut, le site construit lui-même ; sinon le dossier `pages`,
    de même arborescence) dans site/pagefind ; renvoie le nombre de pages indexées.

    Par la commande de Pagefind (`python -m pagefind`, fournie par le paquet Python), qui écrit
    l'index puis s'arrête d'elle-même. Son API Python, elle, arrête le service (SIGTERM) dès qu'il
    a répondu à la demande d'écriture : sous charge, des fichiers restaient tronqués (vu en CI le
    7 décembre 2026 : pagefind-entry.json vide, et la recherche ne trouvait plus rien)."""
    commande = [sys.executable, "-m", "pagefind", "--site", str(pages or site),
                "--output-path", str(site / DOSSIER_INDEX), "--quiet"]
    for selecteur in EXCLUS:
        commande += ["--exclude-selectors", selecteur]
    fini = subprocess.run(commande, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    if fini.returncode != 0:
        raise EchecDePagefind(f"code {fini.returncode} : {fini.stdout.strip()[-500:]}")
    try:
        entree = json.loads((site / DOSSIER_INDEX / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(int(langue["page_count"]) for langue in entree["languages"].values())
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise EchecDePagefind(f"pagefind-entry.json illisible ({e})") from e


def indexer_le_site(config: MkDocsConfig) -> None:
    """Indexe le site du build ; un échec de Pagefind arrête le build par un message, sans trace Python."""
    site = Path(config.site_dir)
    retenues = etat_du_build(config).partie(PagesPourPagefind)
    try:
        if retenues.complet():
            pages = indexer(site, retenues.dossier)
        else:
            log.info("recherche : build partiel, le site construit est indexé en entier")
            pages = indexer(site)
    except Exception as e:  # binaire absent ou en échec : le build le dit, sans trace Python
        raise PluginError(f"recherche : l'indexation par Pagefind a échoué ({e}). Correction : "
                          "réinstallez les dépendances (make installer), puis relancez le build.") from e
    finally:
        retenues.effacer()
    log.info(f"recherche : {pages} pages indexées par Pagefind dans {DOSSIER_INDEX}/")


def taille_de_l_index(site: Path) -> Mapping[str, int]:
    """Octets de l'index par langue (pour make bench) : fichiers pf_meta, index et fragments."""
    dossier = site / DOSSIER_INDEX
    tailles: dict[str, int] = {}
    for f in dossier.rglob("*"):
        if f.is_file():
            m = re.match(r"(?:pagefind\.|wasm\.)?([a-z]{2})[._]", f.name)
            if m:
                tailles[m.group(1)] = tailles.get(m.group(1), 0) + f.stat().st_size
    return tailles
