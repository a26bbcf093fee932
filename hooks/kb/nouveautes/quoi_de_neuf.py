"""La page « Quoi de neuf ? » et l'accueil : les marques `<!-- nouveautes -->` et
`<!-- derniere-nouveaute -->` remplacées par les entrées et par le dernier changement."""

from __future__ import annotations


from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.dates import date_longue
from kb.commun.projet import chemin_relatif, langue_du_contenu, textes_de_l_interface
from kb.nouveautes.entrees import CATEGORIES, PAGE, Nouveaute, ancres_de_la_langue, classees, etat_des_nouveautes, titre_de_l_entree

MARQUE_PAGE = "<!-- nouveautes -->"
MARQUE_ACCUEIL = "<!-- derniere-nouveaute -->"


def inserer_les_nouveautes(markdown: str, page: Page, config: MkDocsConfig) -> str | None:
    """`<!-- nouveautes -->` devient les entrées de « Quoi de neuf ? » ; `<!-- derniere-nouveaute -->`,
    la date et le titre du dernier changement, avec un lien vers son entrée et vers la page."""
    nouveautes = etat_des_nouveautes(config).nouveautes
    if not nouveautes or (MARQUE_PAGE not in markdown and MARQUE_ACCUEIL not in markdown):
        return None
    langue = langue_du_contenu(page, config)
    textes = textes_de_l_interface(config, langue)
    ancres = ancres_de_la_langue(config)
    if MARQUE_PAGE in markdown:
        markdown = markdown.replace(MARQUE_PAGE, rendre_page(nouveautes, ancres, textes))
    if MARQUE_ACCUEIL in markdown:
        derniere = max(nouveautes, key=lambda n: (n.publie_le, n.tri))
        vers = chemin_relatif(page.file.src_uri, PAGE)
        markdown = markdown.replace(MARQUE_ACCUEIL, (
            f"**{textes['derniere_nouveaute'].replace('{date}', date_longue(derniere.publie_le, langue))}** "
            f"[{derniere.titre_en(langue)}]({vers}#{ancres[derniere]}). "
            f"{textes['toutes_les_nouveautes']} [{textes['quoi_de_neuf']}]({vers})"))
    return markdown


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
