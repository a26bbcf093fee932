"""La liaison des citations : chaque citation d'article ou de texte du HTML d'une page devient un
lien vers sa page d'article ou le texte officiel, et chaque citation inconnue du registre un KB200
à la bonne ligne du fichier source."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.commun.diagnostics import Probleme, signaler
from kb.commun.html import SANS_NOUVEAU_LIEN, transformer_texte
from kb.commun.projet import est_un_repli, fichier_lisible, grammaire, registre
from kb.references.citations import Citation, trouver
from kb.references.pages_d_articles import lien
from kb.references.retroliens import etat_des_references


def lier_les_citations(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Le HTML de la page, citations liées ; retient les rétroliens ; signale les citations inconnues."""
    reg = registre(config)
    repli = est_un_repli(page, config)
    etat = etat_des_references(config)
    gram = grammaire(config)
    inconnues: list[Citation] = []
    titres_donnes: set[str] = set()

    def lier(texte: str) -> str:
        morceaux, position = [], 0
        for citation in trouver(texte, gram.textes_par_date, gram.codes):
            cible = reg.trouver(citation.ref) if citation.texte_id else None
            if cible is None:
                if not (citation.texte_id and reg.illisible(citation.texte_id)):
                    inconnues.append(citation)
                continue
            etat.cite_dans[citation.ref][page.file.src_uri] = page
            href = lien(cible, page, etat, files)
            if href is None:
                continue
            morceaux.append(texte[position:citation.debut])
            # Le titre officiel au survol, à la première citation de chaque article de la page
            # seulement (comme un sigle développé une fois ; une infobulle de moins par répétition).
            titre = "" if href in titres_donnes else ' title="' + cible.titre.replace('"', "&quot;") + '"'
            titres_donnes.add(href)
            morceaux.append(f'<a class="kb-citation" href="{href}"{titre}>'
                            f"{texte[citation.debut:citation.fin]}</a>")
            position = citation.fin
        return "".join(morceaux) + texte[position:]

    # Toute citation contient un chiffre (numéro d'article ou de texte, date) : les autres
    # passages de texte ne sont même pas examinés.
    html = transformer_texte(html, lier, SANS_NOUVEAU_LIEN, signes=r"\d")
    if inconnues and not repli:
        for probleme in problemes_de_citation(inconnues, page, config):
            signaler(config, probleme)
    return html


def problemes_de_citation(inconnues: list[Citation], page: Page, config: MkDocsConfig) -> list[Probleme]:
    """KB200 pour chaque citation inconnue, avec la ligne du fichier source où elle apparaît."""
    fichier = fichier_lisible(config, page.file.abs_src_path)
    lignes = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig").splitlines()
    # La ligne : dans le corps de la page (pas l'en-tête, où « R7331-9 » ressemble à « L. 7331-9 »),
    # la première qui contient la même citation selon la même grammaire ; à défaut (citation coupée
    # sur deux lignes), la première qui contient son numéro.
    corps = _debut_du_corps(lignes)
    gram = grammaire(config)
    problemes, vues = [], set()
    for citation in inconnues:
        if (citation.ref, citation.ecrit) in vues:
            continue
        vues.add((citation.ref, citation.ecrit))
        chiffres = re.search(r"\d[\d-]*", citation.ecrit)
        aiguille = chiffres.group(0) if chiffres else citation.ecrit
        ligne = next((i + 1 for i in range(corps, len(lignes))
                      if aiguille in lignes[i] and any(c.ref == citation.ref for c in trouver(lignes[i], gram.textes_par_date, gram.codes))),
                     None) or next((i + 1 for i in range(corps, len(lignes)) if aiguille in lignes[i]), None)
        if citation.texte_id is None:
            message = f"« {citation.ecrit} » désigne un texte par une date que le registre ne connaît pas."
            correction = "citez le texte par son numéro (« loi n° 2014-856 ») ou ajoutez sa date au registre."
        elif citation.numero is None:
            message = f"le texte « {citation.ecrit} » n'existe pas dans le registre (data/textes/{citation.texte_id}.yml)."
            correction = (f"vérifiez le numéro ; s'il est juste, créez data/textes/{citation.texte_id}.yml "
                          "(voir CONTRIBUTING.md#kb200).")
        else:
            message = (f"la citation « {citation.ecrit} » vise l'article {citation.numero} de « {citation.texte_id} », "
                       "absent du registre.")
            correction = (f"vérifiez le numéro et le texte (un article hors code du travail doit être suivi de "
                          f"« du code de commerce »…) ; s'il est juste, ajoutez-le à data/textes/{citation.texte_id}.yml "
                          "(voir CONTRIBUTING.md#kb200).")
        problemes.append(Probleme("KB200", fichier, message, correction, ligne))
    return problemes


def _debut_du_corps(lignes: list[str]) -> int:
    """Indice de la première ligne après l'en-tête (0 s'il n'y en a pas)."""
    if not lignes or lignes[0].strip() != "---":
        return 0
    return next((i + 1 for i in range(1, len(lignes)) if lignes[i].strip() in ("---", "...")), 0)
