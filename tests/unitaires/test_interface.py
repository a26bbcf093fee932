"""interface : lien « Signaler une erreur », textes de l'interface par langue."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from mkdocs.exceptions import PluginError

import interface
from kb.interface.signalement import courriel_signalement, url_signalement
from kb.traduction.selecteur import lien_de_langue

from .conftest import DONNEES

DEPOT = "https://github.com/base-juridique-cae/base-juridique-cae"
SITE = "https://base-juridique-cae.github.io/base-juridique-cae/"


def config(repo_url=DEPOT, site_url=SITE, extra=None):
    return SimpleNamespace(repo_url=repo_url, site_url=site_url,
                           extra={"formulaire_erreur": "signaler-une-erreur.yml"} if extra is None else extra)


def page(titre="Période d'essai : « huit mois » au plus", url="cesa/periode-essai/"):
    return SimpleNamespace(title=titre, url=url)


def test_formulaire_prerempli_avec_l_adresse_de_la_page():
    adresse = urlsplit(url_signalement(config(), page()))
    assert (adresse.scheme, adresse.netloc, adresse.path) == \
        ("https", "github.com", "/base-juridique-cae/base-juridique-cae/issues/new")
    parametres = parse_qs(adresse.query, strict_parsing=True)
    assert parametres == {
        "template": ["signaler-une-erreur.yml"],
        "title": ["Erreur : Période d'essai : « huit mois » au plus"],
        "page": [SITE + "cesa/periode-essai/"],
    }


def test_adresse_anglaise_et_depot_avec_barre_finale():
    lien = url_signalement(config(repo_url=DEPOT + "/"), page("Trial period", "en/cesa/periode-essai/"))
    assert lien.startswith(DEPOT + "/issues/new?")
    assert parse_qs(urlsplit(lien).query)["page"] == [SITE + "en/cesa/periode-essai/"]


def test_formulaire_par_defaut():
    lien = url_signalement(config(extra={}), page())
    assert parse_qs(urlsplit(lien).query)["template"] == ["signaler-une-erreur.yml"]


def test_pas_de_depot_pas_de_lien():
    assert url_signalement(config(repo_url=None), page()) is None
    assert url_signalement(config(repo_url=""), page()) is None


# ---------------------------------------------------------------- data/interface.yml


def _cles(dictionnaire, prefixe=""):
    cles = set()
    for cle, valeur in dictionnaire.items():
        cles.add(prefixe + cle)
        if isinstance(valeur, dict):
            cles |= _cles(valeur, f"{prefixe}{cle}.")
    return cles


def test_chaque_langue_a_tous_les_textes_de_l_interface():
    donnees = yaml.safe_load((DONNEES / "interface.yml").read_text(encoding="utf-8"))
    assert "fr" in donnees and "en" in donnees
    for langue, textes in donnees.items():
        assert _cles(textes) == _cles(donnees["fr"]), langue


def test_textes_anglais_non_vides_et_sans_francais():
    textes = yaml.safe_load((DONNEES / "interface.yml").read_text(encoding="utf-8"))["en"]
    for cle in ("non_traduit", "traduction", "version_francaise", "introuvable_titre", "verifie_le",
                "signaler_erreur"):
        assert textes[cle].strip(), cle
    assert "authoritative" in textes["non_traduit"] and "French" in textes["traduction"]


def _config_langues(tmp_path, interface_yml):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "interface.yml").write_text(interface_yml, encoding="utf-8")
    langs = [SimpleNamespace(locale="fr", default=True, build=True),
             SimpleNamespace(locale="en", default=False, build=True)]
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), theme={"language": "fr"},
                           plugins={"i18n": SimpleNamespace(config=SimpleNamespace(languages=langs))})


def test_langue_declaree_sans_ses_textes(tmp_path):
    conf = _config_langues(tmp_path, "fr:\n  sources: Sources\n  verifie_le: Vérifié le\nen:\n  sources: Sources\n")
    with pytest.raises(PluginError) as erreur:
        interface.on_config(conf)
    assert str(erreur.value) == (
        "KB302 data/interface.yml : la langue « en » (déclarée dans mkdocs.yml) n'a pas les textes verifie_le. "
        "Correction : copiez la section « fr » sous « en: » et traduisez-la.")


def test_textes_complets_acceptes(tmp_path):
    conf = _config_langues(tmp_path, "fr:\n  sources: Sources\nen:\n  sources: Sources\n")
    assert interface.on_config(conf) is None


@pytest.mark.parametrize("lien, page, attendu", [
    ("/base-juridique-cae/en/", "", "en/"),            # accueil français -> accueil anglais
    ("/base-juridique-cae/", "", "./"),
    ("/base-juridique-cae/", "en/", "../"),            # accueil anglais -> accueil français
    ("/base-juridique-cae/en/", "en/", "./"),
    ("../en/cesa/", "cesa/", None),                    # déjà relatif : gardé tel quel
    ("/ailleurs/en/", "", None),                       # hors du site : pas touché
])
def test_lien_de_langue_relatif_a_la_page(lien, page, attendu):
    assert lien_de_langue(lien, "https://base-juridique-cae.github.io/base-juridique-cae/", page) == attendu


def test_signalement_par_courriel_sans_compte():
    textes = {"signaler_erreur": "Signaler une erreur",
              "courriel_modele": "Page : {page}\n\nCe qui est faux :\n"}
    assert courriel_signalement(config(), page(), textes) is None  # pas d'adresse : pas de lien
    lien = courriel_signalement(
        config(extra={"courriel_erreur": "redaction@exemple.org"}), page(), textes)
    adresse = urlsplit(lien)
    assert (adresse.scheme, adresse.path) == ("mailto", "redaction@exemple.org")
    parametres = parse_qs(adresse.query, strict_parsing=True)
    assert parametres["subject"] == ["Signaler une erreur : Période d'essai : « huit mois » au plus"]
    assert parametres["body"] == [f"Page : {SITE}cesa/periode-essai/\n\nCe qui est faux :\n"]
    assert "+" not in adresse.query  # des espaces codés %20 : « + » resterait tel quel dans un courriel
