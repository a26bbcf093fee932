"""Requêtes de recherche représentatives des lecteurs (banc de performance et tests de recherche).

Chaque entrée : la requête telle qu'un lecteur la tape, ce qu'elle cherche, et (si évident) le
chemin d'une page qui devrait figurer parmi les premiers résultats (`attendu`, relatif à la racine
du site, sans préfixe ; None si aucune page précise n'est attendue). Pas d'accent voulu dans
certaines requêtes : les lecteurs tapent souvent sans.
"""

from __future__ import annotations

from typing import NamedTuple


class Requete(NamedTuple):
    texte: str
    intention: str
    attendu: str | None = None


REQUETES: tuple[Requete, ...] = (
    # Numéros d'articles, sous les formes que tapent les lecteurs
    Requete("L7331-2", "article du code du travail, forme compacte", "textes/code-du-travail/l7331-2/"),
    Requete("L. 7331-2", "article du code du travail, forme officielle", "textes/code-du-travail/l7331-2/"),
    Requete("L7331-1", "définition de l'entrepreneur salarié", "textes/code-du-travail/l7331-1/"),
    Requete("R7331-11", "article réglementaire", "textes/code-du-travail/r7331-11/"),
    Requete("L7332-3", "article sur la rémunération", "textes/code-du-travail/l7332-3/"),
    Requete("26-41", "article de la loi de 1947 qui définit la CAE", "textes/loi-47-1775/article-26-41/"),
    Requete("article 47", "article 47 de la loi ESS", "textes/loi-2014-856/article-47/"),
    Requete("L127-1", "code de commerce", "textes/code-de-commerce/l127-1/"),
    Requete("loi 2014", "loi ESS du 31 juillet 2014", "cadre-juridique/loi-ess-2014/"),
    Requete("2014-856", "numéro de la loi ESS", None),
    Requete("loi 1947", "statut de la coopération", "cadre-juridique/loi-1947/"),
    Requete("décret 2015-1363", "décret d'application", "cadre-juridique/decret-2015-1363/"),
    # Sigles du glossaire
    Requete("CAE", "sigle principal", None),
    Requete("CESA", "contrat d'entrepreneur salarié associé", "cesa/"),
    Requete("Scop", "forme coopérative", None),
    Requete("Scic", "forme coopérative", None),
    Requete("ESS", "économie sociale et solidaire", None),
    Requete("CAPE", "contrat d'appui au projet d'entreprise", None),
    # Questions d'entrepreneurs, avec et sans accents
    Requete("période d'essai", "durée et fin de la période d'essai", "cesa/periode-essai/"),
    Requete("periode d'essai", "même requête sans accent", "cesa/periode-essai/"),
    Requete("rémunération", "comment l'entrepreneur est payé", "cesa/remuneration/"),
    Requete("remuneration", "sans accent", "cesa/remuneration/"),
    Requete("chômage", "assurance chômage", "cesa/protection-sociale-chomage/"),
    Requete("chomage", "sans accent", "cesa/protection-sociale-chomage/"),
    Requete("devenir associé", "délai pour devenir associé", "cesa/devenir-associe/"),
    Requete("associé", "sociétariat", None),
    Requete("congés payés", "congés", "cesa/temps-de-travail-sante-conges/"),
    Requete("temps de travail", "durée du travail", "cesa/temps-de-travail-sante-conges/"),
    Requete("arrêt maladie", "protection sociale", None),
    Requete("retraite", "protection sociale", None),
    Requete("chiffre d'affaires", "activité économique", None),
    Requete("accompagnement", "accompagnement individualisé", "cesa/accompagnement-et-comptes/"),
    Requete("contrat", "le contrat CESA", "cesa/contrat/"),
    Requete("rupture du contrat", "fin du contrat", None),
    Requete("services mutualisés", "services de la coopérative", None),
    Requete("gérant", "gérer une CAE", "guides/gerer-une-cae/"),
    Requete("révision coopérative", "contrôle des coopératives", None),
    Requete("fédération", "Fédération des CAE", "cae/federation/"),
    Requete("histoire", "histoire des CAE", "cae/histoire/"),
    Requete("coopérative d'activité et d'emploi", "nom complet", "cae/"),
    Requete("cooperative", "sans accent ni pluriel", None),
    Requete("entrepreneur salarié", "statut", None),
)
