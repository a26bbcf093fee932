"""Menu de gauche : chaque entrée repliée n'est rendue qu'une fois par dossier de pages.

Pourquoi : chaque page embarque son menu (avec `navigation.prune`, seulement sa branche, mais
aussi les sections de premier niveau, chaque texte et les articles voisins). Le gabarit de
Material le rend entrée par entrée, à chaque page : à 2 000 articles, c'est le tiers du temps de
build. Or le HTML d'une entrée qui ne contient pas la page courante ne dépend que des liens
relatifs depuis cette page : il est le même pour toutes les pages d'un même dossier.

Comment : `on_env` (événement documenté) donne aux gabarits la fonction `kb_entree_du_menu`,
qu'`overrides/partials/nav-item.html` appelle autour de chaque entrée inactive
(`{% call kb_entree_du_menu(...) %}`) ; `on_nav` note les adresses du menu de ce build et vide
le cache. Une page dont le dossier contient une autre entrée du menu (la page d'un texte et ses
articles) est rendue sans cache : ses liens relatifs lui sont propres.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from kb.projet import elements_du_menu

_cache: dict[tuple, Markup] = {}
# Pour ce build : dossiers qui contiennent une entrée du menu, et entrées du menu par adresse.
_dossiers_du_menu: set[tuple[str, ...]] = set()
_entrees_par_adresse: dict[tuple[str, ...], list[Any]] = {}
_derniere_page: list[Any] = [None, None]  # [page, clé] : la clé n'est calculée qu'une fois par page


def parties(url: str) -> tuple[str, ...]:
    """« textes/loi-1947/article-3/ » -> (« textes », « loi-1947 », « article-3 »)."""
    return tuple(p for p in url.split("/") if p)


def noter_le_menu(entrees: Iterable[tuple[str, Any]]) -> None:
    """Retient, pour ce build, les (adresse, entrée) du menu."""
    _cache.clear()
    _dossiers_du_menu.clear()
    _entrees_par_adresse.clear()
    _derniere_page[:] = [None, None]
    for url, entree in entrees:
        if "://" in url:
            continue
        p = parties(url)
        _dossiers_du_menu.update(p[:i] for i in range(len(p)))
        _entrees_par_adresse.setdefault(p, []).append(entree)


def cle_de_dossier(page: Any) -> tuple[str, ...] | None:
    """Le dossier parent de la page, si ses liens relatifs sont ceux de ses voisines ; sinon None.

    MkDocs calcule un lien relatif depuis le dossier de la page (`get_relative_url`) : vers une
    cible hors de ce dossier, il ne dépend que du dossier parent. Pas de cache, donc, pour une
    page dont le dossier contient une entrée du menu (la page d'un texte et ses articles), ni pour
    une page vers laquelle pointe une autre entrée que la sienne, ni pour une page listée deux fois. Seules les adresses en dossier
    (« …/ », `use_directory_urls`) sont concernées ; l'accueil (« ») n'est jamais mis en cache.
    """
    if _derniere_page[0] is page:
        return _derniere_page[1]
    url = getattr(page, "url", None)
    cle = None
    if url and url.endswith("/"):
        p = parties(url)
        entrees = _entrees_par_adresse.get(p, [])
        # Une page listée deux fois dans le menu (MkDocs garde le même objet Page) : la section qui
        # n'est pas la sienne est « inactive » mais la contient, avec sa table des matières.
        if p not in _dossiers_du_menu and all(e is page for e in entrees) and len(entrees) <= 1:
            cle = p[:-1]
    _derniere_page[:] = [page, cle]
    return cle


def entree_du_menu(entree: Any, chemin: str, niveau: int, parent: Any, page: Any,
                   caller: Callable[[], str]) -> Markup:
    """Le HTML d'une entrée inactive du menu, rendu par `caller()` au premier besoin seulement."""
    dossier = cle_de_dossier(page)
    if dossier is None or getattr(entree, "active", False):
        return Markup(caller())
    cle = (id(entree), chemin, niveau, bool(getattr(parent, "active", False)), dossier)
    html = _cache.get(cle)
    if html is None:
        html = _cache[cle] = Markup(caller())
    return html


def _entrees(elements: Iterable[Any]) -> Iterable[tuple[str, Any]]:
    """(adresse, entrée) de chaque entrée du menu qui a une adresse (pages, liens)."""
    return ((e.url, e) for e in elements_du_menu(elements) if isinstance(getattr(e, "url", None), str))


@event_priority(-900)  # après les hooks qui complètent le menu (articles) et mkdocs-static-i18n
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
    noter_le_menu(_entrees(nav.items))
    return None


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    env.globals["kb_entree_du_menu"] = entree_du_menu
    return env
