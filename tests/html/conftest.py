"""Le HTML du vrai site construit, analysé une fois : pages françaises, anglaises, 404, sitemap."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest

from arbre_html import RACINE, Noeud, analyser



@dataclass
class PageConstruite:
    chemin: Path        # fichier HTML
    url: str            # chemin relatif au site : « », « cesa/contrat/ », « en/cesa/contrat/ »

    @property
    def anglaise(self) -> bool:
        return self.url.startswith("en/") or self.url == "en/"

    @property
    def url_francaise(self) -> str:
        return self.url[3:] if self.anglaise else self.url

    @cached_property
    def html(self) -> str:
        return self.chemin.read_text(encoding="utf-8")

    @cached_property
    def dom(self) -> Noeud:
        return analyser(self.html)

    def __str__(self) -> str:
        return "/" + self.url


def _pages(site: Path) -> list[PageConstruite]:
    pages = []
    for chemin in sorted(site.rglob("index.html")):
        relatif = chemin.parent.relative_to(site).as_posix()
        if relatif.split("/")[0] in {"assets", "search"}:
            continue
        html = chemin.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:  # page de redirection (plugin redirects)
            continue
        pages.append(PageConstruite(chemin, "" if relatif == "." else relatif + "/"))
    return pages


@pytest.fixture(scope="session")
def pages(site_construit) -> list[PageConstruite]:
    toutes = _pages(site_construit)
    assert len(toutes) >= 4, "le site construit n'a presque aucune page"
    return toutes


@pytest.fixture(scope="session")
def pages_fr(pages) -> list[PageConstruite]:
    return [p for p in pages if not p.anglaise]


@pytest.fixture(scope="session")
def pages_en(pages) -> list[PageConstruite]:
    return [p for p in pages if p.anglaise]


@pytest.fixture(scope="session")
def traductions() -> set[str]:
    """URL françaises des pages traduites (docs/**/x.en.md) : « », « cesa/contrat/ »…"""
    docs = RACINE / "docs"
    urls = set()
    for fichier in docs.rglob("*.en.md"):
        relatif = fichier.relative_to(docs).as_posix()[: -len(".en.md")]
        if relatif == "index" or relatif.endswith("/index"):
            relatif = relatif[: -len("index")]
        else:
            relatif += "/"
        urls.add(relatif.lstrip("/"))
    return urls
