"""kb.commun.normalisation : les règles du texte français, écrites une fois pour le build, la recherche,
le glossaire, les citations, la typographie et les ancres."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from kb.commun.normalisation import (ESPACE, cle_de_comparaison, elisions, espaces_ordinaires, motif_des_elisions,
                              plier, sans_accents, sans_elisions, tirets_ordinaires)

from .conftest import RACINE

ELISIONS = elisions(RACINE)


def test_accents_et_majuscules_accentuees():
    assert sans_accents("Rémunération, préavis, reçu, où, maïs") == "Remuneration, preavis, recu, ou, mais"
    # Les majuscules accentuées gardent leur casse : « É » -> « E », « Î » -> « I », « Ç » -> « C ».
    assert sans_accents("ÉTAT, Île-de-France, ÇA, À") == "ETAT, Ile-de-France, CA, A"
    assert plier("ÉTAT Île") == "etat ile"


def test_ligatures_oe_et_ae():
    assert plier("Œuvre, cœur, curriculum vitæ") == "oeuvre, coeur, curriculum vitae"
    assert sans_accents("cœur") == "cœur"  # une ligature n'est pas un accent : seul `plier` la développe


def test_espaces_insecables():
    texte = "art.\u00a0L.\u00a07331-2\u202f; «\u00a0CAE\u00a0»"
    assert espaces_ordinaires(texte) == "art. L. 7331-2 ; « CAE »"
    assert "\u00a0" not in espaces_ordinaires(texte) and "\u202f" not in espaces_ordinaires(texte)
    assert re.findall(ESPACE, "a b\u00a0c\u202fd\ne") == [" ", "\u00a0", "\u202f", "\n"]


def test_tirets():
    assert tirets_ordinaires("L.\u00a07331\u20112") == "L.\u00a07331-2"
    assert cle_de_comparaison("entrepreneur-salarié") == "entrepreneur salarie"
    assert cle_de_comparaison("entrepreneur\u2011salarié") == "entrepreneur salarie"


def test_elisions_lues_dans_data_recherche():
    assert {"l", "d", "qu", "jusqu", "lorsqu"} <= set(ELISIONS)
    assert sans_elisions("l'entrepreneur d’activité qu'il", ELISIONS).split() == ["entrepreneur", "activité", "il"]
    # Toutes les apostrophes, majuscule comprise ; « jusqu' » entier (pas seulement « qu' »).
    assert sans_elisions("L’État jusqu'à lorsqu’il", ELISIONS).split() == ["État", "à", "il"]
    # Jamais au milieu d'un mot, ni sans apostrophe.
    assert sans_elisions("aujourd'hui le dépôt", ELISIONS) == "aujourd'hui le dépôt"
    assert motif_des_elisions(["l"]).sub("", "belle l'offre") == "belle offre"


def test_guillemets_et_cle_de_comparaison():
    assert cle_de_comparaison("« Période d’essai »") == cle_de_comparaison("periode d'essai") == "periode d essai"
    assert cle_de_comparaison("  Coopérative   d'activité et d'emploi (CAE) ") == "cooperative d activite et d emploi cae"
    assert cle_de_comparaison("Période\u00a0d’essai") == "periode d essai"


@pytest.mark.parametrize("titre, ancre", [
    ("Période d'essai", "periode-dessai"),
    ("Période d’essai", "periode-dessai"),
    ("Entrepreneur·e salarié·e", "entrepreneure-salariee"),
    ("Fin d’exercice\u00a0: la clôture", "fin-dexercice-la-cloture"),
    ("Art. L. 7331-2", "art-l-7331-2"),
    ("Coopérative d'activité et d'emploi (CAE)", "cooperative-dactivite-et-demploi-cae"),
    ("L'ÉTAT", "letat"),
])
def test_slugify_celui_de_la_toc(titre, ancre, slugify_des_titres):
    """L'ancre d'un titre : la fonction de l'extension toc de mkdocs.yml, la même pour le glossaire."""
    config = SimpleNamespace(mdx_configs={"toc": {"slugify": slugify_des_titres}})
    assert slugify_des_titres(titre, "-") == ancre
    from kb.commun.normalisation import slugify_des_titres as fonction_du_build  # (la fixture porte son nom)

    assert fonction_du_build(config)(titre, "-") == ancre


def test_ancre_du_glossaire_suit_la_toc(slugify_des_titres):
    from kb.glossaire.termes import ancre

    assert ancre("Période d'essai", slugify_des_titres) == "periode-dessai"  # et non « periode-d-essai »


def test_sans_accents_comme_la_decomposition_unicode():
    # sans_accents ne regarde un à un que les caractères non latins : même résultat que retirer
    # tous les signes de catégorie Mn de la forme décomposée (NFD).
    import unicodedata

    from kb.commun.normalisation import sans_accents

    def reference(texte: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", texte) if unicodedata.category(c) != "Mn")

    for texte in ("Période d’essai, Île, Œuvre", "ASCII seul", "ḱ ǘ ṩ", "a\u0301\u0483\u05b0b", "ñ·é·e·s", "x\u20d7y",
                  "日本語 é", ""):
        assert sans_accents(texte) == reference(texte), texte
