"""Les rédactions officielles des articles (data/textes-officiels/<texte>.yml) : lecture, contrôle.

Une rédaction est gardée une seule fois, à côté du registre, jamais retapée dans une page : la
page d'un article l'affiche repliée sous son résumé (bloc « Texte officiel », classe HTML
`texte-officiel`). Elle reproduit la version que résume la page : son `en_vigueur_depuis` doit être
celui de l'article dans le registre. Pour le code du travail et le code de la sécurité sociale, les
fichiers sont écrits par `make registre-legi ECRIRE=1` (scripts/registre_legi.py) ; pour un autre
texte, une rédaction n'est ajoutée que lue dans une copie du texte officiel, nommée dans `source`.
Erreurs : KB204.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kb.commun.diagnostics import Probleme
from kb.references.registre import Registre
from kb.commun.schema import fichiers_du_dossier

CORRECTION = "Voir CONTRIBUTING.md, « Mettre à jour les rédactions officielles » (#redactions-officielles)."


@dataclass(frozen=True)
class Redaction:
    """La rédaction d'une version d'un article, telle que publiée, et où elle a été lue."""

    article: str  # identifiant du registre : « code-du-travail:L7331-2 »
    alineas: tuple[str, ...]
    en_vigueur_depuis: str
    legiarti: str | None
    source: str
    lu_le: str
    url_source: str | None = None


def charger(dossier: str | Path, schema: str | Path, racine: str | Path, registre: Registre,
            aujourdhui: dt.date | None = None) -> tuple[dict[str, Redaction], list[Probleme]]:
    """Lit data/textes-officiels/*.yml ; renvoie {article: rédaction} et les problèmes (KB204)."""
    aujourdhui = aujourdhui or dt.date.today()
    redactions: dict[str, Redaction] = {}
    problemes: list[Probleme] = []
    for chemin, fichier, doc in fichiers_du_dossier(
            dossier, racine, schema, code="KB204", objet="un fichier de rédactions officielles", problemes=problemes,
            correction="voir data/schemas/texte-officiel.schema.json. " + CORRECTION):

        def probleme(message: str, correction: str, ligne: int | None, fichier: str = fichier) -> None:
            problemes.append(Probleme("KB204", fichier, message, correction, ligne))

        if doc is None:
            continue
        d = doc.donnees
        texte = registre.textes.get(d["texte"])
        if texte is None and d["texte"] == chemin.stem and registre.illisible(chemin.stem):
            continue  # le fichier du registre de ce texte est fautif : déjà signalé par kb.references.registre
        if d["texte"] != chemin.stem or texte is None:
            probleme(f"« texte: {d['texte']} » doit être le nom du fichier ({chemin.stem}) et un texte du registre.",
                     "nommez le fichier d'après l'identifiant du texte dans data/textes/ (par exemple "
                     "code-du-travail.yml) et écrivez le même identifiant dans « texte: ».", doc.ligne(("texte",)))
            continue
        for date, chemin_cle in [(d["lu_le"], ("lu_le",))] + [
                (a["lu_le"], ("articles", i, "lu_le")) for i, a in enumerate(d["articles"]) if "lu_le" in a]:
            if dt.date.fromisoformat(date) > aujourdhui:
                probleme(f"la date de lecture {date} est dans le futur.",
                         f"écrivez le jour où la rédaction a été lue (au plus tard aujourd'hui, {aujourdhui.isoformat()}).",
                         doc.ligne(chemin_cle))
        for i, a in enumerate(d["articles"]):
            ref = f"{texte.id}:{a['numero']}"
            article = registre.articles.get(ref)
            ligne = doc.ligne(("articles", i, "numero"))
            if article is None:
                probleme(f"l'article « {a['numero']} » n'est pas dans le registre ({texte.fichier}).",
                         f"corrigez le numéro (écrit comme dans {texte.fichier}, sans points ni espaces) ou "
                         f"ajoutez d'abord l'article au registre.", ligne)
                continue
            if ref in redactions:
                probleme(f"l'article « {a['numero']} » a deux rédactions.", "supprimez l'une des deux.", ligne)
                continue
            if str(article.en_vigueur_depuis or "") != a["en_vigueur_depuis"]:
                resume = (f"celle du {article.en_vigueur_depuis}" if article.en_vigueur_depuis
                          else "une version que le registre ne date pas (en_vigueur_depuis: null)")
                probleme(f"la rédaction de {a['numero']} est la version en vigueur depuis le {a['en_vigueur_depuis']}, "
                         f"mais la page résume {resume} : version incohérente.",
                         "reproduisez la version que résume la page : mettez d'abord la page et en_vigueur_depuis "
                         f"à jour dans {texte.fichier}, puis relancez « make registre-legi ECRIRE=1 » (codes) ou "
                         "recopiez la rédaction de cette version ; sinon supprimez cette rédaction. " + CORRECTION,
                         doc.ligne(("articles", i, "en_vigueur_depuis")))
                continue
            redactions[ref] = Redaction(
                article=ref, alineas=tuple(a["alineas"]), en_vigueur_depuis=a["en_vigueur_depuis"],
                legiarti=a.get("legiarti"), source=a.get("source") or d["source"], lu_le=a.get("lu_le") or d["lu_le"],
                url_source=a.get("url_source") if "source" in a else a.get("url_source") or d.get("url_source"))
    return redactions, problemes
