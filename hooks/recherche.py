"""Hook : la recherche du site, confiée à Pagefind et réglée pour les requêtes juridiques en français.

Trois tâches, chacune sur un événement documenté de MkDocs :

* ``on_pre_build`` : lit les règles de la recherche (``data/recherche.yml`` : mots vides, élisions,
  équivalences du langage courant) et les synonymes du glossaire ; une faute de contributeur y donne
  un message KB800 (fichier, ligne, correction). La grammaire des numéros d'articles n'est pas là :
  c'est celle de tout le site (``kb.references.grammaire``) ;
* ``on_page_context`` : donne au gabarit (``overrides/main.html``) les métadonnées que Pagefind lit
  dans chaque page : jetons des numéros de l'article ou du texte (``l7331x2``), questions déclarées
  dans l'en-tête (``questions:``), numéro officiel de l'article, langue réelle du contenu ;
* ``on_post_build`` (une fois, après toutes les langues) : indexe le site construit avec l'API
  Python documentée de Pagefind (un index par langue, pris de ``<html lang>``), et écrit
  ``recherche/regles.json``, les mêmes règles pour le navigateur, avec les motifs des numéros
  d'articles tirés de ``kb.references.grammaire``.

Le navigateur (``overrides/assets/javascripts/recherche.js``) réécrit la requête avec ces règles et
interroge Pagefind par son API JavaScript documentée. Rien ici ne touche aux éléments internes de
Material ni au réseau.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.entete import EnteteIllisible, lire_yaml
from kb.commun.etat import etat_du_build
from kb.references.grammaire import forme_du_registre, motifs_de_la_requete, numero_cite, numero_de_texte
from kb.commun.normalisation import espaces_ordinaires, plier
from kb.commun.projet import est_un_repli, langues, projet
from kb.commun.projet import registre as registre_du_projet
from kb.references.registre import Registre
from kb.commun.schema import erreurs

log = logging.getLogger("mkdocs.hooks.recherche")

#: Dossier de l'index Pagefind, et fichier des règles pour le navigateur, dans le site construit.
DOSSIER_INDEX = "pagefind"
FICHIER_REGLES = "recherche/regles.json"

#: Ce que Pagefind lit dans une page : le contenu (.kb-contenu, marqué data-pagefind-body dans
#: overrides/partials/content.html), sans les symboles de lien des titres.
EXCLUS = (".headerlink", ".kb-pas-dans-la-recherche")


# ---------------------------------------------------------------------------
# Règles (data/recherche.yml)
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Regles:
    """Les règles de data/recherche.yml ; les numéros d'articles, eux, suivent kb.references.grammaire (le
    navigateur reçoit les sources de ces motifs)."""

    mots_vides: frozenset[str]
    elisions: tuple[str, ...]
    equivalences: tuple[tuple[str, ...], ...]

    @property
    def re_article(self) -> re.Pattern[str]:
        return _motif_de_la_requete("article")

    @property
    def re_numero(self) -> re.Pattern[str]:
        return _motif_de_la_requete("numero")


@lru_cache(maxsize=8)
def _motif_de_la_requete(nom: str) -> re.Pattern[str]:
    """Un motif de kb.references.grammaire.motifs_de_la_requete, compilé sans casse comme dans le navigateur
    (fonction pure ; le cache évite de la recompiler à chaque page)."""
    return re.compile(motifs_de_la_requete()[nom], re.IGNORECASE)


def charger_regles(chemin: Path, racine: Path) -> tuple[Regles | None, list[Probleme]]:
    """Lit data/recherche.yml ; renvoie les règles, ou les problèmes (KB800) avec leur ligne."""
    fichier = chemin_lisible(chemin, racine)
    correction = "voir data/schemas/recherche.schema.json et CONTRIBUTING.md#kb800."
    try:
        doc = lire_yaml(chemin.read_text(encoding="utf-8"), objet="les règles de la recherche")
    except EnteteIllisible as e:
        return None, [Probleme("KB800", fichier, f"le fichier n'est pas lisible : {e}.",
                               e.correction or "vérifiez l'indentation (espaces, pas de tabulation) et les "
                               "guillemets.", e.ligne)]
    donnees = doc.donnees
    problemes = [Probleme("KB800", fichier, message, correction, doc.ligne(cle))
                 for cle, message in erreurs(donnees, str(racine / "data/schemas/recherche.schema.json"))]
    if problemes:
        return None, problemes
    vus: dict[str, int] = {}
    for i, groupe in enumerate(donnees.get("equivalences") or []):
        for mot in groupe:
            c = plier(mot)
            if c in vus and vus[c] != i:
                problemes.append(Probleme("KB800", fichier, f"« {mot} » est dans deux groupes d'équivalences.",
                                          "un mot n'appartient qu'à un groupe : fusionnez les deux groupes.",
                                          doc.ligne(("equivalences", i))))
            vus[c] = i
    if problemes:
        return None, problemes
    regles = Regles(
        mots_vides=frozenset(str(donnees["mots_vides"]).split()),
        elisions=tuple(donnees["elisions"]),
        equivalences=tuple(tuple(str(m) for m in g) for g in donnees.get("equivalences") or []),
    )
    return regles, []


# ---------------------------------------------------------------------------
# Jetons des numéros (même règle dans recherche.js : fonction « jeton », avec le même motif de tiret)
# ---------------------------------------------------------------------------

def jeton(numero: str, lettre: str | None = None) -> str:
    """Jeton d'un numéro d'article ou de texte, en lettres et chiffres seulement.

    ``("7331-2", "L")`` -> ``"l7331x2"`` ; ``("26-41")`` -> ``"n26x41"`` (sans lettre : ``n``).
    Un jeton sans séparateur reste un seul mot pour Pagefind, et ne figure dans aucun texte.
    """
    chiffres = _motif_de_la_requete("tiret").sub("x", numero.strip()).lower()
    return (lettre or "n").lower() + chiffres


def jetons_de_la_requete(requete: str, regles: Regles) -> list[str]:
    """Jetons des numéros tapés dans une requête (référence Python de recherche.js)."""
    sortie: list[str] = []

    def article(m: re.Match[str]) -> str:
        sortie.append(jeton(m.group(2), m.group(1)))
        return " "

    reste = regles.re_article.sub(article, espaces_ordinaires(requete))
    sortie.extend(jeton(m.group(1)) for m in regles.re_numero.finditer(reste))
    return list(dict.fromkeys(sortie))


def jetons_de_la_page(article: str | None, texte: str | None) -> list[str]:
    """Jetons d'une page d'article (``code-du-travail:L7331-2``) ou de texte (``loi-47-1775``).

    Un article de code reçoit aussi le jeton du numéro nu (« 7331-2 » trouve L. 7331-2) ; un
    texte, celui de son numéro (« 47-1775 », « 2015-1363 »).
    """
    sortie: list[str] = []
    if article:
        _, _, numero = article.partition(":")
        lettre, chiffres = forme_du_registre(numero)
        if lettre:
            sortie += [jeton(chiffres, lettre), jeton(chiffres)]
        elif _motif_de_la_requete("numero").fullmatch(numero):
            sortie.append(jeton(numero))
    if texte and numero_de_texte(texte):
        sortie.append(jeton(numero_de_texte(texte)))
    return list(dict.fromkeys(sortie))


def synonymes_du_glossaire(entrees: Sequence[Mapping[str, Any]]) -> list[list[Any]]:
    """[forme courante, [termes officiels]] : « salaire » cherche aussi « rémunération », « part fixe »…

    Dans un seul sens : un mot courant mène au terme officiel, pas l'inverse (une page qui ne dit
    que « salaire » ne passe pas devant celle qui explique la rémunération).
    """
    cibles: dict[str, list[str]] = {}
    for e in entrees or []:
        officiel = str(e["terme"])
        for forme in [e.get("abreviation"), *(e.get("synonymes") or [])]:
            if forme and plier(str(forme)) != plier(officiel):
                cibles.setdefault(str(forme), [])
                if officiel not in cibles[str(forme)]:
                    cibles[str(forme)].append(officiel)
    return [[forme, officiels] for forme, officiels in cibles.items()]


def regles_pour_le_navigateur(regles: Regles, synonymes: Mapping[str, list[list[Any]]]) -> dict[str, Any]:
    """Le contenu de recherche/regles.json : la source unique des règles, pour recherche.js.

    ``synonymes`` : par langue, la sortie de :func:`synonymes_du_glossaire`.
    """
    return {
        "mots_vides": sorted(regles.mots_vides),
        "elisions": list(regles.elisions),
        "numeros": motifs_de_la_requete(),
        "equivalences": [list(g) for g in regles.equivalences],
        "synonymes": dict(synonymes),
    }


# ---------------------------------------------------------------------------
# Métadonnées d'une page pour Pagefind
# ---------------------------------------------------------------------------

def metadonnees_de_la_page(meta: Mapping[str, Any], registre: Registre, *, repli: bool,
                           langue_du_contenu: str) -> dict[str, str]:
    """Ce que overrides/main.html écrit en <meta data-pagefind-meta> pour une page."""
    article = str(meta["article"]) if meta.get("article") else None
    texte = str(meta["texte"]) if meta.get("texte") else None
    sortie: dict[str, str] = {}
    cles = jetons_de_la_page(article, texte)
    if cles:
        sortie["cles"] = " ".join(cles)
    questions = [str(q) for q in meta.get("questions") or ()]
    if questions:
        sortie["questions"] = " · ".join(questions)
    if article:
        art = registre.articles.get(article)
        if art is not None:
            sortie["numero"] = f"art. {numero_cite(art.numero, art.texte.nature)}"
    sortie["langue"] = langue_du_contenu
    if repli:
        sortie["repli"] = "1"
    return sortie


# ---------------------------------------------------------------------------
# Indexation (API Python documentée de Pagefind)
# ---------------------------------------------------------------------------

async def _indexer(site: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=list(EXCLUS), output_path=str(site / DOSSIER_INDEX))
    async with PagefindIndex(config=config) as index:
        reponse = await index.add_directory(str(site))
        return int(reponse.get("page_count", 0)) if isinstance(reponse, dict) else 0


def indexer(site: Path) -> int:
    """Indexe le site construit ; renvoie le nombre de pages indexées."""
    return asyncio.run(_indexer(site))


# ---------------------------------------------------------------------------
# Événements MkDocs
# ---------------------------------------------------------------------------

@dataclass
class EtatDeLaRecherche:
    """Partie de l'état du build (kb.commun.etat) : règles et synonymes, lus une fois par build complet
    (toutes langues) ; une faute n'est dite qu'une fois."""

    charge: bool = False
    regles: Regles | None = None
    synonymes: dict[str, list[list[Any]]] = field(default_factory=dict)


def on_pre_build(config: MkDocsConfig) -> None:
    # Après hooks/build.py (premier de mkdocs.yml), qui ouvre chaque build complet.
    etat = etat_du_build(config).partie(EtatDeLaRecherche)
    if etat.charge:
        return
    racine = projet(config).racine
    regles, problemes = charger_regles(projet(config).donnees / "recherche.yml", racine)
    for p in problemes:
        signaler(config, p)
    synonymes: dict[str, list[list[Any]]] = {}
    for i, langue in enumerate(langues(config)):
        f = projet(config).donnees / ("glossaire.yml" if i == 0 else f"glossaire.{langue}.yml")
        if f.is_file():
            try:
                entrees = lire_yaml(f.read_text(encoding="utf-8"), objet="le glossaire", racine=list).donnees
            except EnteteIllisible:
                entrees = []  # la faute est signalée par hooks/glossaire.py
            synonymes[langue] = synonymes_du_glossaire(entrees)
    etat.charge, etat.regles, etat.synonymes = True, regles, synonymes


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
    # Le plugin de recherche de Material ne sert plus qu'à placer la loupe dans l'en-tête : il
    # n'indexe aucune page (interrupteur d'en-tête documenté « search: exclude: true »).
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return None


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    repli = est_un_repli(page, config)
    # Langue réelle du contenu (une page française servie sous /en/ reste en français).
    langue = getattr(page.file, "locale", None) or langues(config)[0]
    context["kb_recherche"] = metadonnees_de_la_page(page.meta or {}, registre_du_projet(config),
                                                     repli=repli, langue_du_contenu=str(langue))
    return context


@event_priority(-200)  # après le on_post_build de mkdocs-static-i18n (-100), qui construit les autres langues
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # build imbriqué d'une langue : le site n'est pas encore complet
    etat = etat_du_build(config).partie(EtatDeLaRecherche)
    regles = etat.regles
    if regles is None:
        return  # KB800 déjà signalé
    site = Path(config.site_dir)
    cible = site / FICHIER_REGLES
    cible.parent.mkdir(parents=True, exist_ok=True)
    contenu = regles_pour_le_navigateur(regles, etat.synonymes)
    cible.write_text(json.dumps(contenu, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    try:
        pages = indexer(site)
    except Exception as e:  # binaire absent ou en échec : le build le dit, sans trace Python
        raise PluginError(f"recherche : l'indexation par Pagefind a échoué ({e}). Correction : "
                          "réinstallez les dépendances (make installer), puis relancez le build.") from e
    log.info(f"recherche : {pages} pages indexées par Pagefind dans {DOSSIER_INDEX}/")


def taille_de_l_index(site: Path) -> Mapping[str, int]:
    """Octets de l'index par langue (pour make bench) : fichiers pf_meta, index et fragments."""
    dossier = site / DOSSIER_INDEX
    tailles: dict[str, int] = {}
    for f in dossier.rglob("*"):
        if f.is_file():
            m = re.match(r"(?:pagefind\.|wasm\.)?([a-z]{2})[._]", f.name)
            if m:
                tailles[m.group(1)] = tailles.get(m.group(1), 0) + f.stat().st_size
    return tailles

