"""HTML valide : le validateur officiel du W3C (vnu, paquet npm vnu-jar figé) sur tout le site construit.

Commande : java -jar node_modules/vnu-jar/build/dist/vnu.jar --skip-non-html --errors-only
--format json <site>. Seules les erreurs connues des gabarits de Material sont ignorées, par
la liste commentée tests/qualite/vnu-filtres.txt ; toute autre erreur fait échouer le test, avec
la page, la ligne, le message et l'extrait du HTML.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from qualite.outils import QUALITE, VNU_JAR, entrees_justifiees, fichier_requis, outil

pytestmark = [pytest.mark.qualite, pytest.mark.html]

FILTRES = QUALITE / "vnu-filtres.txt"
SEPARATEUR = "␟"


@dataclass(frozen=True)
class Filtre:
    motif: re.Pattern[str]
    raison: str
    ligne: int


def lire_filtres(chemin: Path = FILTRES) -> list[Filtre]:
    """Un motif par ligne, chacun précédé de son commentaire (la raison) ; lignes vides ignorées."""
    filtres: list[Filtre] = []
    for numero, ligne, raison in entrees_justifiees(chemin, "le filtre",
                                                    "pourquoi cette erreur de Material est ignorée"):
        try:
            motif = re.compile(ligne)
        except re.error as e:
            raise AssertionError(f"{chemin.name}:{numero} : expression régulière invalide ({e}).") from e
        filtres.append(Filtre(motif, raison, numero))
    return filtres


def cle(message: dict) -> str:
    """Ce à quoi les filtres s'appliquent : le message, le séparateur ␟, l'extrait sur une ligne."""
    extrait = " ".join((message.get("extract") or "").split())
    return f"{message.get('message', '')}{SEPARATEUR}{extrait}"


@pytest.fixture(scope="module")
def messages_vnu(site_construit: Path) -> list[dict]:
    java = outil("java")
    jar = fichier_requis(VNU_JAR, "Le validateur vnu (paquet npm vnu-jar)")
    fini = subprocess.run(
        [java, "-jar", str(jar), "--skip-non-html", "--errors-only", "--format", "json", str(site_construit)],
        capture_output=True, text=True, encoding="utf-8", timeout=600, check=False)
    try:
        return json.loads(fini.stderr or fini.stdout)["messages"]  # vnu écrit son JSON sur stderr
    except (json.JSONDecodeError, KeyError) as e:
        raise AssertionError(f"vnu n'a pas produit de JSON (code {fini.returncode}) :\n"
                             f"{fini.stderr[-3000:]}{fini.stdout[-2000:]}") from e


def test_liste_de_filtres_commentee():
    assert lire_filtres(), f"{FILTRES.name} ne contient aucun filtre"


def test_html_valide(messages_vnu: list[dict], site_construit: Path):
    filtres = lire_filtres()
    restants = [m for m in messages_vnu if not any(f.motif.search(cle(m)) for f in filtres)]
    if not restants:
        return
    lignes = [f"{len(restants)} erreur(s) de validation HTML (vnu) :"]
    for m in restants[:60]:
        fichier = (m.get("url") or "").removeprefix("file:")
        try:
            fichier = Path(fichier).relative_to(site_construit).as_posix()
        except ValueError:
            pass
        extrait = " ".join((m.get("extract") or "").split())
        lignes.append(f"- {fichier}:{m.get('lastLine', '?')} : {m.get('message')}\n    HTML : {extrait[:200]}")
    if len(restants) > 60:
        lignes.append(f"… et {len(restants) - 60} autre(s).")
    lignes.append("Correction : une erreur dans le contenu se corrige dans la page Markdown (HTML écrit à la "
                  "main, attribut {: …} mal formé) ; une erreur d'un gabarit dans overrides/. N'ajoutez à "
                  f"{FILTRES.relative_to(FILTRES.parents[2])} qu'une erreur de Material lui-même, commentée.")
    raise AssertionError("\n".join(lignes))


def test_chaque_filtre_sert_encore(messages_vnu: list[dict]):
    """Un filtre qui ne correspond plus à aucune erreur cacherait demain une vraie erreur : on le retire."""
    inutiles = [f for f in lire_filtres() if not any(f.motif.search(cle(m)) for m in messages_vnu)]
    assert not inutiles, "\n".join(
        [f"{len(inutiles)} filtre(s) de {FILTRES.name} ne correspondent plus à aucune erreur :"]
        + [f"- ligne {f.ligne} ({f.raison[:120]})" for f in inutiles]
        + ["Correction : supprimez ces lignes (et leur commentaire) de tests/qualite/vnu-filtres.txt."])


def test_le_validateur_detecte_une_erreur(tmp_path: Path):
    """Témoin : vnu et la lecture de son JSON signalent bien une erreur (sinon le test passerait à vide)."""
    page = tmp_path / "fautive.html"
    page.write_text('<!doctype html><html lang="fr"><head><title>t</title></head>'
                    '<body><p id="a">x</p><p id="a">y</p><span><div>z</div></span></body></html>',
                    encoding="utf-8")
    fini = subprocess.run(
        [outil("java"), "-jar", str(fichier_requis(VNU_JAR, "vnu.jar")), "--errors-only", "--format", "json",
         str(page)], capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    messages = json.loads(fini.stderr)["messages"]
    assert any("Duplicate ID" in m["message"] for m in messages), messages
    assert not any(f.motif.search(cle(m)) for m in messages for f in lire_filtres()), \
        "un filtre de vnu-filtres.txt est trop large : il cache une erreur ordinaire"
