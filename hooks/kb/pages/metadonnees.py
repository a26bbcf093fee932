"""L'en-tête de chaque page validé pendant le build (KB100 à KB106 : fichier, ligne, correction),
et ses sources `ref:` résolues dans le registre des textes (`kb_sources`), pour que le titre et
l'adresse d'un article ne soient écrits qu'une fois (data/textes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kb.commun.diagnostics import Probleme, signaler
from kb.commun.entete import Entete, EnteteIllisible, lire_entete
from kb.commun.etat import UneFoisParEntree, etat_du_build
from kb.commun.projet import domaine_autorise, domaines_autorises, est_un_repli, fichier_lisible, projet, registre
from kb.references.registre import Registre
from kb.commun.schema import erreurs

# Au-delà, une page doit être revérifiée (simple avertissement).
DUREE_DE_VALIDITE = dt.timedelta(days=548)  # 18 mois


def verifier_la_page(page: Page, config: MkDocsConfig) -> None:
    """Vérifie l'en-tête de la page (une fois par build complet) et range ses sources dans page.meta."""
    p = projet(config)
    fichier = fichier_lisible(config, page.file.abs_src_path)
    texte = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    # Une page française non traduite est rendue deux fois (sous / et sous /en/) : même fichier,
    # même texte, même registre dans un build complet, donc une seule vérification.
    sources, problemes = etat_du_build(config).partie(PagesVerifiees).calculer((fichier, texte), lambda: verifier(
        texte, fichier, registre(config), domaines_autorises(config), p.schema("page"), dt.date.today()))
    # Une page française recopiée sous /en/ (repli) a déjà été vérifiée dans le build français :
    # on garde ses sources pour les afficher, sans répéter ses problèmes.
    if not est_un_repli(page, config):
        for probleme in problemes:
            signaler(config, probleme, avertissement=probleme.code == "KB105")
    page.meta["kb_sources"] = [dict(source) for source in sources]


class PagesVerifiees(UneFoisParEntree):
    """Partie de l'état du build (kb.commun.etat) : (fichier, texte) -> sources résolues et problèmes."""


# ---------------------------------------------------------------- Vérifications


def verifier(texte: str, fichier: str, reg: Registre, domaines: frozenset[str], schema: str,
             aujourdhui: dt.date) -> tuple[list[dict[str, str]], list[Probleme]]:
    """Vérifie l'en-tête d'une page ; renvoie ses sources résolues et les problèmes trouvés."""
    try:
        entete = lire_entete(texte)
    except EnteteIllisible as e:
        return [], [Probleme("KB100", fichier, f"l'en-tête n'est pas lisible : {e}.",
                             e.correction or "vérifiez l'indentation, les guillemets et les deux-points ; "
                             "l'en-tête commence et finit par une ligne « --- ».", e.ligne)]
    if not entete.present:
        return [], [Probleme("KB101", fichier, "la page n'a pas d'en-tête.",
                             "copiez l'en-tête de modeles/page.md (title, description, audience, "
                             "sources, verifie_le) en haut du fichier.", 1)]
    problemes = _schema(entete, fichier, schema)
    problemes += _date_de_verification(entete, fichier, aujourdhui)
    sources, autres = _sources(entete, fichier, reg, domaines)
    texte_id = entete.donnees.get("texte")
    if isinstance(texte_id, str) and texte_id not in reg.textes and not reg.illisible(texte_id):
        autres.append(Probleme("KB106", fichier, f"« texte: {texte_id} » ne correspond à aucun texte du registre.",
                               "utilisez le nom d'un fichier de data/textes sans .yml (par exemple loi-2014-856).",
                               entete.ligne(("texte",))))
    return sources, problemes + autres


def _schema(entete: Entete, fichier: str, schema: str) -> list[Probleme]:
    problemes = []
    for chemin, message in erreurs(entete.donnees, schema):
        if chemin[:1] == ("sources",) or message.startswith("le champ obligatoire « sources »"):
            continue  # traité avec un message dédié par _sources
        problemes.append(Probleme("KB101", fichier, message,
                                  "voir CONTRIBUTING.md, « L'en-tête d'une page », et modeles/page.md.",
                                  entete.ligne(chemin)))
    return problemes


def _date_de_verification(entete: Entete, fichier: str, aujourdhui: dt.date) -> list[Probleme]:
    valeur = entete.donnees.get("verifie_le")
    try:
        date = dt.date.fromisoformat(valeur) if isinstance(valeur, str) else None
    except ValueError:
        return []  # déjà signalé par le schéma
    if date is None:
        return []
    ligne = entete.ligne(("verifie_le",))
    if date > aujourdhui:
        return [Probleme("KB104", fichier, f"la date de vérification {date.isoformat()} est dans le futur.",
                         "indiquez le jour où vous avez vraiment relu la page sur ses sources "
                         f"(au plus tard aujourd'hui, {aujourdhui.isoformat()}).", ligne)]
    if aujourdhui - date > DUREE_DE_VALIDITE:
        return [Probleme("KB105", fichier,
                         f"la page n'a pas été vérifiée depuis le {date.isoformat()} (plus de 18 mois).",
                         "relisez-la sur ses sources, puis mettez « verifie_le » à jour.", ligne)]
    return []


def _sources(entete: Entete, fichier: str, reg: Registre,
             domaines: frozenset[str]) -> tuple[list[dict[str, str]], list[Probleme]]:
    """Résout les sources (ref -> titre et adresse officiels) et signale les sources fautives."""
    donnees = entete.donnees
    liste: Any = donnees.get("sources")
    if not liste:
        if "article" in donnees:
            return [], []  # page d'article : la source officielle vient du registre
        return [], [Probleme("KB102", fichier, "la page ne cite aucune source (« sources » absent ou vide).",
                             "ajoutez au moins une source : « - ref: code-du-travail:L7331-2 » pour un "
                             "article du registre, ou « - titre: … » et « url: https://… ».",
                             entete.ligne(("sources",)))]
    if not isinstance(liste, list):
        return [], [Probleme("KB102", fichier, "« sources » doit être une liste (lignes commençant par « - »).",
                             "voir modeles/page.md.", entete.ligne(("sources",)))]
    resolues, problemes = [], []
    for i, source in enumerate(liste):
        ligne = entete.ligne(("sources", i))
        if isinstance(source, dict) and set(source) == {"ref"}:
            cible = reg.trouver(str(source["ref"]))
            if cible is None and reg.illisible(str(source["ref"])):
                continue  # le fichier de ce texte est fautif : déjà signalé par kb.references.registre
            if cible is None:
                problemes.append(Probleme(
                    "KB106", fichier, f"la source « {source['ref']} » n'existe pas dans le registre des textes.",
                    "utilisez un identifiant de data/textes (par exemple code-du-travail:L7331-2 ou "
                    "loi-2014-856), ou ajoutez l'article au registre.", ligne))
                continue
            resolues.append({"titre": cible.titre, "url": cible.url, "officielle": "oui"})
        elif isinstance(source, dict) and {"titre", "url"} <= set(source) <= {"titre", "url", "consulte_le"}:
            url = str(source["url"])
            if not url.startswith("https://"):
                problemes.append(Probleme("KB103", fichier, f"l'adresse « {url} » n'est pas en https.",
                                          "utilisez l'adresse https de la même page.", entete.ligne(("sources", i, "url"))))
                continue
            if not domaine_autorise(url, domaines):
                problemes.append(Probleme(
                    "KB103", fichier, f"le domaine de « {url} » n'est pas dans la liste des sources admises.",
                    "citez une source officielle ou reconnue ; si ce site est fiable, ajoutez son domaine "
                    "à data/domaines.yml en expliquant pourquoi dans la demande de fusion.",
                    entete.ligne(("sources", i, "url"))))
                continue
            resolues.append({"titre": str(source["titre"]), "url": url, "consulte_le": str(source.get("consulte_le") or "")})
        else:
            problemes.append(Probleme("KB102", fichier, f"la source n° {i + 1} est incomplète ou mal formée.",
                                      "écrivez « - ref: identifiant » ou « - titre: … » suivi de « url: https://… ».",
                                      ligne))
    return resolues, problemes
