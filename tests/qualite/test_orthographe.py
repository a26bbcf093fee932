"""Orthographe et grammaire du texte publié (le HTML construit, pas le Markdown).

On ne lit que le texte rédigé des pages (le contenu de <article>), sans le code, les menus, les
liens de titre ni le bloc « Sources » ; chaque paragraphe garde sa langue (attribut lang), si
bien qu'une page française affichée sous /en/ (non traduite) n'est pas lue comme de l'anglais.

1. Orthographe française des pages françaises : hunspell (dictionnaire fr_FR du paquet Debian
   hunspell-fr, plus complet et plus récent que celui d'aspell-fr) + la liste du projet
   tests/qualite/dictionnaires/fr.txt (termes juridiques, sigles, noms propres).
2. Orthographe anglaise des pages traduites sous /en/ : hunspell en_GB + dictionnaires/en.txt. Un
   terme français cité dans une page anglaise se balise <span lang="fr">…</span> (WCAG 3.1.2,
   langue d'un passage) : il est alors lu comme du français, pas comme une faute d'anglais.
3. Grammaire française : Grammalecte (paquet Debian grammalecte-cli), options de typographie
   coupées (tests/qualite/grammalecte_json.py). Ses faux positifs connus sont écartés par des
   règles expliquées plus bas et par la liste commentée dictionnaires/grammalecte-exceptions.txt.

Chaque échec nomme le mot (ou la phrase), la page publiée, le fichier Markdown et la correction.
"""

from __future__ import annotations

import json
import re
import subprocess
import warnings
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from qualite.outils import (
    INSTALLER, QUALITE, RACINE, entrees_justifiees, langues, outil, pages_html, source_de,
    texte_de_l_article, url_de,
)

pytestmark = pytest.mark.qualite

DICTIONNAIRES = QUALITE / "dictionnaires"
EXCEPTIONS_GRAMMAIRE = DICTIONNAIRES / "grammalecte-exceptions.txt"
# Les traductions anglaises sont en anglais britannique (« Labour Code », « organisations »).
HUNSPELL = {"fr": "fr_FR", "en": "en_GB"}
PYTHON_DEBIAN = "/usr/bin/python3"  # voit python3-grammalecte (/usr/lib/python3/dist-packages)


# ---------------------------------------------------------------- Texte des pages


@dataclass(frozen=True)
class Paragraphe:
    texte: str
    bloc: str  # balise du bloc : p, li, h2, td…
    page: str  # adresse publiée : /cesa/contrat/
    source: str  # fichier Markdown : docs/cesa/contrat.md (ou l'adresse si la page est générée)


def paragraphes(site: Path, langue: str) -> list[Paragraphe]:
    """Paragraphes en `langue` des pages de cette langue (/ pour le français, /en/ pour l'anglais)."""
    prefixe = dict(langues())[langue]
    autres = [p for l, p in langues() if p and l != langue]
    resultat = []
    for fichier in pages_html(site):
        relatif = fichier.relative_to(site).as_posix()
        if prefixe and not relatif.startswith(prefixe):
            continue
        if not prefixe and any(relatif.startswith(p) for p in autres):
            continue
        page = url_de(site, fichier)
        source = source_de(page, langue)
        nom_source = source.relative_to(RACINE).as_posix() if source else f"(page générée {page})"
        for lang, texte, bloc in texte_de_l_article(fichier):
            if lang.split("-")[0] == langue:
                resultat.append(Paragraphe(texte, bloc, page, nom_source))
    return resultat


# ---------------------------------------------------------------- Orthographe


_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'", re.IGNORECASE)
_PONCTUATION = ".,;:!?«»()[]{}\"“”‘’'…*–—-\u00a0\u202f"
_LETTRES = re.compile(r"^[^\W\d_]+(?:['\-][^\W\d_]+)*$")


def mots(texte: str, langue: str) -> list[str]:
    """Mots à vérifier : sans adresses, nombres, numéros d'articles ni marques d'écriture inclusive."""
    resultat = []
    for brut in texte.replace("’", "'").split():
        mot = brut.strip(_PONCTUATION)
        mot = re.sub(r"·[^\W\d_]+", "", mot)  # salarié·es -> salarié, entrepreneur·e·s -> entrepreneur
        if langue == "fr":
            mot = _ELISION.sub("", mot)
        else:
            mot = re.sub(r"'s$", "", mot)
        mot = mot.strip(_PONCTUATION)
        # Une adresse (legifrance.gouv.fr), un numéro (L7331-2, 1er, 2014-856) ou un symbole : ignoré.
        if len(mot) < 2 or not _LETTRES.match(mot):
            continue
        resultat.append(mot)
    return resultat


def _hunspell(liste: list[str], langue: str, *options: str) -> str:
    if not liste:
        return ""
    fini = subprocess.run([outil("hunspell"), "-d", HUNSPELL[langue], *options],
                          input="\n".join(liste) + "\n", capture_output=True, text=True,
                          encoding="utf-8", timeout=300, check=False)
    if fini.returncode != 0 or "Can't open affix or dictionary" in fini.stderr:
        raise AssertionError(f"hunspell -d {HUNSPELL[langue]} a échoué : {fini.stderr.strip()}. "
                             f"Installez les dictionnaires (hunspell-fr, hunspell-en-gb) : {INSTALLER}.")
    return fini.stdout


def inconnus_de_hunspell(liste: set[str], langue: str) -> set[str]:
    return set(_hunspell(sorted(liste), langue, "-l").split("\n")) - {""}


def suggestions(liste: list[str], langue: str) -> dict[str, list[str]]:
    """Suggestions de hunspell (mode -a : « & mot n position: s1, s2 »)."""
    resultat: dict[str, list[str]] = {}
    for ligne in _hunspell(liste, langue, "-a").splitlines():
        if ligne.startswith("&"):
            tete, _, propositions = ligne.partition(": ")
            resultat[tete.split()[1]] = [p.strip() for p in propositions.split(",")][:4]
    return resultat


@cache
def dictionnaire_du_projet(langue: str) -> tuple[frozenset[str], frozenset[str]]:
    """(entrées exactes, entrées en minuscules valables quelle que soit la casse)."""
    exactes, sans_casse = set(), set()
    for ligne in (DICTIONNAIRES / f"{langue}.txt").read_text(encoding="utf-8").splitlines():
        mot = ligne.split("#", 1)[0].strip().replace("’", "'")
        if not mot:
            continue
        (sans_casse if mot == mot.lower() else exactes).add(mot)
    return frozenset(exactes), frozenset(sans_casse)


def connu_du_projet(mot: str, langue: str) -> bool:
    exactes, sans_casse = dictionnaire_du_projet(langue)
    return mot in exactes or mot.lower() in sans_casse or (mot.isupper() and mot.upper() in
                                                           {e.upper() for e in exactes})


def fautes(paragraphes_: list[Paragraphe], langue: str) -> dict[str, list[Paragraphe]]:
    """Mot inconnu (de hunspell et du projet) -> paragraphes où il apparaît."""
    ou: dict[str, list[Paragraphe]] = defaultdict(list)
    for p in paragraphes_:
        for mot in mots(p.texte, langue):
            ou[mot].append(p)
    inconnus = {m for m in inconnus_de_hunspell(set(ou), langue) if not connu_du_projet(m, langue)}
    # Mot composé inconnu en entier (IGF-IGAS, anti-Scop) : accepté si chaque partie est connue.
    composes = {m: [x for x in m.split("-") if x] for m in inconnus if "-" in m}
    parties = {x for xs in composes.values() for x in xs}
    parties_inconnues = {x for x in inconnus_de_hunspell(parties, langue) if not connu_du_projet(x, langue)}
    for mot, xs in composes.items():
        if len(xs) > 1 and not any(x in parties_inconnues or len(x) < 2 for x in xs):
            inconnus.discard(mot)
    return {m: ou[m] for m in sorted(inconnus, key=str.lower)}


def rapport_orthographe(fautes_: dict[str, list[Paragraphe]], langue: str) -> str:
    propositions = suggestions(list(fautes_), langue)
    fichier_dico = (DICTIONNAIRES / f"{langue}.txt").relative_to(RACINE)
    lignes = [f"{len(fautes_)} mot(s) inconnu(s) en {langue} (hunspell {HUNSPELL[langue]} + {fichier_dico}) :"]
    for mot, ou in fautes_.items():
        sources = sorted({p.source for p in ou})
        conseil = f" ; suggestions : {', '.join(propositions[mot])}" if propositions.get(mot) else ""
        exemple = next(p.texte for p in ou)
        debut = max(0, exemple.find(mot) - 40)
        lignes.append(f"- « {mot} » dans {', '.join(sources[:4])}{' …' if len(sources) > 4 else ''}"
                      f" ({len(ou)} fois){conseil}\n    « …{exemple[debut:debut + 100]}… »")
    lignes.append(f"Correction : corrigez le mot dans le fichier Markdown ; s'il est juste (nom propre, sigle, "
                  f"terme juridique), ajoutez-le à {fichier_dico} (une ligne, en minuscules s'il s'écrit "
                  "aussi avec une majuscule en début de phrase).")
    return "\n".join(lignes)


@pytest.fixture(scope="module")
def paragraphes_fr(site_construit: Path) -> list[Paragraphe]:
    return paragraphes(site_construit, "fr")


def test_orthographe_francaise(paragraphes_fr: list[Paragraphe]):
    assert len(paragraphes_fr) > 50, f"trop peu de texte français lu ({len(paragraphes_fr)} paragraphes)"
    trouvees = fautes(paragraphes_fr, "fr")
    assert not trouvees, rapport_orthographe(trouvees, "fr")


def test_orthographe_anglaise(site_construit: Path):
    if "en" not in dict(langues()):
        raise AssertionError("le site ne déclare plus l'anglais : adaptez ce test (HUNSPELL, dictionnaires)")
    textes = paragraphes(site_construit, "en")
    assert textes, "aucune page traduite en anglais n'a été lue sous /en/ (attribut lang=\"en\")"
    trouvees = fautes(textes, "en")
    assert not trouvees, rapport_orthographe(trouvees, "en")


@pytest.mark.parametrize(("langue", "mot", "attendu"), [
    ("fr", "coopérattive", True), ("fr", "Légifrance", False), ("fr", "prud'hommes", False),
    ("fr", "l'Unédic", False), ("fr", "entrepreneur·es", False), ("fr", "salariés-associés", False),
    ("fr", "https://www.legifrance.gouv.fr", False), ("fr", "L7331-2", False), ("fr", "subvension", True),
    ("en", "cooperatve", True), ("en", "CAE's", False), ("en", "organisations", False),
    ("en", "Labour", False), ("en", "salariés", True),
])
def test_le_correcteur_voit_les_fautes(langue: str, mot: str, attendu: bool):
    """Témoin : hunspell, la liste du projet et le découpage en mots fonctionnent ensemble."""
    phrase = {"fr": "Un texte avec {} dedans.", "en": "A short text with {} inside."}[langue]
    p = Paragraphe(phrase.format(mot), "p", "/temoin/", "docs/temoin.md")
    assert (mot.strip(".") in fautes([p], langue)) is attendu


@pytest.mark.parametrize("langue", ["fr", "en"])
def test_dictionnaire_du_projet_sans_doublon_ni_mot_inutile(langue: str):
    chemin = DICTIONNAIRES / f"{langue}.txt"
    entrees = [l.split("#", 1)[0].strip() for l in chemin.read_text(encoding="utf-8").splitlines()]
    entrees = [e for e in entrees if e]
    doublons = sorted({e for e in entrees if entrees.count(e) > 1})
    assert not doublons, f"{chemin.name} : entrées en double {doublons}"
    deja_connus = sorted(set(entrees) - inconnus_de_hunspell(set(entrees), langue))
    assert not deja_connus, (f"{chemin.name} : ces mots sont déjà dans le dictionnaire {HUNSPELL[langue]}, "
                             f"retirez-les de la liste du projet : {deja_connus}")


# ---------------------------------------------------------------- Grammaire (Grammalecte)

# Faux positifs écartés par règle (Grammalecte 2.1.2), chacun pour une raison propre au sujet :
# - g2__maj_code__ : le projet écrit « code du travail » en minuscules, comme Légifrance et le
#   Conseil d'État dans les citations (CONTRAT : « art. L. 7331-2 du code du travail ») ;
REGLES_IGNOREES = ("g2__maj_code__",)
# - un sigle en capitales (CAPE, CAE, CG Scop) n'a pas de genre connu de Grammalecte, qui le lit
#   comme un nom commun (« cape » est féminin) : accords signalés avec un sigle, ignorés ;
_SIGLE_DANS_LE_MESSAGE = re.compile(r"[«“]\s*[A-ZÀ-Ý]{2,}\s*[»”]")
# - un numéro de texte « n° 2014-856 » ou une période « 2014-2015 » n'est pas un nombre pluriel ;
_NOMBRE_A_TIRET = re.compile(r"\d+-\d+\s*$")
# - une énumération « a) à f) » : la lettre n'est pas le verbe « a » ;
# - une puce de liste ou une cellule de tableau commence souvent par une minuscule ;
# - « Si … est bien le COD … » : simple hypothèse de Grammalecte, signalée comme avertissement.


@dataclass(frozen=True)
class Exception_:
    fragment: str
    raison: str
    ligne: int


def exceptions_de_grammaire() -> list[Exception_]:
    """Fragments de phrase justes que Grammalecte signale à tort ; chacun précédé de sa raison."""
    return [Exception_(ligne.replace("’", "'"), raison, numero)
            for numero, ligne, raison in entrees_justifiees(
                EXCEPTIONS_GRAMMAIRE, "l'exception", "pourquoi la phrase est juste")]


def _preparer(texte: str) -> str:
    """Les titres cités « … » sont remplacés par « … » : Grammalecte accorderait avec eux."""
    return re.sub(r"«[^«»]{1,120}»", "« … »", texte.replace("’", "'"))


def lancer_grammalecte(textes: list[str]) -> list[dict]:
    if not Path(PYTHON_DEBIAN).is_file():
        raise AssertionError(f"{PYTHON_DEBIAN} est introuvable (Python de Debian, pour Grammalecte) : {INSTALLER}.")
    fini = subprocess.run([PYTHON_DEBIAN, str(QUALITE / "grammalecte_json.py")],
                          input=json.dumps(list(enumerate(textes)), ensure_ascii=False),
                          capture_output=True, text=True, encoding="utf-8", timeout=900, check=False)
    if fini.returncode != 0:
        raise AssertionError(f"Grammalecte n'a pas pu tourner (code {fini.returncode}) : {fini.stderr[-2000:]}\n"
                             f"Installez le paquet Debian grammalecte-cli : {INSTALLER}.")
    return json.loads(fini.stdout)


def classer(erreur: dict, texte: str, bloc: str, exceptions: list[Exception_]) -> str:
    """« faute », « avertissement » ou la raison pour laquelle l'erreur est écartée."""
    regle, message = erreur["regle"], erreur["message"]
    debut, fin = erreur["debut"], erreur["fin"]
    if regle.startswith(REGLES_IGNOREES):
        return "règle ignorée"
    if regle.startswith("g3__gn_") and (_SIGLE_DANS_LE_MESSAGE.search(message)
                                        or re.fullmatch(r"[A-ZÀ-Ý]{2,}", erreur["extrait"])):
        return "sigle"
    if "nombre_chiffres" in regle and _NOMBRE_A_TIRET.search(texte[:debut].rstrip()):
        return "numéro de texte"
    if len(erreur["extrait"]) == 1 and texte[fin:fin + 1] == ")":
        return "énumération"
    if regle.startswith("majuscule_début_paragraphe") and bloc in {"li", "td", "th", "dd", "dt"}:
        return "liste"
    for e in exceptions:
        for m in re.finditer(re.escape(e.fragment), texte):
            if m.start() <= debut and fin <= m.end():
                return f"exception:{e.ligne}"
    if re.match(r"Si [“«]", message):
        return "avertissement"
    return "faute"


@pytest.fixture(scope="module")
def verdicts_grammaire(paragraphes_fr: list[Paragraphe]) -> list[tuple[str, dict, list[Paragraphe]]]:
    par_texte: dict[str, list[Paragraphe]] = defaultdict(list)
    for p in paragraphes_fr:
        par_texte[_preparer(p.texte)].append(p)
    textes = list(par_texte)
    exceptions = exceptions_de_grammaire()
    resultat = []
    for erreur in lancer_grammalecte(textes):
        texte = textes[erreur["id"]]
        ou = par_texte[texte]
        resultat.append((classer(erreur, texte, ou[0].bloc, exceptions), erreur, ou))
    return resultat


def _decrire(erreur: dict, ou: list[Paragraphe]) -> str:
    sources = sorted({p.source for p in ou})
    suggestions_ = f" (suggestion : {', '.join(erreur['suggestions'])})" if erreur["suggestions"] else ""
    message = re.sub(r"\s*##.*$", "", erreur["message"]).strip()
    return (f"- « {erreur['extrait']} » dans {', '.join(sources[:3])}{' …' if len(sources) > 3 else ''} : "
            f"{message}{suggestions_}\n    « …{erreur['contexte']}… »  [{erreur['regle']}]")


def test_grammaire_francaise(verdicts_grammaire):
    fautes_ = [(e, ou) for verdict, e, ou in verdicts_grammaire if verdict == "faute"]
    doutes = [(e, ou) for verdict, e, ou in verdicts_grammaire if verdict == "avertissement"]
    if doutes:
        warnings.warn("Grammalecte, à relire (hypothèses, pas des fautes sûres) :\n"
                      + "\n".join(_decrire(e, ou) for e, ou in doutes), stacklevel=1)
    assert not fautes_, "\n".join(
        [f"{len(fautes_)} faute(s) de grammaire probable(s) (Grammalecte, typographie non vérifiée) :"]
        + [_decrire(e, ou) for e, ou in fautes_]
        + ["Correction : corrigez la phrase dans le fichier Markdown. Si elle est juste (faux positif), ajoutez "
           f"un fragment exact de la phrase, commenté, à {EXCEPTIONS_GRAMMAIRE.relative_to(RACINE)}."])


def test_chaque_exception_de_grammaire_sert_encore(verdicts_grammaire):
    utilisees = {int(v.split(":")[1]) for v, _, _ in verdicts_grammaire if v.startswith("exception:")}
    inutiles = [e for e in exceptions_de_grammaire() if e.ligne not in utilisees]
    assert not inutiles, "\n".join(
        [f"{len(inutiles)} exception(s) de {EXCEPTIONS_GRAMMAIRE.name} ne correspondent plus à aucun signalement :"]
        + [f"- ligne {e.ligne} : « {e.fragment} »" for e in inutiles]
        + ["Correction : supprimez-les (la phrase a changé ou Grammalecte ne la signale plus)."])


def test_grammalecte_voit_une_faute_temoin():
    """Témoin : Grammalecte tourne et signale un accord faux ; la typographie n'est pas vérifiée."""
    textes = ["Les membres de la coopérative s'engage à voter.", "Ils sont parti hier ; le texte dit : « oui »."]
    erreurs = lancer_grammalecte(textes)
    assert {e["id"] for e in erreurs if classer(e, textes[e["id"]], "p", []) == "faute"} == {0, 1}, erreurs
    assert not any(e["regle"].startswith(("esp", "nbsp", "typo", "apos")) for e in erreurs), erreurs
