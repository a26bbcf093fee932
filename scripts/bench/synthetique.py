"""Pages d'articles synthétiques, déterministes (graine fixe), dans une COPIE du projet.

Pour N pages : N/50 lois fictives « loi n° 90-1xx » ajoutées au registre de la copie
(data/textes/loi-90-1xx.yml, 50 articles chacune) et une page par article,
docs/textes/loi-90-1xx/article-<n>.md, avec un en-tête valide (article, description, audience,
verifie_le). Le hook des références les range donc dans le menu comme les vraies pages d'articles
(une sous-section par texte), leur donne titre, encadré, JSON-LD et rétroliens.

Chaque page fait ~600 mots de français juridique et cite des articles réels du registre
(« article L. 7331-2 du code du travail », « R. 7331-11 », « article 26-41 de la loi du
10 septembre 1947 », « loi n° 2014-856 »…) et 3 articles synthétiques tirés au hasard : le nombre de
citations croît comme le nombre de pages (c'est ce qui révélerait un hook quadratique). Les sigles
du glossaire (CAE, CESA, ESS, Scop) y figurent, et la typographie à corriger (« : », « ; », « 3 mois »).
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

GRAINE = 20261126
ARTICLES_PAR_TEXTE = 50
PREMIER_NUMERO = 101  # loi n° 90-101, 90-102…

# Citations d'articles réels, retenues seulement si la copie du registre les contient.
_CITATIONS_REELLES = (
    ("code-du-travail:L7331-2", "l'article L. 7331-2 du code du travail"),
    ("code-du-travail:L7331-1", "l'article L. 7331-1 du code du travail"),
    ("code-du-travail:R7331-11", "R. 7331-11"),
    ("code-du-travail:L7332-3", "l'article L. 7332-3"),
    ("code-du-travail:L7331-3", "L7331-3"),
    ("loi-47-1775:26-41", "l'article 26-41 de la loi du 10 septembre 1947"),
    ("loi-47-1775:1", "l'article 1er de la loi du 10 septembre 1947"),
    ("loi-2014-856:47", "l'article 47 de la loi du 31 juillet 2014"),
    ("loi-2014-856", "la loi n° 2014-856"),
    ("decret-2015-1363", "le décret n° 2015-1363"),
)

_SUJETS = ("l'entrepreneur salarié", "la coopérative", "la CAE", "le titulaire du CESA", "l'associé",
           "le gérant de la CAE", "l'assemblée des associés", "le conseil d'administration",
           "la personne accompagnée", "l'entrepreneur·e salarié·e")
_VERBES = ("fixe", "précise", "encadre", "prévoit", "organise", "limite", "garantit", "rappelle",
           "détermine", "complète")
_OBJETS = ("les conditions de la rémunération", "la durée de la période d'essai", "les modalités de l'accompagnement",
           "le calcul du chiffre d'affaires", "les services mutualisés", "la contribution aux frais communs",
           "le délai pour devenir associé", "la protection sociale", "les congés payés", "la rupture du contrat",
           "la responsabilité envers les clients", "la tenue des comptes de l'activité", "le statut de l'ESS",
           "la révision coopérative", "l'assurance chômage", "les droits de vote en assemblée")
_COMPLEMENTS = ("dans un délai de 3 mois", "pour une durée de 8 mois au plus", "au-delà de 20 % du chiffre d'affaires",
                "dès la signature du contrat", "selon les statuts de la coopérative", "sous réserve d'un accord écrit",
                "à la fin de chaque exercice", "pour chaque entrepreneur salarié", "comme dans une Scop",
                "au moins une fois par an", "avant toute décision collective", "en cas de désaccord")
_LIAISONS = ("En pratique", "Autrement dit", "Par ailleurs", "De plus", "En revanche", "Concrètement",
             "Dans ce cas", "Pour la CAE", "Pour l'entrepreneur", "À retenir")
_QUESTIONS = ("Que se passe-t-il si le contrat prend fin ?", "Qui décide du montant ?",
              "Faut-il un accord de la CAE ?", "Le délai peut-il être prolongé ?")
_INTERTITRES = ("Ce que dit l'article", "Ce que cela change pour l'entrepreneur·e salarié·e",
                "Ce que cela change pour la CAE", "Points d'attention")


def _phrase(alea: random.Random) -> str:
    phrase = f"{alea.choice(_SUJETS)} {alea.choice(_VERBES)} {alea.choice(_OBJETS)} {alea.choice(_COMPLEMENTS)}"
    phrase = phrase[0].upper() + phrase[1:]
    forme = alea.random()
    if forme < 0.15:
        return f"{alea.choice(_LIAISONS)} : {phrase[0].lower() + phrase[1:]}."
    if forme < 0.25:
        return f"{phrase} ; c'est la règle « {alea.choice(_OBJETS)} »."
    if forme < 0.30:
        return alea.choice(_QUESTIONS)
    return phrase + "."


def identifiant_texte(k: int) -> str:
    return f"loi-90-{PREMIER_NUMERO + k}"


def _numero_loi(k: int) -> str:
    return f"90-{PREMIER_NUMERO + k}"


def ecrire_registre(dossier_data: Path, nombre_de_textes: int) -> None:
    for k in range(nombre_de_textes):
        tid = identifiant_texte(k)
        donnees = {
            "id": tid,
            "titre": f"Loi n° {_numero_loi(k)} fictive du banc de performance, texte {k + 1}",
            "titre_court": f"loi n° {_numero_loi(k)}",
            "nature": "loi",
            "ordre": 900 + k,
            "date": None,
            "jo": None,
            "identifiants": {"legitext": None, "jorftext": None, "nor": None, "eli": None},
            "url": None,
            "articles": [{"numero": str(n), "intitule": f"Disposition fictive {n} du texte {k + 1} pour le banc",
                          "legiarti": None, "cree_par": None, "modifie_par": None, "en_vigueur_depuis": None,
                          "voir_aussi": [f"{tid}:{n % ARTICLES_PAR_TEXTE + 1}"]}
                         for n in range(1, ARTICLES_PAR_TEXTE + 1)],
        }
        (dossier_data / "textes" / f"{tid}.yml").write_text(
            yaml.safe_dump(donnees, allow_unicode=True, sort_keys=False), encoding="utf-8")


def citations_disponibles(dossier_data: Path) -> list[str]:
    """Les citations réelles dont la copie du registre contient la cible."""
    connues: set[str] = set()
    for chemin in (dossier_data / "textes").glob("*.yml"):
        donnees = yaml.safe_load(chemin.read_text(encoding="utf-8")) or {}
        tid = donnees.get("id")
        connues.add(tid)
        for article in donnees.get("articles") or []:
            connues.add(f"{tid}:{article['numero']}")
    return [ecrit for ref, ecrit in _CITATIONS_REELLES if ref in connues]


def page(k: int, n: int, nombre_de_textes: int, alea: random.Random, reelles: list[str]) -> str:
    """Le Markdown de l'article n du texte k (~600 mots)."""
    tid = identifiant_texte(k)
    autres = []
    for _ in range(3):
        k2, n2 = alea.randrange(nombre_de_textes), alea.randint(1, ARTICLES_PAR_TEXTE)
        if (k2, n2) != (k, n):
            autres.append(f"l'article {n2} de la loi n° {_numero_loi(k2)}")
    description = (f"Fiche synthétique de l'article {n} de la loi n° {_numero_loi(k)}, générée pour mesurer "
                   "le temps de build de la base : règles, effets pour l'entrepreneur salarié et pour la CAE.")
    lignes = ["---", f"article: {tid}:{n}", f"description: \"{description}\"", "audience: [tous]",
              "verifie_le: 2026-11-26", "---", ""]
    citations = alea.sample(reelles, k=min(4, len(reelles))) + autres
    alea.shuffle(citations)
    for i, intertitre in enumerate(_INTERTITRES):
        lignes += [f"## {intertitre}", ""]
        for j in range(3):
            phrases = [_phrase(alea) for _ in range(2)]
            if citations:
                phrases.insert(1, f"Voir aussi {citations.pop()}, qui s'applique à la CAE et au CESA.")
            lignes += [" ".join(phrases), ""]
        if i == 1:
            lignes += ["!!! note \"À retenir\"", f"    {_phrase(alea)} {_phrase(alea)}", ""]
        if i == 2:
            lignes += ["| Situation | Règle |", "|---|---|"]
            lignes += [f"| {_phrase(alea).rstrip(' .?')} | {_phrase(alea).rstrip(' .?')} |" for _ in range(3)] + [""]
    return "\n".join(lignes)


def generer(projet: Path, nombre: int, graine: int = GRAINE) -> list[Path]:
    """Ajoute `nombre` pages d'articles synthétiques à la copie `projet` ; renvoie leurs chemins."""
    nombre_de_textes = max(1, -(-nombre // ARTICLES_PAR_TEXTE))
    ecrire_registre(projet / "data", nombre_de_textes)
    reelles = citations_disponibles(projet / "data")
    alea = random.Random(graine)
    chemins = []
    for i in range(nombre):
        k, n = divmod(i, ARTICLES_PAR_TEXTE)
        dossier = projet / "docs" / "textes" / identifiant_texte(k)
        dossier.mkdir(parents=True, exist_ok=True)
        chemin = dossier / f"article-{n + 1}.md"
        chemin.write_text(page(k, n + 1, nombre_de_textes, alea, reelles), encoding="utf-8")
        chemins.append(chemin)
    return chemins
