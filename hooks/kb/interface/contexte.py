"""La variable `kb` des gabarits (overrides/) : textes de l'interface dans la langue de la page
(data/interface.yml), langue réelle du contenu (une page non traduite reste en français sous /en/),
dates en toutes lettres (filtre `date_longue`), sources résolues et signalement d'une erreur."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.dates import date_longue
from kb.commun.projet import langue_par_defaut, textes_de_l_interface
from kb.interface.signalement import courriel_signalement, url_signalement
from kb.traduction.selecteur import lien_alternatif, lien_de_langue


def ajouter_les_filtres(env: Environment) -> Environment:
    """Le filtre `date_longue` des gabarits."""
    env.filters["date_longue"] = date_longue
    return env


def variable_kb_sans_page(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    """Gabarits sans page (404.html) : textes et préfixe de la langue construite ; le sélecteur de
    langue vise l'accueil de chaque langue, en chemin absolu (la 404 est servie à toute adresse)."""
    langue = config.theme["language"]
    defaut = langue_par_defaut(config)
    racine = (urlsplit(config.site_url or "").path or "/").rstrip("/") + "/"
    context["kb"] = {"langue": langue, "textes": textes_de_l_interface(config, langue),
                     "prefixe": "" if langue == defaut else f"{langue}/",
                     "lien_de_langue": lambda lien, autre: racine + ("" if autre == defaut else f"{autre}/")}
    return context


def variable_kb(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """La variable `kb` d'une page : textes, langues, dates, sources, publics, signalement."""
    langue = context.get("i18n_page_locale") or config.theme["language"]
    langue_contenu = getattr(page.file, "locale", None) or langue
    defaut = langue_par_defaut(config)
    textes = textes_de_l_interface(config, langue)
    meta = page.meta
    context["kb"] = {
        "langue": langue,
        "langue_contenu": langue_contenu,
        # Début des adresses des pages de cette langue (« en/ »), pour les liens des gabarits.
        "prefixe_langue": "" if langue == defaut else f"{langue}/",
        "textes": textes,
        "traduite": langue_contenu == langue and langue != defaut,
        "non_traduite": langue_contenu != langue,
        "version_francaise": lien_alternatif(config, defaut),
        "verifie_le": date_longue(meta.get("verifie_le"), langue),
        "verifie_le_iso": str(meta.get("verifie_le") or ""),
        "mis_a_jour_le": date_longue(meta.get("git_revision_date_localized_raw_iso_date"), langue),
        "sources": meta.get("kb_sources") or [],
        "publics": [textes["publics"].get(p, p) for p in meta.get("audience") or []],
        "url_signalement": url_signalement(config, page),
        "courriel_signalement": courriel_signalement(config, page, textes),
        # Appelé par partials/alternate.html avec le lien que mkdocs-static-i18n donne à la page.
        "lien_de_langue": lambda lien, autre: lien_de_langue(str(lien), config.site_url or "", page.url),
    }
    return context
