"""La banque de questions de lecteurs (data/questions/) : données saines, et la recherche y répond.

- chaque fichier suit son schéma ; une faute donne « fichier:ligne », le problème et la correction ;
- chaque question renvoie à une page (et à une ancre) qui existe ;
- dans Chromium, chaque question tapée dans la vraie boîte de recherche donne la page qui y répond
  parmi les trois premiers résultats, pour au moins 90 % de la banque.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from banque import RACINE, charger
from saisie import chercher, sans_prefixe

SEUIL_TOP3 = 0.90
MINIMUM = 80


@pytest.fixture(scope="module")
def banque():
    questions, problemes = charger()
    return questions, problemes


@pytest.mark.unitaire
def test_la_banque_est_saine(banque) -> None:
    questions, problemes = banque
    assert not problemes, "\n".join(problemes)
    assert len(questions) >= MINIMUM, f"{len(questions)} questions : la banque en demande au moins {MINIMUM}"


@pytest.mark.unitaire
@pytest.mark.parametrize("contenu, ligne, attendu", [
    ("- question: Puis-je garder le chômage ?\n  vue_sur: https://exemple.org/faq\n", 1,
     "le champ obligatoire « page » manque"),
    ("- question: Puis-je garder le chômage ?\n  vue_sur: https://exemple.org/faq\n  page: nulle-part.md\n", 1,
     "la page « nulle-part.md » n'existe pas"),
    ("- question: Puis-je garder le chômage ?\n  vue_sur: https://exemple.org/faq\n  page: cesa/contrat.md\n"
     "- question: puis-je garder le CHÔMAGE\n  vue_sur: https://exemple.org/faq\n  page: cesa/contrat.md\n", 4,
     "question déjà présente"),
    ("- question: Puis-je garder le chômage ?\n  vue_sur: exemple.org\n  page: cesa/contrat.md\n", 2,
     "vue_sur"),
    ("- question: Puis-je garder le chômage ?\n  vue_sur: https://exemple.org/faq\n  page: cesa/contrat.md\n"
     "  reponse: oui\n", 4, "champ inconnu « reponse »"),
    ("- question: Puis-je garder le chômage ?\n\tvue_sur: https://exemple.org/faq\n", 2, "tabulation"),
    ("- question: Comment : partir ?\n  vue_sur: https://exemple.org/faq\n  page: cesa/contrat.md\n", 1,
     "YAML invalide"),
])
def test_une_faute_dans_la_banque_est_expliquee(tmp_path: Path, contenu: str, ligne: int, attendu: str) -> None:
    dossier = tmp_path / "data" / "questions"
    dossier.mkdir(parents=True)
    (dossier / "exemple.yml").write_text(contenu, encoding="utf-8")
    _, problemes = charger(dossier, RACINE / "docs")
    assert problemes, "la faute n'a pas été vue"
    message = problemes[0]
    assert message.startswith(f"data/questions/exemple.yml:{ligne} : "), message
    assert attendu in message, message
    assert "Correction" in message, message


def test_les_ancres_de_la_banque_existent(banque, site_construit: Path) -> None:
    questions, _ = banque
    manquantes = []
    for q in questions:
        if q.ancre:
            html = (site_construit / q.url.strip("/") / "index.html").read_text(encoding="utf-8")
            if f'id="{q.ancre}"' not in html:
                manquantes.append(f"{q.fichier}:{q.ligne} : ancre #{q.ancre} absente de {q.url}")
    assert not manquantes, "\n".join(manquantes)


@pytest.mark.navigateur
def test_la_recherche_repond_aux_questions_de_la_banque(banque, onglets) -> None:
    questions, _ = banque
    onglet = onglets("/")
    rates = []
    for q in questions:
        chemins, resume = chercher(onglet, q.question, touche_par_touche=False)
        chemins = sans_prefixe(chemins, onglet.prefixe)
        if q.url not in chemins[:3]:
            rates.append(f"{q.fichier}:{q.ligne} « {q.question} » → attendu {q.url}, "
                         f"trois premiers {chemins[:3]} ({resume})")
    taux = 1 - len(rates) / len(questions)
    message = f"{taux:.0%} des {len(questions)} questions dans les trois premiers ; manquées :\n" + "\n".join(rates)
    print(message)
    assert taux >= SEUIL_TOP3, message
