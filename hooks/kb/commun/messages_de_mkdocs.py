"""Les messages de MkDocs sur les liens et le menu, réécrits aussi clairs que les nôtres.

MkDocs détecte lui-même les liens internes cassés, les ancres inexistantes et les pages
absentes du menu (bloc `validation:` de mkdocs.yml), mais ses messages, en anglais, ne
donnent ni la ligne ni la correction. Un filtre du journal de MkDocs réécrit ces messages
(KB600, KB601, KB602) sans en supprimer aucun : le build strict échoue toujours de la même
façon, avec un message qui dit où et quoi corriger.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.diagnostics import Probleme, chemin_lisible
from kb.commun.etat import etat_du_build
from kb.commun.projet import projet

_LIEN = re.compile(r"^Doc file '(?P<page>[^']+)' contains a link '(?P<lien>[^']+)', but (?P<quoi>.*?)\.(?: Did you mean '(?P<suggestion>[^']+)'\?)?$", re.DOTALL)
_ANCRE = re.compile(r"the doc '(?P<cible>[^']+)' does not contain an anchor '(?P<ancre>#[^']+)'")
_LIEN_LOCAL = re.compile(r"^Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<lien>[^']+)'")
_OMISES = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"


class FiltreDesMessages(logging.Filter):
    """Réécrit les avertissements de liens et de menu de MkDocs en messages KB6xx."""

    def __init__(self, docs: Path, racine: Path, config: MkDocsConfig) -> None:
        super().__init__("kb-liens")
        self.docs, self.racine, self.config = docs, racine, config

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        nouveau = self.reecrire(message)
        if nouveau == message:
            return True
        if not etat_du_build(self.config).premiere_fois(nouveau):
            return False  # même problème déjà affiché pendant le build d'une autre langue
        record.msg, record.args = nouveau, ()
        return True

    def reecrire(self, message: str) -> str:
        if message.startswith(_OMISES):
            pages = [ligne.strip()[2:] for ligne in message.splitlines()[1:] if ligne.strip().startswith("- ")]
            return "\n".join(str(Probleme(
                "KB600", f"docs/{page}", "cette page n'apparaît pas dans le menu du site.",
                "ajoutez-la au bloc « nav » de mkdocs.yml, à sa place dans la section qui convient "
                "(ou supprimez-la si elle n'a plus lieu d'être).")) for page in pages) or message
        if lien := _LIEN_LOCAL.match(message):
            fichier, ligne = self._lieu(lien.group("page"), lien.group("lien"))
            return str(Probleme("KB601", fichier, f"le lien « {lien.group('lien')} » ne vise pas un fichier .md.",
                                "visez le fichier Markdown lui-même, par exemple « ../cesa/contrat.md ».", ligne))
        lien = _LIEN.match(message)
        if not lien:
            return message
        fichier, ligne = self._lieu(lien.group("page"), lien.group("lien"))
        suggestion = f" Lien probable : « {lien.group('suggestion')} »." if lien.group("suggestion") else ""
        if lien.group("quoi").startswith("there is no such anchor on this page"):
            return str(Probleme(
                "KB602", fichier,
                f"le lien « {lien.group('lien')} » vise une ancre qui n'existe pas sur cette même page.",
                "reprenez l'ancre du titre visé (lien « ¶ » à côté du titre) ou donnez au titre un "
                "identifiant stable « {#mon-ancre} ».", ligne))
        if ancre := _ANCRE.search(lien.group("quoi")):
            return str(Probleme(
                "KB602", fichier,
                f"le lien « {lien.group('lien')} » vise l'ancre « {ancre.group('ancre')} », qui n'existe pas dans "
                f"docs/{ancre.group('cible')}.",
                "reprenez l'ancre du titre visé (survolez le titre sur le site et copiez le lien « ¶ ») ou donnez "
                "au titre un identifiant stable « {#mon-ancre} »." + suggestion, ligne))
        return str(Probleme(
            "KB601", fichier, f"le lien « {lien.group('lien')} » vise une page qui n'existe pas.",
            "corrigez le chemin (relatif à la page, vers un fichier .md de docs/)." + suggestion, ligne))

    def _lieu(self, page: str, lien: str) -> tuple[str, int | None]:
        """Chemin lisible de la page et ligne où le lien apparaît dans son fichier source."""
        chemin = self.docs / page
        ligne = None
        if chemin.exists():
            lignes = chemin.read_text(encoding="utf-8-sig").splitlines()
            # Le lien complet d'abord, puis sa seule partie chemin.
            for cible in (lien, lien.split("#")[0] or lien):
                ligne = next((n for n, texte in enumerate(lignes, start=1) if cible in texte), None)
                if ligne:
                    break
        return chemin_lisible(chemin, self.racine), ligne


def filtrer_les_messages(config: MkDocsConfig) -> None:
    """Pose le filtre sur les journaux de MkDocs (un seul : celui d'un build précédent est retiré).
    Le filtre garde la configuration du build : ses messages passent par l'état de ce build (kb.commun.etat)."""
    filtre = FiltreDesMessages(Path(config.docs_dir), projet(config).racine, config)
    for nom in ("mkdocs.structure.pages", "mkdocs.structure.nav"):
        journal = logging.getLogger(nom)
        for ancien in [f for f in journal.filters if isinstance(f, logging.Filter) and f.name == "kb-liens"]:
            journal.removeFilter(ancien)
        journal.addFilter(filtre)
