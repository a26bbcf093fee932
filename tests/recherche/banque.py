"""La banque de questions de lecteurs (data/questions/*.yml) : lecture et vérification.

Chaque fichier est une liste de questions réellement posées sur des pages publiques, avec
l'adresse où elles ont été vues et la page du site qui y répond (schéma :
data/schemas/questions.schema.json). Les erreurs nomment le fichier, la ligne et la correction,
comme les messages KB du build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kb.commun.normalisation import cle_de_comparaison as cle  # deux questions identiques aux accents, à la casse et à la ponctuation près
from outils_kb import adresse_de_page

from kb.commun.entete import EnteteIllisible, lire_yaml
from kb.commun.schema import erreurs

RACINE = Path(__file__).resolve().parents[2]
DOSSIER = RACINE / "data" / "questions"
SCHEMA = RACINE / "data" / "schemas" / "questions.schema.json"


@dataclass(frozen=True)
class Question:
    question: str
    vue_sur: str
    page: str  # chemin depuis docs/, avec ou sans « #ancre »
    fichier: str
    ligne: int

    @property
    def chemin(self) -> str:
        return self.page.split("#", 1)[0]

    @property
    def ancre(self) -> str | None:
        return self.page.split("#", 1)[1] if "#" in self.page else None

    @property
    def url(self) -> str:
        """Adresse de la page dans le site français : « cesa/contrat.md » -> « /cesa/contrat/ »."""
        return adresse_de_page(self.chemin)


def charger(dossier: Path = DOSSIER, docs: Path = RACINE / "docs") -> tuple[list[Question], list[str]]:
    """Toutes les questions de la banque et, s'il y en a, les erreurs (« fichier:ligne : … »)."""
    questions: list[Question] = []
    problemes: list[str] = []
    vues: dict[str, str] = {}
    fichiers = sorted(dossier.glob("*.yml"))
    if not fichiers:
        problemes.append(f"{dossier.relative_to(dossier.parents[1])} : aucun fichier *.yml ; "
                         "la banque de questions est vide.")
    for f in fichiers:
        nom = f.relative_to(dossier.parents[1]).as_posix()
        texte = f.read_text(encoding="utf-8")
        if "\t" in texte:
            ligne = texte[: texte.index("\t")].count("\n") + 1
            problemes.append(f"{nom}:{ligne} : tabulation dans le YAML. Correction : indentez avec des espaces.")
            continue
        try:
            lu = lire_yaml(texte, objet="le fichier", racine=list)
        except EnteteIllisible as e:
            problemes.append(f"{nom}:{e.ligne} : {e}. Correction : une entrée par question, "
                             "« - question: … », puis « vue_sur: » et « page: » en retrait de deux espaces ; "
                             "une valeur qui contient « : » se met entre guillemets.")
            continue
        fautes = list(erreurs(lu.donnees, str(SCHEMA)))
        for chemin, message in fautes:
            problemes.append(f"{nom}:{lu.ligne(chemin)} : {message} Correction : chaque entrée a "
                             "« question », « vue_sur » (https://…) et « page » (chemin depuis docs/, "
                             "par exemple cesa/contrat.md), voir data/schemas/questions.schema.json.")
        if fautes:
            continue
        for i, e in enumerate(lu.donnees):
            q = Question(str(e["question"]), str(e["vue_sur"]), str(e["page"]), nom, lu.ligne((i,)) or 1)
            ou = f"{nom}:{q.ligne}"
            if not (docs / q.chemin).is_file():
                problemes.append(f"{ou} : la page « {q.chemin} » n'existe pas dans docs/. Correction : "
                                 "donnez le chemin d'une page existante depuis docs/, par exemple cesa/contrat.md.")
            if cle(q.question) in vues:
                problemes.append(f"{ou} : question déjà présente ({vues[cle(q.question)]}). "
                                 "Correction : supprimez le doublon.")
            vues.setdefault(cle(q.question), ou)
            questions.append(q)
    return questions, problemes
