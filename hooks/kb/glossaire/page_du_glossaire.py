"""La page du glossaire (docs/glossaire.md) : à la place de `<!-- glossaire -->`, les termes rangés
par lettre, avec leur définition, leurs articles, leurs synonymes et leurs renvois."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.normalisation import Slugify, cle_de_comparaison, majuscule, slugify_des_titres
from kb.commun.projet import registre
from kb.glossaire.chargement import etat_du_glossaire
from kb.glossaire.termes import Terme, ancienne_ancre, ancre
from kb.references.registre import Article, Registre, Texte

MARQUE = "<!-- glossaire -->"


def inserer_le_glossaire(markdown: str, config: MkDocsConfig) -> str:
    """Remplace la marque `<!-- glossaire -->` de la page par le glossaire rendu."""
    if MARQUE in markdown:
        termes = etat_du_glossaire(config).termes
        markdown = markdown.replace(MARQUE, rendre_glossaire(termes, registre(config), slugify_des_titres(config)))
    return markdown


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
        lignes += [f"### {majuscule(titre)}{compatibilite} {{ #{ancres[t.terme]} }}", "", t.definition, ""]
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
    31 juillet 2014 ») : kb/references/liaison.py la reconnaît et la lie comme toute citation."""
    cible = reg.trouver(ref) if reg is not None else None
    if isinstance(cible, Article):
        return cible.citation
    if isinstance(cible, Texte):
        return cible.titre_court
    return ref  # absente du registre : déjà signalée (KB500)
