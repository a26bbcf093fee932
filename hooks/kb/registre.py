"""Le registre des textes juridiques (data/textes/*.yml) : chargement, contrôle, adresses.

Source unique de vérité : un titre d'article ou une adresse Légifrance n'est écrit qu'ici ;
pages, sources, liens automatiques, JSON-LD et export references.json en dérivent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.citations import citation_officielle
from kb.diagnostics import Probleme, chemin_lisible
from kb.entete import EnteteIllisible, lire_yaml
from kb.schema import erreurs, nom_du_champ

LEGIFRANCE = "https://www.legifrance.gouv.fr"
CODE_DU_TRAVAIL_NUMERIQUE = "https://code.travail.gouv.fr/code-du-travail/"
# Préposition devant le titre court, selon la nature du texte.
_PREPOSITION = {"code": "du", "loi": "de la", "decret": "du", "ordonnance": "de l'"}


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
            famille = "codes" if self.texte.nature == "code" else "loda"
            return f"{LEGIFRANCE}/{famille}/article_lc/{self.legiarti}"
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

    def trouver(self, ref: str) -> Texte | Article | None:
        return self.articles.get(ref) or self.textes.get(ref)

    def article(self, texte_id: str, numero: str) -> Article | None:
        return self.articles.get(f"{texte_id}:{normaliser_numero(numero)}")


def normaliser_numero(numero: str) -> str:
    """« L. 7331-2 » -> « L7331-2 » ; « 1er » -> « 1 » ; « 3 bis » garde son espace."""
    numero = re.sub(r"[\s\u00a0\u202f]+", " ", numero.strip())
    numero = re.sub(r"^([LRDlrd])\.?\s*", lambda m: m.group(1).upper(), numero)
    numero = numero.replace("‑", "-").replace("–", "-")
    return re.sub(r"^1er\b", "1", numero)


def charger(dossier: str | Path, schema: str | Path, racine: str | Path) -> tuple[Registre, list[Probleme]]:
    """Charge data/textes/*.yml ; renvoie le registre et la liste des problèmes (KB201)."""
    registre, problemes = Registre(), []
    for chemin in sorted(Path(dossier).glob("*.yml")):
        fichier = chemin_lisible(chemin, racine)

        def probleme(message: str, correction: str, ligne: int | None = None) -> None:
            problemes.append(Probleme("KB201", fichier, message, correction, ligne))

        try:
            doc = lire_yaml(chemin.read_text(encoding="utf-8"), objet="un fichier du registre")
        except EnteteIllisible as e:
            probleme(str(e) + ".", e.correction or "corrigez la syntaxe YAML (indentation, guillemets, deux-points).",
                     e.ligne)
            continue
        fautes = list(erreurs(doc.donnees, str(schema)))
        for chemin_cle, message in fautes:
            probleme(message, "voir data/schemas/texte.schema.json et CONTRIBUTING.md.",
                     doc.ligne(chemin_cle))
        if fautes:
            continue
        d = doc.donnees
        if d["id"] != chemin.stem:
            probleme(f"l'identifiant « {d['id']} » diffère du nom du fichier.",
                     f"écrivez « id: {chemin.stem} » ou renommez le fichier.", doc.ligne(("id",)))
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
                              voir_aussi=tuple(a.get("voir_aussi") or ()), ligne=doc.ligne(("articles", i)))
            if article.id in registre.articles:
                probleme(f"l'article « {article.numero} » figure deux fois.", "supprimez le doublon.", article.ligne)
            registre.articles[article.id] = article
    # Les renvois entre articles doivent viser des entrées qui existent.
    for article in registre.articles.values():
        for ref in article.voir_aussi:
            if registre.trouver(ref) is None:
                problemes.append(Probleme(
                    "KB201", article.texte.fichier,
                    f"{nom_du_champ(('voir_aussi',))} de l'article {article.numero} vise « {ref} », absent du registre.",
                    "corrigez l'identifiant (forme texte:numéro, par exemple code-du-travail:L7331-2) "
                    "ou ajoutez l'article au registre.", article.ligne))
    registre.textes = dict(sorted(registre.textes.items(), key=lambda item: (item[1].ordre, item[0])))
    return registre, problemes

