"""kb.pages.metadonnees.verifier (et le hook metadonnees.py) : chaque code KB100 à KB106, avec sa ligne et sa correction."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

import metadonnees

from kb.pages.metadonnees import DUREE_DE_VALIDITE, verifier
from outils_kb import sans_detail_yaml

from .conftest import AUJOURDHUI, SCHEMA_PAGE

FICHIER = "docs/cesa/periode-essai.md"
DESCRIPTION = "Une description assez longue pour respecter le minimum de cinquante caractères."


def page(entete: str, corps: str = "\n# Période d'essai\n\nTexte.\n") -> str:
    return f"---\n{entete.strip()}\n---\n{corps}"


def entete(title="Période d'essai", audience="[entrepreneurs]", sources=None, verifie_le="2026-11-20", extra=""):
    if sources is None:
        sources = "\n  - ref: code-du-travail:L7332-1"
    lignes = [f"title: {title}", f"description: {DESCRIPTION}", f"audience: {audience}"]
    if sources != "absent":
        lignes.append(f"sources:{sources}")
    lignes.append(f"verifie_le: {verifie_le}")
    if extra:
        lignes.append(extra)
    return "\n".join(lignes)


@pytest.fixture
def verifie(registre_reel, domaines_reels):
    def _verifie(texte, aujourdhui=AUJOURDHUI):
        return verifier(texte, FICHIER, registre_reel, domaines_reels, SCHEMA_PAGE, aujourdhui)
    return _verifie


def uniques(problemes):
    return [str(p) for p in problemes]


# ---------------------------------------------------------------- Pages correctes


def test_page_correcte_et_sources_resolues(verifie, registre_reel):
    texte = page(entete(sources="\n  - ref: code-du-travail:L7332-1\n  - ref: loi-2014-856"
                                "\n  - titre: Fédération des CAE, « Notre histoire »"
                                "\n    url: https://www.les-cae.coop/notre-histoire"
                                "\n    consulte_le: 2026-11-26"))
    sources, problemes = verifie(texte)
    assert problemes == []
    article = registre_reel.trouver("code-du-travail:L7332-1")
    assert sources == [
        {"titre": "Article L7332-1 du code du travail", "url": article.url, "officielle": "oui"},
        {"titre": registre_reel.trouver("loi-2014-856").titre, "url": registre_reel.trouver("loi-2014-856").url,
         "officielle": "oui"},
        {"titre": "Fédération des CAE, « Notre histoire »", "url": "https://www.les-cae.coop/notre-histoire",
         "consulte_le": "2026-11-26"},
    ]


def test_page_d_article_sans_sources(verifie):
    texte = page(f"article: code-du-travail:L7331-2\ndescription: {DESCRIPTION}\naudience: [tous]\n"
                 "verifie_le: 2026-11-26", corps="\n## Ce que dit l'article\n")
    assert verifie(texte) == ([], [])


def test_verifiee_aujourd_hui(verifie):
    assert verifie(page(entete(verifie_le=AUJOURDHUI.isoformat())))[1] == []


# ---------------------------------------------------------------- KB100


def test_kb100_yaml_casse_avec_sa_ligne(verifie):
    texte = "---\ntitle: Période d'essai\ndescription: Le contrat : ses clauses: obligatoires\naudience: [tous]\n---\n"
    sources, problemes = verifie(texte)
    assert sources == []
    assert [sans_detail_yaml(p) for p in uniques(problemes)] == [
        "KB100 docs/cesa/periode-essai.md:3 : l'en-tête n'est pas lisible : YAML invalide "
        "(mapping values are not allowed here). Correction : vérifiez l'indentation, les guillemets et les "
        "deux-points ; l'en-tête commence et finit par une ligne « --- »."]


def test_kb100_entete_jamais_fermee(verifie):
    problemes = verifie("---\ntitle: Titre\n\n# Titre\n")[1]
    assert [(p.code, p.ligne) for p in problemes] == [("KB100", 3)]  # là où la ligne « --- » manque


# ---------------------------------------------------------------- KB101


def test_kb101_page_sans_entete(verifie):
    assert uniques(verifie("# Titre\n\nTexte.\n")[1]) == [
        "KB101 docs/cesa/periode-essai.md:1 : la page n'a pas d'en-tête. Correction : copiez l'en-tête de "
        "modeles/page.md (title, description, audience, sources, verifie_le) en haut du fichier."]


def test_kb101_champ_manquant(verifie):
    texte = page(entete().replace(f"description: {DESCRIPTION}\n", ""))
    assert uniques(verifie(texte)[1]) == [
        "KB101 docs/cesa/periode-essai.md:2 : le champ obligatoire « description » manque dans l'en-tête. "
        "Correction : voir CONTRIBUTING.md, « L'en-tête d'une page », et modeles/page.md."]


def test_kb101_champ_inconnu_signale_a_sa_ligne(verifie):
    # Ligne 8 : la faute de frappe « verifié_le » ; le contributeur doit être conduit à cette ligne.
    texte = page(entete(extra="verifié_le: 2026-11-20"))
    problemes = verifie(texte)[1]
    assert [p.code for p in problemes] == ["KB101"]
    assert problemes[0].message == "champ inconnu « verifié_le » dans l'en-tête (faute de frappe ?)."
    assert problemes[0].ligne == 8


def test_kb101_public_inconnu_a_sa_ligne(verifie):
    problemes = verifie(page(entete(audience="\n  - entrepreneurs\n  - salariés")))[1]
    assert uniques(problemes) == [
        "KB101 docs/cesa/periode-essai.md:6 : valeur « salariés » refusée pour audience[2] ; valeurs permises : "
        "« entrepreneurs », « gestionnaires », « contributeurs », « tous ». "
        "Correction : voir CONTRIBUTING.md, « L'en-tête d'une page », et modeles/page.md."]


def test_kb101_date_mal_ecrite(verifie):
    problemes = verifie(page(entete(verifie_le="26/11/2026")))[1]
    assert [(p.code, p.ligne) for p in problemes] == [("KB101", 7)]
    assert "AAAA-MM-JJ" in problemes[0].message and "« 26/11/2026 »" in problemes[0].message


# ---------------------------------------------------------------- KB102


def test_kb102_sources_absentes(verifie):
    assert uniques(verifie(page(entete(sources="absent")))[1]) == [
        "KB102 docs/cesa/periode-essai.md:2 : la page ne cite aucune source (« sources » absent ou vide). "
        "Correction : ajoutez au moins une source : « - ref: code-du-travail:L7331-2 » pour un article du "
        "registre, ou « - titre: … » et « url: https://… »."]


def test_kb102_sources_vides_a_leur_ligne(verifie):
    problemes = verifie(page(entete(sources=" []")))[1]
    assert [(p.code, p.ligne) for p in problemes] == [("KB102", 5)]


def test_kb102_source_incomplete(verifie):
    problemes = verifie(page(entete(sources="\n  - ref: loi-2014-856\n  - titre: Un article sans adresse")))[1]
    assert uniques(problemes) == [
        "KB102 docs/cesa/periode-essai.md:7 : la source n° 2 est incomplète ou mal formée. "
        "Correction : écrivez « - ref: identifiant » ou « - titre: … » suivi de « url: https://… »."]


# ---------------------------------------------------------------- KB103


def test_kb103_adresse_http(verifie):
    problemes = verifie(page(entete(sources="\n  - titre: Légifrance\n    url: http://www.legifrance.gouv.fr/")))[1]
    assert uniques(problemes) == [
        "KB103 docs/cesa/periode-essai.md:7 : l'adresse « http://www.legifrance.gouv.fr/ » n'est pas en https. "
        "Correction : utilisez l'adresse https de la même page."]


def test_kb103_domaine_non_admis(verifie):
    url = "https://www.exemple-blog.fr/cae"
    problemes = verifie(page(entete(sources=f"\n  - ref: loi-2014-856\n  - titre: Un blog\n    url: {url}")))[1]
    assert uniques(problemes) == [
        f"KB103 docs/cesa/periode-essai.md:8 : le domaine de « {url} » n'est pas dans la liste des sources "
        "admises. Correction : citez une source officielle ou reconnue ; si ce site est fiable, ajoutez son "
        "domaine à data/domaines.yml en expliquant pourquoi dans la demande de fusion."]


def test_kb103_sous_domaine_d_un_domaine_admis(verifie):
    texte = page(entete(sources="\n  - titre: Fiche\n    url: https://entreprendre.service-public.fr/vosdroits/F1"))
    assert verifie(texte)[1] == []


# ---------------------------------------------------------------- KB104 et KB105


def test_kb104_date_dans_le_futur(verifie):
    problemes = verifie(page(entete(verifie_le="2026-11-27")))[1]
    assert uniques(problemes) == [
        "KB104 docs/cesa/periode-essai.md:7 : la date de vérification 2026-11-27 est dans le futur. "
        "Correction : indiquez le jour où vous avez vraiment relu la page sur ses sources "
        "(au plus tard aujourd'hui, 2026-11-26)."]


def test_kb105_date_ancienne_est_un_avertissement(verifie):
    limite = AUJOURDHUI - DUREE_DE_VALIDITE
    assert verifie(page(entete(verifie_le=limite.isoformat())))[1] == []
    trop_vieille = limite - dt.timedelta(days=1)
    problemes = verifie(page(entete(verifie_le=trop_vieille.isoformat())))[1]
    assert uniques(problemes) == [
        f"KB105 docs/cesa/periode-essai.md:7 : la page n'a pas été vérifiée depuis le {trop_vieille.isoformat()} "
        "(plus de 18 mois). Correction : relisez-la sur ses sources, puis mettez « verifie_le » à jour."]


def test_dix_huit_mois():
    assert 540 <= DUREE_DE_VALIDITE.days <= 550


# ---------------------------------------------------------------- KB106


def test_kb106_reference_inconnue(verifie):
    problemes = verifie(page(entete(sources="\n  - ref: loi-2014-856\n  - ref: code-du-travail:L. 7331-2")))[1]
    assert uniques(problemes) == [
        "KB106 docs/cesa/periode-essai.md:7 : la source « code-du-travail:L. 7331-2 » n'existe pas dans le "
        "registre des textes. Correction : utilisez un identifiant de data/textes (par exemple "
        "code-du-travail:L7331-2 ou loi-2014-856), ou ajoutez l'article au registre."]


def test_plusieurs_problemes_dans_une_page(verifie):
    texte = page(entete(audience="[lecteurs]", verifie_le="2999-01-01",
                        sources="\n  - ref: inconnu:1\n  - titre: Blog\n    url: http://exemple.org"))
    assert sorted(p.code for p in verifie(texte)[1]) == ["KB101", "KB103", "KB104", "KB106"]


# ---------------------------------------------------------------- Le hook pendant le build


def _page_et_config(tmp_path, locale_fichier, langue_du_build):
    from .conftest import RACINE
    source = tmp_path / "periode-essai.md"
    source.write_text(page(entete()), encoding="utf-8")
    fichier = SimpleNamespace(locale=locale_fichier, abs_src_path=str(source), src_uri="cesa/periode-essai.md")
    config = SimpleNamespace(theme={"language": langue_du_build}, config_file_path=str(RACINE / "mkdocs.yml"))
    return SimpleNamespace(file=fichier, meta={}), config


def test_le_hook_prepare_les_sources_de_la_page(tmp_path, registre_reel):
    page_fr, config = _page_et_config(tmp_path, "fr", "fr")
    metadonnees.on_page_markdown("", page_fr, config, None)
    assert page_fr.meta["kb_sources"] == [
        {"titre": "Article L7332-1 du code du travail", "url": registre_reel.trouver("code-du-travail:L7332-1").url,
         "officielle": "oui"}]


def test_une_page_non_traduite_garde_ses_sources_sous_en(tmp_path):
    # Page française servie sous /en/ : elle n'est pas revérifiée (pas de message en double),
    # mais le lecteur doit y voir les mêmes sources que sur la page française.
    page_fr, config_fr = _page_et_config(tmp_path, "fr", "fr")
    metadonnees.on_page_markdown("", page_fr, config_fr, None)
    page_repli, config_en = _page_et_config(tmp_path, "fr", "en")
    metadonnees.on_page_markdown("", page_repli, config_en, None)
    assert page_repli.meta.get("kb_sources") == page_fr.meta["kb_sources"]
