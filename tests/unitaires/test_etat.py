"""kb.commun.etat.UneFoisParEntree : un calcul par entrée et par build complet (une page française non
traduite passe deux fois dans les hooks, sous / et sous /en/)."""

from __future__ import annotations

from kb.commun.etat import EtatDuBuild, UneFoisParEntree


class _Pages(UneFoisParEntree):
    pass


def test_meme_entree_un_seul_calcul_entree_differente_recalculee():
    appels: list[str] = []

    def ancrer(html: str):
        return lambda: appels.append(html) or html.upper()

    pages = EtatDuBuild().partie(_Pages)
    assert pages.calculer(("<p>Période d’essai</p>", ("l", "d")), ancrer("<p>Période d’essai</p>")) == "<P>PÉRIODE D’ESSAI</P>"
    assert pages.calculer(("<p>Période d’essai</p>", ("l", "d")), ancrer("autre")) == "<P>PÉRIODE D’ESSAI</P>"
    assert pages.calculer(("<p>Période d’essai</p>", ("l",)), ancrer("<p>élision</p>")) == "<P>ÉLISION</P>"
    assert appels == ["<p>Période d’essai</p>", "<p>élision</p>"]


def test_deux_builds_ne_partagent_pas_leurs_resultats():
    premier, second = EtatDuBuild().partie(_Pages), EtatDuBuild().partie(_Pages)
    premier.calculer("docs/cesa/contrat.md", lambda: ["KB400"])
    assert second.calculer("docs/cesa/contrat.md", lambda: []) == []
