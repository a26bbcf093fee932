"""Le registre des textes juridiques (data/textes/*.yml) : chargement, contrôle, adresses.

Source unique de vérité : un titre d'article ou une adresse Légifrance n'est écrit qu'ici ;
pages, sources, liens automatiques, JSON-LD et export references.json en dérivent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Callable

from kb.references.citations import citation_officielle
from kb.references.grammaire import normaliser_numero
from kb.commun.diagnostics import Probleme
from kb.commun.schema import fichiers_du_dossier, nom_du_champ

LEGIFRANCE = "https://www.legifrance.gouv.fr"
CODE_DU_TRAVAIL_NUMERIQUE = "https://code.travail.gouv.fr/code-du-travail/"
# Préposition devant le titre court, selon la nature du texte.
_PREPOSITION = MappingProxyType({"code": "du", "loi": "de la", "decret": "du", "ordonnance": "de l'"})


@dataclass(frozen=True)
class Texte:
    """Un texte : code, loi, décret ou ordonnance."""

    id: str
    titre: str
    titre_court: str
    nature: str
    url: str | None
    date: str | None = None
    jo: str | None = None
    identifiants: dict[str, str | None] = field(default_factory=dict)
    fichier: str = ""
    ordre: int = 100

    @property
    def complement(self) -> str:
        """« du code du travail », « de la loi n° 2014-856 du 31 juillet 2014 »."""
        prep = _PREPOSITION[self.nature]
        return f"{prep}{self.titre_court}" if prep.endswith("'") else f"{prep} {self.titre_court}"


@dataclass(frozen=True)
class Evenement:
    """Une étape de l'historique d'un article : sa création ou une modification.

    `par` : identifiant du registre du texte (« loi-2008-596 ») ou de l'article (« loi-2014-856:48 »)
    qui a fait le changement ; `article` : numéro de l'article de ce texte, quand `par` est un texte ;
    `le` : date d'entrée en vigueur de la version ainsi créée (AAAA-MM-JJ).
    """

    par: str
    le: str
    article: str | None = None


@dataclass(frozen=True)
class Historique:
    """L'historique vérifié d'un article : création, modifications, version lue et où."""

    creation: Evenement
    modifications: tuple[Evenement, ...]
    lu_le: str
    source: str

    @property
    def versions(self) -> tuple[str, ...]:
        """Dates de début de chaque version connue, de la plus ancienne à la plus récente."""
        return (self.creation.le, *(m.le for m in self.modifications))


@dataclass(frozen=True)
class Article:
    """Un article d'un texte du registre."""

    texte: Texte
    numero: str
    intitule: str
    legiarti: str | None = None
    url_imposee: str | None = None
    cree_par: str | None = None
    modifie_par: str | None = None
    en_vigueur_depuis: str | None = None
    voir_aussi: tuple[str, ...] = ()
    ligne: int | None = None
    historique: Historique | None = None

    @property
    def id(self) -> str:
        return f"{self.texte.id}:{self.numero}"

    @property
    def numero_affiche(self) -> str:
        """« 1er » pour l'article 1 d'une loi, sinon le numéro tel quel."""
        return "1er" if self.numero == "1" and self.texte.nature != "code" else self.numero

    @property
    def titre(self) -> str:
        """Titre d'une page d'article : « Article L7331-2 du code du travail »."""
        return f"Article {self.numero_affiche} {self.texte.complement}"

    @property
    def citation(self) -> str:
        """Forme officielle de la citation : « art. L. 7331-2 du code du travail »."""
        return citation_officielle(self.numero, self.texte.nature, self.texte.complement)

    @property
    def url(self) -> str | None:
        """Adresse officielle : l'article sur Légifrance s'il est identifié, sinon le texte."""
        if self.url_imposee:
            return self.url_imposee
        if self.legiarti:
            return url_legifrance_article(self.texte, self.legiarti)
        return self.texte.url

    @property
    def url_code_du_travail_numerique(self) -> str | None:
        """Les articles du code du travail ont aussi une page sur code.travail.gouv.fr."""
        if self.texte.id == "code-du-travail":
            return CODE_DU_TRAVAIL_NUMERIQUE + self.numero.lower()
        return None


@dataclass
class Registre:
    """Tous les textes et articles, indexés par identifiant (« code-du-travail:L7331-2 »)."""

    textes: dict[str, Texte] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    # Textes dont le fichier est fautif (KB201 déjà signalé) : absents du registre.
    illisibles: set[str] = field(default_factory=set)

    def illisible(self, ref: str) -> bool:
        """Vrai si `ref` vise un texte dont le fichier n'a pas pu être chargé : ses articles manquent
        tous, et le dire à chaque citation ou renvoi noierait la seule vraie faute (KB201)."""
        return ref.split(":", 1)[0] in self.illisibles

    def trouver(self, ref: str) -> Texte | Article | None:
        return self.articles.get(ref) or self.textes.get(ref)

    def article(self, texte_id: str, numero: str) -> Article | None:
        return self.articles.get(f"{texte_id}:{normaliser_numero(numero)}")


def url_legifrance_article(texte: Texte, legiarti: str) -> str:
    """Adresse Légifrance d'un article (ou d'une version précise) par son identifiant LEGIARTI."""
    famille = "codes" if texte.nature == "code" else "loda"
    return f"{LEGIFRANCE}/{famille}/article_lc/{legiarti}"


def charger(dossier: str | Path, schema: str | Path, racine: str | Path,
            aujourdhui: dt.date | None = None) -> tuple[Registre, list[Probleme]]:
    """Charge data/textes/*.yml ; renvoie le registre et la liste des problèmes (KB201, KB203)."""
    registre, problemes = Registre(), []
    lignes_des_historiques: dict[str, Callable[[tuple[str | int, ...]], int | None]] = {}
    for chemin, fichier, doc in fichiers_du_dossier(
            dossier, racine, schema, code="KB201", objet="un fichier du registre", problemes=problemes,
            correction="voir data/schemas/texte.schema.json et CONTRIBUTING.md."):

        def probleme(message: str, correction: str, ligne: int | None = None, fichier: str = fichier) -> None:
            problemes.append(Probleme("KB201", fichier, message, correction, ligne))

        if doc is None:
            registre.illisibles.add(chemin.stem)
            continue
        d = doc.donnees
        if d["id"] != chemin.stem:
            probleme(f"l'identifiant « {d['id']} » diffère du nom du fichier.",
                     f"écrivez « id: {chemin.stem} » ou renommez le fichier.", doc.ligne(("id",)))
            registre.illisibles.add(chemin.stem)
            continue
        texte = Texte(id=d["id"], titre=d["titre"], titre_court=d["titre_court"], nature=d["nature"],
                      url=d["url"], date=d.get("date"), jo=d.get("jo"),
                      identifiants=dict(d.get("identifiants") or {}), fichier=fichier,
                      ordre=d.get("ordre", 100))
        registre.textes[texte.id] = texte
        for i, a in enumerate(d.get("articles") or []):
            article = Article(texte=texte, numero=a["numero"], intitule=a["intitule"], legiarti=a.get("legiarti"),
                              url_imposee=a.get("url"), cree_par=a.get("cree_par"), modifie_par=a.get("modifie_par"),
                              en_vigueur_depuis=a.get("en_vigueur_depuis"),
                              voir_aussi=tuple(a.get("voir_aussi") or ()), ligne=doc.ligne(("articles", i)),
                              historique=_historique(a.get("historique")))
            if article.id in registre.articles:
                probleme(f"l'article « {article.numero} » figure deux fois.", "supprimez le doublon.", article.ligne)
            registre.articles[article.id] = article
            if article.historique is not None:
                lignes_des_historiques[article.id] = (
                    lambda chemin, doc=doc, i=i: doc.ligne(("articles", i, *chemin)))
    # Les renvois entre articles doivent viser des entrées qui existent.
    for article in registre.articles.values():
        for ref in article.voir_aussi:
            if registre.trouver(ref) is None and not registre.illisible(ref):
                problemes.append(Probleme(
                    "KB201", article.texte.fichier,
                    f"{nom_du_champ(('voir_aussi',))} de l'article {article.numero} vise « {ref} », absent du registre.",
                    "corrigez l'identifiant (forme texte:numéro, par exemple code-du-travail:L7331-2) "
                    "ou ajoutez l'article au registre.", article.ligne))
    aujourdhui = aujourdhui or dt.date.today()
    for ref, ligne in lignes_des_historiques.items():
        problemes += problemes_d_historique(registre.articles[ref], registre, ligne, aujourdhui)
    registre.textes = dict(sorted(registre.textes.items(), key=lambda item: (item[1].ordre, item[0])))
    return registre, problemes


def _historique(donnees: dict | None) -> Historique | None:
    """L'historique d'un article tel qu'écrit dans le registre (déjà validé par le schéma)."""
    if not donnees:
        return None

    def evenement(e: dict) -> Evenement:
        return Evenement(par=e["par"], le=str(e["le"]), article=None if e.get("article") is None else str(e["article"]))

    return Historique(creation=evenement(donnees["creation"]),
                      modifications=tuple(evenement(m) for m in donnees.get("modifications") or ()),
                      lu_le=str(donnees["lu_le"]), source=donnees["source"])


_CORRECTION_HISTORIQUE = "Voir CONTRIBUTING.md, « Enregistrer un changement de la loi » (#historique)."


def problemes_d_historique(article: Article, registre: Registre,
                           ligne: Callable[[tuple[str | int, ...]], int | None],
                           aujourdhui: dt.date) -> list[Probleme]:
    """KB203 : ce qu'un contributeur peut écrire de faux dans l'historique d'un article.

    `ligne(chemin)` : la ligne d'un champ de l'article (chemin relatif à son entrée).
    """
    h = article.historique
    assert h is not None
    problemes: list[Probleme] = []
    qui = f"l'historique de l'article {article.numero}"

    def probleme(message: str, correction: str, chemin: tuple[str | int, ...]) -> None:
        problemes.append(Probleme("KB203", article.texte.fichier, message, correction, ligne(("historique", *chemin))))

    # Un seul endroit pour chaque fait : avec un historique, « créé par » et « modifié par » en viennent.
    for champ in ("cree_par", "modifie_par"):
        if getattr(article, champ):
            problemes.append(Probleme(
                "KB203", article.texte.fichier,
                f"l'article {article.numero} a un historique et un champ « {champ} » : le même fait écrit deux fois.",
                f"écrivez « {champ}: null » : l'historique (creation, modifications) le donne déjà.", ligne((champ,))))
    etapes = [(("creation",), h.creation, "créé")] + [
        (("modifications", j), m, "modifié") for j, m in enumerate(h.modifications)]
    precedente: str | None = None
    for chemin, etape, verbe in etapes:
        champ = "historique." + nom_du_champ(chemin)
        cible = registre.trouver(etape.par)
        if cible is None and registre.illisible(etape.par):
            pass  # son fichier est fautif : déjà signalé
        elif cible is None:
            probleme(f"{champ}.par vise « {etape.par} », absent du registre : {qui} doit nommer un texte connu.",
                     "écrivez l'identifiant d'un texte de data/textes/ (le nom du fichier, par exemple loi-2014-856) "
                     "et son article dans « article: », ou ajoutez d'abord ce texte au registre. "
                     + _CORRECTION_HISTORIQUE, chemin + ("par",))
        elif isinstance(cible, Article) and etape.article is not None:
            probleme(f"{champ} donne à la fois un article du registre (« {etape.par} ») et « article: {etape.article} ».",
                     f"gardez « par: {cible.texte.id} » avec « article: {etape.article} », ou supprimez « article: ».",
                     chemin + ("article",))
        date = dt.date.fromisoformat(etape.le)
        if date > aujourdhui:
            probleme(f"{champ}.le ({etape.le}) est dans le futur : {qui} ne retient que les versions déjà en vigueur.",
                     f"écrivez la date où la version {verbe}e est entrée en vigueur (au plus tard aujourd'hui, "
                     f"{aujourdhui.isoformat()}) ; une modification annoncée se signale dans la page. "
                     + _CORRECTION_HISTORIQUE, chemin + ("le",))
        texte = cible.texte if isinstance(cible, Article) else cible
        if texte is not None and texte.date and etape.le < texte.date:
            probleme(f"{champ}.le ({etape.le}) précède la signature de {texte.titre_court} ({texte.date}) : "
                     "une version ne peut pas entrer en vigueur avant le texte qui la crée.",
                     "vérifiez la date d'entrée en vigueur sur Légifrance (onglet « Versions » de l'article) et le "
                     "texte modificateur. " + _CORRECTION_HISTORIQUE, chemin + ("le",))
        if precedente is not None and etape.le < precedente:
            probleme(f"{champ}.le ({etape.le}) précède l'étape d'avant ({precedente}) : l'historique doit aller "
                     "de la création à la dernière modification.",
                     "rangez les modifications par date d'entrée en vigueur, de la plus ancienne à la plus récente.",
                     chemin + ("le",))
        precedente = etape.le
    if dt.date.fromisoformat(h.lu_le) > aujourdhui:
        probleme(f"historique.lu_le ({h.lu_le}) est dans le futur.",
                 f"écrivez le jour où la version a été lue (au plus tard aujourd'hui, {aujourdhui.isoformat()}).",
                 ("lu_le",))
    if article.en_vigueur_depuis and str(article.en_vigueur_depuis) not in h.versions:
        problemes.append(Probleme(
            "KB203", article.texte.fichier,
            f"en_vigueur_depuis ({article.en_vigueur_depuis}) de l'article {article.numero} n'est la date d'aucune "
            f"version de son historique ({', '.join(h.versions)}) : version incohérente.",
            "écrivez dans en_vigueur_depuis la date de la version que résume la page, telle qu'elle figure dans "
            "l'historique (creation.le ou modifications[].le). " + _CORRECTION_HISTORIQUE,
            ligne(("en_vigueur_depuis",))))
    return problemes

