"""Les deux parcours de lecteurs de l'issue « Answer first », rejoués dans Chromium.

Chaque question part de l'accueil et suit les liens qu'un lecteur toucherait (aucune adresse
tapée) ; la phrase qui répond doit être visible sur l'écran où le lecteur arrive, sans défiler :
sous l'en-tête fixe et au-dessus du bas de l'écran.

- la graphiste au chômage qui pense rejoindre une CAE, sur un téléphone (390 × 844, tactile) :
  six questions ;
- le gérant d'une CAE de 80 personnes, sur un ordinateur portable (1280 × 800) : sept tâches.

Le compte rendu des parcours est dans rapports/parcours-lecteurs.md ; une capture du premier écran
de chaque réponse est écrite dans test-results/captures/parcours/.

Aussi : une page écrite d'abord pour les gérant·es (premier public de son en-tête) ouvre l'onglet
« Gérant·e de CAE » avant l'onglet « Entrepreneur·e salarié·e », et inversement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from kb.commun.normalisation import sans_accents
from kb.commun.entete import lire_entete
from outils_kb import adresse_de_page

pytestmark = pytest.mark.navigateur
expect.set_options(timeout=15_000)

RACINE = Path(__file__).resolve().parents[2]
CAPTURES = RACINE / "test-results" / "captures" / "parcours"
TELEPHONE = {"width": 390, "height": 844}
ORDINATEUR = {"width": 1280, "height": 800}
PORTES = ".kb-portes"             # les quatre cartes de l'accueil
MENU = ".md-sidebar--primary"     # le menu de gauche (ordinateur)


@dataclass(frozen=True)
class Question:
    """Une question d'un lecteur : les liens qu'il suit depuis l'accueil et la réponse attendue."""
    nom: str
    liens: tuple[tuple[str, str], ...]   # (zone de la page, texte du lien), dans l'ordre
    arrivee: str                         # adresse de la page qui répond (sans le préfixe du site)
    reponses: tuple[str, ...]            # phrases-réponses, telles que le lecteur les lit
    deplier: str | None = None           # question de la FAQ à déplier avant de lire


GRAPHISTE = [
    Question("ce qu'est une CAE", (), "/", (
        "Une coopérative d'activité et d'emploi (CAE) est une coopérative dont le métier principal est "
        "d'aider des personnes à lancer puis à faire grandir leur propre activité économique",)),
    Question("garde-t-elle ses allocations", ((PORTES, "Chômage, ARE et RSA"),), "/rejoindre/chomage-are-rsa/", (
        "Pendant un CAPE, vous restez demandeur·se d'emploi et continuez de toucher l'ARE dans la limite de vos droits",)),
    Question("qu'est-ce que le CAPE", ((PORTES, "Le CAPE"),), "/rejoindre/cape/", (
        "Le CAPE est un contrat par lequel une structure, par exemple une CAE, accompagne une personne qui "
        "prépare une activité",
        "Il dure douze mois au plus")),
    Question("comment elle sera payée et combien ça coûte", ((PORTES, "Salaire et coût"),),
             "/cesa/argent-contribution-et-frais/", (
        "Vous êtes payé·e en salaire : une part fixe chaque mois",
        "une part variable, calculée sur le chiffre d'affaires de votre activité",
        "publient une contribution de 10 à 13,5 % du chiffre d'affaires ou de la marge brute")),
    Question("ses clients restent-ils les siens", ((PORTES, "Clientèle et marque"),),
             "/cesa/clientele-marque-et-propriete/", ("Vos clients restent les vôtres",)),
    Question("comment partir", ((PORTES, "Quitter sa CAE"),), "/cesa/quitter-la-cae/", (
        "vous pouvez partir par démission, par rupture conventionnelle ou être licencié·e",)),
]

GERANT = [
    Question("la liste de ses obligations légales", ((PORTES, "Je gère une CAE"),), "/guides/gerer-une-cae/", (
        "Signez avec chaque entrepreneur·e un contrat écrit qui contient les six mentions obligatoires",
        "au moins deux entretiens par période de douze mois",
        "devenir associé·e dans les trois ans au plus")),
    Question("combien d'entretiens d'accompagnement, quelle trace", ((PORTES, "Accompagnement"),),
             "/gerer/obligations-d-accompagnement/", (
        "au moins deux entretiens individuels par période de douze mois",
        "chacun suivi d'un document écrit signé par l'entrepreneur·e")),
    Question("quand verser le solde de la part variable", ((PORTES, "Part variable"),),
             "/gerer/regularisation-de-la-part-variable/", (
        "verse le solde au plus tard un mois après l'assemblée générale qui statue sur les comptes",)),
    Question("un·e entrepreneur·e pas associé·e au bout de trois ans", ((PORTES, "Sociétariat"),),
             "/gerer/admission-au-societariat/", (
        "Si la personne n'est pas devenue associée à l'expiration du délai, son contrat prend fin",)),
    Question("une Scop de 80 personnes doit-elle passer une révision coopérative",
             ((PORTES, "Révision coopérative"),), "/gerer/revision-cooperative/", (
        "Une CAE constituée en Scop y est soumise quelle que soit sa taille",
        "au moins tous les cinq ans")),
    Question("la réduction générale pour des entrepreneur·es sans horaire",
             ((PORTES, "Je gère une CAE"), (MENU, "Réduction générale des cotisations")),
             "/gerer/reduction-generale-equivalents-heures/", (
        "le code de la sécurité sociale reconstitue ce nombre à partir du salaire versé et de la durée "
        "collective du travail",)),
    Question("un·e entrepreneur·e demande s'il ou elle aura droit au chômage",
             (("article", "questions fréquentes des entrepreneur·es"),), "/guides/faq-entrepreneurs/", (
        "Comme un·e salarié·e : le code du travail s'applique à vous",
        "la CAE doit vous assurer contre le risque de chômage"), deplier="Ai-je droit au chômage"),
]


_POSITION_DE_LA_PHRASE = """(phrase) => {
  // Le texte de l'article, espaces (insécables compris) réduits à une seule, avec pour chaque
  // caractère le nœud et la position d'où il vient : la phrase peut traverser des liens.
  const norm = c => /[\\s\\u00a0\\u202f]/.test(c) ? ' ' : (c === '\\u2019' ? "'" : c);
  const carte = []; let texte = '';
  const w = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let n; (n = w.nextNode());) {
    for (let i = 0; i < n.data.length; i++) {
      const c = norm(n.data[i]);
      if (c === ' ' && texte.endsWith(' ')) continue;
      texte += c; carte.push([n, i]);
    }
  }
  const cible = phrase.replace(/\\s+/g, ' ').replace(/\\u2019/g, "'");
  const debut = texte.indexOf(cible);
  if (debut < 0) return null;
  const [n0, i0] = carte[debut], [n1, i1] = carte[debut + cible.length - 1];
  const r = document.createRange(); r.setStart(n0, i0); r.setEnd(n1, i1 + 1);
  const boites = [...r.getClientRects()].filter(b => b.width > 0);
  return {haut: Math.min(...boites.map(b => b.top)), bas: Math.max(...boites.map(b => b.bottom)),
          visible: n0.parentElement.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}),
          entete: document.querySelector('.md-header').getBoundingClientRect().bottom,
          ecran: innerHeight, defilement: scrollY};
}"""


def _suivre(onglet: Page, zone: str, texte: str, tactile: bool) -> None:
    """Touche (ou clique) le lien « texte » dans la zone, comme un lecteur."""
    lien = onglet.locator(zone).get_by_role("link", name=re.compile(re.escape(texte))).first
    expect(lien).to_be_visible()
    lien.tap() if tactile else lien.click()
    onglet.wait_for_load_state()


def _rejouer(navigateur, url_site: str, parcours: str, question: Question, ecran: dict, tactile: bool) -> None:
    contexte = navigateur.new_context(viewport=ecran, is_mobile=tactile, has_touch=tactile, locale="fr-FR")
    contexte.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]|data:|blob:).*"), lambda route: route.abort())
    onglet = contexte.new_page()
    try:
        onglet.goto(url_site + "/")
        for zone, texte in question.liens:
            _suivre(onglet, zone, texte, tactile)
        expect(onglet).to_have_url(url_site + question.arrivee)
        if question.deplier:
            resume = onglet.locator("article summary", has_text=question.deplier).first
            resume.tap() if tactile else resume.click()
            expect(resume.locator("xpath=..")).to_have_attribute("open", "")
        CAPTURES.mkdir(parents=True, exist_ok=True)
        onglet.screenshot(path=str(CAPTURES / f"{parcours}-{re.sub(r'[^a-z0-9]+', '-', sans_accents(question.nom).lower()).strip('-')}.png"))
        for phrase in question.reponses:
            p = onglet.evaluate(_POSITION_DE_LA_PHRASE, phrase)
            assert p is not None, f"« {question.nom} » : la réponse « {phrase} » n'est plus sur {question.arrivee}"
            assert p["visible"], f"« {question.nom} » : « {phrase} » est cachée (onglet fermé ?)"
            assert p["haut"] >= p["entete"] - 1 and p["bas"] <= p["ecran"], (
                f"« {question.nom} » sur {question.arrivee} : « {phrase} » est entre {p['haut']:.0f} et "
                f"{p['bas']:.0f} px, hors du premier écran ({p['entete']:.0f} à {p['ecran']} px)")
            if not question.deplier:  # une question de la FAQ se trouve plus bas dans la liste
                assert p["defilement"] == 0, f"{question.arrivee} s'ouvre défilée de {p['defilement']} px"
    finally:
        contexte.close()


@pytest.mark.parametrize("question", GRAPHISTE, ids=lambda q: q.nom)
def test_la_graphiste_au_chomage_sur_son_telephone(navigateur, url_site: str, question: Question) -> None:
    _rejouer(navigateur, url_site, "graphiste", question, TELEPHONE, tactile=True)


@pytest.mark.parametrize("question", GERANT, ids=lambda q: q.nom)
def test_le_gerant_d_une_cae_de_80_personnes_sur_ordinateur(navigateur, url_site: str, question: Question) -> None:
    _rejouer(navigateur, url_site, "gerant", question, ORDINATEUR, tactile=False)


def test_les_parcours_ont_le_compte_de_l_issue() -> None:
    assert (len(GRAPHISTE), len(GERANT)) == (6, 7)


# ---------------------------------------------------------------- Onglets par rôle

ONGLET = {"gestionnaires": "Gérant·e de CAE", "entrepreneurs": "Entrepreneur·e salarié·e"}


def pages_a_onglets_par_role() -> list[tuple[str, str]]:
    """(page, onglet attendu en premier) : le premier public de l'en-tête qui a un onglet."""
    pages = []
    for fichier in sorted((RACINE / "docs").rglob("*.md")):
        if fichier.name.count(".") != 1 or "textes" in fichier.relative_to(RACINE / "docs").parts:
            continue
        source = fichier.read_text(encoding="utf-8")
        if not all(f'=== "{nom}"' in source for nom in ONGLET.values()):
            continue
        publics = [p for p in lire_entete(source).donnees.get("audience") or [] if p in ONGLET]
        if publics:
            pages.append((fichier.relative_to(RACINE / "docs").as_posix(), ONGLET[publics[0]]))
    return pages


def test_des_pages_pour_gerantes_ont_bien_ete_trouvees() -> None:
    gerer = [p for p, onglet in pages_a_onglets_par_role() if p.startswith("gerer/")]
    assert len(gerer) >= 10 and all(o == ONGLET["gestionnaires"] for p, o in pages_a_onglets_par_role()
                                    if p.startswith("gerer/"))


@pytest.mark.parametrize("chemin_md, attendu", pages_a_onglets_par_role())
def test_le_premier_onglet_est_celui_du_premier_public(navigateur, url_site: str, chemin_md: str, attendu: str) -> None:
    """Un·e gérant·e qui ouvre une page écrite pour elle ou lui lit d'abord ce qui le ou la concerne."""
    contexte = navigateur.new_context(viewport=ORDINATEUR, locale="fr-FR")
    onglet = contexte.new_page()
    try:
        onglet.goto(url_site + adresse_de_page(chemin_md))
        ensemble = onglet.locator("article .tabbed-set").filter(
            has=onglet.locator(".tabbed-labels", has_text=ONGLET["gestionnaires"])).first
        choisi = ensemble.locator(".tabbed-labels > label").nth(
            ensemble.locator(":scope > input").evaluate_all("l => l.findIndex(i => i.checked)"))
        assert choisi.inner_text().strip() == attendu, (
            f"{chemin_md} (public : {attendu}) ouvre l'onglet « {choisi.inner_text().strip()} »")
    finally:
        contexte.close()
