"""Outils communs aux tests de qualité (tests/qualite/) : configuration, pages, texte des articles.

Les tests lisent mkdocs.yml et data/ du dépôt plutôt que de recopier des valeurs : ajouter une
langue, une palette ou un domaine admis ne demande pas de modifier les tests.
"""

from __future__ import annotations

import html.parser
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RACINE = Path(__file__).resolve().parents[2]
DOCS = RACINE / "docs"
QUALITE = Path(__file__).resolve().parent
NODE_MODULES = RACINE / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALLER = "bash scripts/installer-systeme.sh (ou « make systeme »)"


class _ChargeurMkdocs(yaml.SafeLoader):
    """Lit mkdocs.yml sans exécuter ses balises !!python/… (remplacées par None)."""


_ChargeurMkdocs.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
_ChargeurMkdocs.add_multi_constructor("!", lambda *_: None)


@cache
def config_mkdocs() -> dict[str, Any]:
    return yaml.load((RACINE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ChargeurMkdocs)


def _bloc_i18n() -> dict[str, Any]:
    for plugin in config_mkdocs().get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    return {}


def langues() -> list[tuple[str, str]]:
    """Langues construites : (code, préfixe d'URL), la langue par défaut en premier ("fr", "")."""
    construites = [l for l in _bloc_i18n().get("languages") or [] if l.get("build", True)]
    if not construites:
        return [(config_mkdocs()["theme"].get("language", "fr"), "")]
    construites.sort(key=lambda l: not l.get("default"))
    return [(l["locale"], "" if l.get("default") else f"{l['locale']}/") for l in construites]


def langue_par_defaut() -> str:
    return langues()[0][0]


def palettes() -> list[tuple[str, str]]:
    """Palettes de mkdocs.yml : (media, scheme), ex. ("(prefers-color-scheme: dark)", "slate")."""
    palette = config_mkdocs()["theme"].get("palette") or []
    if isinstance(palette, dict):
        palette = [palette]
    return [(p.get("media", ""), p.get("scheme", "default")) for p in palette]


def outil(nom: str) -> str:
    """Chemin d'un exécutable ; message clair s'il manque (jamais un test sauté)."""
    chemin = shutil.which(nom) or (str(RACINE / ".venv" / "bin" / nom)
                                   if (RACINE / ".venv" / "bin" / nom).exists() else None)
    if chemin is None:
        raise AssertionError(f"l'outil « {nom} » est introuvable. Installez les outils des tests : {INSTALLER}.")
    return chemin


def fichier_requis(chemin: Path, quoi: str) -> Path:
    if not chemin.is_file():
        raise AssertionError(f"{quoi} est introuvable ({chemin.relative_to(RACINE)}). "
                             f"Installez les paquets npm des tests : {INSTALLER}, qui lance « npm ci ».")
    return chemin


def pages_html(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def url_de(site: Path, fichier: Path) -> str:
    """/cesa/contrat/ pour site/cesa/contrat/index.html, /404.html pour site/404.html."""
    relatif = fichier.relative_to(site).as_posix()
    return "/" + (relatif[: -len("index.html")] if relatif.endswith("index.html") else relatif)


def source_de(chemin_url: str, langue: str) -> Path | None:
    """Fichier Markdown d'où vient une page (/en/cesa/contrat/ -> docs/cesa/contrat.en.md)."""
    pour_langue = [c for c, _ in langues()]
    morceaux = chemin_url.strip("/").split("/") if chemin_url.strip("/") else []
    if morceaux and morceaux[0] in pour_langue:
        morceaux = morceaux[1:]
    base = "/".join(morceaux) or "index"
    suffixe = "" if langue == langue_par_defaut() else f".{langue}"
    for candidat in (f"{base}{suffixe}.md", f"{base}/index{suffixe}.md"):
        if (DOCS / candidat).is_file():
            return DOCS / candidat
    return None


class TexteDeLArticle(html.parser.HTMLParser):
    """Texte rédigé d'une page : le contenu de <article>, sans code, sans liens de titres,
    sans métadonnées (sources, dates) ni menus. Un paragraphe par bloc, avec sa langue (lang)."""

    IGNORES = {"code", "pre", "script", "style", "kbd", "samp", "svg", "math"}
    # kb-article__faits : la ligne « Code du travail · en vigueur depuis le … · créé par … » des pages
    # d'articles, faite de données du registre mises bout à bout, pas une phrase rédigée.
    # texte-officiel__redaction : la rédaction officielle d'un article, citée telle que publiée ;
    # ce n'est pas notre texte, et elle ne se corrige pas.
    CLASSES_IGNOREES = {"headerlink", "kb-metadonnees", "kb-avis-langue", "md-source-file",
                        "md-content__button", "md-tags", "kb-pas-de-verification", "kb-article__faits",
                        "texte-officiel__redaction"}
    BLOCS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt",
             "figcaption", "summary", "blockquote", "div", "label", "tr", "ul", "ol", "details"}
    VIDES = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base"}

    def __init__(self, langue: str) -> None:
        super().__init__(convert_charrefs=True)
        self.pile: list[tuple[str, bool, str]] = []  # (balise, ignorée, langue)
        self.langue_page = langue
        self.dans_article = 0
        self.tampon: list[tuple[str, str]] = []  # (langue, texte) des nœuds du bloc en cours
        self.paragraphes: list[tuple[str, str, str]] = []  # (langue, texte, balise du bloc)

    def _langue(self) -> str:
        return self.pile[-1][2] if self.pile else self.langue_page

    def _ignore(self) -> bool:
        return any(ignoree for _, ignoree, _ in self.pile)

    def _vider(self) -> None:
        """Termine un bloc : son texte dans la langue du bloc ; un passage balisé dans une autre
        langue (<span lang="fr"> dans une page anglaise) devient un paragraphe à part."""
        bloc = next((b for b in reversed(self.pile) if b[0] in self.BLOCS), None)
        langue_bloc = bloc[2] if bloc else self._langue()
        balise = bloc[0] if bloc else ""
        texte = " ".join("".join(t if l == langue_bloc else " " for l, t in self.tampon).split())
        if texte:
            self.paragraphes.append((langue_bloc, texte, balise))
        for autre in dict.fromkeys(l for l, _ in self.tampon if l != langue_bloc):
            passage = " ".join(" ".join(t for l, t in self.tampon if l == autre).split())
            if passage:
                self.paragraphes.append((autre, passage, "span"))
        self.tampon = []

    def handle_starttag(self, balise: str, attrs: list[tuple[str, str | None]]) -> None:
        if balise in self.VIDES:
            if balise == "br":
                self.tampon.append((self._langue(), " "))
            return
        a = dict(attrs)
        if balise == "html" and a.get("lang"):
            self.langue_page = a["lang"] or self.langue_page
        if balise == "article":
            self.dans_article += 1
        classes = set((a.get("class") or "").split())
        ignoree = balise in self.IGNORES or bool(classes & self.CLASSES_IGNOREES)
        if self.dans_article and balise in self.BLOCS:
            self._vider()
        self.pile.append((balise, ignoree, (a.get("lang") or self._langue())))

    def handle_endtag(self, balise: str) -> None:
        if balise in self.VIDES:
            return
        if self.dans_article and balise in self.BLOCS:
            self._vider()
        # Remonte jusqu'à la balise ouvrante correspondante (HTML parfois non fermé : <p>, <li>).
        for i in range(len(self.pile) - 1, -1, -1):
            if self.pile[i][0] == balise:
                del self.pile[i:]
                break
        if balise == "article":
            self.dans_article = max(0, self.dans_article - 1)

    def handle_data(self, donnees: str) -> None:
        if self.dans_article and not self._ignore():
            self.tampon.append((self._langue(), donnees))


def texte_de_l_article(fichier: Path) -> list[tuple[str, str, str]]:
    """Paragraphes (langue, texte, balise du bloc : p, li, h2…) du contenu rédigé d'une page."""
    lecteur = TexteDeLArticle("")
    lecteur.feed(fichier.read_text(encoding="utf-8"))
    lecteur.close()
    lecteur._vider()
    return lecteur.paragraphes


def entrees_justifiees(chemin: Path, quoi: str, pourquoi: str) -> list[tuple[int, str, str]]:
    """Lignes d'une liste d'exceptions, chacune précédée de son commentaire « # … » (la raison).

    Renvoie (numéro de ligne, entrée, raison) ; une entrée sans raison est une erreur qui dit
    quoi écrire. Les lignes vides séparent les entrées et remettent la raison à zéro.
    """
    entrees, commentaire = [], []
    for numero, brute in enumerate(chemin.read_text(encoding="utf-8").splitlines(), 1):
        ligne = brute.strip()
        if not ligne:
            commentaire = []
        elif ligne.startswith("#"):
            commentaire.append(ligne.lstrip("# "))
        else:
            if not commentaire:
                raise AssertionError(f"{chemin.name}:{numero} : {quoi} « {ligne} » n'est pas expliqué(e). "
                                     f"Correction : écrivez au-dessus, en commentaire « # … », {pourquoi}.")
            entrees.append((numero, ligne, " ".join(commentaire)))
            commentaire = []
    return entrees
