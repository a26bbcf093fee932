"""Les entrées de data/nouveautes.yml : lues et contrôlées (KB700 : YAML illisible, entrée hors
schéma, date de publication dans le futur, modification antérieure à la publication, page inconnue,
doublon), rangées, titrées et ancrées ; partie EtatDesNouveautes de l'état du build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from kb.commun.dates import date_longue
from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.entete import EnteteIllisible, lire_yaml
from kb.commun.etat import etat_du_build
from kb.commun.normalisation import slugify_des_titres
from kb.commun.projet import projet
from kb.commun.schema import erreurs, nom_du_champ

PAGE = "a-propos/quoi-de-neuf.md"
CATEGORIES = ("juridique", "editorial")


@dataclass(frozen=True, eq=False)
class Nouveaute:
    date: str  # « 2014-08-02 » ou « 2016 » (année seule)
    publie_le: str
    categorie: str
    titre: str
    resume: str
    texte: str
    modifie_le: str | None = None
    traductions: dict[str, dict[str, str]] = field(default_factory=dict)
    pages: tuple[tuple[str, str], ...] = ()
    ligne: int | None = None

    @property
    def mise_a_jour(self) -> str:
        return self.modifie_le or self.publie_le

    def titre_en(self, langue: str) -> str:
        return (self.traductions.get(langue) or {}).get("titre") or self.titre

    def resume_en(self, langue: str) -> str:
        return (self.traductions.get(langue) or {}).get("resume") or self.resume

    def date_affichee(self, langue: str) -> str:
        return self.date if len(self.date) == 4 else date_longue(self.date, langue)

    @property
    def tri(self) -> str:
        """Une année seule se range à la fin de son année (« 2016 » après « 2016-01-01 »)."""
        return self.date + "-12-31" if len(self.date) == 4 else self.date


def charger(chemin: Path, racine: Path, docs: Path | None, schema: str,
            aujourdhui: dt.date) -> tuple[list[Nouveaute], list[Probleme]]:
    """Lit data/nouveautes.yml ; renvoie les entrées et les problèmes (KB700, avec la ligne).

    `docs` : dossier des pages, pour vérifier les chemins de `pages:` (None : pas vérifiés, le site
    ne publie pas « Quoi de neuf ? »)."""
    fichier = chemin_lisible(chemin, racine)
    problemes: list[Probleme] = []

    def probleme(message: str, correction: str, ligne: int | None) -> None:
        problemes.append(Probleme("KB700", fichier, message, correction, ligne))

    try:
        doc = lire_yaml(chemin.read_text(encoding="utf-8"), objet="data/nouveautes.yml", racine=list)
    except EnteteIllisible as e:
        probleme(str(e) + ".", e.correction or "corrigez la syntaxe YAML (retraits, guillemets, « texte: | »).", e.ligne)
        return [], problemes
    fautes = list(erreurs(doc.donnees, schema))
    for chemin_cle, message in fautes:
        probleme(message.replace("l'en-tête", "le fichier"),
                 "comparez avec une entrée existante et avec data/schemas/nouveautes.schema.json "
                 "(CONTRIBUTING.md, « Noter un changement »).", doc.ligne(chemin_cle))
    if fautes:
        return [], problemes
    nouveautes: list[Nouveaute] = []
    vues: dict[tuple[str, str], int | None] = {}
    for i, e in enumerate(doc.donnees):
        ligne = doc.ligne((i,))
        n = Nouveaute(date=str(e["date"]), publie_le=e["publie_le"], categorie=e["categorie"], titre=e["titre"],
                      resume=" ".join(e["resume"].split()), texte=e["texte"], modifie_le=e.get("modifie_le"),
                      traductions={"en": e["en"]} if e.get("en") else {},
                      pages=tuple((p["page"], " ".join(p["note"].split())) for p in e.get("pages") or ()),
                      ligne=ligne)
        if dt.date.fromisoformat(n.publie_le) > aujourdhui:
            probleme(f"publie_le ({n.publie_le}) est dans le futur.",
                     "mettez la date où l'entrée est publiée sur le site (aujourd'hui, au plus tard).",
                     doc.ligne((i, "publie_le")))
        if n.modifie_le and not n.publie_le <= n.modifie_le <= aujourdhui.isoformat():
            probleme(f"modifie_le ({n.modifie_le}) doit être entre publie_le ({n.publie_le}) et aujourd'hui.",
                     "mettez la date réelle de la dernière modification de l'entrée, ou supprimez modifie_le.",
                     doc.ligne((i, "modifie_le")))
        if len(n.date) == 10 and n.date > aujourdhui.isoformat():
            probleme(f"la date du changement ({n.date}) est dans le futur.",
                     "une entrée dit ce qui a changé : attendez que le texte s'applique, ou corrigez la date.",
                     doc.ligne((i, "date")))
        for j, (page, _note) in enumerate(n.pages):
            if docs is not None and not (docs / page).is_file():
                probleme(f"{nom_du_champ(('pages', j, 'page'))} de l'entrée « {n.titre} » vise docs/{page}, "
                         "qui n'existe pas.",
                         "écrivez le chemin du fichier depuis docs/, par exemple rejoindre/cape.md.",
                         doc.ligne((i, "pages", j, "page")))
        cle = (n.date, n.titre)
        if cle in vues:
            probleme(f"l'entrée « {n.date} : {n.titre} » figure deux fois (la première ligne {vues[cle]}).",
                     "fusionnez les deux entrées.", ligne)
        vues[cle] = ligne
        nouveautes.append(n)
    return nouveautes, problemes


def classees(nouveautes: list[Nouveaute]) -> list[Nouveaute]:
    """De la plus récente à la plus ancienne (date du changement)."""
    return sorted(nouveautes, key=lambda n: (n.tri, n.publie_le), reverse=True)


def titre_de_l_entree(n: Nouveaute, langue: str = "fr") -> str:
    """« 2 août 2014 : titre de l'entrée » (le titre de sa section dans « Quoi de neuf ? »)."""
    separateur = " : " if langue.startswith("fr") else ": "
    return f"{n.date_affichee(langue)}{separateur}{n.titre_en(langue)}"


def ancres_des_entrees(nouveautes: list[Nouveaute], slugify: Any) -> dict[Nouveaute, str]:
    """L'ancre de chaque entrée : celle que MkDocs donnerait à son titre (liens déjà publiés)."""
    return {n: slugify(titre_de_l_entree(n), "-") for n in nouveautes}


@dataclass
class EtatDesNouveautes:
    """Partie de l'état du build (kb.commun.etat) : data/nouveautes.yml lu une fois par build complet ;
    les entrées publiées de la langue en cours (à chaque on_files) et ses fichiers (à chaque
    on_nav, voir kb.commun.etat)."""

    charge: tuple[list[Nouveaute], list[Probleme]] | None = None
    nouveautes: list[Nouveaute] = field(default_factory=list)
    fichiers: Files | None = None


def etat_des_nouveautes(config: MkDocsConfig) -> EtatDesNouveautes:
    """La partie des nouveautés dans l'état du build en cours."""
    return etat_du_build(config).partie(EtatDesNouveautes)


def charger_pour_la_langue(files: Files, config: MkDocsConfig) -> None:
    """À chaque on_files : data/nouveautes.yml lu une fois par build complet (KB700), et les entrées
    publiées par la langue en cours (aucune si le site n'a pas la page « Quoi de neuf ? »)."""
    p = projet(config)
    etat = etat_des_nouveautes(config)
    # Un site sans la page « Quoi de neuf ? » (petit site de test) ne publie ni flux ni mises à jour.
    publie = files.get_file_from_path(PAGE) is not None
    if etat.charge is None:
        etat.charge = charger(p.donnees / "nouveautes.yml", p.racine, Path(config.docs_dir) if publie else None,
                              p.schema("nouveautes"), dt.date.today())
    nouveautes, problemes = etat.charge
    for probleme in problemes:
        signaler(config, probleme)
    etat.nouveautes = nouveautes if publie else []


def retenir_les_fichiers(config: MkDocsConfig, files: Files) -> None:
    """À chaque on_nav : la collection de fichiers que verront les pages (kb.commun.etat)."""
    etat_des_nouveautes(config).fichiers = files


def ancres_de_la_langue(config: MkDocsConfig) -> dict[Nouveaute, str]:
    """L'ancre de chaque entrée publiée de la langue en cours."""
    return ancres_des_entrees(etat_des_nouveautes(config).nouveautes, slugify_des_titres(config))
