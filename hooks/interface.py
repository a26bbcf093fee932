"""Hook : donne aux gabarits (overrides/) ce qu'ils affichent autour du contenu d'une page.

Variable `kb` du gabarit : textes de l'interface dans la langue de la page (data/interface.yml),
langue réelle du contenu (une page non traduite reste en français sous /en/), dates en toutes
lettres, sources résolues et lien « Signaler une erreur » prérempli (aucun script tiers).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import yaml
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.commun.dates import date_longue
from kb.commun.projet import langue_par_defaut, langues, projet, textes_de_l_interface

# ---------------------------------------------------------------- Hooks


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Vérifie que data/interface.yml couvre chaque langue construite (les textes sont lus ensuite,
    une fois par build complet, par kb.commun.projet.textes_de_l_interface)."""
    chemin = projet(config).donnees / "interface.yml"
    donnees = yaml.safe_load(chemin.read_text(encoding="utf-8"))
    reference = set(donnees["fr"])
    for langue in langues(config):
        manquantes = reference - set(donnees.get(langue) or {})
        if manquantes:
            raise PluginError(
                f"KB302 data/interface.yml : la langue « {langue} » (déclarée dans mkdocs.yml) n'a pas "
                f"les textes {', '.join(sorted(manquantes))}. Correction : copiez la section « fr » "
                f"sous « {langue}: » et traduisez-la.")
    return None


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["date_longue"] = date_longue
    return env


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """Gabarits sans page (404.html) : textes et préfixe de la langue construite ; le sélecteur de
    langue vise l'accueil de chaque langue, en chemin absolu (la 404 est servie à toute adresse)."""
    langue = config.theme["language"]
    defaut = langue_par_defaut(config)
    racine = (urlsplit(config.site_url or "").path or "/").rstrip("/") + "/"
    context["kb"] = {"langue": langue, "textes": textes_de_l_interface(config, langue),
                     "prefixe": "" if langue == defaut else f"{langue}/",
                     "lien_de_langue": lambda lien, autre: racine + ("" if autre == defaut else f"{autre}/")}
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str | None:
    """404.html d'une autre langue : écrit sous /<langue>/ ; la racine garde la page française.

    mkdocs-static-i18n écrit sinon le 404.html de chaque langue au même endroit, à la racine,
    et la dernière langue construite (l'anglais) l'emporte. Une sortie vide n'est pas écrite.
    """
    langue = config.theme["language"]
    if template_name != "404.html" or langue == langue_par_defaut(config):
        return None
    cible = Path(config.site_dir) / langue / "404.html"
    cible.parent.mkdir(parents=True, exist_ok=True)
    cible.write_text(output, encoding="utf-8")
    return ""


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    langue = context.get("i18n_page_locale") or config.theme["language"]
    langue_contenu = getattr(page.file, "locale", None) or langue
    textes = textes_de_l_interface(config, langue)
    meta = page.meta
    context["kb"] = {
        "langue": langue,
        "langue_contenu": langue_contenu,
        # Début des adresses des pages de cette langue (« en/ »), pour les liens des gabarits.
        "prefixe_langue": "" if langue == langue_par_defaut(config) else f"{langue}/",
        "textes": textes,
        "traduite": langue_contenu == langue and langue != langue_par_defaut(config),
        "non_traduite": langue_contenu != langue,
        "version_francaise": _lien_alternatif(config, langue_par_defaut(config)),
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


# ---------------------------------------------------------------- Aides


def url_signalement(config: MkDocsConfig, page: Page) -> str | None:
    """Formulaire « Signaler une erreur juridique » du dépôt, prérempli avec l'adresse de la page."""
    if not config.repo_url:
        return None
    adresse = (config.site_url or "") + page.url
    parametres = {
        "template": config.extra.get("formulaire_erreur", "signaler-une-erreur.yml"),
        "title": f"Erreur : {page.title}",
        "page": adresse,
    }
    return f"{config.repo_url.rstrip('/')}/issues/new?{urlencode(parametres)}"


def lien_de_langue(lien: str, site_url: str, url_page: str) -> str | None:
    """Lien du sélecteur de langue rendu relatif à la page, ou None s'il l'est déjà.

    mkdocs-static-i18n donne aux pages d'accueil un chemin absolu (« /base-juridique-cae/en/ ») :
    il casse dès que le site est servi sous un autre chemin. Les autres pages ont déjà des liens
    relatifs, que le gabarit garde tels quels.
    """
    prefixe = (urlsplit(site_url).path or "/").rstrip("/") + "/"
    if not lien.startswith(prefixe):
        return None
    relatif = get_relative_url(lien[len(prefixe):], url_page)
    # « . » et « .. » (des dossiers) : avec la barre finale, comme les autres liens du site.
    return relatif + "/" if relatif in (".", "..") or relatif.endswith("/..") else relatif


def courriel_signalement(config: MkDocsConfig, page: Page, textes: dict[str, Any]) -> str | None:
    """« Signaler une erreur » sans compte GitHub : un courriel prérempli (sujet, adresse de la page,
    ce qu'il faut dire), vers l'adresse fixée une fois dans mkdocs.yml (extra.courriel_erreur)."""
    adresse = config.extra.get("courriel_erreur")
    if not adresse:
        return None
    sujet = f"{textes['signaler_erreur']} : {page.title}"
    corps = textes["courriel_modele"].replace("{page}", (config.site_url or "") + page.url)
    return f"mailto:{adresse}?subject={quote(sujet)}&body={quote(corps)}"


def _lien_alternatif(config: MkDocsConfig, langue: str) -> str | None:
    """Lien vers la même page dans une autre langue (calculé par mkdocs-static-i18n)."""
    for alternatif in config.extra.get("alternate") or []:
        if alternatif.get("lang") == langue:
            return alternatif.get("link")
    return None
