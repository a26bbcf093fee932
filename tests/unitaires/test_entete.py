"""kb.commun.entete : lecture de l'en-tête YAML avec les numéros de ligne du fichier."""

from __future__ import annotations

import pytest

from kb.commun.entete import EnteteIllisible, dates_impossibles_entre_guillemets, lire_entete, lire_yaml
from outils_kb import sans_detail_yaml

PAGE = """---
title: Période d'essai
description: Une description.
audience: [entrepreneurs, gestionnaires]
sources:
  - ref: code-du-travail:L7332-1
  - titre: Fédération des CAE
    url: https://www.les-cae.coop/
verifie_le: 2026-11-26
---

# Période d'essai
"""


def test_les_lignes_sont_celles_du_fichier():
    entete = lire_entete(PAGE)
    assert entete.present
    assert entete.ligne(("title",)) == 2
    assert entete.ligne(("audience",)) == 4
    assert entete.ligne(("audience", 1)) == 4
    assert entete.ligne(("sources",)) == 5
    assert entete.ligne(("sources", 0)) == 6
    assert entete.ligne(("sources", 1)) == 7
    assert entete.ligne(("sources", 1, "url")) == 8
    assert entete.ligne(("verifie_le",)) == 9


def test_un_chemin_inconnu_renvoie_la_ligne_du_parent_le_plus_proche():
    entete = lire_entete(PAGE)
    assert entete.ligne(("sources", 0, "url")) == 6
    assert entete.ligne(("sources", 7)) == 5
    assert entete.ligne(("inconnu",)) == 2  # première ligne du YAML
    assert entete.ligne() == 2


def test_les_dates_yaml_deviennent_des_chaines_iso():
    entete = lire_entete(PAGE)
    assert entete.donnees["verifie_le"] == "2026-11-26"
    entete = lire_entete("---\nverifie_le: 2026-11-26 10:30:00\nsources:\n  - consulte_le: 2020-12-01\n---\n")
    assert entete.donnees["verifie_le"] == "2026-11-26"
    assert entete.donnees["sources"][0]["consulte_le"] == "2020-12-01"


def test_les_textes_francais_sont_lus_tels_quels():
    entete = lire_entete("---\ntitle: \"« L'entrepreneur·e salarié·e »\u00a0: statut\"\n"
                         "description: Article 1er de la loi\u202f; art.\u00a0L.\u00a07331-2\n---\n")
    assert entete.donnees["title"] == "« L'entrepreneur·e salarié·e »\u00a0: statut"
    assert entete.donnees["description"] == "Article 1er de la loi\u202f; art.\u00a0L.\u00a07331-2"


def test_yaml_casse_donne_la_ligne_fautive_du_fichier():
    texte = "---\ntitle: Titre\ndescription: Le contrat : ses clauses: obligatoires\naudience: [tous]\n---\n"
    with pytest.raises(EnteteIllisible) as erreur:
        lire_entete(texte)
    assert erreur.value.ligne == 3
    assert sans_detail_yaml(str(erreur.value)) == "YAML invalide (mapping values are not allowed here)"


def test_liste_mal_indentee_donne_sa_ligne():
    texte = "---\ntitle: Titre\nsources:\n  - ref: loi-2014-856\n - ref: loi-47-1775\nverifie_le: 2026-11-26\n---\n"
    with pytest.raises(EnteteIllisible) as erreur:
        lire_entete(texte)
    assert erreur.value.ligne == 5


def test_guillemet_non_ferme_donne_une_ligne_dans_l_entete():
    texte = "---\ntitle: \"Titre\ndescription: x\n---\n"
    with pytest.raises(EnteteIllisible) as erreur:
        lire_entete(texte)
    assert 2 <= erreur.value.ligne <= 4


def test_entete_jamais_fermee():
    with pytest.raises(EnteteIllisible) as erreur:
        lire_entete("---\ntitle: Titre\n\n# Titre\n")
    assert erreur.value.ligne == 3  # là où la ligne « --- » manque
    assert erreur.value.reparee == "---\ntitle: Titre\n---\n\n# Titre\n"
    assert "« --- »" in str(erreur.value)


def test_entete_qui_n_est_pas_un_dictionnaire():
    with pytest.raises(EnteteIllisible) as erreur:
        lire_entete("---\n- title\n- description\n---\n")
    assert erreur.value.ligne == 2
    assert "clé: valeur" in str(erreur.value)


def test_page_sans_entete():
    entete = lire_entete("# Titre\n\nTexte : « citation ».\n")
    assert not entete.present
    assert entete.donnees == {}
    assert entete.ligne(("title",)) is None


def test_un_tiret_de_separation_plus_bas_n_est_pas_un_entete():
    assert not lire_entete("# Titre\n\n---\n\ntitle: non\n---\n").present


def test_entete_vide():
    entete = lire_entete("---\n---\n# Titre\n")
    assert entete.present
    assert entete.donnees == {}


def test_bom_et_fins_de_ligne_windows():
    texte = "\ufeff---\r\ntitle: Titre\r\ndescription: Une description\r\n---\r\n# Titre\r\n"
    entete = lire_entete(texte)
    assert entete.present
    assert entete.donnees["title"] == "Titre"
    assert entete.ligne(("description",)) == 3


def test_bom_puis_yaml_casse_garde_la_bonne_ligne():
    with pytest.raises(EnteteIllisible) as erreur:
        lire_entete("\ufeff---\ntitle: ok\ntitle2: a: b\n---\n")
    assert erreur.value.ligne == 3


def test_fin_de_l_entete_par_trois_points():
    entete = lire_entete("---\ntitle: Titre\n...\n# Titre\n")
    assert entete.donnees == {"title": "Titre"}


def test_lire_yaml_numerote_depuis_la_premiere_ligne():
    doc = lire_yaml("id: loi-2014-856\narticles:\n  - numero: \"1\"\n  - numero: \"47\"\n")
    assert doc.ligne(("articles", 1)) == 4
    with pytest.raises(EnteteIllisible) as erreur:
        lire_yaml("id: x\nmauvais: [a, b\n", objet="un fichier du registre")
    assert erreur.value.ligne >= 2


def test_date_impossible_nommee_a_sa_ligne():
    """« 2026-02-30 » a la forme d'une date : PyYAML lève ValueError, sans ligne ni fichier."""
    with pytest.raises(EnteteIllisible) as erreur:
        lire_entete("---\ntitle: Essai\nverifie_le: 2026-02-30\n---\n")
    assert str(erreur.value) == "date impossible « 2026-02-30 »"
    assert erreur.value.ligne == 3
    assert "AAAA-MM-JJ" in erreur.value.correction
    with pytest.raises(EnteteIllisible) as erreur:
        lire_yaml("articles:\n  - numero: L1\n    en_vigueur_depuis: 2014-13-45\n")
    assert erreur.value.ligne == 3


def test_dates_impossibles_mises_entre_guillemets_pour_mkdocs():
    source = "---\ntitle: Essai\nverifie_le: 2026-02-30\nautre: 2026-02-28\n---\n\n# Essai\n"
    assert dates_impossibles_entre_guillemets(source) == (
        '---\ntitle: Essai\nverifie_le: "2026-02-30"\nautre: 2026-02-28\n---\n\n# Essai\n')
    assert dates_impossibles_entre_guillemets("---\ntitle: Essai\nverifie_le: 2026-02-28\n---\n") is None
    assert dates_impossibles_entre_guillemets("# Sans en-tête\n") is None
    assert dates_impossibles_entre_guillemets("---\ntitle: [cassé\n---\n") is None  # KB100 ailleurs


def test_date_impossible_avec_une_heure():
    source = "---\ntitle: Essai\nverifie_le: 2026-02-30 10:00:00\n---\n"
    assert dates_impossibles_entre_guillemets(source) == '---\ntitle: Essai\nverifie_le: "2026-02-30 10:00:00"\n---\n'
