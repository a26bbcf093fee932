"""Le HTML dangereux écrit à la main dans une page Markdown, refusé (KB400).

Le site n'exécute que son propre code et ne charge rien d'un autre site. Une page ne doit donc
contenir ni balise <script>, <iframe>, <object> ou <embed>, ni attribut de gestion d'événement
(onclick=, onload=, onerror=… dans une balise HTML ou dans un attribut Markdown « {: … } »),
ni lien « javascript: ». Le code montré en exemple reste permis : blocs ``` ou ~~~ (même
indentés dans un encadré ou une liste) et code en ligne `…` ne sont pas examinés. Un commentaire
HTML <!-- … --> l'est : un script mis en commentaire n'a rien à faire dans une page.
Les mots ordinaires (« onzième », « one=2 » dans le texte) ne sont pas des attributs : seuls
comptent les attributs d'une balise HTML ou d'une liste « {: … } » de l'extension attr_list.
Chaque problème nomme le fichier et la ligne et dit comment corriger ; en mode strict, le build
échoue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.diagnostics import Probleme, signaler
from kb.commun.etat import UneFoisParEntree, etat_du_build
from kb.commun.projet import fichier_lisible

CODE = "KB400"

BALISES_INTERDITES = ("script", "iframe", "object", "embed")
_BALISE_INTERDITE = re.compile(r"<(" + "|".join(BALISES_INTERDITES) + r")(?=[\s/>]|$)", re.IGNORECASE)
# Une balise ouvrante HTML, éventuellement sur plusieurs lignes : <nom attributs…>.
_BALISE = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>")
# Liste d'attributs de l'extension attr_list : {: #id .classe cle="valeur" } ou { … }.
_ATTR_LIST = re.compile(r"\{:?[ \t]*((?:\"[^\"\n]*\"|'[^'\n]*'|[^{}\n\"'])*)\}")
# Un attribut : nom, puis éventuellement = valeur (entre guillemets ou non).
_ATTRIBUT = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# Gestionnaire d'événement : « on » suivi du nom d'un événement (3 lettres au moins : oncut,
# onload, onclick…). « one », « onzième » ou « only » ne sont pas des gestionnaires.
_GESTIONNAIRE = re.compile(r"on[a-z]{3,}", re.IGNORECASE)
_ATTRIBUTS_URL = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc"})
_JAVASCRIPT = re.compile(r"^\s*javascript\s*:", re.IGNORECASE)
# Lien Markdown [texte](javascript:…) ou définition de référence [id]: javascript:…
_LIEN_JAVASCRIPT = re.compile(r"\]\(\s*<?\s*javascript\s*:|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?javascript\s*:",
                              re.IGNORECASE | re.MULTILINE)

_OUVERTURE_BLOC = re.compile(r"^[ \t]*(?:>[ \t]?)*(`{3,}|~{3,})(.*)$")

_CORRECTION_BALISE = (
    "supprimez cette balise : le site n'exécute aucun script et n'intègre aucun contenu d'un autre "
    "site. Pour une vidéo ou un document externe, mettez un simple lien [texte](https://…) ; pour "
    "montrer ce code en exemple, mettez-le entre accents graves (`<script>`) ou dans un bloc ```html.")
_CORRECTION_ATTRIBUT = (
    "supprimez l'attribut « {nom} » : une page ne contient pas de code JavaScript. Un comportement "
    "interactif se demande à l'équipe (overrides/) ; pour montrer ce code en exemple, mettez-le entre "
    "accents graves ou dans un bloc ```html.")
_CORRECTION_LIEN = (
    "remplacez ce lien « javascript: » par un lien vers une page (https://… ou une page du site) ; "
    "pour montrer ce code en exemple, mettez-le entre accents graves.")


def verifier_la_page(markdown: str, page: Page, config: MkDocsConfig) -> None:
    """Vérifie le fichier source entier (en-tête compris, pour des numéros de ligne exacts)."""
    source = page.file.abs_src_path
    if source and Path(source).is_file():
        texte = Path(source).read_text(encoding="utf-8-sig")
        fichier = fichier_lisible(config, source)
    else:  # page produite par un hook ou un plugin : on vérifie ce qui sera rendu
        texte = markdown
        fichier = f"docs/{page.file.src_uri}"
    # Une page française non traduite est rendue deux fois (sous / et sous /en/) : même fichier,
    # même texte dans un build complet, donc une seule vérification.
    for probleme in etat_du_build(config).partie(PagesSures).calculer((fichier, texte), lambda: verifier(texte, fichier)):
        signaler(config, probleme)


class PagesSures(UneFoisParEntree):
    """Partie de l'état du build (kb.commun.etat) : (fichier, texte) -> problèmes trouvés (KB400)."""


# ---------------------------------------------------------------- Vérification


def verifier(texte: str, fichier: str) -> list[Probleme]:
    """Liste le HTML dangereux d'un texte Markdown, hors code ; un problème par occurrence."""
    visible = masquer_le_code(texte)
    trouves: list[tuple[int, Probleme]] = []

    def ajouter(position: int, message: str, correction: str) -> None:
        ligne = visible.count("\n", 0, position) + 1
        trouves.append((position, Probleme(CODE, fichier, message, correction, ligne)))

    for m in _BALISE_INTERDITE.finditer(visible):
        nom = m.group(1).lower()
        ajouter(m.start(), f"la page contient une balise <{nom}> écrite en HTML.", _CORRECTION_BALISE)

    for m in _BALISE.finditer(visible):
        for nom, valeur, decalage in _attributs(m.group(2)):
            position = m.start(2) + decalage
            if _GESTIONNAIRE.fullmatch(nom):
                ajouter(position, f"la balise <{m.group(1)}> a un attribut de gestion d'événement "
                        f"« {nom} » (code JavaScript).", _CORRECTION_ATTRIBUT.format(nom=nom))
            elif nom.lower() in _ATTRIBUTS_URL and valeur and _JAVASCRIPT.match(valeur.strip("\"'")):
                ajouter(position, f"la balise <{m.group(1)}> a un lien « javascript: » ({nom}=…).",
                        _CORRECTION_LIEN)

    for m in _ATTR_LIST.finditer(visible):
        for nom, valeur, decalage in _attributs(m.group(1)):
            position = m.start(1) + decalage
            if _GESTIONNAIRE.fullmatch(nom) and valeur is not None:
                ajouter(position, f"la liste d'attributs « {{: … }} » ajoute un gestionnaire d'événement "
                        f"« {nom} » (code JavaScript).", _CORRECTION_ATTRIBUT.format(nom=nom))
            elif nom.lower() in _ATTRIBUTS_URL and valeur and _JAVASCRIPT.match(valeur.strip("\"'")):
                ajouter(position, "la liste d'attributs « {: … } » ajoute un lien « javascript: ».",
                        _CORRECTION_LIEN)

    for m in _LIEN_JAVASCRIPT.finditer(visible):
        ajouter(m.start(), "la page contient un lien Markdown « javascript: ».", _CORRECTION_LIEN)

    return [probleme for _, probleme in sorted(trouves, key=lambda t: t[0])]


def _attributs(texte: str) -> Iterator[tuple[str, str | None, int]]:
    """(nom, valeur ou None, position) de chaque attribut d'une balise ou d'une liste attr_list."""
    for m in _ATTRIBUT.finditer(texte):
        yield m.group(1), m.group(2), m.start(1)


def masquer_le_code(texte: str) -> str:
    """Remplace par des espaces le contenu des blocs de code et du code en ligne.

    Les positions et les fins de ligne sont gardées : un numéro de ligne calculé sur le texte
    masqué est celui du fichier.
    """
    lignes = texte.split("\n")
    sortie: list[str] = []
    cloture: re.Pattern[str] | None = None
    for ligne in lignes:
        if cloture is not None:
            sortie.append(" " * len(ligne))
            if cloture.match(ligne):
                cloture = None
            continue
        ouverture = _OUVERTURE_BLOC.match(ligne)
        if ouverture and not (ouverture.group(1)[0] == "`" and "`" in ouverture.group(2)):
            barriere = ouverture.group(1)
            cloture = re.compile(rf"^[ \t]*(?:>[ \t]?)*{re.escape(barriere[0])}{{{len(barriere)},}}[ \t]*$")
            sortie.append(" " * len(ligne))
            continue
        sortie.append(ligne)
    return _masquer_code_en_ligne("\n".join(sortie))


# Code en ligne : n accents graves, un contenu (sans ligne vide), les mêmes n accents graves.
_CODE_EN_LIGNE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)


def _masquer_code_en_ligne(texte: str) -> str:
    def blanc(m: re.Match[str]) -> str:
        return "".join(c if c == "\n" else " " for c in m.group(0))

    return _CODE_EN_LIGNE.sub(blanc, texte)
