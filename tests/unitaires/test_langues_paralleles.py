"""langues_paralleles : quand le second processus est lancé, et l'état partagé entre processus.

Le build lui-même (même site que le build séquentiel, échec d'une traduction) est vérifié à la
fin de tests/build/test_build.py.
"""

from __future__ import annotations

import os
import pickle
from types import SimpleNamespace

import pytest

import langues_paralleles as lp
from kb import partage


@pytest.mark.parametrize("valeur, attendu", [
    (None, True), ("1", True), ("oui", True), ("0", False), ("non", False), (" False ", False), ("no", False),
])
def test_parallele_demande(monkeypatch, valeur, attendu):
    if valeur is None:
        monkeypatch.delenv("KB_PARALLELE", raising=False)
    else:
        monkeypatch.setenv("KB_PARALLELE", valeur)
    assert lp.parallele_demande() is attendu


def config(*langues, building=False, courante="fr"):
    i18n = SimpleNamespace(
        building=building, current_language=courante,
        config=SimpleNamespace(languages=[SimpleNamespace(locale=lang, build=True, default=(k == 0))
                                          for k, lang in enumerate(langues)]))
    plugins = {"i18n": i18n} if langues else {}
    return SimpleNamespace(plugins=plugins, theme={"language": "fr"})


@pytest.fixture
def sans_fork(monkeypatch):
    """os.fork interdit : ces cas ne doivent jamais lancer de second processus."""
    def interdit():
        raise AssertionError("os.fork() appelé")
    monkeypatch.setattr(os, "fork", interdit)
    monkeypatch.delenv("KB_PARALLELE", raising=False)
    yield
    lp._etat.update(commande=None, enfant=None)


@pytest.mark.parametrize("commande, cfg, variable", [
    ("serve", config("fr", "en"), None),          # mkdocs serve : build séquentiel, rechargé sur place
    ("gh-deploy", config("fr", "en"), None),
    ("build", config("fr", "en"), "0"),           # KB_PARALLELE=0
    ("build", config("fr"), None),                # une seule langue (KB_LANGUE=fr)
    ("build", config(), None),                    # pas de mkdocs-static-i18n
    ("build", config("fr", "en", building=True, courante="en"), None),  # build imbriqué de l'anglais
])
def test_pas_de_second_processus(sans_fork, monkeypatch, commande, cfg, variable):
    if variable is not None:
        monkeypatch.setenv("KB_PARALLELE", variable)
    lp.on_startup(command=commande, dirty=False)
    assert lp.on_nav(SimpleNamespace(), cfg, SimpleNamespace()) is None
    assert lp._etat["enfant"] is None
    lp.on_post_build(cfg)  # sans enfant : ne fait rien


def test_etat_partage_passe_par_pickle():
    """Ce que l'enfant renvoie (état des pages de hooks/recherche.py) revient tel quel au parent."""
    pages = partage.etat_partage("test.pages")
    pages.clear()
    pages["en/cesa/periode-d-essai/"] = (None, None, True)
    pages["en/textes/code-du-travail/l7331-2/"] = ("code-du-travail:L7331-2", None, False)
    envoye = pickle.dumps(partage.exporter())
    pages.clear()
    pages["textes/loi-47-1775/article-26-41/"] = ("loi-47-1775:26-41", None, False)
    partage.reprendre(pickle.loads(envoye))
    assert pages == {
        "textes/loi-47-1775/article-26-41/": ("loi-47-1775:26-41", None, False),
        "en/cesa/periode-d-essai/": (None, None, True),
        "en/textes/code-du-travail/l7331-2/": ("code-du-travail:L7331-2", None, False),
    }
    assert partage.etat_partage("test.pages") is pages
    pages.clear()


def attendre_un_enfant_qui_envoie(donnees: bytes, code: int):
    """Un vrai processus enfant qui écrit `donnees` dans le tube puis sort avec `code` ; ce que
    `_attendre` en tire, comme le parent du build."""
    lecture, ecriture = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(lecture)
        with os.fdopen(ecriture, "wb") as tube:
            tube.write(donnees)
        os._exit(code)
    os.close(ecriture)
    return lp._attendre(lp.Enfant(pid, lecture, ["en"]))


def test_attendre_un_enfant_qui_echoue_sans_rien_dire():
    assert attendre_un_enfant_qui_envoie(b"", 3) == (3, {"erreur": "le processus s'est arrêté (code 3)"})


def test_attendre_lit_tout_le_tube_avant_la_fin_de_l_enfant():
    """Un résultat plus gros que le tampon d'un tube (64 Kio) ne bloque pas l'enfant."""
    gros = {"entrees": [{"location": f"en/page-{n}/", "text": "é" * 100} for n in range(5000)],
            "etats": {}, "messages": []}
    code, resultat = attendre_un_enfant_qui_envoie(pickle.dumps(gros), 0)
    assert code == 0 and len(resultat["entrees"]) == 5000


def test_enfant_sans_erreur_mais_resultat_incomplet():
    """Un résultat illisible (pickle interrompu) n'est jamais pris pour un succès."""
    code, resultat = attendre_un_enfant_qui_envoie(pickle.dumps({"entrees": []})[:5], 0)
    assert code == 1 and "illisible" in resultat["erreur"]


@pytest.mark.parametrize("fichier, attendu", [
    ("docs/cesa/remuneration.md", True),
    ("docs/entrepreneur·e/période-d’essai.md", True),
    ("docs/index.en.md", False),
    ("data/glossaire.yml", False),
    ("docs/textes/loi-47-1775/article-26-41.md", True),
])
def test_page_de_la_langue_par_defaut(fichier, attendu):
    assert lp.page_de_la_langue_par_defaut(fichier, ["en"]) is attendu


def test_le_parent_n_ecrit_pas_le_sitemap_du_francais_seul():
    """Deux processus écriraient site/sitemap.xml : seul celui de l'anglais (qui liste toutes les
    langues) l'écrit ; sans second processus, rien ne change."""
    contenu = "<urlset>…</urlset>"
    assert lp.on_post_template(contenu, "sitemap.xml", None) is None
    lp._etat["enfant"] = lp.Enfant(0, -1, ["en"])
    try:
        assert lp.on_post_template(contenu, "sitemap.xml", None) == ""
        assert lp.on_post_template("<html lang=\"fr\">", "404.html", None) is None
    finally:
        lp._etat["enfant"] = None
