"""Hook : les nouveautés de la base, écrites une fois dans data/nouveautes.yml.

- la page « Quoi de neuf ? » : `<!-- nouveautes -->` devient les entrées, évolutions juridiques
  puis mises à jour éditoriales, de la plus récente à la plus ancienne ;
- l'accueil : `<!-- derniere-nouveaute -->` devient la date et le titre du dernier changement,
  avec un lien vers son entrée et vers « Quoi de neuf ? » ;
- chaque page listée sous `pages:` d'une entrée (son contenu juridique a changé) affiche sous son
  titre « Mis à jour le … : … » (variable `kb_mise_a_jour`, partials/kb-mise-a-jour.html) ;
- le flux Atom (RFC 4287) `nouveautes.xml` de chaque langue (`en/nouveautes.xml`…), annoncé dans
  l'en-tête de chaque page (overrides/main.html), catégorie « juridique » ou « editorial ».
Erreurs KB700 : YAML illisible, entrée hors schéma (data/schemas/nouveautes.schema.json), date de
publication dans le futur, modification antérieure à la publication, page inconnue, doublon.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.commun.dates import date_longue
from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.entete import EnteteIllisible, lire_yaml
from kb.commun.etat import etat_du_build
from kb.commun.normalisation import slugify_des_titres
from kb.commun.projet import langue_par_defaut, projet, textes_de_l_interface
from kb.commun.schema import erreurs, nom_du_champ

MARQUE_PAGE = "<!-- nouveautes -->"
MARQUE_ACCUEIL = "<!-- derniere-nouveaute -->"
PAGE = "a-propos/quoi-de-neuf.md"
FLUX = "nouveautes.xml"
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


# ---------------------------------------------------------------- Chargement


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


# ---------------------------------------------------------------- Rendu


def titre_de_l_entree(n: Nouveaute, langue: str = "fr") -> str:
    separateur = " : " if langue.startswith("fr") else ": "
    return f"{n.date_affichee(langue)}{separateur}{n.titre_en(langue)}"


def rendre_page(nouveautes: list[Nouveaute], ancres: dict[Nouveaute, str], textes: dict[str, str]) -> str:
    """Markdown des entrées de « Quoi de neuf ? », une section par catégorie."""
    lignes: list[str] = []
    for categorie in CATEGORIES:
        entrees = [n for n in classees(nouveautes) if n.categorie == categorie]
        if not entrees:
            continue
        lignes += [f"## {textes['nouveautes_' + categorie]}", ""]
        for n in entrees:
            lignes += [f"### {titre_de_l_entree(n)} {{ #{ancres[n]} }}", "", n.texte.rstrip(), ""]
    return "\n".join(lignes)


def ancres_des_entrees(nouveautes: list[Nouveaute], slugify: Any) -> dict[Nouveaute, str]:
    """L'ancre de chaque entrée : celle que MkDocs donnerait à son titre (liens déjà publiés)."""
    return {n: slugify(titre_de_l_entree(n), "-") for n in nouveautes}


def flux_atom(nouveautes: list[Nouveaute], ancres: dict[Nouveaute, str], *, langue: str, site_url: str,
              prefixe: str, titre: str, sous_titre: str, auteur: str, droits: str,
              etiquettes: dict[str, str]) -> str:
    """Le flux Atom (RFC 4287) : identifiants permanents (URI tag), dates, catégories, liens."""
    page = f"{site_url}{prefixe}a-propos/quoi-de-neuf/"
    hote = urlsplit(site_url).hostname or "localhost"
    entrees = classees(nouveautes)
    plus_recente = max(n.mise_a_jour for n in nouveautes)

    def instant(jour: str) -> str:
        return f"{jour}T00:00:00Z"

    lignes = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{langue}">',
        f"  <id>tag:{hote},2026-11-26:{prefixe}nouveautes</id>",
        f"  <title>{escape(titre)}</title>",
        f"  <subtitle>{escape(sous_titre)}</subtitle>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(site_url + prefixe + FLUX)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(page)}/>',
        f"  <updated>{instant(plus_recente)}</updated>",
        f"  <author><name>{escape(auteur)}</name></author>",
        f"  <rights>{escape(droits)}</rights>",
    ]
    for n in entrees:
        lignes += [
            "  <entry>",
            # Permanent : ne dépend ni du titre ni de l'adresse de la page (RFC 4287, 4.2.6).
            f"    <id>tag:{hote},{n.publie_le}:nouveautes/{n.categorie}/{n.date}/{ancres[n]}</id>",
            f"    <title>{escape(_majuscule(titre_de_l_entree(n, langue)))}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(page + "#" + ancres[n])}/>',
            f"    <published>{instant(n.publie_le)}</published>",
            f"    <updated>{instant(n.mise_a_jour)}</updated>",
            f'    <category term="{n.categorie}" label={quoteattr(etiquettes[n.categorie])}/>',
            f"    <summary>{escape(n.resume_en(langue))}</summary>",
            "  </entry>",
        ]
    lignes.append("</feed>")
    return "\n".join(lignes) + "\n"


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


# ---------------------------------------------------------------- Hooks

@dataclass
class EtatDesNouveautes:
    """Partie de l'état du build (kb.commun.etat) : data/nouveautes.yml lu une fois par build complet ;
    les entrées publiées de la langue en cours (à chaque on_files) et ses fichiers (à chaque
    on_nav, voir kb.commun.etat)."""

    charge: tuple[list[Nouveaute], list[Probleme]] | None = None
    nouveautes: list[Nouveaute] = field(default_factory=list)
    fichiers: Files | None = None


def _etat(config: MkDocsConfig) -> EtatDesNouveautes:
    return etat_du_build(config).partie(EtatDesNouveautes)


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    p = projet(config)
    etat = _etat(config)
    # Un site sans la page « Quoi de neuf ? » (petit site de test) ne publie ni flux ni mises à jour.
    publie = files.get_file_from_path(PAGE) is not None
    if etat.charge is None:
        etat.charge = charger(p.donnees / "nouveautes.yml", p.racine, Path(config.docs_dir) if publie else None,
                              p.schema("nouveautes"), dt.date.today())
    nouveautes, problemes = etat.charge
    for probleme in problemes:
        signaler(config, probleme)
    etat.nouveautes = nouveautes if publie else []
    return None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
    _etat(config).fichiers = files  # la collection que verront les pages (kb.commun.etat)
    return None


def _ancres(config: MkDocsConfig) -> dict[Nouveaute, str]:
    return ancres_des_entrees(_etat(config).nouveautes, slugify_des_titres(config))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    nouveautes = _etat(config).nouveautes
    if not nouveautes or (MARQUE_PAGE not in markdown and MARQUE_ACCUEIL not in markdown):
        return None
    langue = getattr(page.file, "locale", None) or config.theme["language"]
    textes = textes_de_l_interface(config, langue)
    ancres = _ancres(config)
    if MARQUE_PAGE in markdown:
        markdown = markdown.replace(MARQUE_PAGE, rendre_page(nouveautes, ancres, textes))
    if MARQUE_ACCUEIL in markdown:
        derniere = max(nouveautes, key=lambda n: (n.publie_le, n.tri))
        vers = _relatif(page.file.src_uri, PAGE)
        markdown = markdown.replace(MARQUE_ACCUEIL, (
            f"**{textes['derniere_nouveaute'].replace('{date}', date_longue(derniere.publie_le, langue))}** "
            f"[{derniere.titre_en(langue)}]({vers}#{ancres[derniere]}). "
            f"{textes['toutes_les_nouveautes']} [{textes['quoi_de_neuf']}]({vers})"))
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["kb_apres_titre"] = apres_titre
    return env


def apres_titre(html: str, insertion: str) -> Markup:
    """Insère `insertion` juste après le premier titre <h1> du contenu (ou au début)."""
    position = html.find("</h1>")
    if position < 0 or not insertion:
        return Markup(insertion + html)
    position += len("</h1>")
    return Markup(html[:position] + insertion + html[position:])


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """« Mis à jour le … : … » sur une page dont le contenu juridique a changé (dernière entrée)."""
    etat = _etat(config)
    context["kb_flux"] = bool(etat.nouveautes)
    source = page.file.src_uri
    concernees = [(n, note) for n in etat.nouveautes for chemin, note in n.pages if chemin == source]
    if not concernees:
        context["kb_mise_a_jour"] = None
        return context
    n, note = max(concernees, key=lambda c: (c[0].publie_le, c[0].tri))
    langue = context.get("i18n_page_locale") or config.theme["language"]
    fichier = etat.fichiers.get_file_from_path(PAGE) if etat.fichiers is not None else None
    lien = get_relative_url(fichier.url, page.url) + "#" + _ancres(config)[n] if fichier is not None else None
    context["kb_mise_a_jour"] = {"date": date_longue(n.publie_le, langue), "date_iso": n.publie_le,
                                 "note": note, "lien": lien}
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Écrit le flux de la langue construite : nouveautes.xml (français), en/nouveautes.xml…"""
    nouveautes = _etat(config).nouveautes
    if not nouveautes:
        return
    langue = config.theme["language"]
    prefixe = "" if langue == langue_par_defaut(config) else f"{langue}/"
    textes = textes_de_l_interface(config, langue)
    sortie = Path(config.site_dir) / prefixe / FLUX
    sortie.parent.mkdir(parents=True, exist_ok=True)
    sortie.write_text(flux_atom(
        nouveautes, _ancres(config), langue=langue, site_url=config.site_url or "", prefixe=prefixe,
        titre=textes["flux_titre"].replace("{site}", config.site_name),
        sous_titre=textes["flux_sous_titre"], auteur=config.site_name, droits=config.copyright or "",
        etiquettes={c: textes["nouveautes_" + c] for c in CATEGORIES}), encoding="utf-8")


def _relatif(depuis: str, vers: str) -> str:
    dossier = PurePosixPath(depuis).parent
    return PurePosixPath(*([".."] * len(dossier.parts)), vers).as_posix()
