"""Les jetons des numéros d'articles et de textes (« l7331x2 ») : ceux d'une page et ceux d'une
requête (même règle dans recherche.js : fonction « jeton », avec le même motif de tiret)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kb.commun.normalisation import espaces_ordinaires
from kb.references.grammaire import forme_du_registre, motifs_de_la_requete, numero_de_texte

if TYPE_CHECKING:
    from kb.recherche.regles import Regles


@lru_cache(maxsize=8)
def motif_de_la_requete(nom: str) -> re.Pattern[str]:
    """Un motif de kb.references.grammaire.motifs_de_la_requete, compilé sans casse comme dans le navigateur
    (fonction pure ; le cache évite de la recompiler à chaque page)."""
    return re.compile(motifs_de_la_requete()[nom], re.IGNORECASE)


def jeton(numero: str, lettre: str | None = None) -> str:
    """Jeton d'un numéro d'article ou de texte, en lettres et chiffres seulement.

    ``("7331-2", "L")`` -> ``"l7331x2"`` ; ``("26-41")`` -> ``"n26x41"`` (sans lettre : ``n``).
    Un jeton sans séparateur reste un seul mot pour Pagefind, et ne figure dans aucun texte.
    """
    chiffres = motif_de_la_requete("tiret").sub("x", numero.strip()).lower()
    return (lettre or "n").lower() + chiffres


def jetons_de_la_requete(requete: str, regles: Regles) -> list[str]:
    """Jetons des numéros tapés dans une requête (référence Python de recherche.js)."""
    sortie: list[str] = []

    def article(m: re.Match[str]) -> str:
        sortie.append(jeton(m.group(2), m.group(1)))
        return " "

    reste = regles.re_article.sub(article, espaces_ordinaires(requete))
    sortie.extend(jeton(m.group(1)) for m in regles.re_numero.finditer(reste))
    return list(dict.fromkeys(sortie))


def jetons_de_la_page(article: str | None, texte: str | None) -> list[str]:
    """Jetons d'une page d'article (``code-du-travail:L7331-2``) ou de texte (``loi-47-1775``).

    Un article de code reçoit aussi le jeton du numéro nu (« 7331-2 » trouve L. 7331-2) ; un
    texte, celui de son numéro (« 47-1775 », « 2015-1363 »).
    """
    sortie: list[str] = []
    if article:
        _, _, numero = article.partition(":")
        lettre, chiffres = forme_du_registre(numero)
        if lettre:
            sortie += [jeton(chiffres, lettre), jeton(chiffres)]
        elif motif_de_la_requete("numero").fullmatch(numero):
            sortie.append(jeton(numero))
    if texte and numero_de_texte(texte):
        sortie.append(jeton(numero_de_texte(texte)))
    return list(dict.fromkeys(sortie))
