"""data/domaines.yml : chaque domaine admis une seule fois, dans l'ordre alphabétique de sa liste.

Une faute dans ce fichier ne casse pas le build (un doublon ne change pas ce qui est admis), mais
elle le rend trompeur : un domaine rangé à la fois dans « officiels » et « reconnus » ne dit plus
s'il s'agit d'une source officielle. Le test nomme la ligne fautive et la correction.
"""

from __future__ import annotations

from pathlib import Path

from kb.commun.entete import lire_yaml

RACINE = Path(__file__).resolve().parents[2]

FICHIER = RACINE / "data" / "domaines.yml"


def _entrees(texte: str) -> list[tuple[str, str, int]]:
    """(liste, domaine, ligne) dans l'ordre du fichier, lus par kb.commun.entete.lire_yaml (lignes notées)."""
    doc = lire_yaml(texte)
    return [(liste, str(domaine), doc.ligne((liste, i)) or 0)
            for liste, domaines in doc.donnees.items() for i, domaine in enumerate(domaines or [])]


def fautes(texte: str, nom: str = "data/domaines.yml") -> list[str]:
    vus: dict[str, tuple[str, int]] = {}
    messages = []
    precedent: tuple[str, str] = ("", "")
    for liste, domaine, ligne in _entrees(texte):
        if domaine in vus:
            autre_liste, autre_ligne = vus[domaine]
            messages.append(
                f"{nom}:{ligne} : « {domaine} » figure déjà ligne {autre_ligne} (liste « {autre_liste} »). "
                "Correction : gardez une seule ligne, dans la liste qui dit ce qu'est la source, et réunissez "
                "leurs commentaires.")
        else:
            vus[domaine] = (liste, ligne)
        if domaine != domaine.lower() or "/" in domaine or ":" in domaine:
            messages.append(f"{nom}:{ligne} : « {domaine} » n'est pas un nom de domaine seul. Correction : écrivez "
                            "le domaine en minuscules, sans « https:// » ni chemin (par exemple « legifrance.gouv.fr »).")
        if precedent[0] == liste and domaine < precedent[1]:
            messages.append(f"{nom}:{ligne} : « {domaine} » est rangé après « {precedent[1]} ». Correction : "
                            "remettez la liste dans l'ordre alphabétique.")
        precedent = (liste, domaine)
    return messages


def test_domaines_admis_sans_doublon_et_dans_l_ordre():
    assert fautes(FICHIER.read_text(encoding="utf-8")) == []


def test_un_doublon_est_nomme_avec_ses_deux_lignes():
    texte = "officiels:\n  - legifrance.gouv.fr\nreconnus:\n  - les-cae.coop\n  - legifrance.gouv.fr\n"
    messages = fautes(texte)
    assert any(m.startswith("data/domaines.yml:5 : « legifrance.gouv.fr » figure déjà ligne 2 (liste « officiels »)")
               for m in messages), messages


def test_desordre_et_adresse_complete_sont_signales():
    texte = "reconnus:\n  - scop.coop\n  - https://coopaname.coop/\n"
    messages = fautes(texte)
    assert any("data/domaines.yml:3" in m and "ordre alphabétique" in m for m in messages), messages
    assert any("data/domaines.yml:3" in m and "sans « https:// »" in m for m in messages), messages
