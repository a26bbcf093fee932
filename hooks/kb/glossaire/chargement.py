"""Le chargement du glossaire : data/glossaire.yml lu, validé (KB500 : YAML illisible, entrée hors
schéma, terme ou sigle en double, renvoi ou référence inconnus), une fois par build complet."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.diagnostics import Probleme, chemin_lisible, signaler
from kb.commun.entete import EnteteIllisible, lire_yaml
from kb.commun.etat import UneFoisParEntree, etat_du_build
from kb.commun.normalisation import cle_de_comparaison, slugify_des_titres
from kb.commun.projet import projet, registre
from kb.commun.schema import erreurs
from kb.glossaire.expression import Motifs, motifs_des_termes
from kb.glossaire.termes import Terme
from kb.references.registre import Registre


@dataclass
class EtatDuGlossaire:
    """Partie de l'état du build (kb.commun.etat) : le glossaire chargé et l'expression de ses termes."""

    charge: bool = False
    termes: list[Terme] = field(default_factory=list)
    motifs: Motifs | None = None
    # Sigle -> texte au survol (kb.glossaire.sigles), fait une fois par build à la première page.
    sigles: dict[str, str] | None = None
    # (HTML du contenu d'une page, lien vers le glossaire) -> le même, termes liés : une page
    # française non traduite est rendue deux fois (sous / et sous /en/) avec le même HTML.
    pages_liees: UneFoisParEntree = field(default_factory=UneFoisParEntree)


def etat_du_glossaire(config: MkDocsConfig) -> EtatDuGlossaire:
    """La partie du glossaire dans l'état du build en cours."""
    return etat_du_build(config).partie(EtatDuGlossaire)


def charger_pour_le_build(config: MkDocsConfig) -> None:
    """Charge le glossaire une fois par build complet : le build anglais de mkdocs-static-i18n
    (même fichier, même registre) réutilise celui du build français."""
    glossaire = etat_du_glossaire(config)
    if glossaire.charge:
        return
    termes, problemes = charger(projet(config).donnees / "glossaire.yml", registre(config), projet(config).racine)
    for probleme in problemes:
        signaler(config, probleme)
    glossaire.charge, glossaire.termes = True, termes
    # L'expression de tous les termes : construite une fois par build.
    glossaire.motifs = motifs_des_termes(termes, slugify_des_titres(config)) if termes else None


def charger(chemin: Path, reg: Registre, racine: Path) -> tuple[list[Terme], list[Probleme]]:
    """Lit et valide le glossaire ; renvoie ses termes rangés par ordre alphabétique, et les problèmes."""
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
