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


def test_les_gabarits_se_compilent_une_fois_par_build(tmp_path) -> None:
    """Deux langues, deux environnements Jinja (comme mkdocs-static-i18n) : le gabarit n'est
    compilé qu'une fois par build ; changé, il est recompilé ; un build neuf recompile."""
    from types import SimpleNamespace

    from jinja2 import Environment, FileSystemLoader

    from kb.commun.etat import ouvrir_un_build
    from kb.commun.gabarits import compiler_une_fois

    compilations: list[str] = []

    class Compte(Environment):  # compte les compilations (code de test, pas de Jinja modifié)
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            compilations.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    (tmp_path / "page.html").write_text("{{ titre }} !", encoding="utf-8")

    def rendre(config) -> str:
        env = Compte(loader=FileSystemLoader(str(tmp_path)))
        compiler_une_fois(env, config)
        return env.get_template("page.html").render(titre="CAE")

    config = SimpleNamespace()
    ouvrir_un_build(config)
    assert rendre(config) == rendre(config) == "CAE !"
    assert compilations == ["page.html"]
    (tmp_path / "page.html").write_text("{{ titre }} ?", encoding="utf-8")
    assert rendre(config) == "CAE ?"
    assert len(compilations) == 2
    ouvrir_un_build(config)
    rendre(config)
    assert len(compilations) == 3
