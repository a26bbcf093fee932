"""Test de mutation : les fautes que font les contributeurs, appliquées à de VRAIS fichiers du dépôt.

Chaque mutation prend une vraie page de docs/ ou un vrai fichier de data/ (registre, glossaire,
nouveautés, banque de questions), y fait une faute courante (date impossible ou mal écrite, type
faux, clé manquante, doublon, tabulation, délimiteur d'en-tête cassé, article inconnu) et vérifie
que le contributeur lit un message KB qui nomme le fichier, la BONNE ligne (calculée sur le
fichier muté, pas recopiée) et une correction, jamais une trace Python.

Deux niveaux :
- toutes les mutations passent par la fonction de validation qu'appelle le build
  (`kb.pages.metadonnees.verifier`, `kb.references.registre.charger`, `kb.glossaire.chargement.charger`, `kb.nouveautes.entrees.charger`, et pour
  la banque de questions `tests/recherche/banque.charger`) : rapide ;
- au moins une mutation de chaque famille passe par un vrai `mkdocs build --strict` : deux builds
  en tout (le site complet avec plusieurs pages et données fautives ; un petit site avec le
  registre fautif, qui sinon noierait le journal sous les citations devenues inconnues).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml

from kb.glossaire import chargement as glossaire
from kb.pages import metadonnees
from kb.nouveautes import entrees as nouveautes
from kb.references import registre as kb_registre

from conftest import RACINE, mkdocs_build  # tests/ est dans le chemin (rootdir)
from outils_kb import sans_detail_yaml

AUJOURDHUI = dt.date.today()


def _banque():
    """tests/recherche/banque.py (la banque de questions n'est pas vérifiée par le build)."""
    spec = importlib.util.spec_from_file_location("banque_mutations", RACINE / "tests" / "recherche" / "banque.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pour ses dataclasses
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- Les mutations


@dataclass(frozen=True)
class Mutation:
    """Une faute de contributeur : `fichier` (relatif au dépôt), ce qu'elle change, ce qu'on doit lire."""

    nom: str
    famille: str
    fichier: str
    muter: Callable[[str], tuple[str, int]]  # texte réel -> (texte fautif, ligne que le message doit donner)
    code: str
    attendu: str  # fragment du message (problème ou correction)
    correction: str  # fragment de la correction


def ligne_de(texte: str, index: int) -> int:
    return texte.count("\n", 0, index) + 1


def remplacer(motif: str, nouveau: str | Callable[[re.Match], str]) -> Callable[[str], tuple[str, int]]:
    """Remplace la première occurrence de `motif` (multiligne) ; la ligne attendue est la sienne."""
    def muter(texte: str) -> tuple[str, int]:
        m = re.search(motif, texte, re.MULTILINE)
        assert m, f"motif introuvable : {motif!r} (le fichier réel a changé : adaptez la mutation)"
        rempl = nouveau(m) if callable(nouveau) else m.expand(nouveau)
        return texte[:m.start()] + rempl + texte[m.end():], ligne_de(texte, m.start())
    return muter


def supprimer_ligne(motif: str, attendue: Callable[[str, int], int] | None = None) -> Callable[[str], tuple[str, int]]:
    """Supprime la première ligne qui correspond ; la ligne attendue est calculée par `attendue`
    (texte muté, ligne supprimée) ou, par défaut, celle de l'entrée qui contenait la ligne."""
    def muter(texte: str) -> tuple[str, int]:
        m = re.search(motif + r".*\n", texte, re.MULTILINE)
        assert m, f"motif introuvable : {motif!r}"
        mute = texte[:m.start()] + texte[m.end():]
        ligne = ligne_de(texte, m.start())
        return mute, (attendue(mute, ligne) if attendue else ligne)
    return muter


def supprimer_lignes(motif: str) -> Callable[[str], tuple[str, int]]:
    """Supprime un champ (toutes ses lignes) d'une entrée de liste : le message doit donner la ligne
    de l'entrée (son « - »), là où le champ manque."""
    def muter(texte: str) -> tuple[str, int]:
        m = re.search(motif, texte, re.MULTILINE)
        assert m, f"motif introuvable : {motif!r}"
        mute = texte[:m.start()] + texte[m.end():]
        return mute, entree_englobante(mute, ligne_de(texte, m.start()))
    return muter


def entree_englobante(texte: str, ligne: int) -> int:
    """Ligne du « - » de l'entrée de liste YAML dont un champ, au retrait de `ligne` dans le texte
    d'origine, a été supprimé à cette ligne : on remonte à la première ligne « - » moins en retrait."""
    lignes = texte.splitlines()
    suivante = lignes[ligne - 1] if ligne - 1 < len(lignes) else ""
    precedente = lignes[ligne - 2]
    retrait = max(len(l) - len(l.lstrip()) for l in (suivante, precedente) if l.strip() and not l.lstrip().startswith("- ")) \
        if any(l.strip() and not l.lstrip().startswith("- ") for l in (suivante, precedente)) else 2
    for i in range(ligne - 2, -1, -1):
        brut = lignes[i]
        if brut.lstrip().startswith("- ") and len(brut) - len(brut.lstrip()) < retrait:
            return i + 1
    return 1


def decaler(muter: Callable[[str], tuple[str, int]], decalage: int) -> Callable[[str], tuple[str, int]]:
    def decale(texte: str) -> tuple[str, int]:
        mute, ligne = muter(texte)
        return mute, ligne + decalage
    return decale


def dupliquer_entree(debut: str) -> Callable[[str], tuple[str, int]]:
    """Recopie juste après elle l'entrée de liste dont la première ligne commence par `debut` :
    la copie est le doublon, et c'est sa ligne que le message doit donner."""
    def muter(texte: str) -> tuple[str, int]:
        lignes = texte.splitlines(keepends=True)
        i = next((n for n, l in enumerate(lignes) if l.startswith(debut)), None)
        assert i is not None, f"entrée introuvable : {debut!r}"
        retrait = len(debut) - len(debut.lstrip())
        j = i + 1
        while j < len(lignes) and (not lignes[j].strip() or len(lignes[j]) - len(lignes[j].lstrip()) > retrait):
            j += 1
        while lignes[j - 1].strip() == "":
            j -= 1
        mute = "".join(lignes[:j] + lignes[i:j] + lignes[j:])
        return mute, j + 1
    return muter


def tabulation(motif: str) -> Callable[[str], tuple[str, int]]:
    """Remplace les espaces de retrait de la ligne par une tabulation (un éditeur mal réglé)."""
    return remplacer(r"^( +)(" + motif + ")", lambda m: "\t" + m.group(2))


ENTETE_DATE = "écrivez une date qui existe, au format AAAA-MM-JJ"
PAGE = "docs/cesa/contrat.md"
PAGE2 = "docs/cesa/periode-essai.md"
REGISTRE = "data/textes/code-du-travail.yml"
GLOSSAIRE = "data/glossaire.yml"
NOUVEAUTES = "data/nouveautes.yml"
QUESTIONS = "data/questions/argent.yml"

MUTATIONS = [
    # -------------------------------------------------- Dates impossibles ou mal formées
    Mutation("page-mois-13", "dates", PAGE, remplacer(r"^verifie_le: .*$", "verifie_le: 2026-13-45"),
             "KB100", "date impossible « 2026-13-45 »", ENTETE_DATE),
    Mutation("page-30-fevrier", "dates", PAGE, remplacer(r"^verifie_le: .*$", "verifie_le: 2026-02-30"),
             "KB100", "date impossible « 2026-02-30 »", ENTETE_DATE),
    Mutation("page-date-a-la-francaise", "dates", PAGE, remplacer(r"^verifie_le: .*$", "verifie_le: 6/12/2026"),
             "KB101", "verifie_le doit être une date réelle au format AAAA-MM-JJ (reçu : « 6/12/2026 »)",
             "modeles/page.md"),
    Mutation("page-consulte-le-impossible", "dates", "docs/cae/histoire.md",
             remplacer(r"^(\s+)consulte_le: .*$", r"\1consulte_le: 2026-02-30"),
             "KB100", "date impossible « 2026-02-30 »", ENTETE_DATE),
    Mutation("registre-mois-13", "dates", REGISTRE,
             remplacer(r"^(\s+)en_vigueur_depuis: 2014-08-02$", r"\1en_vigueur_depuis: 2014-13-45"),
             "KB201", "date impossible « 2014-13-45 »", ENTETE_DATE),
    Mutation("registre-30-fevrier", "dates", REGISTRE,
             remplacer(r"^(\s+)en_vigueur_depuis: 2014-08-02$", r"\1en_vigueur_depuis: 2026-02-30"),
             "KB201", "date impossible « 2026-02-30 »", ENTETE_DATE),
    Mutation("registre-date-a-la-francaise", "dates", REGISTRE,
             remplacer(r"^(\s+)en_vigueur_depuis: 2014-08-02$", r"\1en_vigueur_depuis: 2/8/2014"),
             "KB201", "en_vigueur_depuis doit être une date réelle au format AAAA-MM-JJ", "texte.schema.json"),
    Mutation("registre-historique-impossible", "dates", REGISTRE,
             remplacer(r"^(\s+)lu_le: .*$", r"\1lu_le: 2026-02-30"),
             "KB201", "date impossible « 2026-02-30 »", ENTETE_DATE),
    Mutation("nouveautes-mois-13", "dates", NOUVEAUTES, remplacer(r"^  publie_le: .*$", "  publie_le: 2026-13-45"),
             "KB700", "date impossible « 2026-13-45 »", ENTETE_DATE),
    Mutation("nouveautes-30-fevrier", "dates", NOUVEAUTES, remplacer(r"^- date: \d{4}-\d\d-\d\d$", "- date: 2026-02-30"),
             "KB700", "date impossible « 2026-02-30 »", ENTETE_DATE),
    Mutation("nouveautes-date-a-la-francaise", "dates", NOUVEAUTES,
             remplacer(r"^  publie_le: .*$", "  publie_le: 6/12/2026"),
             "KB700", "publie_le doit être une date réelle au format AAAA-MM-JJ", "nouveautes.schema.json"),
    # -------------------------------------------------- Types faux, clés manquantes
    Mutation("page-audience-sans-liste", "types", PAGE, remplacer(r"^audience: .*$", "audience: entrepreneurs"),
             "KB101", "audience doit être une liste", "modeles/page.md"),
    Mutation("page-sans-titre", "types", PAGE2, supprimer_ligne(r"^title: ", lambda _m, _l: 2),
             "KB101", "le champ obligatoire « title » manque", "modeles/page.md"),
    Mutation("page-description-nombre", "types", PAGE2, remplacer(r"^description: .*$", "description: 2026"),
             "KB101", "description doit être un texte", "modeles/page.md"),
    Mutation("registre-sans-intitule", "types", REGISTRE,
             supprimer_ligne(r"^    intitule: ", lambda mute, ligne: entree_englobante(mute, ligne)),
             "KB201", "le champ obligatoire « intitule » manque", "texte.schema.json"),
    Mutation("registre-articles-pas-une-liste", "types", REGISTRE,
             remplacer(r"^(\s+)voir_aussi: \[(.*)\]$", r"\1voir_aussi: \2"),
             "KB201", "voir_aussi doit être une liste", "texte.schema.json"),
    Mutation("glossaire-sans-definition", "types", GLOSSAIRE,
             supprimer_lignes(r"^  definition: >-\n(?:    .*\n)+"),
             "KB500", "le champ obligatoire « definition » manque", "glossaire.schema.json"),
    Mutation("glossaire-references-pas-une-liste", "types", GLOSSAIRE,
             remplacer(r"^  references: \[([^,\]]+)[^\]]*\]$", r"  references: \1"),
             "KB500", "references doit être une liste", "glossaire.schema.json"),
    Mutation("nouveautes-sans-titre", "types", NOUVEAUTES, supprimer_ligne(r"^  titre: ", entree_englobante),
             "KB700", "le champ obligatoire « titre » manque", "nouveautes.schema.json"),
    Mutation("questions-sans-page", "types", QUESTIONS, supprimer_ligne(r"^  page: ", entree_englobante),
             "", "le champ obligatoire « page » manque", "questions.schema.json"),
    # -------------------------------------------------- Identifiants en double
    Mutation("registre-article-en-double", "doublons", REGISTRE, dupliquer_entree("  - numero: L7331-2"),
             "KB201", "l'article « L7331-2 » figure deux fois", "supprimez le doublon"),
    Mutation("glossaire-terme-en-double", "doublons", GLOSSAIRE, dupliquer_entree("- terme: accompagnement individualisé"),
             "KB500", "« accompagnement individualisé » figure deux fois dans le glossaire", "fusionnez"),
    Mutation("nouveautes-entree-en-double", "doublons", NOUVEAUTES, dupliquer_entree("- date: 2016"),
             "KB700", "figure deux fois", "fusionnez les deux entrées"),
    Mutation("questions-en-double", "doublons", QUESTIONS, dupliquer_entree("- question: L'entrée dans la CAE est-elle payante ?"),
             "", "question déjà présente", "supprimez le doublon"),
    Mutation("page-champ-en-double", "doublons", PAGE2, decaler(remplacer(r"^(verifie_le: .*)$", r"\1\nverifie_le: 2026-11-26"), 1),
             "KB100", "« verifie_le » est écrit deux fois", "gardez une seule ligne « verifie_le: »"),
    # -------------------------------------------------- Tabulations
    Mutation("page-tabulation", "tabulations", PAGE, tabulation(r"- ref: code-du-travail:L7331-3"),
             "KB100", "tabulation", "remplacez la tabulation par des espaces"),
    Mutation("registre-tabulation", "tabulations", REGISTRE, tabulation(r"intitule: "),
             "KB201", "tabulation", "remplacez la tabulation par des espaces"),
    Mutation("glossaire-tabulation", "tabulations", GLOSSAIRE, tabulation(r"synonymes: "),
             "KB500", "tabulation", "remplacez la tabulation par des espaces"),
    Mutation("nouveautes-tabulation", "tabulations", NOUVEAUTES, tabulation(r"categorie: "),
             "KB700", "tabulation", "remplacez la tabulation par des espaces"),
    Mutation("questions-tabulation", "tabulations", QUESTIONS, tabulation(r"vue_sur: "),
             "", "tabulation", "indentez avec des espaces"),
    # -------------------------------------------------- Délimiteurs d'en-tête
    Mutation("page-sans-fermeture", "delimiteurs", PAGE2, supprimer_ligne(r"^---\n(?=\n?# )", lambda mute, l: l),
             "KB100", "ne se ferme jamais", "ajoutez une ligne « --- »"),
    Mutation("page-fermeture-a-deux-tirets", "delimiteurs", PAGE2, remplacer(r"^---$(?=\n\n?# )", "--"),
             "KB100", "« -- »", "« --- »"),
    Mutation("page-ouverture-a-deux-tirets", "delimiteurs", PAGE2, remplacer(r"\A---$", "--"),
             "KB100", "« -- »", "« --- »"),
    Mutation("page-delimiteur-en-trop", "delimiteurs", PAGE2, remplacer(r"^(questions:)$", r"---\n\1"),
             "KB100", "en trop", "supprimez"),
]


# ---------------------------------------------------------------- Par les fonctions de validation


def _messages(fichier: str, texte: str, racine: Path) -> list[str]:
    """Les messages que le build (ou, pour la banque de questions, son test) donne pour `texte`,
    écrit à la place du vrai `fichier` dans une copie de data/ sous `racine`."""
    donnees = racine / "data"
    if not donnees.exists():
        shutil.copytree(RACINE / "data", donnees)
    schemas = RACINE / "data" / "schemas"
    if fichier.startswith("docs/"):
        reg, _ = kb_registre.charger(RACINE / "data" / "textes", schemas / "texte.schema.json", RACINE)
        domaines = frozenset(d for liste in yaml.safe_load((RACINE / "data" / "domaines.yml").read_text(
            encoding="utf-8")).values() for d in liste)
        _, problemes = metadonnees.verifier(texte, fichier, reg, domaines, str(schemas / "page.schema.json"),
                                            AUJOURDHUI)
        return [str(p) for p in problemes]
    (racine / fichier).write_text(texte, encoding="utf-8")
    if fichier.startswith("data/textes/"):
        _, problemes = kb_registre.charger(donnees / "textes", schemas / "texte.schema.json", racine)
    elif fichier == GLOSSAIRE:
        reg, _ = kb_registre.charger(RACINE / "data" / "textes", schemas / "texte.schema.json", RACINE)
        _, problemes = glossaire.charger(racine / fichier, reg, racine)
    elif fichier == NOUVEAUTES:
        _, problemes = nouveautes.charger(racine / fichier, racine, RACINE / "docs",
                                               str(schemas / "nouveautes.schema.json"), AUJOURDHUI)
    elif fichier.startswith("data/questions/"):
        _, erreurs = _banque().charger(donnees / "questions", RACINE / "docs")
        return erreurs
    else:
        raise AssertionError(f"fichier sans validation connue : {fichier}")
    return [str(p) for p in problemes]


def _verifier_message(mutation: Mutation, messages: list[str], ligne: int) -> None:
    lieu = f"{mutation.fichier}:{ligne} : "
    attendus = [m for m in messages if (m.startswith(f"{mutation.code} {lieu}") if mutation.code else m.startswith(lieu))]
    assert attendus, (f"{mutation.nom} : aucun message {mutation.code} à {lieu!r} ; messages :\n"
                      + "\n".join(messages or ["(aucun)"]))
    bon = [m for m in attendus if mutation.attendu in m and "Correction : " in m
           and mutation.correction in m.split("Correction : ", 1)[1]]
    assert bon, (f"{mutation.nom} : le message ne dit pas « {mutation.attendu} » avec la correction "
                 f"« {mutation.correction} » :\n" + "\n".join(attendus))
    # Une seule faute : rien d'autre n'est reproché au fichier, ailleurs qu'à cette ligne.
    ailleurs = [m for m in messages if lieu not in m]
    assert not ailleurs, f"{mutation.nom} : messages en trop (une seule faute a été faite) :\n" + "\n".join(ailleurs)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.nom)
def test_mutation_message_kb(mutation: Mutation, tmp_path):
    reel = (RACINE / mutation.fichier).read_text(encoding="utf-8")
    texte, ligne = mutation.muter(reel)
    assert texte != reel
    try:
        messages = _messages(mutation.fichier, texte, tmp_path)
    except Exception as erreur:  # noqa: BLE001 : une trace Python est précisément la faute à trouver
        pytest.fail(f"{mutation.nom} : trace Python au lieu d'un message KB : {erreur!r}")
    _verifier_message(mutation, messages, ligne)


def test_le_vrai_depot_ne_declenche_aucun_message(tmp_path):
    """Sans mutation, les mêmes fichiers ne donnent aucun message : les messages ci-dessus viennent
    bien de la faute."""
    for fichier in sorted({m.fichier for m in MUTATIONS}):
        assert _messages(fichier, (RACINE / fichier).read_text(encoding="utf-8"), tmp_path) == [], fichier


# ---------------------------------------------------------------- Par un vrai `mkdocs build --strict`

_PAR_NOM = {m.nom: m for m in MUTATIONS}


def _ailleurs(nom: str, fichier: str, motif: str | None = None) -> Mutation:
    """La même faute, dans une autre vraie page (pour qu'un seul build en porte plusieurs)."""
    m = _PAR_NOM[nom]
    return dataclasses.replace(m, nom=f"{nom}@{fichier}", fichier=fichier,
                               muter=tabulation(motif) if motif else m.muter)


def _ajouter_apres(motif: str, phrase: str) -> Callable[[str], tuple[str, int]]:
    """Ajoute un paragraphe après la ligne qui correspond à `motif` ; la ligne attendue est la sienne."""
    def muter(texte: str) -> tuple[str, int]:
        m = re.search(motif + r".*\n", texte, re.MULTILINE)
        assert m, f"motif introuvable : {motif!r}"
        mute = texte[:m.end()] + "\n" + phrase + "\n" + texte[m.end():]
        return mute, ligne_de(texte, m.end()) + 1
    return muter


# Le cas de l'issue 14 : « l'article L. 7331-9 du code du travail » ajouté vers la ligne 114 de
# docs/cesa/contrat.md, dont l'en-tête (R7331-9) et le texte (« article R. 7331-9 ») contiennent
# déjà « 7331-9 » : le message donnait la ligne 9.
ARTICLE_INCONNU = Mutation(
    "corps-article-inconnu-apres-son-numero", "article-inconnu", PAGE,
    _ajouter_apres(r"^    - traite bien les six points", "Voir aussi l'article L. 7331-9 du code du travail."),
    "KB200", "la citation « L. 7331-9 du code du travail » vise l'article L7331-9", "data/textes/code-du-travail.yml")

# Un build, plusieurs fautes, chacune dans son fichier : au moins une par famille.
BUILD_DU_SITE = [
    ARTICLE_INCONNU,
    _PAR_NOM["page-consulte-le-impossible"],                          # dates (docs/cae/histoire.md)
    _PAR_NOM["nouveautes-mois-13"],                                   # dates
    _ailleurs("page-sans-titre", "docs/cesa/protections.md"),         # clés manquantes
    _PAR_NOM["glossaire-terme-en-double"],                            # doublons
    _PAR_NOM["page-champ-en-double"],                                 # doublons (docs/cesa/periode-essai.md)
    _ailleurs("page-tabulation", "docs/cesa/remuneration.md", r"- ref: code-du-travail:L7332-3"),  # tabulations
    _ailleurs("page-delimiteur-en-trop", "docs/cesa/accompagnement-et-comptes.md"),               # délimiteurs
    _ailleurs("page-ouverture-a-deux-tirets", "docs/cesa/quitter-la-cae.md"),                     # délimiteurs
]
# Le registre à part : un fichier fautif retire tout le texte du registre (ici le code du travail),
# ce qui cacherait la citation inconnue ci-dessus. On vérifie aussi qu'il ne donne qu'UN message.
BUILD_DU_REGISTRE = [_PAR_NOM["registre-mois-13"]]

assert {m.famille for m in BUILD_DU_SITE + BUILD_DU_REGISTRE} == {m.famille for m in MUTATIONS} | {"article-inconnu"}


def _construire_avec(mutations: list[Mutation], dossier: Path) -> tuple[int, str, dict[str, int]]:
    """Copie du dépôt (mkdocs.yml, docs, data, hooks, overrides) avec les mutations ; build strict."""
    depot = dossier / "depot"
    depot.mkdir()
    shutil.copy2(RACINE / "mkdocs.yml", depot / "mkdocs.yml")
    for nom in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(RACINE / nom, depot / nom, ignore=shutil.ignore_patterns("__pycache__"))
    lignes = {}
    for m in mutations:
        cible = depot / m.fichier
        texte, lignes[m.nom] = m.muter(cible.read_text(encoding="utf-8"))
        cible.write_text(texte, encoding="utf-8")
    code, journal = mkdocs_build(depot, dossier / "site")
    return code, journal, lignes


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Les deux builds, en parallèle : {nom: (mutations, code, journal, lignes attendues)}."""
    from concurrent.futures import ThreadPoolExecutor

    lots = {"site": BUILD_DU_SITE, "registre": BUILD_DU_REGISTRE}
    with ThreadPoolExecutor(max_workers=2) as executeur:
        futurs = {nom: executeur.submit(_construire_avec, lot, tmp_path_factory.mktemp(f"mutations-{nom}"))
                  for nom, lot in lots.items()}
        return {nom: (lots[nom], *futur.result()) for nom, futur in futurs.items()}


@pytest.mark.construction
@pytest.mark.parametrize("lot", ["site", "registre"])
def test_mutations_dans_un_vrai_build(builds, lot):
    mutations, code, journal, lignes = builds[lot]
    journal = sans_detail_yaml(journal)
    assert "Traceback" not in journal, journal
    assert code != 0, f"le build aurait dû échouer :\n{journal}"
    problemes = [l for l in journal.splitlines() if re.match(r"^(WARNING|ERROR)\b", l)]
    attendus = []
    for m in mutations:
        debut = f"ERROR   -  {m.code} {m.fichier}:{lignes[m.nom]} : "
        trouves = [l for l in problemes if l.startswith(debut) and m.attendu in l
                   and m.correction in l.split("Correction : ", 1)[-1]]
        assert len(trouves) == 1, f"{m.nom} : ligne attendue « {debut}… {m.attendu} … » ; journal :\n{journal}"
        attendus += trouves
    # Rien d'autre : chaque faute donne un seul message, sans cascade sur les autres fichiers.
    assert sorted(problemes) == sorted(attendus), "\n".join(sorted(set(problemes) - set(attendus)))
