"""Historique d'un article (champ `historique` du registre) et rédactions officielles
(data/textes-officiels/) : données du dépôt saines, fautes de contributeur signalées avec le fichier,
la ligne et la correction (KB203, KB204), description des textes qui ont créé ou modifié l'article."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path


from kb.references.registre import Evenement, charger
from kb.references.textes_officiels import charger as charger_redactions
from kb.references.fiche_d_article import decrire_evenement, fin_du_resume

from .conftest import DONNEES, RACINE, SCHEMA_TEXTE

SCHEMA_REDACTION = str(DONNEES / "schemas" / "texte-officiel.schema.json")
AUJOURDHUI = dt.date(2026, 12, 6)

LOI = """\
id: loi-2008-596
titre: LOI n° 2008-596 du 25 juin 2008 portant modernisation du marché du travail
titre_court: loi n° 2008-596 du 25 juin 2008
nature: loi
date: 2008-06-25
url: null
articles: []
"""


def _registre(tmp_path: Path, articles: str) -> Path:
    dossier = tmp_path / "textes"
    dossier.mkdir()
    (dossier / "loi-2008-596.yml").write_text(LOI, encoding="utf-8")
    (dossier / "code-du-travail.yml").write_text(
        "id: code-du-travail\ntitre: Code du travail\ntitre_court: code du travail\nnature: code\nurl: null\n"
        "articles:\n" + textwrap.indent(textwrap.dedent(articles), "  "), encoding="utf-8")
    return dossier


def _charger(tmp_path: Path, articles: str):
    return charger(_registre(tmp_path, articles), SCHEMA_TEXTE, tmp_path, AUJOURDHUI)


ARTICLE = """\
- numero: L1237-11
  intitule: Rupture conventionnelle
  en_vigueur_depuis: {depuis}
  historique:
    creation: {{par: loi-2008-596, article: "5", le: 2008-06-27}}
    modifications:{modifications}
    lu_le: {lu_le}
    source: la base LEGI de la DILA (paquet npm)
"""


def _article(depuis="2008-06-27", modifications=" []", lu_le="2026-12-06") -> str:
    return ARTICLE.format(depuis=depuis, modifications=modifications, lu_le=lu_le)


# ---------------------------------------------------------------- Les données du dépôt


def test_le_registre_du_depot_a_des_historiques_valides(registre_reel):
    avec = [a for a in registre_reel.articles.values() if a.historique is not None]
    assert len(avec) >= 40
    for article in avec:
        # Un seul endroit pour « créé par » : l'historique.
        assert article.cree_par is None and article.modifie_par is None, article.id
        assert str(article.en_vigueur_depuis) in article.historique.versions, article.id
    l7331_2 = registre_reel.articles["code-du-travail:L7331-2"].historique
    assert l7331_2.creation == Evenement(par="loi-2014-856:48", le="2014-08-02")
    assert l7331_2.modifications == ()


def test_les_redactions_du_depot_sont_celles_des_versions_resumees(registre_reel):
    redactions, problemes = charger_redactions(DONNEES / "textes-officiels", SCHEMA_REDACTION, RACINE, registre_reel)
    assert not problemes, "\n".join(map(str, problemes))
    assert len(redactions) >= 100
    for ref, r in redactions.items():
        assert registre_reel.articles[ref].en_vigueur_depuis == r.en_vigueur_depuis, ref
    # Alinéa par alinéa, tel que publié (1°, a)…), sans balise ni lien de la base.
    l7331_2 = redactions["code-du-travail:L7331-2"]
    assert l7331_2.alineas[0] == "Est entrepreneur salarié d'une coopérative d'activité et d'emploi toute personne physique qui :"
    assert l7331_2.alineas[3].startswith("a) Les objectifs à atteindre")
    assert all("<" not in a for r in redactions.values() for a in r.alineas)
    # La page de L311-3 résume une version que la base n'a pas : pas de rédaction.
    assert "code-securite-sociale:L311-3" not in redactions


# ---------------------------------------------------------------- Fautes dans l'historique


def test_historique_correct(tmp_path):
    modif = '\n      - {par: loi-2008-596, article: "4", le: 2010-01-01}'
    reg, problemes = _charger(tmp_path, _article(depuis="2010-01-01", modifications=modif))
    assert problemes == []
    h = reg.articles["code-du-travail:L1237-11"].historique
    assert h.versions == ("2008-06-27", "2010-01-01") and h.lu_le == "2026-12-06"


def test_texte_modificateur_inconnu_du_registre(tmp_path):
    modif = '\n      - {par: loi-2011-672, article: "74", le: 2011-06-18}'
    _, problemes = _charger(tmp_path, _article(depuis="2011-06-18", modifications=modif))
    assert [str(p) for p in problemes] == [
        "KB203 textes/code-du-travail.yml:13 : historique.modifications[1].par vise « loi-2011-672 », absent du "
        "registre : l'historique de l'article L1237-11 doit nommer un texte connu. Correction : écrivez "
        "l'identifiant d'un texte de data/textes/ (le nom du fichier, par exemple loi-2014-856) et son article "
        "dans « article: », ou ajoutez d'abord ce texte au registre. Voir CONTRIBUTING.md, « Enregistrer un "
        "changement de la loi » (#historique)."]


def test_date_dans_le_futur(tmp_path):
    modif = '\n      - {par: loi-2008-596, article: "4", le: 2027-01-01}'
    _, problemes = _charger(tmp_path, _article(depuis="2027-01-01", modifications=modif))
    assert len(problemes) == 1
    assert str(problemes[0]).startswith(
        "KB203 textes/code-du-travail.yml:13 : historique.modifications[1].le (2027-01-01) est dans le futur")
    assert "au plus tard aujourd'hui, 2026-12-06" in str(problemes[0])


def test_version_avant_la_signature_du_texte(tmp_path):
    modif = '\n      - {par: loi-2008-596, article: "4", le: 2008-06-01}'
    _, problemes = _charger(tmp_path, _article(depuis="2008-06-27", modifications=modif))
    messages = [str(p) for p in problemes]
    assert any("KB203 textes/code-du-travail.yml:13 : historique.modifications[1].le (2008-06-01) précède la "
               "signature de loi n° 2008-596 du 25 juin 2008 (2008-06-25)" in m for m in messages), messages
    assert any("précède l'étape d'avant (2008-06-27)" in m for m in messages), messages


def test_version_resumee_absente_de_l_historique(tmp_path):
    _, problemes = _charger(tmp_path, _article(depuis="2009-01-01"))
    assert [str(p) for p in problemes] == [
        "KB203 textes/code-du-travail.yml:9 : en_vigueur_depuis (2009-01-01) de l'article L1237-11 n'est la date "
        "d'aucune version de son historique (2008-06-27) : version incohérente. Correction : écrivez dans "
        "en_vigueur_depuis la date de la version que résume la page, telle qu'elle figure dans l'historique "
        "(creation.le ou modifications[].le). Voir CONTRIBUTING.md, « Enregistrer un changement de la loi » "
        "(#historique)."]


def test_lecture_dans_le_futur_et_cree_par_en_double(tmp_path):
    article = _article(lu_le="2030-01-01").replace("  en_vigueur_depuis:", "  cree_par: loi-2008-596\n  en_vigueur_depuis:")
    _, problemes = _charger(tmp_path, article)
    messages = [str(p) for p in problemes]
    assert ("KB203 textes/code-du-travail.yml:9 : l'article L1237-11 a un historique et un champ « cree_par » : le "
            "même fait écrit deux fois. Correction : écrivez « cree_par: null » : l'historique (creation, "
            "modifications) le donne déjà.") in messages
    assert any(m.startswith("KB203 textes/code-du-travail.yml:14 : historique.lu_le (2030-01-01) est dans le futur.")
               for m in messages), messages


def test_date_impossible_nommee_avec_sa_ligne(tmp_path):
    _, problemes = _charger(tmp_path, _article(lu_le="2026-02-30"))
    assert [str(p) for p in problemes] == [
        "KB201 textes/code-du-travail.yml:13 : date impossible « 2026-02-30 ». Correction : écrivez une date qui "
        "existe, au format AAAA-MM-JJ (mois de 01 à 12, jour présent dans le mois)."]


def test_champ_inconnu_dans_l_historique(tmp_path):
    _, problemes = _charger(tmp_path, _article().replace("    lu_le:", "    lu_la: 2026-12-06\n    lu_le:"))
    assert any("KB201 textes/code-du-travail.yml:13 : champ inconnu « lu_la »" in str(p) for p in problemes), problemes


# ---------------------------------------------------------------- Fautes dans les rédactions


def _redactions(tmp_path: Path, contenu: str, nom: str = "code-du-travail.yml"):
    reg, problemes = _charger(tmp_path, _article())
    assert problemes == []
    dossier = tmp_path / "textes-officiels"
    dossier.mkdir()
    (dossier / nom).write_text(textwrap.dedent(contenu), encoding="utf-8")
    return charger_redactions(dossier, SCHEMA_REDACTION, tmp_path, reg, AUJOURDHUI)


REDACTIONS = """\
texte: code-du-travail
source: la base LEGI de la DILA (paquet npm)
lu_le: 2026-12-06
articles:
  - numero: {numero}
    legiarti: LEGIARTI000019071201
    en_vigueur_depuis: {depuis}
    alineas:
      - "L'employeur et le salarié peuvent convenir en commun des conditions de la rupture."
"""


def test_redaction_correcte(tmp_path):
    redactions, problemes = _redactions(tmp_path, REDACTIONS.format(numero="L1237-11", depuis="2008-06-27"))
    assert problemes == []
    r = redactions["code-du-travail:L1237-11"]
    assert r.en_vigueur_depuis == "2008-06-27" and r.lu_le == "2026-12-06" and r.legiarti == "LEGIARTI000019071201"


def test_redaction_d_un_article_inconnu(tmp_path):
    redactions, problemes = _redactions(tmp_path, REDACTIONS.format(numero="L1237-99", depuis="2008-06-27"))
    assert redactions == {}
    assert [str(p) for p in problemes] == [
        "KB204 textes-officiels/code-du-travail.yml:5 : l'article « L1237-99 » n'est pas dans le registre "
        "(textes/code-du-travail.yml). Correction : corrigez le numéro (écrit comme dans "
        "textes/code-du-travail.yml, sans points ni espaces) ou ajoutez d'abord l'article au registre."]


def test_redaction_d_une_autre_version_que_celle_resumee(tmp_path):
    redactions, problemes = _redactions(tmp_path, REDACTIONS.format(numero="L1237-11", depuis="2020-01-01"))
    assert redactions == {}
    assert len(problemes) == 1
    message = str(problemes[0])
    assert message.startswith(
        "KB204 textes-officiels/code-du-travail.yml:7 : la rédaction de L1237-11 est la version en vigueur depuis "
        "le 2020-01-01, mais la page résume celle du 2008-06-27 : version incohérente. Correction : ")
    assert "make registre-legi ECRIRE=1" in message


def test_fichier_de_redactions_d_un_texte_inconnu(tmp_path):
    _, problemes = _redactions(tmp_path, REDACTIONS.format(numero="L1237-11", depuis="2008-06-27"),
                               nom="code-du-travial.yml")
    assert [p.code for p in problemes] == ["KB204"]
    assert "doit être le nom du fichier (code-du-travial)" in str(problemes[0])


def test_redaction_sans_alinea(tmp_path):
    contenu = REDACTIONS.format(numero="L1237-11", depuis="2008-06-27").split("    alineas:")[0] + "    alineas: []\n"
    _, problemes = _redactions(tmp_path, contenu)
    assert [str(p).split(" Correction")[0] for p in problemes] == [
        "KB204 textes-officiels/code-du-travail.yml:8 : articles[1].alineas ne doit pas être vide."]


# ---------------------------------------------------------------- Rendu


def test_description_des_textes_de_l_historique(registre_reel):
    assert decrire_evenement(Evenement("loi-2014-856:48", "2014-08-02"), registre_reel) == \
        "l'article 48 de la loi n° 2014-856 du 31 juillet 2014"
    assert decrire_evenement(Evenement("loi-2008-596", "2008-06-27", "5"), registre_reel) == \
        "l'article 5 de la loi n° 2008-596 du 25 juin 2008"
    assert decrire_evenement(Evenement("ordonnance-2007-329", "2008-05-01"), registre_reel) == \
        "l'ordonnance n° 2007-329 du 12 mars 2007"
    assert decrire_evenement(Evenement("loi-2008-596", "2008-06-27", "1"), registre_reel) == \
        "l'article 1er de la loi n° 2008-596 du 25 juin 2008"


def test_le_texte_officiel_se_place_apres_le_resume():
    deux_sections = '<h2 id="a">Ce que dit</h2><p>x</p><h2 id="b">Suite</h2><p>y</p>'
    assert fin_du_resume(deux_sections) == deux_sections.index('<h2 id="b">')
    une_section = '<h2 id="a">Ce que dit</h2><p>x</p>'
    assert fin_du_resume(une_section) == len(une_section)
    assert fin_du_resume("<p>x</p><h2>y</h2>") == len("<p>x</p><h2>y</h2>")
