"""Hook : les références juridiques, épine dorsale du site.

- lie chaque citation d'article ou de texte (« article L. 7331-2 », « loi n° 2014-856 »…) à sa
  page de référence, ou au texte officiel quand l'article n'a pas de page ; une citation que
  le registre ne connaît pas fait échouer le build (KB200) ;
- donne aux pages d'articles (docs/textes/<texte>/<article>.md) leur titre, leur encadré
  « en vigueur depuis / créé par », leurs liens officiels, le bloc replié « Texte officiel » sous
  leur résumé (data/textes-officiels/), leur historique (champ `historique` du registre), leurs
  articles liés, leur JSON-LD et la liste « Cité dans cette base » (rétroliens calculés au build) ;
- range ces pages dans le menu, texte par texte, et génère l'index des textes ;
- exporte le registre et ses rétroliens dans references.json.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from kb.references.citations import Citation, trouver
from kb.commun.dates import date_longue
from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.etat import etat_du_build
from kb.commun.html import SANS_NOUVEAU_LIEN, transformer_texte
from kb.commun.projet import elements_du_menu, est_un_repli, grammaire, langue_par_defaut, projet, registre, textes_officiels
from kb.references.registre import Article, Evenement, Registre, Texte, url_legifrance_article
from kb.references.textes_officiels import Redaction

DOSSIER = "textes"
MARQUE_INDEX = "<!-- index-des-textes -->"


@dataclass
class EtatDesReferences:
    """Partie de l'état du build (kb.commun.etat). Pour la langue en cours : rétroliens (référence ->
    {fichier source: page qui la cite}, remis à zéro à chaque on_files) et fichiers du site, que
    on_page_context ne reçoit pas de MkDocs (pris à chaque on_nav, voir kb.commun.etat). Pour tout le build : la page de chaque article déjà
    cherchée dans une collection de fichiers (la dernière vue)."""

    cite_dans: dict[str, dict[str, Page]] = field(default_factory=lambda: defaultdict(dict))
    fichiers: Files = field(default_factory=lambda: Files([]))
    _collection: Files | None = None
    _pages_des_articles: dict[str, File | None] = field(default_factory=dict)

    def fichier_de_l_article(self, files: Files, chemin: str) -> File | None:
        """files.get_file_from_path, retenu pour cette collection de fichiers (celle de
        mkdocs-static-i18n parcourt les fichiers ; une page cite souvent le même article)."""
        if self._collection is not files:
            self._collection, self._pages_des_articles = files, {}
        if chemin not in self._pages_des_articles:
            self._pages_des_articles[chemin] = files.get_file_from_path(chemin)
        return self._pages_des_articles[chemin]


def _etat(config: MkDocsConfig) -> EtatDesReferences:
    return etat_du_build(config).partie(EtatDesReferences)


# ---------------------------------------------------------------- Hooks


def on_files(files: Files, config: MkDocsConfig) -> Files | None:
    etat = _etat(config)
    etat.cite_dans = defaultdict(dict)
    registre(config)  # charge et contrôle le registre (KB201, KB203) avant toute page
    textes_officiels(config)  # et les rédactions officielles (KB204)
    return None


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
    """Ajoute les pages d'articles sous la section qui contient textes/index.md."""
    _etat(config).fichiers = files  # la collection que verront les pages (kb.commun.etat)
    reg = registre(config)
    section = _section_des_textes(nav)
    if section is None:
        return None
    for texte in reg.textes.values():
        pages = [p for a in _articles_du_texte(reg, texte) if (p := _page_article(files, a)) is not None]
        if not pages:
            continue
        sous_section = Section(title=_majuscule(texte.titre_court), children=list(pages))
        sous_section.parent = section
        for p in pages:
            p.parent = sous_section
        section.children.append(sous_section)
    _relier_pages(nav)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    reg = registre(config)
    ref = page.meta.get("article")
    if ref:
        article = reg.articles.get(str(ref))
        attendu = _chemin_attendu(article) if article else None
        if article is None and reg.illisible(str(ref)):
            pass  # le fichier du registre de ce texte est fautif : déjà signalé par kb.references.registre
        elif article is None or attendu != page.file.src_uri:
            if not est_un_repli(page, config):
                signaler(config, _probleme_page_article(page, config, str(ref), article, attendu))
        else:
            page.meta["title"] = article.titre
    if MARQUE_INDEX in markdown:
        markdown = markdown.replace(MARQUE_INDEX, index_des_textes(reg, files, page))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    reg = registre(config)
    repli = est_un_repli(page, config)
    etat = _etat(config)
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
            href = _lien(cible, page, etat, files)
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


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    reg = registre(config)
    ref = page.meta.get("article")
    article = reg.articles.get(str(ref)) if ref else None
    if article is None or _chemin_attendu(article) != page.file.src_uri:
        return context
    langue = context.get("i18n_page_locale") or config.theme["language"]
    fiche = fiche_article(article, reg, page, langue, config, _etat(config), textes_officiels(config))
    fiche["coupure"] = fin_du_resume(page.content or "")
    context["kb_article"] = fiche
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Écrit site/references.json (une fois, pendant le build de la langue par défaut)."""
    if config.theme["language"] != langue_par_defaut(config):
        return
    reg = registre(config)
    export = exporter(reg, {ref: [p.url for p in pages.values()] for ref, pages in _etat(config).cite_dans.items()},
                      config.site_url or "")
    sortie = Path(config.site_dir) / "references.json"
    sortie.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------- Pages d'articles


def slug_article(article: Article) -> str:
    """Nom de fichier de la page d'un article : l7331-2 (codes), article-3-bis (lois, décrets)."""
    if article.texte.nature == "code":
        return article.numero.lower()
    return "article-" + article.numero.replace(" ", "-")


def _chemin_attendu(article: Article) -> str:
    return f"{DOSSIER}/{article.texte.id}/{slug_article(article)}.md"


def _page_article(files: Files, article: Article) -> Page | None:
    fichier = files.get_file_from_path(_chemin_attendu(article))
    return fichier.page if fichier is not None else None


def _articles_du_texte(reg: Registre, texte: Texte) -> list[Article]:
    return [a for a in reg.articles.values() if a.texte is texte]


_H2 = re.compile(r"<h2[\s>]")


def fin_du_resume(html: str) -> int:
    """Où placer le bloc « Texte officiel » : juste après la première section (« Ce que dit
    l'article »), donc avant le deuxième titre <h2> ; à la fin du contenu s'il n'y en a qu'un."""
    titres = [m.start() for m in _H2.finditer(html)]
    return titres[1] if len(titres) > 1 else len(html)


def fiche_article(article: Article, reg: Registre, page: Page, langue: str, config: MkDocsConfig,
                  etat: EtatDesReferences, redactions: dict[str, Redaction] | None = None) -> dict[str, Any]:
    """Tout ce que le gabarit affiche autour d'une page d'article, et son JSON-LD."""
    h = article.historique
    if h is not None:  # l'historique donne « créé par » et « modifié en dernier par »
        cree_par = decrire_evenement(h.creation, reg)
        modifie_par = decrire_evenement(h.modifications[-1], reg) if h.modifications else None
    else:
        cree_par = _decrire(article.cree_par, reg.trouver(article.cree_par) if article.cree_par else None)
        modifie_par = _decrire(article.modifie_par, reg.trouver(article.modifie_par) if article.modifie_par else None)
    lies = []
    for ref in article.voir_aussi:
        cible = reg.trouver(ref)
        if cible is not None:
            lies.append({"titre": cible.titre, "intitule": getattr(cible, "intitule", ""),
                         "url": _lien(cible, page, etat, etat.fichiers)})
    return {
        "id": article.id,
        "numero": article.numero,
        "intitule": article.intitule,
        "texte": article.texte.titre,
        "url_officielle": article.url,
        "url_officielle_est_article": bool(article.legiarti or article.url_imposee),
        "est_un_code": article.texte.nature == "code",
        "url_cdtn": article.url_code_du_travail_numerique,
        "en_vigueur_depuis": date_longue(article.en_vigueur_depuis, langue),
        "en_vigueur_depuis_iso": str(article.en_vigueur_depuis or ""),
        "cree_par": cree_par,
        "modifie_par": modifie_par,
        "texte_officiel": _texte_officiel(article, (redactions or {}).get(article.id), langue),
        "historique": _historique(article, reg, page, etat, langue),
        "voir_aussi": lies,
        "cite_dans": [p for p in etat.cite_dans.get(article.id, {}).values() if p is not page],
        "json_ld": json.dumps(json_ld(article, config.site_url or "", page), ensure_ascii=False),
    }


def _texte_officiel(article: Article, r: Redaction | None, langue: str) -> dict[str, Any] | None:
    """Le bloc « Texte officiel » : la rédaction de la version résumée, sa date, où et quand lue."""
    if r is None:
        return None
    return {
        "alineas": list(r.alineas),
        "en_vigueur_depuis": date_longue(r.en_vigueur_depuis, langue),
        "en_vigueur_depuis_iso": r.en_vigueur_depuis,
        "source": r.source,
        "url_source": r.url_source,
        "lu_le": date_longue(r.lu_le, langue),
        "lu_le_iso": r.lu_le,
        # La version reproduite sur Légifrance (son identifiant LEGIARTI), sinon l'article.
        "url": url_legifrance_article(article.texte, r.legiarti) if r.legiarti else article.url,
    }


def _historique(article: Article, reg: Registre, page: Page, etat: EtatDesReferences, langue: str) -> dict[str, Any] | None:
    """L'historique vérifié : chaque version (création, modifications), la version résumée."""
    h = article.historique
    if h is None:
        return None
    etapes = []
    for i, e in enumerate((h.creation, *h.modifications)):
        cible = reg.trouver(e.par)
        etapes.append({"creation": i == 0, "date": date_longue(e.le, langue), "iso": e.le,
                       "par": decrire_evenement(e, reg),
                       "url": _lien(cible, page, etat, etat.fichiers) if cible is not None else None})
    derniere = h.versions[-1]
    return {
        "etapes": etapes,
        "lu_le": date_longue(h.lu_le, langue),
        "lu_le_iso": h.lu_le,
        "source": h.source,
        # La page résume-t-elle la dernière version connue ? Sinon, le lecteur est prévenu.
        "a_jour": str(article.en_vigueur_depuis or "") == derniere,
        "derniere_version": date_longue(derniere, langue),
        "derniere_version_iso": derniere,
    }


def decrire_evenement(e: Evenement, reg: Registre) -> str:
    """« l'article 5 de la loi n° 2008-596 du 25 juin 2008 », « l'ordonnance n° 2007-329 … »."""
    cible = reg.trouver(e.par)
    if isinstance(cible, Texte) and e.article:
        numero = "1er" if e.article == "1" and cible.nature != "code" else e.article
        return f"l'article {numero} {cible.complement}"
    return _decrire(e.par, cible) or e.par


def _decrire(ref: str | None, cible: Texte | Article | None) -> str | None:
    if not ref:
        return None
    # Écrit pour suivre « créé par » : « l'article 48 de la loi … », « la loi n° … ».
    if isinstance(cible, Article):
        return f"l'article {cible.numero_affiche} {cible.texte.complement}"
    if isinstance(cible, Texte):
        return {"loi": "la ", "decret": "le ", "ordonnance": "l'"}.get(cible.nature, "") + cible.titre_court
    return ref  # texte libre du registre


def json_ld(article: Article, site_url: str, page: Page) -> dict[str, Any]:
    """schema.org Legislation : identifiant, texte officiel, dates."""
    donnees: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": article.titre,
        "legislationIdentifier": f"{article.texte.titre_court}, art. {article.numero}",
        "legislationJurisdiction": "FR",
        "inLanguage": "fr",
        "url": site_url + page.url,
        "isPartOf": {"@type": "Legislation", "name": article.texte.titre},
    }
    if article.url:
        donnees["isBasedOn"] = article.url
    if article.legiarti:
        donnees["identifier"] = article.legiarti
    if article.en_vigueur_depuis:
        donnees["legislationDateVersion"] = article.en_vigueur_depuis
    if article.texte.date:
        donnees["isPartOf"]["legislationDate"] = article.texte.date
    return donnees


# ---------------------------------------------------------------- Index des textes


def index_des_textes(reg: Registre, files: Files, page: Page) -> str:
    """Markdown de l'index : chaque texte, ses identifiants, ses articles (page ou lien officiel)."""
    lignes: list[str] = []
    for texte in reg.textes.values():
        titre = f"[{texte.titre}]({texte.url})" if texte.url else f"{texte.titre} (adresse officielle non identifiée)"
        lignes += [f"### {_majuscule(texte.titre_court)}", "", titre, ""]
        ids = [f"{nom.upper()} {valeur}" for nom, valeur in texte.identifiants.items() if valeur and nom != "eli"]
        if ids:
            lignes += ["Identifiants : " + ", ".join(f"`{i}`" for i in ids) + ".", ""]
        articles = _articles_du_texte(reg, texte)
        if articles:
            lignes += ["| Article | Objet |", "|---|---|"]
            for a in articles:
                cible = files.get_file_from_path(_chemin_attendu(a))
                if cible is not None:
                    lien = f"[{a.numero_affiche}]({_relatif(page.file, cible)})"
                elif a.url:
                    lien = f"[{a.numero_affiche}]({a.url})"
                else:
                    lien = a.numero_affiche
                lignes.append(f"| {lien} | {a.intitule} |")
            lignes.append("")
    return "\n".join(lignes)


def _relatif(depuis: File, vers: File) -> str:
    """Chemin Markdown relatif entre deux fichiers sources (MkDocs le valide et le convertit)."""
    dossier = PurePosixPath(depuis.src_uri).parent
    return PurePosixPath(*([".."] * len(dossier.parts)), vers.src_uri).as_posix()


# ---------------------------------------------------------------- Export


def exporter(reg: Registre, cite_dans: dict[str, list[str]], site_url: str) -> dict[str, Any]:
    """Le registre complet et ses rétroliens, en JSON réutilisable."""
    textes = []
    for texte in reg.textes.values():
        articles = [{
            "id": a.id, "numero": a.numero, "titre": a.titre, "intitule": a.intitule,
            "legiarti": a.legiarti, "url_officielle": a.url, "url_code_du_travail_numerique": a.url_code_du_travail_numerique,
            "cree_par": a.cree_par, "modifie_par": a.modifie_par, "en_vigueur_depuis": a.en_vigueur_depuis,
            "historique": None if a.historique is None else {
                "creation": vars(a.historique.creation),
                "modifications": [vars(m) for m in a.historique.modifications],
                "lu_le": a.historique.lu_le, "source": a.historique.source},
            "voir_aussi": list(a.voir_aussi), "page": site_url + _chemin_attendu(a)[:-3] + "/",
            "cite_dans": [site_url + u for u in cite_dans.get(a.id, [])],
        } for a in _articles_du_texte(reg, texte)]
        textes.append({
            "id": texte.id, "titre": texte.titre, "titre_court": texte.titre_court, "nature": texte.nature,
            "date": texte.date, "journal_officiel": texte.jo, "identifiants": texte.identifiants,
            "url_officielle": texte.url, "cite_dans": [site_url + u for u in cite_dans.get(texte.id, [])],
            "articles": articles,
        })
    return {"description": "Registre des textes juridiques cités par la base, avec leurs rétroliens.",
            "textes": textes}


# ---------------------------------------------------------------- Aides


def _lien(cible: Texte | Article, page: Page, etat: EtatDesReferences, files: Files) -> str | None:
    """Lien vers la page de référence de l'article s'il en a une, sinon vers le texte officiel."""
    if isinstance(cible, Article):
        fichier = etat.fichier_de_l_article(files, _chemin_attendu(cible))
        if fichier is not None:
            if fichier is page.file:
                return None  # pas de lien d'une page vers elle-même
            return fichier.url_relative_to(page.file)
    return cible.url


def problemes_de_citation(inconnues: list[Citation], page: Page, config: MkDocsConfig) -> list[Probleme]:
    """KB200 pour chaque citation inconnue, avec la ligne du fichier source où elle apparaît."""
    racine = projet(config).racine
    fichier = chemin_lisible(page.file.abs_src_path, racine)
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


def _probleme_page_article(page: Page, config: MkDocsConfig, ref: str, article: Article | None,
                           attendu: str | None) -> Probleme:
    fichier = chemin_lisible(page.file.abs_src_path, projet(config).racine)
    if article is None:
        return Probleme("KB202", fichier, f"« article: {ref} » ne correspond à aucun article du registre.",
                        "corrigez l'identifiant (forme texte:numéro, par exemple code-du-travail:L7331-2) ou "
                        "ajoutez l'article à data/textes/.", 2)
    return Probleme("KB202", fichier, f"la page de l'article {ref} doit s'appeler docs/{attendu}.",
                    f"renommez le fichier en docs/{attendu} (une seule page par article).", None)



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


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]
