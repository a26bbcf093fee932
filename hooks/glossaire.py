"""Hook : le glossaire (data/glossaire.yml), rendu deux fois.

- sur la page docs/glossaire.md, à la place de `<!-- glossaire -->` : les termes, rangés par
  lettre, avec leur définition, leurs articles (liés ensuite par hooks/references.py),
  leurs synonymes et leurs renvois ;
- sur chaque page française : les sigles (CAE, CESA…) affichent leur sens au survol
  (extension Markdown `abbr` et fonction `content.tooltips` de Material), et la première
  apparition de chaque terme du glossaire (« part variable », « services mutualisés »…) devient
  un lien vers sa définition, qui s'affiche aussi au survol et au focus (attribut title). Un
  terme qui a d'autres sens dans la langue courante (« exercice ») s'écrit sous une forme sans
  ambiguïté (« exercice comptable ») et liste dans `formes` les seules expressions qui le
  désignent à coup sûr (« fin d'exercice », « clôture de l'exercice ») : « l'exercice d'une
  activité » n'est jamais lié.
Erreurs KB500 : YAML illisible, entrée hors schéma, terme ou sigle en double, renvoi ou
référence inconnus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs.utils import get_relative_url

from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.etat import UneFoisParEntree, etat_du_build
from kb.commun.entete import EnteteIllisible, lire_yaml
from kb.commun.html import SANS_NOUVEAU_LIEN, transformer_texte
from kb.commun.normalisation import ESPACE_DANS_LA_LIGNE, Slugify, cle_de_comparaison, slugify_des_titres
from kb.commun.projet import projet, registre
from kb.references.registre import Article, Registre, Texte
from kb.commun.schema import erreurs

MARQUE = "<!-- glossaire -->"


@dataclass(frozen=True)
class Terme:
    terme: str
    definition: str
    abreviation: str | None = None
    references: tuple[str, ...] = ()
    synonymes: tuple[str, ...] = ()
    voir: tuple[str, ...] = ()
    formes: tuple[str, ...] = ()  # autres expressions liées à la définition (« fin d'exercice »)


@dataclass
class EtatDuGlossaire:
    """Partie de l'état du build (kb.commun.etat) : le glossaire chargé et l'expression de ses termes."""

    charge: bool = False
    termes: list[Terme] = field(default_factory=list)
    motifs: "_Motifs | None" = None
    # (HTML du contenu d'une page, lien vers le glossaire) -> le même, termes liés : une page
    # française non traduite est rendue deux fois (sous / et sous /en/) avec le même HTML.
    pages_liees: UneFoisParEntree = field(default_factory=UneFoisParEntree)


# ---------------------------------------------------------------- Hooks


def on_pre_build(config: MkDocsConfig) -> None:
    # Un chargement par build complet : le build anglais de mkdocs-static-i18n (même fichier,
    # même registre) réutilise celui du build français.
    glossaire = etat_du_build(config).partie(EtatDuGlossaire)
    if glossaire.charge:
        return
    termes, problemes = charger(projet(config).donnees / "glossaire.yml", registre(config), projet(config).racine)
    for probleme in problemes:
        signaler(config, probleme)
    glossaire.charge, glossaire.termes = True, termes
    # L'expression de tous les termes : construite une fois par build.
    glossaire.motifs = _motifs(termes, slugify_des_titres(config)) if termes else None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    termes = etat_du_build(config).partie(EtatDuGlossaire).termes
    if MARQUE in markdown:
        markdown = markdown.replace(MARQUE, rendre_glossaire(termes, registre(config), slugify_des_titres(config)))
    # Sigles au survol (<abbr>) sur les pages écrites en français seulement : l'extension abbr
    # reçoit le glossaire par son option « glossary ». MkDocs crée l'objet Markdown de la page
    # juste après cet événement, à partir de config.mdx_configs. Même HTML qu'en ajoutant les
    # définitions « *[CAE]: … » à la fin de chaque page, sans les faire analyser à chaque page.
    langue = getattr(page.file, "locale", None) or config.theme["language"]
    config.mdx_configs["abbr"] = {"glossary": abreviations(termes) if langue.startswith("fr") else {}}
    return markdown


_SIGLE = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


# Ni dans un titre, un lien, un sigle ou du code, ni dans l'intitulé d'un bloc repliable.
_EXCLUS = SANS_NOUVEAU_LIEN | {"summary"}
PAGE_DU_GLOSSAIRE = "glossaire.md"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    html = sigles_developpes_une_fois(html)
    glossaire = files.get_file_from_path(PAGE_DU_GLOSSAIRE)
    langue = getattr(page.file, "locale", None) or config.theme["language"]
    # Le glossaire est en français : seules les pages écrites en français ont des liens vers lui.
    if glossaire is None or page.file.src_uri == PAGE_DU_GLOSSAIRE or not langue.startswith("fr"):
        return html
    etat = etat_du_build(config).partie(EtatDuGlossaire)
    motifs = etat.motifs
    if motifs is None:
        return html
    vers = get_relative_url(glossaire.url, page.url)

    def lier_la_page() -> str:
        vus: set[str] = set()  # chaque terme n'est lié qu'à sa première apparition dans la page
        return transformer_texte(html, lambda texte: _lier(texte, motifs, vers, vus), _EXCLUS)

    return etat.pages_liees.calculer((html, vers), lier_la_page)


def _motif_du_mot(mot: str) -> str:
    """Un mot d'un terme, tel qu'il s'écrit dans une page : pluriel, écriture inclusive, apostrophe."""
    mot = re.escape(mot).replace("'", "['’]")
    return mot + r"(?:s|x)?(?:[·•](?:e|es|s|rice|rices|euse|euses)(?:[·•]s)?)?"


@dataclass(frozen=True)
class _Motifs:
    motif: re.Pattern[str]
    par_forme: dict[str, Terme]
    ancres: dict[str, str]  # terme -> ancre de sa définition


def _motifs(termes: list[Terme], slugify: Slugify) -> _Motifs:
    """Une seule expression pour tous les termes et leurs `formes` (les plus longues d'abord).

    Les formes sont rangées par initiale : à chaque position du texte, l'expression n'essaie que
    celles qui commencent par la lettre lue (un test d'une classe de caractères écarte d'abord les
    autres positions). À une position donnée, elle trouve donc la même forme que si elle les
    essayait toutes dans l'ordre, et le groupe numéroté de chaque forme ne change pas.
    """
    formes = sorted(((f, t) for t in termes for f in (t.terme, *t.formes)), key=lambda ft: len(ft[0]), reverse=True)
    par_initiale: dict[str, list[tuple[str, Terme]]] = {}
    for f, t in formes:
        par_initiale.setdefault(f[:1].lower(), []).append((f, t))
    initiales = "".join(re.escape(i + i.upper()) for i in par_initiale)
    groupes = "|".join(f"(?=[{re.escape(i + i.upper())}])(?:" + "|".join(
        "(" + f"{ESPACE_DANS_LA_LIGNE}+".join(_motif_du_mot(m) for m in f.split()) + ")" for f, _ in groupe) + ")"
        for i, groupe in par_initiale.items())
    motif = re.compile(rf"(?=[{initiales}])(?<![\w·-])(?:{groupes})(?![\w-])", re.IGNORECASE)
    # Le groupe n de l'expression est la n-ième forme dans l'ordre des initiales.
    dans_l_ordre = [t for groupe in par_initiale.values() for _, t in groupe]
    return _Motifs(motif, {str(i): t for i, t in enumerate(dans_l_ordre)},
                   {t.terme: ancre(t.terme, slugify) for t in termes})


def lier_les_termes(texte: str, termes: list[Terme], vers_le_glossaire: str, vus: set[str], slugify: Slugify) -> str:
    """La première apparition de chaque terme du glossaire dans la page devient un lien vers sa
    définition ; `vus` (propre à la page) retient les termes déjà liés."""
    return _lier(texte, _motifs(termes, slugify), vers_le_glossaire, vus) if termes else texte


def _lier(texte: str, motifs: _Motifs, vers_le_glossaire: str, vus: set[str]) -> str:
    def lier(m: re.Match[str]) -> str:
        terme = motifs.par_forme[str(m.lastindex - 1)]
        if terme.terme in vus:
            return m.group(0)
        vus.add(terme.terme)
        titre = infobulle(terme.terme[:1].upper() + terme.terme[1:], terme).replace("&", "&amp;").replace('"', "&quot;")
        return (f'<a class="kb-terme" href="{vers_le_glossaire}#{motifs.ancres[terme.terme]}" title="{titre}">'
                f"{m.group(0)}</a>")

    return motifs.motif.sub(lier, texte)


def infobulle(nom: str, terme: Terme) -> str:
    """Texte au survol : « nom : première phrase de la définition. » (sigles et termes)."""
    return nom + " : " + terme.definition.split(". ")[0].rstrip(".") + "."


def sigles_developpes_une_fois(html: str) -> str:
    """Seule la première occurrence d'un sigle garde son développement au survol (<abbr title>).

    Règle d'écriture courante (développer un sigle à sa première apparition), qui évite aussi
    qu'un lecteur d'écran relise la définition à chaque « CAE » et que Material monte une
    infobulle par occurrence (des dizaines sur la FAQ : temps de chargement sur mobile).
    """
    vus: set[str] = set()

    def remplacer(m: re.Match[str]) -> str:
        if m.group(1) in vus:
            return m.group(1)
        vus.add(m.group(1))
        return m.group(0)

    return _SIGLE.sub(remplacer, html)


# ---------------------------------------------------------------- Chargement


def charger(chemin: Path, reg: Registre, racine: Path) -> tuple[list[Terme], list[Probleme]]:
    fichier = chemin_lisible(chemin, racine)
    try:
        doc = lire_yaml(chemin.read_text(encoding="utf-8"), objet="le glossaire", racine=list)
    except EnteteIllisible as e:
        return [], [Probleme("KB500", fichier, f"le glossaire n'est pas lisible : {e}.",
                             e.correction or "vérifiez l'indentation et les guillemets (un terme commence par "
                             "« - terme: »).", e.ligne)]
    entrees = doc.donnees
    problemes = [Probleme("KB500", fichier, _situer(entrees, chemin_cle, message),
                          "voir data/schemas/glossaire.schema.json et CONTRIBUTING.md#kb500.",
                          doc.ligne(chemin_cle))
                 for chemin_cle, message in erreurs(entrees, str(racine / "data/schemas/glossaire.schema.json"))]
    if problemes:
        return [], problemes
    termes = [Terme(terme=e["terme"], definition=" ".join(e["definition"].split()), abreviation=e.get("abreviation"),
                    references=tuple(e.get("references") or ()), synonymes=tuple(e.get("synonymes") or ()),
                    voir=tuple(e.get("voir") or ()), formes=tuple(e.get("formes") or ())) for e in entrees]
    vus: dict[str, int] = {}
    connus = {cle_de_comparaison(t.terme) for t in termes}
    for i, t in enumerate(termes):
        ligne = doc.ligne((i,))
        for nom in filter(None, (t.terme, t.abreviation)):
            if (c := cle_de_comparaison(nom)) in vus:
                problemes.append(Probleme("KB500", fichier,
                                          f"« {nom} » figure deux fois dans le glossaire (voir aussi la ligne {vus[c]}).",
                                          "fusionnez les deux entrées en une seule.", ligne))
            vus.setdefault(c, ligne or 0)
        for ref in t.references:
            if reg.trouver(ref) is None and not reg.illisible(ref):
                problemes.append(Probleme("KB500", fichier, f"le terme « {t.terme} » renvoie à « {ref} », absent du registre.",
                                          "utilisez un identifiant de data/textes (par exemple code-du-travail:L7331-2).", ligne))
        for autre in t.voir:
            if cle_de_comparaison(autre) not in connus:
                problemes.append(Probleme("KB500", fichier, f"le terme « {t.terme} » renvoie à « {autre} », absent du glossaire.",
                                          "corrigez le renvoi ou ajoutez ce terme au glossaire.", ligne))
    return sorted(termes, key=lambda t: cle_de_comparaison(t.terme)), problemes


def _situer(entrees: list, chemin_cle: tuple, message: str) -> str:
    """« entrée « CAE » : … » plutôt qu'un numéro d'élément de liste."""
    if chemin_cle and isinstance(chemin_cle[0], int) and isinstance(entrees[chemin_cle[0]], dict):
        nom = entrees[chemin_cle[0]].get("terme", f"n° {chemin_cle[0] + 1}")
        champ = ".".join(str(c) for c in chemin_cle[1:]) or "l'entrée"
        message = message.replace(f" manque dans [{chemin_cle[0] + 1}].", " manque.")
        return f"entrée « {nom} » : " + message.replace(f"[{chemin_cle[0] + 1}].", "").replace(f"[{chemin_cle[0] + 1}]", champ)
    return message


def ancre(terme: str, slugify: Slugify) -> str:
    """L'ancre de la définition d'un terme : celle que MkDocs donnerait à un titre du même texte
    (option `slugify` de toc dans mkdocs.yml, kb.commun.normalisation.slugify_des_titres) :
    « période d'essai » -> « periode-dessai »."""
    return slugify(terme, "-")


@lru_cache(maxsize=4096)
def ancienne_ancre(terme: str) -> str:
    """L'ancre que le glossaire donnait jusqu'en décembre 2026 (« periode-d-essai »), avant de
    suivre celle des titres. Des liens publiés la visent : la page du glossaire la garde, par un
    <span id> vide dans le titre du terme, quand elle diffère de la nouvelle. Ne pas s'en servir
    pour un nouveau lien."""
    return cle_de_comparaison(terme).replace(" ", "-")


# ---------------------------------------------------------------- Rendu


def rendre_glossaire(termes: list[Terme], reg: Registre | None, slugify: Slugify) -> str:
    """Markdown de la page du glossaire : barre A–Z, une section par lettre, une ancre par terme
    (plus son ancienne ancre, si elle diffère : voir `ancienne_ancre`)."""
    ancres = {t.terme: ancre(t.terme, slugify) for t in termes}
    nouvelles = set(ancres.values())
    lettres = list(dict.fromkeys(cle_de_comparaison(t.terme)[:1].upper() for t in termes if cle_de_comparaison(t.terme)))
    # La barre de lettres : sur un téléphone, le glossaire fait des dizaines d'écrans.
    lignes: list[str] = ['<nav class="kb-lettres" aria-label="Lettres" markdown>',
                         " ".join(f"[{x}](#lettre-{x.lower()})" for x in lettres), "</nav>", ""]
    lettre = ""
    par_cle = {cle_de_comparaison(t.terme): t for t in termes}
    for t in termes:
        initiale = cle_de_comparaison(t.terme)[:1].upper()
        if initiale != lettre:
            lettre = initiale
            lignes += [f"## {lettre} {{ #lettre-{lettre.lower()} }}", ""]
        titre = f"{t.terme} ({t.abreviation})" if t.abreviation else t.terme
        ancienne = ancienne_ancre(t.terme)
        compatibilite = f'<span id="{ancienne}"></span>' if ancienne not in nouvelles else ""
        lignes += [f"### {titre[:1].upper() + titre[1:]}{compatibilite} {{ #{ancres[t.terme]} }}", "", t.definition, ""]
        if t.references:
            lignes += ["*Textes :* " + " ; ".join(_reference(r, reg) for r in t.references) + ".", ""]
        if t.synonymes:
            lignes += ["*Autres mots :* " + ", ".join(t.synonymes) + ".", ""]
        if t.voir:
            renvois = [par_cle[cle_de_comparaison(v)] for v in t.voir if cle_de_comparaison(v) in par_cle]
            liens = [f"[{r.terme}](#{ancres[r.terme]})" for r in renvois]
            lignes += ["*Voir aussi :* " + ", ".join(liens) + ".", ""]
    return "\n".join(lignes)


def _reference(ref: str, reg: Registre | None) -> str:
    """Une référence écrite sous sa forme officielle, celle du registre (« art. L. 7331-2 du code du
    travail », « art. 26-41 de la loi n° 47-1775 du 10 septembre 1947 », « loi n° 2014-856 du
    31 juillet 2014 ») : hooks/references.py la reconnaît et la lie comme toute citation."""
    cible = reg.trouver(ref) if reg is not None else None
    if isinstance(cible, Article):
        return cible.citation
    if isinstance(cible, Texte):
        return cible.titre_court
    return ref  # absente du registre : déjà signalée (KB500)


def abreviations(termes: list[Terme]) -> dict[str, str]:
    """Sigle -> texte au survol (option « glossary » de l'extension abbr)."""
    sigles = {}
    for t in termes:
        if t.abreviation:
            sigles[t.abreviation] = infobulle(t.terme, t)
    return sigles
