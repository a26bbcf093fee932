"""Chemins du projet et données partagées (registre, domaines), lus une fois par build."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.diagnostics import cache_du_build, signaler
from kb.registre import Registre, charger
from kb.textes_officiels import Redaction
from kb.textes_officiels import charger as charger_redactions

# Entre deux builds (mkdocs serve) : registre par dossier, avec la signature de ses fichiers.
_cache: dict[str, tuple[tuple, Registre]] = {}
# Pendant un build complet : déjà vérifié, les fichiers n'ont pas pu changer.
_verifie: dict[str, Registre] = cache_du_build()


@dataclass(frozen=True)
class Projet:
    racine: Path

    @property
    def donnees(self) -> Path:
        return self.racine / "data"

    def schema(self, nom: str) -> str:
        return str(self.donnees / "schemas" / f"{nom}.schema.json")


def projet(config: MkDocsConfig) -> Projet:
    """Le dépôt est le dossier de mkdocs.yml (jamais le dossier courant)."""
    return Projet(Path(config.config_file_path).resolve().parent)


def registre(config: MkDocsConfig) -> Registre:
    """Le registre des textes, relu seulement si un fichier a changé (mkdocs serve).

    Un registre fautif n'est jamais gardé en cache : ses erreurs s'affichent à chaque build.
    """
    p = projet(config)
    cle = str(p.racine)
    if cle in _verifie:
        return _verifie[cle]
    fichiers = sorted((p.donnees / "textes").glob("*.yml"))
    signature = tuple((f.name, f.stat().st_mtime_ns) for f in fichiers)
    en_cache = _cache.get(cle)
    if en_cache and en_cache[0] == signature:
        _verifie[cle] = en_cache[1]
        return en_cache[1]
    reg, problemes = charger(p.donnees / "textes", p.schema("texte"), p.racine)
    for probleme in problemes:
        signaler(probleme)
    if not problemes:
        _cache[cle] = (signature, reg)
        _verifie[cle] = reg
    return reg


_redactions_verifiees: dict[str, dict[str, Redaction]] = cache_du_build()


def textes_officiels(config: MkDocsConfig) -> dict[str, Redaction]:
    """Les rédactions officielles (data/textes-officiels/), lues et contrôlées une fois par build
    complet (KB204) ; {identifiant d'article: rédaction}. Seuls des fichiers YAML sont lus."""
    p = projet(config)
    cle = str(p.racine)
    if cle not in _redactions_verifiees:
        redactions, problemes = charger_redactions(p.donnees / "textes-officiels", p.schema("texte-officiel"),
                                                   p.racine, registre(config))
        for probleme in problemes:
            signaler(probleme)
        _redactions_verifiees[cle] = redactions
    return _redactions_verifiees[cle]


def slugify_des_titres(config: MkDocsConfig) -> Callable[[str, str], str]:
    """La seule fonction d'ancre du site : celle des titres (option `slugify` de l'extension toc
    dans mkdocs.yml, « Période d'essai » -> « periode-dessai »). Le glossaire et « Quoi de neuf ? »
    s'en servent pour leurs ancres, pour qu'une ancre écrite à la main suive la même règle."""
    fonction = config.mdx_configs.get("toc", {}).get("slugify")
    if fonction is None:
        from markdown.extensions.toc import slugify as fonction
    return fonction


def domaines_autorises(config: MkDocsConfig) -> frozenset[str]:
    """Domaines des sources permises (data/domaines.yml), toutes catégories confondues."""
    chemin = projet(config).donnees / "domaines.yml"
    return _domaines(str(chemin), chemin.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _domaines(chemin: str, _version: int) -> frozenset[str]:
    """Relu seulement quand le fichier change (la date de modification fait partie de la clé)."""
    donnees = yaml.safe_load(Path(chemin).read_text(encoding="utf-8"))
    return frozenset(d for liste in donnees.values() for d in liste)


def domaine_autorise(url: str, domaines: frozenset[str]) -> bool:
    """www.legifrance.gouv.fr est accepté au titre de legifrance.gouv.fr."""
    hote = (urlsplit(url).hostname or "").lower()
    return any(hote == d or hote.endswith("." + d) for d in domaines)


def langues(config: MkDocsConfig) -> list[str]:
    """Langues construites, celle par défaut en premier (bloc i18n de mkdocs.yml)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    construites = [langue for langue in i18n.config.languages if langue.build]
    return [langue.locale for langue in sorted(construites, key=lambda langue: not langue.default)]


def langues_declarees(config: MkDocsConfig) -> list[str]:
    """Toutes les langues du bloc i18n, construites ou non (`build_only_locale` pour un aperçu
    rapide n'en construit qu'une : une traduction reste valide même si sa langue n'est pas construite)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    return [langue.locale for langue in i18n.config.languages]


def langue_par_defaut(config: MkDocsConfig) -> str:
    return langues(config)[0]


def est_un_repli(page: Page, config: MkDocsConfig) -> bool:
    """Page d'une autre langue servie dans ce build (copie de repli de mkdocs-static-i18n)."""
    locale = getattr(page.file, "locale", None)
    return locale is not None and locale != config.theme["language"]


def elements_du_menu(elements: Iterable[Any]) -> Iterator[Any]:
    """Chaque élément du menu (sections, pages, liens), dans l'ordre du menu, sections avant
    leur contenu : `elements_du_menu(nav.items)`."""
    for element in elements:
        yield element
        yield from elements_du_menu(getattr(element, "children", None) or [])
