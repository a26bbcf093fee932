"""traduction.verifier_suffixes : KB300 (traduction orpheline) et KB301 (suffixe inconnu)."""

from __future__ import annotations

from kb.traduction.fichiers import verifier_suffixes


def arbre(racine, *fichiers):
    docs = racine / "docs"
    for nom in fichiers:
        chemin = docs / nom
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    return docs


def problemes(racine, docs, langues=("fr", "en")):
    return [str(p) for p in verifier_suffixes(docs, list(langues), "fr", racine)]


def test_traductions_en_regle(tmp_path):
    docs = arbre(tmp_path, "index.md", "index.en.md", "cesa/periode-essai.md", "cesa/periode-essai.en.md",
                 "textes/loi-47-1775/article-3-bis.md", "cadre-juridique/decret-2015-1363.md")
    assert problemes(tmp_path, docs) == []


def test_kb300_traduction_sans_page_francaise(tmp_path):
    docs = arbre(tmp_path, "index.md", "cesa/remuneration.en.md")
    assert problemes(tmp_path, docs) == [
        "KB300 docs/cesa/remuneration.en.md : cette traduction n'a pas de page française « remuneration.md ». "
        "Correction : créez d'abord la page française (elle fait foi), ou corrigez le nom du fichier."]


def test_kb300_page_francaise_dans_un_autre_dossier_ne_compte_pas(tmp_path):
    docs = arbre(tmp_path, "remuneration.md", "cesa/remuneration.en.md")
    assert [p.split(" ")[0] for p in problemes(tmp_path, docs)] == ["KB300"]


def test_kb301_suffixe_fr_inutile(tmp_path):
    docs = arbre(tmp_path, "cesa/contrat.fr.md")
    assert problemes(tmp_path, docs) == [
        "KB301 docs/cesa/contrat.fr.md : le suffixe « .fr » est inutile : le français n'a pas de suffixe. "
        "Correction : renommez le fichier en « contrat.md »."]


def test_kb301_langue_non_declaree(tmp_path):
    docs = arbre(tmp_path, "index.md", "index.de.md")
    assert problemes(tmp_path, docs) == [
        "KB301 docs/index.de.md : le suffixe de langue « .de » n'est pas déclaré dans mkdocs.yml (langues : en). "
        "Correction : corrigez le suffixe (par exemple « .en.md ») ou déclarez la langue dans le bloc i18n "
        "de mkdocs.yml et dans data/interface.yml."]


def test_kb301_suffixe_regional_et_majuscules(tmp_path):
    docs = arbre(tmp_path, "index.md", "index.pt-BR.md", "index.EN.md")
    codes = sorted(p.split(" ")[:2][0] + " " + p.split(" ")[1] for p in problemes(tmp_path, docs))
    assert codes == ["KB301 docs/index.EN.md", "KB301 docs/index.pt-BR.md"]


def test_un_point_dans_un_nom_qui_n_est_pas_une_langue(tmp_path):
    docs = arbre(tmp_path, "notes-2015.1363.md", "index.md")
    assert problemes(tmp_path, docs) == []


def test_une_langue_declaree_est_acceptee(tmp_path):
    docs = arbre(tmp_path, "index.md", "index.en.md", "index.es.md")
    assert [p.split(" ")[1] for p in problemes(tmp_path, docs)] == ["docs/index.es.md"]
    assert problemes(tmp_path, docs, langues=("fr", "en", "es")) == []
