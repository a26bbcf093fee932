"""Le menu des textes : les pages d'articles rangées, texte par texte, sous la section de
textes/index.md, et l'index des textes écrit à la place de `<!-- index-des-textes -->`."""

from __future__ import annotations


from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from kb.commun.normalisation import majuscule
from kb.commun.projet import chemin_relatif, elements_du_menu, registre
from kb.references.pages_d_articles import DOSSIER, articles_du_texte, chemin_attendu, page_article
from kb.references.registre import Registre

MARQUE_INDEX = "<!-- index-des-textes -->"


def ranger_les_articles(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
    """Ajoute les pages d'articles sous la section qui contient textes/index.md."""
    reg = registre(config)
    section = _section_des_textes(nav)
    if section is None:
        return None
    for texte in reg.textes.values():
        pages = [p for a in articles_du_texte(reg, texte) if (p := page_article(files, a)) is not None]
        if not pages:
            continue
        sous_section = Section(title=majuscule(texte.titre_court), children=list(pages))
        sous_section.parent = section
        for p in pages:
            p.parent = sous_section
        section.children.append(sous_section)
    _relier_pages(nav)
    return nav


def inserer_l_index(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Remplace la marque `<!-- index-des-textes -->` de la page par l'index des textes."""
    if MARQUE_INDEX in markdown:
        markdown = markdown.replace(MARQUE_INDEX, index_des_textes(registre(config), files, page))
    return markdown


def index_des_textes(reg: Registre, files: Files, page: Page) -> str:
    """Markdown de l'index : chaque texte, ses identifiants, ses articles (page ou lien officiel)."""
    lignes: list[str] = []
    for texte in reg.textes.values():
        titre = f"[{texte.titre}]({texte.url})" if texte.url else f"{texte.titre} (adresse officielle non identifiée)"
        lignes += [f"### {majuscule(texte.titre_court)}", "", titre, ""]
        ids = [f"{nom.upper()} {valeur}" for nom, valeur in texte.identifiants.items() if valeur and nom != "eli"]
        if ids:
            lignes += ["Identifiants : " + ", ".join(f"`{i}`" for i in ids) + ".", ""]
        articles = articles_du_texte(reg, texte)
        if articles:
            lignes += ["| Article | Objet |", "|---|---|"]
            for a in articles:
                cible = files.get_file_from_path(chemin_attendu(a))
                if cible is not None:
                    lien = f"[{a.numero_affiche}]({chemin_relatif(page.file.src_uri, cible.src_uri)})"
                elif a.url:
                    lien = f"[{a.numero_affiche}]({a.url})"
                else:
                    lien = a.numero_affiche
                lignes.append(f"| {lien} | {a.intitule} |")
            lignes.append("")
    return "\n".join(lignes)


def _section_des_textes(nav: Navigation) -> Section | None:
    for page in nav.pages:
        if page.file.src_uri == f"{DOSSIER}/index.md":
            return page.parent if isinstance(page.parent, Section) else None
    return None


def _relier_pages(nav: Navigation) -> None:
    """Recalcule l'ordre des pages (liens précédent / suivant) après l'ajout au menu."""
    pages = [element for element in elements_du_menu(nav.items) if isinstance(element, Page)]
    for i, p in enumerate(pages):
        p.previous_page = pages[i - 1] if i > 0 else None
        p.next_page = pages[i + 1] if i + 1 < len(pages) else None
    nav.pages = pages
