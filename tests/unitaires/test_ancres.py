"""kb.pages.ancres : la règle des ancres de paragraphes (CONTRIBUTING.md, « Citer un paragraphe »)."""

from __future__ import annotations

from kb.pages import ancres as regle
from kb.pages.ancres import Paragraphe
from kb.commun.normalisation import elisions

from .conftest import RACINE

# La règle avec les élisions du dépôt (data/recherche.yml), comme hooks/paragraphes.py l'applique.
ELISIONS = elisions(RACINE)


def cle(texte: str) -> str:
    return regle.cle(texte, ELISIONS)


def mots(texte: str) -> list[str]:
    return regle.mots(texte, ELISIONS)


def ancres(paragraphes: list[Paragraphe], deja_pris: frozenset[str] | set[str] = frozenset()) -> list[str | None]:
    return regle.ancres(paragraphes, ELISIONS, deja_pris)


def ancrer_html(html: str) -> str:
    return regle.ancrer_html(html, ELISIONS)


def test_accents_guillemets_espaces_insecables_et_elisions():
    assert cle("L’entrepreneur·e salarié·e d'une «\u00a0CAE\u00a0» peut\u202fpartir") == \
        "entrepreneure-salariee-cae-peut"
    assert cle("Qu'il démissionne jusqu’à l'échéance") == "il-demissionne-echeance"


def test_numero_d_article_garde_sa_lettre():
    assert cle("**Base légale :** art. L.\u00a07331-1 du code du travail") == "base-legale-art-l7331-1"


def test_petits_mots_sautes_sauf_s_il_n_y_a_qu_eux():
    assert mots("Le et la") == ["le", "et", "la"]
    assert cle("The salaried entrepreneur and the CAE") == "salaried-entrepreneur-cae"


def test_modifier_un_autre_paragraphe_ne_change_pas_l_ancre():
    avant = ancres([Paragraphe("s", "Premier point de la règle."), Paragraphe("s", "Second point ici.")])
    apres = ancres([Paragraphe("s", "Premier point, reformulé entièrement !"), Paragraphe("s", "Second point ici."),
                    Paragraphe("s", "Un ajout.")])
    assert avant[1] == apres[1] == "s.second-point-ici"


def test_collisions_deterministes_quel_que_soit_l_ordre():
    a = Paragraphe("s", "Ce qui change pour vous : la durée")
    b = Paragraphe("s", "Ce qui change pour vous : le délai")
    assert ancres([a, b]) == ["s.qui-change-pour-vous-duree", "s.qui-change-pour-vous-delai"]
    assert ancres([b, a]) == ["s.qui-change-pour-vous-delai", "s.qui-change-pour-vous-duree"]
    # Textes identiques : numérotés dans l'ordre de la page.
    assert ancres([a, a, a]) == ["s.qui-change-pour-vous", "s.qui-change-pour-vous-2", "s.qui-change-pour-vous-3"]
    # Même clé dans deux sections : pas de collision.
    assert ancres([a, Paragraphe("t", a.texte)]) == ["s.qui-change-pour-vous", "t.qui-change-pour-vous"]


def test_jamais_un_identifiant_deja_pris():
    assert ancres([Paragraphe("s", "Texte")], {"s.texte"}) == ["s.texte-2"]
    assert ancres([Paragraphe("s", "  ")]) == [None]


def test_html_paragraphes_listes_lignes_de_tableau():
    html = ('<p>Avant tout titre.</p><h2 id="regle">La règle</h2>'
            '<div class="admonition note"><p class="admonition-title">Note</p><p>Dans l\'encadré.</p></div>'
            '<ul><li><p>Point un</p><ul><li>Sous-point</li></ul></li><li id="fn:1">Note existante</li></ul>'
            '<table><thead><tr><th>Col</th></tr></thead><tbody><tr><td>Ligne « une »</td></tr></tbody></table>'
            '<div class="grid cards"><ul><li>Carte</li></ul></div><h1>Titre</h1>')
    sortie = ancrer_html(html)
    assert '<p id="intro.avant-tout-titre" data-kb-ancre>' in sortie
    assert '<p class="admonition-title">Note</p>' in sortie  # titre d'encadré : pas d'ancre
    assert '<p id="regle.dans-encadre" data-kb-ancre>' in sortie
    assert '<li id="regle.point-sous-point" data-kb-ancre><p>Point un</p>' in sortie  # p dans li : pas d'ancre
    assert '<li id="regle.sous-point" data-kb-ancre>' in sortie
    assert '<li data-kb-ancre id="fn:1">' in sortie  # identifiant existant gardé
    assert '<tr><th>Col</th></tr>' in sortie and '<tr id="regle.ligne" data-kb-ancre>' in sortie
    assert "<li>Carte</li>" in sortie
    assert '<h2 id="regle">' in sortie and "<h1>Titre</h1>" in sortie  # titres intacts


# ---------------------------------------------------------------- Clé lue sur le début du texte

_REMPLISSAGE = "Cette phrase sert de remplissage pour allonger le paragraphe au-delà du début lu. "


def test_cle_lue_sur_le_debut_egale_celle_du_texte_entier():
    # kb.pages.ancres lit la clé sur les ~240 premiers caractères quand ils suffisent : même résultat que
    # sur le texte entier, y compris quand la coupure tombe entre « L. » et son numéro.
    lus_sur_le_debut = 0
    for decalage in range(0, 40):
        texte = "x" * decalage + " " + _REMPLISSAGE * 2 + "art. L. 7331-2 du code " + _REMPLISSAGE * 3
        debut = regle._debut_de_la_cle(texte, ELISIONS)
        assert debut is None or debut == mots(texte)[:regle.MOTS_DE_LA_CLE], decalage
        lus_sur_le_debut += debut is not None
    assert lus_sur_le_debut == 40
    # La règle passe une espace : « R. » à la fin du début lu est un mot significatif (« r ») qui,
    # avec la suite, devient « r7331-9 ». Ici c'est le 4e mot significatif : la clé du début serait
    # fausse, il faut lire le texte entier.
    texte = "alpha beta gamma " + "le " * 74 + "R. 7331-9 delta epsilon"
    assert texte.find(" ", regle._DEBUT_LU) == len("alpha beta gamma " + "le " * 74 + "R.")
    assert mots(texte)[:4] == ["alpha", "beta", "gamma", "r7331-9"]
    assert regle._debut_de_la_cle(texte, ELISIONS) is None
    # Un texte court n'est jamais lu en deux fois.
    assert regle._debut_de_la_cle("Un texte court.", ELISIONS) is None
    # Un long texte de petits mots : le début n'a pas assez de mots significatifs.
    assert regle._debut_de_la_cle("le de la " * 40 + "contrat", ELISIONS) is None


def test_collision_de_longs_paragraphes_departagee_sur_le_texte_entier():
    # Deux longs paragraphes qui ne diffèrent qu'après le début lu : la collision prend tous leurs
    # mots, comme la règle le dit (autant de mots qu'il en faut pour qu'ils diffèrent).
    commun = _REMPLISSAGE * 4
    premier = Paragraphe("intro", commun + "premier")
    second = Paragraphe("intro", commun + "second")
    a, b = ancres([premier, second])
    assert a != b and a.endswith("-premier") and b.endswith("-second")
    assert a.startswith("intro.phrase-sert-remplissage-pour-")
