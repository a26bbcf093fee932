"""Hook : une recherche qui comprend les requêtes juridiques en français (index de Material).

What it does, after the build (``on_post_build``), on Material's ``search_index.json``:

* splits the index shared by mkdocs-static-i18n into ONE INDEX PER LANGUAGE:
  ``search/search_index.json`` (default language) and ``<lang>/search/search_index.json``
  (other languages: own pages first, French originals for untranslated pages, no fallback
  copies, locations relative to ``/<lang>/``);
* adds three hidden lunr fields (declared in the index ``config.fields``, never rendered by
  Material): ``cle_id`` (identifiers of the page's own article / text), ``cle_titre`` and
  ``cle_texte`` (accent-folded forms, light plural stems, article-number tokens such as
  ``l7331_2`` / ``7331_2``, glossary synonyms);
* forces the separator (apostrophes, guillemets, middle dot... are separators) and the pipeline
  (``stopWordFilter`` only: lunr's French trimmer kills every numeric token).

The browser side (``overrides/assets/javascripts/recherche.js``) rewrites the query the same
way (see :func:`termes_requete`), and points non-default-language pages at their own index.

Only documented MkDocs events are used (``on_config``, ``on_page_markdown``, ``on_page_context``,
``on_post_build``);
no network access. All text processing lives in pure functions that tests import directly.
"""

from __future__ import annotations

import html
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from kb.partage import etat_partage
from kb.projet import est_un_repli, langues, projet
from kb.projet import registre as registre_du_projet
from kb.registre import Registre

log = logging.getLogger("mkdocs.hooks.recherche")

# ---------------------------------------------------------------------------
# Constants shared with recherche.js (keep both in sync; test_recherche_unit checks it)
# ---------------------------------------------------------------------------

#: lunr separator written into every index (index AND query tokenisation in Material's worker).
SEPARATEUR = r"""[\s\-,:;!?=\[\]()"/'’ʼ«»·°…–—]+|\.(?!\d)|&[lg]t;"""

#: Hidden fields added to ``config.fields`` (title = 1e3, text = 1, tags = 1e6 in Material).
CHAMPS: dict[str, dict[str, float]] = {
    "cle_id": {"boost": 1e4},
    "cle_titre": {"boost": 1e3},
    # Questions déclarées dans l'en-tête d'une page de situation (« questions: ») : une page qui
    # dit répondre à « puis-je garder le chômage » passe devant celles qui emploient ces mots.
    "cle_questions": {"boost": 1000.0},
    "cle_texte": {"boost": 1.0},
}

#: Pipeline kept in the worker. Never add "trimmer" (lunr.fr trimmer drops digits) nor
#: "stemmer" (stemmed index vs. un-stemmed wildcard query).
PIPELINE = ["stopWordFilter"]

#: In an index that mixes languages (e.g. /en/ with French originals of untranslated pages),
#: documents in the index's own language get this boost so they come first (> title boost 1e3,
#: < cle_id boost 1e4: a French reference page still wins an article-number query).
BOOST_LANGUE = 1000.0

APOSTROPHES = "'’ʼ‘`´"
GUILLEMETS = "«»“”„"
ELISIONS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "qu", "l", "d", "j", "m", "n", "s", "t", "c")

# Les mots des questions (« comment », « puis-je », « quelles ») ne décident jamais du classement.
# Jamais « are » : en français, c'est l'ARE (allocation d'aide au retour à l'emploi).
MOTS_VIDES = frozenset("""
a à au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui
ma mais me mes moi mon ne ni nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta
te tes toi ton tu un une vos votre vous y c d j l m n s t e es est sont été être n° no
quel quelle quels quelles comment pourquoi quoi combien quand si ai as avez ont puis peux peut pouvons
pouvez peuvent dois doit devons devez doivent faut ça cela
the of and to in for an is or by with
""".split())

# Light French plural stemming ------------------------------------------------
INVARIABLES = frozenset("""
alors lors hors vers envers travers revers univers divers toujours ailleurs plusieurs cours recours
parcours concours discours secours velours dehors moeurs gens sens dans sans moins néanmoins temps
corps puis depuis pays fils jadis tandis plus sous tous nous vous mois fois trois parfois toutefois
autrefois quelquefois bois mais jamais frais relais rabais palais anglais français biais marais
taux faux chaux prix choix deux mieux vieux ceux eux heureux précis avis permis compris devis acquis
remis pris mis bis cas bas pas bras repas tas dos gros repos propos enclos abus refus plus-value
status this its has was does
""".split())
IRREGULIERS: dict[str, str] = {
    "travaux": "travail", "baux": "bail", "lois": "loi", "emplois": "emploi", "jeux": "jeu",
    "enjeux": "enjeu", "lieux": "lieu", "feux": "feu", "voeux": "voeu", "vœux": "vœu",
    "yeux": "oeil", "essais": "essai", "délais": "délai", "delais": "delai", "quais": "quai",
}

RE_BALISE = re.compile(r"<[^>]*>")
RE_SEPARATEUR = re.compile(SEPARATEUR)
#: Code articles: "L. 7331-2", "l7331-2", "art. R 7331-11", "D.1234-5" (letter + digits-digits).
RE_ARTICLE_CODE = re.compile(
    r"(?<![\w])(?:art(?:icle)?s?\.?\s*)?([LRD])\s*\.?\s*(\d{1,5}(?:\s*-\s*\d+)+)(?![\w-])",
    re.IGNORECASE,
)
#: Bare numbers with hyphens: "26-41", "47-1775", "2015-1363", "7331-2".
RE_NUMERO = re.compile(r"(?<![\w-])(?:art(?:icle)?s?\.?\s*)?(\d{1,5}(?:-\d+)+)(?![\w-])", re.IGNORECASE)
RE_ELISION = re.compile(r"^(?:" + "|".join(ELISIONS) + r")'(?=\w)", re.IGNORECASE)
RE_NUMERO_TEXTE = re.compile(r"(\d+-\d+)$")


# ---------------------------------------------------------------------------
# Pure text functions
# ---------------------------------------------------------------------------

#: Écriture inclusive : « entrepreneur·e », « salarié·es », « gérant·es » -> forme de base, pour
#: que « entrepreneur·e salarié·e » corresponde au terme « entrepreneur salarié » du glossaire.
RE_INCLUSIF = re.compile(r"[·•](?:e|es|rice|rices|euse|euses|ne|nes|le|les|ve|ves)(?:[·•]s)?(?![\w])", re.IGNORECASE)


def unifier(texte: str) -> str:
    """NFKC (non-breaking and thin spaces -> space), one apostrophe, one quote mark, no inclusive suffix."""
    texte = RE_INCLUSIF.sub("", unicodedata.normalize("NFKC", texte))
    for a in APOSTROPHES:
        texte = texte.replace(a, "'")
    for g in GUILLEMETS:
        texte = texte.replace(g, '"')
    return texte


@lru_cache(maxsize=65536)
def plier(texte: str) -> str:
    """Lower-case and fold accents/ligatures: « Rémunération » -> « remuneration »."""
    texte = texte.lower().replace("œ", "oe").replace("æ", "ae")
    texte = unicodedata.normalize("NFD", texte)
    return "".join(c for c in texte if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=65536)
def radical(mot: str) -> str:
    """Light French plural stemmer on one lower-case word. Never touches numbers/identifiers."""
    if len(mot) < 4 or any(c.isdigit() or c == "_" for c in mot):
        return mot
    if mot in IRREGULIERS:
        return IRREGULIERS[mot]
    if mot in INVARIABLES:
        return mot
    if mot.endswith("eaux"):
        return mot[:-1]
    if mot.endswith("aux") and len(mot) > 4:
        return mot[:-3] + "al"
    if mot.endswith("s") and mot[-2] not in "suèiao":
        return mot[:-1]
    if mot.endswith("ois") and len(mot) > 4:  # emplois (lois is irregular), mois/fois invariable
        return mot[:-1]
    return mot


@lru_cache(maxsize=65536)
def cle(mot: str) -> str:
    """Normalised key of one word: fold(stem(lower(word)))."""
    return plier(radical(mot.lower()))


def texte_visible(fragment_html: str) -> str:
    """Text of a Material index field (it holds a little HTML)."""
    return html.unescape(RE_BALISE.sub(" ", fragment_html))


def scinder(texte: str) -> list[str]:
    """Tokens exactly as Material's worker produces them with :data:`SEPARATEUR` (lower-cased)."""
    return [t for t in RE_SEPARATEUR.split(texte.lower()) if t]


def variantes_identifiant(numero: str, lettre: str | None = None, *, complet: bool = False) -> list[str]:
    """Index/query tokens for an article or text number.

    ``("7331-2", "L")`` -> ``["l7331_2", "7331_2"]`` (+ ``"l73312"`` when ``complet``);
    ``("26-41")`` -> ``["26_41"]``. The underscore survives Material's separator AND lunr's query
    lexer (which always splits on "-"), so one query term matches one exact article.
    """
    chiffres = re.sub(r"\s*-\s*", "-", numero.strip()).lower()
    base = chiffres.replace("-", "_")
    if not lettre:
        return [base]
    lettre = lettre.lower()
    sortie = [f"{lettre}{base}", base]
    if complet:
        sortie.append(f"{lettre}{chiffres.replace('-', '')}")
    return sortie


def identifiants(texte: str) -> list[str]:
    """Article/text-number tokens cited in ``texte`` (order kept, no duplicates)."""
    texte = unifier(texte)
    vus: dict[str, None] = {}

    def code(m: re.Match[str]) -> str:
        for v in variantes_identifiant(m.group(2), m.group(1)):
            vus.setdefault(v)
        return " "

    reste = RE_ARTICLE_CODE.sub(code, texte)
    for m in RE_NUMERO.finditer(reste):
        for v in variantes_identifiant(m.group(1)):
            vus.setdefault(v)
    return list(vus)


def mots(texte: str) -> list[str]:
    """Lower-case words of a free text, elisions removed, separators applied (no identifiers)."""
    texte = RE_NUMERO.sub(" ", RE_ARTICLE_CODE.sub(" ", unifier(texte)))
    sortie: list[str] = []
    for brut in texte.split():
        sortie.extend(_mots_du_brut(brut))
    return sortie


@lru_cache(maxsize=65536)
def _mots_du_brut(brut: str) -> tuple[str, ...]:
    """One whitespace-separated chunk -> its words (cached: a site has a small vocabulary)."""
    return tuple(scinder(RE_ELISION.sub("", brut.strip('"+-*^~'))))


def normaliser(texte: str) -> str:
    """THE normalisation (index side and query side): identifiers, then keys of non-stop words.

    >>> normaliser("Art. L. 7331-2 : la période d’essai de l’entrepreneur\u00a0salarié")
    'l7331_2 7331_2 periode essai entrepreneur salarie'
    """
    ids = identifiants(texte)
    cles = [cle(m) for m in mots(texte) if m not in MOTS_VIDES]
    return " ".join(ids + [c for c in cles if c and c not in MOTS_VIDES])


def termes_requete(requete: str, *, accents: bool = True) -> list[str]:
    """Reference implementation of the JS query transform (recherche.js ``transformer``).

    Identifiers become exact terms (``l7331_2^1``: the ``^1`` stops Material from adding a
    trailing ``*``), words become their stem and, if different, its folded form. With
    ``accents=False`` (pages not in French) only the folded form is sent, so English results do
    not show « Missing: rémunération ».
    """
    ids = [f"{i}^1" for i in _ids_requete(requete)]
    sortie: list[str] = list(ids)
    for m in mots(requete):
        if m in MOTS_VIDES:
            continue
        if m.isdigit():
            # Un petit nombre seul (« délai 3 ans associé ») ne décide pas du classement : Material
            # en ferait « 3* » (tous les numéros d'articles qui commencent par 3) et l'article 3
            # d'une loi passerait devant les pages qui parlent du délai. Une année (« loi 2014 »)
            # reste, en mot exact. Une requête faite d'un seul nombre le garde (voir plus bas).
            if len(m) == 4 and f"{m}^1" not in sortie:
                sortie.append(f"{m}^1")
            continue
        r = radical(m)
        for v in ((r, plier(r)) if accents else (plier(r),)):
            if v not in sortie:
                sortie.append(v)
    if not sortie:
        return [m for m in mots(requete)]
    return sortie


def _ids_requete(requete: str) -> list[str]:
    """Identifiers typed in a query: the letter form only (``l7331_2``), or the bare number."""
    requete = unifier(requete)
    sortie: list[str] = []

    def code(m: re.Match[str]) -> str:
        sortie.append(variantes_identifiant(m.group(2), m.group(1))[0])
        return " "

    reste = RE_ARTICLE_CODE.sub(code, requete)
    sortie.extend(variantes_identifiant(m.group(1))[0] for m in RE_NUMERO.finditer(reste))
    return sortie


def cles_cachees(jetons: Iterable[str]) -> list[str]:
    """Forms a query may produce that the visible tokens cannot match by prefix.

    For each visible token ``w``: its folded form, its stem and its folded stem, kept only when
    ``w`` does not start with them (Material adds a trailing ``*`` to query words).
    """
    sortie: dict[str, None] = {}
    for w in dict.fromkeys(jetons):
        for x in _cachees_mot(w):
            sortie.setdefault(x)
    return list(sortie)


@lru_cache(maxsize=65536)
def _cachees_mot(w: str) -> tuple[str, ...]:
    if any(c.isdigit() for c in w):
        return ()
    r = radical(w)
    return tuple(dict.fromkeys(x for x in (plier(w), r, plier(r))
                               if x and not w.startswith(x) and x not in MOTS_VIDES))


def sequence(texte: str) -> str:
    """Space-padded sequence of keys, for phrase matching of glossary terms."""
    return " " + " ".join(cle(m) for m in mots(texte) if m not in MOTS_VIDES) + " "


@lru_cache(maxsize=4096)
def _sequence_forme(forme: str) -> str:
    return sequence(forme)


@lru_cache(maxsize=4096)
def _jetons_forme(forme: str) -> tuple[str, ...]:
    sortie: dict[str, None] = {}
    for m in mots(forme):
        if m not in MOTS_VIDES:
            sortie.setdefault(radical(m))
            sortie.setdefault(cle(m))
    return tuple(sortie)


@dataclass(frozen=True)
class Groupe:
    """One glossary entry: official forms (terme, abréviation) and lay synonyms."""

    officiels: tuple[str, ...]
    synonymes: tuple[str, ...]

    def formes(self) -> tuple[str, ...]:
        return self.officiels + self.synonymes


def groupes_glossaire(entrees: Sequence[Mapping[str, Any]]) -> list[Groupe]:
    """Build synonym groups from data/glossaire.yml entries."""
    groupes = []
    for e in entrees or []:
        officiels = [str(e["terme"])]
        if e.get("abreviation"):
            officiels.append(str(e["abreviation"]))
        groupes.append(Groupe(tuple(officiels), tuple(str(s) for s in e.get("synonymes") or [])))
    return groupes


def synonymes_trouves(texte: str, groupes: Sequence[Groupe]) -> list[str]:
    """Tokens of every form of each group whose official form occurs in ``texte``.

    One-way on purpose: a page that says « rémunération » is found by « salaire », but a page
    that only says « salaire » is not promoted for « rémunération ».
    """
    seq = sequence(texte)
    sortie: dict[str, None] = {}
    for officielles, jetons in _recherche_des_groupes(tuple(groupes)):
        if any(o in seq for o in officielles):
            for v in jetons:
                sortie.setdefault(v)
    return list(sortie)


@lru_cache(maxsize=8)
def _recherche_des_groupes(groupes: tuple[Groupe, ...]) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Per group, once: the key sequences of its official forms and the tokens of all its forms."""
    sortie = []
    for g in groupes:
        officielles = tuple(s for s in map(_sequence_forme, g.officiels) if s.strip())
        jetons = tuple(dict.fromkeys(v for forme in g.formes() for v in _jetons_forme(forme)))
        if officielles:
            sortie.append((officielles, jetons))
    return tuple(sortie)


# ---------------------------------------------------------------------------
# Registry and per-page data
# ---------------------------------------------------------------------------

@dataclass
class InfoPage:
    url: str
    article: str | None = None
    texte: str | None = None
    repli: bool = False  # fallback copy of a page in another language (mkdocs-static-i18n)
    questions: tuple[str, ...] = ()  # « questions: » of the front matter (situation pages)


def cles_questions(questions: Iterable[str]) -> list[str]:
    """Index tokens of a page's declared questions: words (no stop words), their hidden forms, ids.

    The field is hidden, so it carries the plain words too (a visible field gets them from
    Material's own tokenizer).
    """
    sortie: dict[str, None] = {}
    for q in questions:
        jetons = [m for m in mots(q) if m not in MOTS_VIDES]
        for v in identifiants(q) + jetons + cles_cachees(jetons):
            sortie.setdefault(v)
    return list(sortie)


def cles_page(info: InfoPage, registre: Registre) -> tuple[list[str], list[str]]:
    """(cle_id, extra words) for a page from its ``article:`` / ``texte:`` front matter."""
    ids: list[str] = []
    extra: list[str] = []
    if info.article:
        tid, _, numero = info.article.partition(":")
        m = re.match(r"^([LRD])(\d.*)$", numero, re.IGNORECASE)
        ids += variantes_identifiant(m.group(2), m.group(1), complet=True) if m else variantes_identifiant(numero)
        art = registre.articles.get(info.article)
        if art is not None:
            extra.append(art.intitule)
    if info.texte:
        m = RE_NUMERO_TEXTE.search(info.texte)
        if m:
            ids += variantes_identifiant(m.group(1))
        t = registre.textes.get(info.texte)
        if t is not None:
            extra += [t.titre, t.titre_court]
    return list(dict.fromkeys(ids)), [e for e in extra if e]


def enrichir_document(doc: dict[str, Any], groupes: Sequence[Groupe],
                      info: InfoPage | None, registre: Registre, *, glossaire: bool) -> dict[str, Any]:
    """Return a copy of one index document with the hidden fields filled in."""
    doc = dict(doc)
    titre = texte_visible(doc.get("title", ""))
    texte = texte_visible(doc.get("text", ""))
    c_titre = identifiants(titre) + cles_cachees(scinder(titre))
    c_texte = identifiants(texte) + cles_cachees(scinder(texte))
    if glossaire:
        c_titre += synonymes_trouves(titre, groupes)
        c_texte += synonymes_trouves(texte, groupes)
    if info is not None and "#" not in doc["location"]:
        ids, extra = cles_page(info, registre)
        if ids:
            doc["cle_id"] = " ".join(ids)
        for e in extra:
            c_texte += [m for m in mots(e) if m not in MOTS_VIDES] + cles_cachees(mots(e))
            c_texte += identifiants(e)
        if info.questions:
            doc["cle_questions"] = " ".join(cles_questions(info.questions))
    if c_titre:
        doc["cle_titre"] = " ".join(dict.fromkeys(c_titre))
    if c_texte:
        doc["cle_texte"] = " ".join(dict.fromkeys(c_texte))
    return doc


def langue_de(location: str, autres: Sequence[str]) -> str | None:
    """Language prefix of an index location ("en/cesa/" -> "en"), None for the default language."""
    for langue in autres:
        if location == langue or location.startswith((langue + "/", langue + "#")):
            return langue
    return None


def chemin_page(location: str) -> str:
    return location.split("#", 1)[0]


def indexes_par_langue(index: Mapping[str, Any], defaut: str, autres: Sequence[str],
                       pages: Mapping[str, InfoPage], groupes: Mapping[str, Sequence[Groupe]],
                       registre: Registre) -> dict[str, dict[str, Any]]:
    """Split one (i18n-merged) Material index into enriched per-language indexes.

    Returns ``{lang: index}``; locations of a non-default language index are relative to
    ``/<lang>/`` (French originals of untranslated pages get ``../``).
    """
    docs: list[dict[str, Any]] = list(index.get("docs", []))
    par_langue: dict[str | None, list[dict[str, Any]]] = {None: []}
    for d in docs:
        par_langue.setdefault(langue_de(d["location"], autres), []).append(d)

    def info(url: str) -> InfoPage | None:
        return pages.get(url)

    # The default language's documents are enriched once, then reused as complements of the
    # other languages' indexes (only their location changes).
    enrichis: dict[int, dict[str, Any]] = {}

    def enrichir_defaut(d: dict[str, Any]) -> dict[str, Any]:
        if id(d) not in enrichis:
            enrichis[id(d)] = enrichir_document(d, groupes.get(defaut, []), info(chemin_page(d["location"])),
                                                registre, glossaire=bool(groupes.get(defaut)))
        return dict(enrichis[id(d)])

    sortie: dict[str, dict[str, Any]] = {}
    for langue in [defaut, *autres]:
        propres_cle = None if langue == defaut else langue
        propres = [d for d in par_langue.get(propres_cle, [])
                   if not (info(chemin_page(d["location"])) or InfoPage("")).repli]
        nouveaux: list[dict[str, Any]] = []
        for d in propres:
            e = enrichir_defaut(d) if langue == defaut else enrichir_document(
                d, groupes.get(langue, []), info(chemin_page(d["location"])), registre,
                glossaire=bool(groupes.get(langue)))
            if langue != defaut:
                e["location"] = e["location"][len(langue) + 1:] if e["location"] != langue else ""
            nouveaux.append(e)
        langs = [langue]
        if langue != defaut:
            traduites = {chemin_page(d["location"])[len(langue) + 1:] for d in propres}
            complements = [d for d in par_langue[None] if chemin_page(d["location"]) not in traduites]
            for d in nouveaux:
                d["boost"] = float(d.get("boost", 1.0)) * BOOST_LANGUE
            for d in complements:
                e = enrichir_defaut(d)
                e["location"] = "../" + e["location"]
                nouveaux.append(e)
            if complements:
                langs.append(defaut)
        config = dict(index.get("config", {}))
        config.update(lang=langs, separator=SEPARATEUR, pipeline=list(PIPELINE),
                      fields={**config.get("fields", {}), **CHAMPS})
        sortie[langue] = {"config": config, "docs": nouveaux, "recherche": 1}
    return sortie


# ---------------------------------------------------------------------------
# MkDocs events (documented ones only)
# ---------------------------------------------------------------------------

# Pages vues, de toutes les langues : url -> (article, texte, repli, questions). Relu à la fin du
# build complet ; état partagé, car une autre langue peut être construite dans un autre processus.
_PAGES: dict[str, tuple[str | None, str | None, bool, tuple[str, ...]]] = etat_partage("recherche.pages")
_ETAT: dict[str, Any] = {}


def _langues(config: MkDocsConfig) -> tuple[str, list[str]]:
    toutes = langues(config)
    return toutes[0], toutes[1:]


@lru_cache(maxsize=8)
def _groupes_du_fichier(chemin: str, _modifie_le: int) -> list[Groupe]:
    """Synonym groups of one glossary file, read once per version of the file (libyaml)."""
    chargeur = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return groupes_glossaire(yaml.load(Path(chemin).read_text(encoding="utf-8"), Loader=chargeur) or [])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data = projet(config).donnees
    groupes: dict[str, list[Groupe]] = {}
    defaut, autres = _langues(config)
    for langue in [defaut, *autres]:
        f = data / ("glossaire.yml" if langue == defaut else f"glossaire.{langue}.yml")
        if f.is_file():
            groupes[langue] = _groupes_du_fichier(str(f), f.stat().st_mtime_ns)
    _ETAT["groupes"] = groupes
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is not None and "trimmer" in (search.config.get("pipeline") or []):
        log.warning("recherche: 'trimmer' in search.pipeline breaks numeric queries; the hook removes it")
    return config


def on_page_markdown(markdown: str, page: Any, config: MkDocsConfig, files: Any) -> str | None:
    # A French page copied under /en/ (fallback) is indexed by Material for nothing: the /en/
    # index takes the French original instead (see indexes_par_langue). Material's documented
    # front-matter switch ``search: exclude: true`` spares that work.
    if est_un_repli(page, config):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return None


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    meta = page.meta or {}
    _PAGES[page.url] = (
        str(meta["article"]) if meta.get("article") else None,
        str(meta["texte"]) if meta.get("texte") else None,
        est_un_repli(page, config),
        tuple(str(q) for q in meta.get("questions") or ()),
    )
    return context


@event_priority(-200)  # after mkdocs-static-i18n's on_post_build (-100) wrote the merged index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # nested per-language build: the merged index does not exist yet
    site = Path(config.site_dir)
    chemin = site / "search" / "search_index.json"
    if not chemin.is_file():
        return
    index = json.loads(chemin.read_text(encoding="utf-8"))
    if index.get("recherche"):
        return
    defaut, autres = _langues(config)
    avant = chemin.stat().st_size
    pages = {url: InfoPage(url, *valeurs) for url, valeurs in _PAGES.items()}
    sortie = indexes_par_langue(index, defaut, autres, pages, _ETAT.get("groupes", {}),
                                registre_du_projet(config))
    for langue in autres:
        # recherche.js fait lire /<langue>/ comme base aux pages de cette langue : le sélecteur de
        # langue de Material y cherche alors sitemap.xml. On le lui donne (même contenu qu'à la
        # racine, adresses absolues), plutôt qu'une erreur 404 dans la console.
        for nom in ("sitemap.xml", "sitemap.xml.gz"):
            if (site / nom).is_file():
                (site / langue).mkdir(parents=True, exist_ok=True)
                (site / langue / nom).write_bytes((site / nom).read_bytes())
    for langue, idx in sortie.items():
        cible = chemin if langue == defaut else site / langue / "search" / "search_index.json"
        cible.parent.mkdir(parents=True, exist_ok=True)
        cible.write_text(json.dumps(idx, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        log.info(f"recherche: {cible.relative_to(site)}: {len(idx['docs'])} docs, "
                 f"{cible.stat().st_size} octets (index partagé avant : {avant})")
