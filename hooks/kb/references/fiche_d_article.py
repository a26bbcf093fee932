"""La fiche d'une page d'article, que le gabarit affiche autour du résumé : encadré « en vigueur
depuis / créé par », liens officiels, bloc replié « Texte officiel », historique, articles liés,
« Cité dans cette base » et JSON-LD (variable `kb_article`)."""

from __future__ import annotations

import json
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.dates import date_longue
from kb.commun.projet import registre, textes_officiels
from kb.references.pages_d_articles import article_de_la_page, lien
from kb.references.registre import Article, Evenement, Registre, Texte, url_legifrance_article
from kb.references.retroliens import EtatDesReferences, etat_des_references
from kb.references.textes_officiels import Redaction


def contexte_de_la_page_d_article(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Ajoute `kb_article` au contexte d'une page d'article (les autres pages ne changent pas)."""
    article = article_de_la_page(page, config)
    if article is None:
        return context
    langue = context.get("i18n_page_locale") or config.theme["language"]
    fiche = fiche_article(article, registre(config), page, langue, config, etat_des_references(config),
                          textes_officiels(config))
    fiche["coupure"] = fin_du_resume(page.content or "")
    context["kb_article"] = fiche
    return context


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
                         "url": lien(cible, page, etat, etat.fichiers)})
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
                       "url": lien(cible, page, etat, etat.fichiers) if cible is not None else None})
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
