"""glossaire : chargement de data/glossaire.yml (KB500), clés sans accents, rendu, sigles."""

from __future__ import annotations

import textwrap

import pytest

from kb.glossaire.chargement import charger
from kb.glossaire.page_du_glossaire import _reference, rendre_glossaire
from kb.glossaire.sigles import abreviations
from kb.glossaire.termes import Terme, ancienne_ancre, ancre
from kb.commun.normalisation import cle_de_comparaison as cle
from outils_kb import sans_detail_yaml

from .conftest import DONNEES, RACINE


def ecrire(tmp_path, contenu):
    (tmp_path / "data" / "schemas").mkdir(parents=True)
    (tmp_path / "data" / "schemas" / "glossaire.schema.json").write_text(
        (DONNEES / "schemas" / "glossaire.schema.json").read_text(encoding="utf-8"), encoding="utf-8")
    chemin = tmp_path / "data" / "glossaire.yml"
    chemin.write_text(textwrap.dedent(contenu).lstrip(), encoding="utf-8")
    return chemin


def test_le_glossaire_du_depot_se_charge(registre_reel):
    termes, problemes = charger(DONNEES / "glossaire.yml", registre_reel, RACINE)
    assert problemes == [], "\n".join(map(str, problemes))
    assert termes
    assert [cle(t.terme) for t in termes] == sorted(cle(t.terme) for t in termes)


@pytest.mark.parametrize("texte, attendu", [
    ("coopérative d'activité et d'emploi", "cooperative d activite et d emploi"),
    ("Entrepreneur·e salarié·e", "entrepreneur e salarie e"),
    ("  Économie   sociale ", "economie sociale"),
])
def test_cle(texte, attendu):
    assert cle(texte) == attendu


def test_ancre_d_un_terme_celle_d_un_titre(slugify_des_titres):
    """L'ancre d'un terme suit la règle des titres de mkdocs.yml (CONTRIBUTING : « Période d'essai »
    donne #periode-dessai) ; l'ancienne ancre (« periode-d-essai ») reste pour les liens publiés."""
    assert ancre("Période d'essai", slugify_des_titres) == "periode-dessai"
    assert ancre("entrepreneur·e salarié·e", slugify_des_titres) == "entrepreneure-salariee"
    assert ancienne_ancre("Période d'essai") == "periode-d-essai"


def test_kb500_doublons_renvois_et_references(tmp_path, registre_reel):
    chemin = ecrire(tmp_path, """
        - terme: coopérative d'activité et d'emploi
          abreviation: CAE
          definition: Coopérative qui accompagne des entrepreneur·es salarié·es dans leur activité.
          references: [loi-47-1775:26-41, loi-47-1775:99]
          voir: [associé]
        - terme: Coopérative d'activité et d'emploi
          definition: Doublon du premier terme, écrit avec une majuscule et les mêmes accents.
        """)
    _, problemes = charger(chemin, registre_reel, tmp_path)
    assert sorted(str(p) for p in problemes) == sorted([
        "KB500 data/glossaire.yml:1 : le terme « coopérative d'activité et d'emploi » renvoie à « loi-47-1775:99 », "
        "absent du registre. Correction : utilisez un identifiant de data/textes (par exemple code-du-travail:L7331-2).",
        "KB500 data/glossaire.yml:1 : le terme « coopérative d'activité et d'emploi » renvoie à « associé », absent "
        "du glossaire. Correction : corrigez le renvoi ou ajoutez ce terme au glossaire.",
        "KB500 data/glossaire.yml:6 : « Coopérative d'activité et d'emploi » figure deux fois dans le glossaire "
        "(voir aussi la ligne 1). Correction : fusionnez les deux entrées en une seule.",
    ])


def test_kb500_entree_hors_schema(tmp_path, registre_reel):
    chemin = ecrire(tmp_path, """
        - terme: associé
          definition: Trop court.
        """)
    termes, problemes = charger(chemin, registre_reel, tmp_path)
    assert termes == []
    assert [(p.code, p.ligne) for p in problemes] == [("KB500", 2)]
    assert "« associé »" in problemes[0].message and "30 caractères" in problemes[0].message


def test_kb500_yaml_illisible(tmp_path, registre_reel):
    chemin = ecrire(tmp_path, """
        - terme: associé
          definition: Personne qui : détient une part
        """)
    _, problemes = charger(chemin, registre_reel, tmp_path)
    assert [(p.code, p.ligne) for p in problemes] == [("KB500", 2)]
    assert sans_detail_yaml(problemes[0].message) == \
        "le glossaire n'est pas lisible : YAML invalide (mapping values are not allowed here)."


@pytest.mark.parametrize("ref, ecrit", [
    ("code-du-travail:L7331-2", "art. L. 7331-2 du code du travail"),
    ("code-de-commerce:L127-1", "art. L. 127-1 du code de commerce"),
    ("code-securite-sociale:L311-3", "art. L. 311-3 du code de la sécurité sociale"),
    ("code-action-sociale-familles:L262-2", "art. L. 262-2 du code de l'action sociale et des familles"),
    ("loi-47-1775:26-41", "art. 26-41 de la loi n° 47-1775 du 10 septembre 1947"),
    ("loi-47-1775:1", "art. 1er de la loi n° 47-1775 du 10 septembre 1947"),
    ("loi-2014-856", "loi n° 2014-856 du 31 juillet 2014"),
    ("decret-2015-1363", "décret n° 2015-1363 du 27 octobre 2015"),
])
def test_references_sous_leur_forme_officielle(ref, ecrit, registre_reel):
    """La forme officielle du registre (Article.citation, Texte.titre_court), jamais recomposée."""
    assert _reference(ref, registre_reel) == ecrit


def test_chaque_reference_du_glossaire_est_reconnue_et_liee_a_son_article(registre_reel):
    """hooks/references.py lie ce que _reference écrit : chaque référence de data/glossaire.yml
    doit y être reconnue comme UNE citation, celle de son propre identifiant."""
    import yaml

    from kb.references.citations import codes_du_registre, trouver

    codes = codes_du_registre(registre_reel.textes.values())
    refs = {r for e in yaml.safe_load((DONNEES / "glossaire.yml").read_text(encoding="utf-8"))
            for r in e.get("references") or []}
    assert refs
    for ref in sorted(refs):
        assert [c.ref for c in trouver(_reference(ref, registre_reel), None, codes)] == [ref], ref


def test_rendu_par_lettre_et_sigles(slugify_des_titres, registre_reel):
    termes = [Terme("associé", "Personne qui détient une part du capital. Elle vote."),
              Terme("coopérative d'activité et d'emploi", "Coopérative qui accompagne. Elle salarie.", "CAE",
                    references=("loi-47-1775:26-41",), synonymes=("coopérative d'activités",), voir=("associé",))]
    rendu = rendre_glossaire(termes, registre_reel, slugify_des_titres)
    assert "## A { #lettre-a }" in rendu and "## C { #lettre-c }" in rendu
    assert rendu.startswith('<nav class="kb-lettres" aria-label="Lettres" markdown>\n[A](#lettre-a) [C](#lettre-c)\n</nav>')
    # L'ancre des titres ; l'ancienne (liens déjà publiés) dans un <span id> vide du titre.
    assert ("### Coopérative d'activité et d'emploi (CAE)<span id=\"cooperative-d-activite-et-d-emploi\"></span> "
            "{ #cooperative-dactivite-et-demploi }") in rendu
    assert "### Associé { #associe }" in rendu  # même ancre qu'avant : pas de <span>
    assert "*Textes :* art. 26-41 de la loi n° 47-1775 du 10 septembre 1947." in rendu
    assert "*Voir aussi :* [associé](#associe)." in rendu
    assert abreviations(termes) == {"CAE": "coopérative d'activité et d'emploi : Coopérative qui accompagne."}


def test_un_sigle_n_est_developpe_qu_a_sa_premiere_apparition():
    from kb.glossaire.sigles import sigles_developpes_une_fois

    html = ('<p>La <abbr title="coopérative d\'activité et d\'emploi : …">CAE</abbr> et le '
            '<abbr title="contrat : …">CESA</abbr>.</p><p>Une <abbr title="coopérative d\'activité et d\'emploi : …">CAE</abbr>'
            ' accompagne ; chaque <abbr title="coopérative d\'activité et d\'emploi : …">CAE</abbr> aussi.</p>')
    assert sigles_developpes_une_fois(html) == (
        '<p>La <abbr title="coopérative d\'activité et d\'emploi : …">CAE</abbr> et le '
        '<abbr title="contrat : …">CESA</abbr>.</p><p>Une CAE accompagne ; chaque CAE aussi.</p>')


def test_premiere_apparition_d_un_terme_liee_a_sa_definition(slugify_des_titres):
    """Pluriel, écriture inclusive, apostrophe courbe, espace insécable, majuscule ; une fois par page."""
    from kb.glossaire.liaison import lier_les_termes

    termes = [Terme("part variable", "Partie de la rémunération qui dépend du chiffre d'affaires. Suite."),
              Terme("entrepreneur salarié", "Personne qui développe son activité dans une CAE. Suite."),
              Terme("coopérative d'activité et d'emploi", "Coopérative qui accompagne. Suite.", "CAE"),
              Terme("coopérative", "Société de personnes. Suite.")]
    vus: set[str] = set()
    texte = ("Les Parts variables des entrepreneur·es salarié·es d’une coopérative d’activité et\u00a0d’emploi ; "
             "une part variable, une coopérative.")
    lie = lier_les_termes(texte, termes, "../glossaire/", vus, slugify_des_titres)
    assert lie.count('class="kb-terme"') == 4
    assert '<a class="kb-terme" href="../glossaire/#part-variable" title="Part variable : Partie de la ' \
           "rémunération qui dépend du chiffre d'affaires.\">Parts variables</a>" in lie
    assert ">entrepreneur·es salarié·es</a>" in lie
    assert ">coopérative d’activité et\u00a0d’emploi</a>" in lie  # le terme le plus long d'abord
    assert lie.endswith('une part variable, une <a class="kb-terme" href="../glossaire/#cooperative" '
                        'title="Coopérative : Société de personnes.">coopérative</a>.')
    # Plus loin dans la même page : plus de lien.
    assert lier_les_termes("La part variable.", termes, "../glossaire/", vus, slugify_des_titres) == "La part variable."
    # Pas au milieu d'un mot.
    assert lier_les_termes("coopératives-écoles", termes, "../glossaire/", set(), slugify_des_titres) == "coopératives-écoles"


def test_un_terme_a_plusieurs_sens_n_est_lie_que_par_ses_formes(slugify_des_titres):
    """« exercice comptable » : « fin d'exercice » mène à la définition, « l'exercice d'une
    activité » (l'autre sens du mot) jamais."""
    from kb.glossaire.liaison import lier_les_termes

    termes = [Terme("exercice comptable", "Période à la fin de laquelle une entreprise arrête ses comptes. Suite.",
                    formes=("fin d'exercice", "clôture de l'exercice", "par exercice"))]
    assert lier_les_termes("l'exercice d'une activité, dans l'exercice de ses fonctions", termes, "g/", set(), slugify_des_titres) == \
        "l'exercice d'une activité, dans l'exercice de ses fonctions"
    vus: set[str] = set()
    lie = lier_les_termes("Dans l'exercice de son métier, en fin d’exercice puis à la clôture de l'exercice.",
                          termes, "g/", vus, slugify_des_titres)
    assert lie == ("Dans l'exercice de son métier, en <a class=\"kb-terme\" href=\"g/#exercice-comptable\" "
                   "title=\"Exercice comptable : Période à la fin de laquelle une entreprise arrête ses comptes.\">"
                   "fin d’exercice</a> puis à la clôture de l'exercice.")


def test_kb500_formes_hors_schema(tmp_path, registre_reel):
    chemin = ecrire(tmp_path, """
        - terme: exercice comptable
          definition: Période à la fin de laquelle une entreprise arrête ses comptes.
          formes: fin d'exercice
        """)
    termes, problemes = charger(chemin, registre_reel, tmp_path)
    assert termes == [] and [p.code for p in problemes] == ["KB500"]
    assert "exercice comptable" in str(problemes[0]) and "formes" in str(problemes[0])


def test_formes_rangees_par_initiale_chaque_groupe_son_terme(slugify_des_titres):
    # L'expression range les formes par initiale : le groupe trouvé doit toujours désigner le bon
    # terme, quelle que soit la casse ou l'accent de l'initiale, et la forme la plus longue gagne.
    from kb.glossaire.liaison import lier_les_termes

    termes = [Terme("épargne salariale", "Épargne."), Terme("contrat", "Contrat."),
              Terme("contrat d'appui", "Appui."), Terme("Coopérative", "Coop."),
              Terme("exercice comptable", "Exercice.", formes=("fin d'exercice",))]
    texte = "Un Contrat d’appui, la coopérative, l'Épargne salariale et la fin d'exercice ; un contrat."
    lie = lier_les_termes(texte, termes, "../glossaire/", set(), slugify_des_titres)
    assert 'href="../glossaire/#contrat-dappui" title="Contrat d\'appui : Appui.">Contrat d’appui</a>' in lie
    assert 'title="Coopérative : Coop.">coopérative</a>' in lie
    assert 'title="Épargne salariale : Épargne.">Épargne salariale</a>' in lie
    assert 'title="Exercice comptable : Exercice.">fin d\'exercice</a>' in lie
    assert 'title="Contrat : Contrat.">contrat</a>' in lie
