"""kb.references.registre : chargement de data/textes, titres et adresses dérivés, numéros normalisés."""

from __future__ import annotations

import re
import textwrap

import pytest

from kb.references.registre import Article, Registre, Texte, charger, normaliser_numero
from outils_kb import sans_detail_yaml

from .conftest import SCHEMA_TEXTE

CODE = Texte(id="code-du-travail", titre="Code du travail", titre_court="code du travail", nature="code",
             url="https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050")
LOI = Texte(id="loi-47-1775", titre="Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération",
            titre_court="loi n° 47-1775 du 10 septembre 1947", nature="loi",
            url="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004")
DECRET = Texte(id="decret-2015-1363", titre="Décret n° 2015-1363", titre_court="décret n° 2015-1363 du 27 octobre 2015",
               nature="decret", url=None)
COMMERCE = Texte(id="code-de-commerce", titre="Code de commerce", titre_court="code de commerce", nature="code",
                 url="https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000005634379")


# ---------------------------------------------------------------- Titres


def test_titre_d_un_article_de_code():
    assert Article(CODE, "L7331-2", "Définition").titre == "Article L7331-2 du code du travail"


def test_titre_de_l_article_1er_d_une_loi():
    assert Article(LOI, "1", "Définition").titre == "Article 1er de la loi n° 47-1775 du 10 septembre 1947"
    assert Article(LOI, "3 bis", "Révision").titre == "Article 3 bis de la loi n° 47-1775 du 10 septembre 1947"
    assert Article(DECRET, "1", "CAE").titre == "Article 1er du décret n° 2015-1363 du 27 octobre 2015"


def test_l_article_1_d_un_code_ne_devient_pas_1er():
    assert Article(COMMERCE, "1", "x").numero_affiche == "1"


def test_elision_devant_ordonnance():
    ordonnance = Texte(id="ordonnance-2017-1", titre="Ordonnance", titre_court="ordonnance n° 2017-1",
                       nature="ordonnance", url=None)
    assert ordonnance.complement == "de l'ordonnance n° 2017-1"
    assert Article(ordonnance, "2", "x").titre == "Article 2 de l'ordonnance n° 2017-1"


# ---------------------------------------------------------------- Adresses


def test_legiarti_d_un_code_donne_une_adresse_codes():
    article = Article(CODE, "L7332-3", "x", legiarti="LEGIARTI000029317531")
    assert article.url == "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000029317531"


def test_legiarti_d_une_loi_ou_d_un_decret_donne_une_adresse_loda():
    assert Article(LOI, "1", "x", legiarti="LEGIARTI000029314926").url == \
        "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000029314926"
    assert Article(DECRET, "1", "x", legiarti="LEGIARTI000031394604").url == \
        "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000031394604"


def test_sans_legiarti_l_article_renvoie_au_texte():
    assert Article(CODE, "L7331-2", "x").url == CODE.url
    assert Article(DECRET, "1", "x").url is None  # ni article ni texte identifiés : pas de lien inventé


def test_une_adresse_imposee_l_emporte():
    article = Article(CODE, "L7331-2", "x", legiarti="LEGIARTI000029317521",
                      url_imposee="https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006072050/LEGISCTA000029317515")
    assert article.url.endswith("LEGISCTA000029317515")


def test_code_du_travail_numerique_en_minuscules():
    assert Article(CODE, "L7331-3", "x").url_code_du_travail_numerique == \
        "https://code.travail.gouv.fr/code-du-travail/l7331-3"
    assert Article(CODE, "R7331-11", "x").url_code_du_travail_numerique == \
        "https://code.travail.gouv.fr/code-du-travail/r7331-11"
    assert Article(COMMERCE, "L127-1", "x").url_code_du_travail_numerique is None
    assert Article(LOI, "26-41", "x").url_code_du_travail_numerique is None


# ---------------------------------------------------------------- Numéros


@pytest.mark.parametrize("ecrit, attendu", [
    ("L. 7331-2", "L7331-2"),
    ("L.7331-2", "L7331-2"),
    ("L 7331-2", "L7331-2"),
    ("l. 7331-2", "L7331-2"),
    ("L.\u00a07331-2", "L7331-2"),
    ("L.\u202f7331-2", "L7331-2"),
    ("R. 7331-11", "R7331-11"),
    ("D. 7331-1", "D7331-1"),
    ("L7331-2", "L7331-2"),
    ("L. 7331\u20112", "L7331-2"),   # trait d'union insécable
    ("L. 7331–2", "L7331-2"),        # tiret demi-cadratin
    ("  L. 7331-2 ", "L7331-2"),
    ("1er", "1"),
    ("1", "1"),
    ("10", "10"),
    ("26-41", "26-41"),
    ("3 bis", "3 bis"),
    ("3\u00a0bis", "3 bis"),
    ("3  bis", "3 bis"),
])
def test_normaliser_numero(ecrit, attendu):
    assert normaliser_numero(ecrit) == attendu


def test_recherche_d_un_article_tel_qu_il_est_ecrit():
    registre = Registre(textes={CODE.id: CODE, LOI.id: LOI})
    for article in (Article(CODE, "L7331-2", "x"), Article(LOI, "1", "x"), Article(LOI, "3 bis", "x")):
        registre.articles[article.id] = article
    assert registre.article("code-du-travail", "L.\u00a07331-2").numero == "L7331-2"
    assert registre.article("loi-47-1775", "1er").numero == "1"
    assert registre.article("loi-47-1775", "3\u00a0bis").numero == "3 bis"
    assert registre.article("loi-47-1775", "4") is None
    assert registre.trouver("loi-47-1775") is LOI
    assert registre.trouver("code-du-travail:L7331-2").texte is CODE
    assert registre.trouver("code-du-travail:L9999-9") is None


# ---------------------------------------------------------------- Le registre réel


def test_le_registre_du_depot_se_charge(registre_reel):
    assert {"code-du-travail", "loi-47-1775", "loi-2014-856", "decret-2015-1363"} <= set(registre_reel.textes)
    assert registre_reel.trouver("code-du-travail:L7331-2").titre == "Article L7331-2 du code du travail"
    assert registre_reel.trouver("loi-47-1775:1").titre.startswith("Article 1er de la loi ")
    assert registre_reel.trouver("loi-47-1775:26-41") is not None


def test_adresses_du_registre_reel(registre_reel):
    for article in registre_reel.articles.values():
        if article.legiarti and not article.url_imposee:
            famille = "codes" if article.texte.nature == "code" else "loda"
            assert article.url == f"https://www.legifrance.gouv.fr/{famille}/article_lc/{article.legiarti}", article.id
        if article.url is not None:
            assert article.url.startswith("https://"), article.id
        if article.texte.id == "code-du-travail":
            assert article.url_code_du_travail_numerique == \
                "https://code.travail.gouv.fr/code-du-travail/" + article.numero.lower()
            assert re.fullmatch(r"https://code\.travail\.gouv\.fr/code-du-travail/[lrd]\d+(-\d+)+",
                                article.url_code_du_travail_numerique), article.id


def test_renvois_du_registre_reel(registre_reel):
    for article in registre_reel.articles.values():
        for ref in article.voir_aussi:
            assert registre_reel.trouver(ref) is not None, f"{article.id} -> {ref}"


# ---------------------------------------------------------------- Registre fautif (KB201)


def ecrire(dossier, nom, contenu):
    (dossier / nom).write_text(textwrap.dedent(contenu).lstrip(), encoding="utf-8")


def test_registre_fautif_messages_avec_ligne(tmp_path):
    ecrire(tmp_path, "loi-2014-856.yml", """
        id: loi-2014-856
        titre: Loi n° 2014-856
        titre_court: loi n° 2014-856 du 31 juillet 2014
        nature: loi
        url: https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296
        articles:
          - numero: "47"
            intitule: Création des CAE
            voir_aussi: [loi-2014-856:48, loi-2014-856:99, loi-47-1775:99]
          - numero: "48"
            intitule: Dispositions du code du travail
          - numero: "48"
            intitule: Doublon
        """)
    ecrire(tmp_path, "code-du-travail.yml", """
        id: code-du-travail
        titre: Code du travail
        titre_court: code du travail
        nature: codee
        url: null
        """)
    ecrire(tmp_path, "loi-47-1775.yml", """
        id: loi-1947
        titre: Loi n° 47-1775
        titre_court: loi n° 47-1775 du 10 septembre 1947
        nature: loi
        url: null
        """)
    ecrire(tmp_path, "decret-2015-1363.yml", """
        id: decret-2015-1363
        titre: Décret : n° 2015-1363
        titre_court: décret
        """)
    _, problemes = charger(tmp_path, SCHEMA_TEXTE, tmp_path)
    lignes = sorted(sans_detail_yaml(str(p)) for p in problemes)
    assert lignes == sorted([
        "KB201 code-du-travail.yml:4 : valeur « codee » refusée pour nature ; valeurs permises : « code », "
        "« loi », « decret », « ordonnance ». Correction : voir data/schemas/texte.schema.json et CONTRIBUTING.md.",
        "KB201 decret-2015-1363.yml:2 : YAML invalide (mapping values are not allowed here). "
        "Correction : corrigez la syntaxe YAML (indentation, guillemets, deux-points).",
        "KB201 loi-47-1775.yml:1 : l'identifiant « loi-1947 » diffère du nom du fichier. "
        "Correction : écrivez « id: loi-47-1775 » ou renommez le fichier.",
        "KB201 loi-2014-856.yml:12 : l'article « 48 » figure deux fois. Correction : supprimez le doublon.",
        # loi-47-1775:99 n'est pas reproché : le fichier de ce texte est fautif, ses articles manquent tous.
        "KB201 loi-2014-856.yml:7 : voir_aussi de l'article 47 vise « loi-2014-856:99 », absent du registre. "
        "Correction : corrigez l'identifiant (forme texte:numéro, par exemple code-du-travail:L7331-2) "
        "ou ajoutez l'article au registre.",
    ])
    assert {p.code for p in problemes} == {"KB201"}
