"""Typographie française du texte affiché : aucune espace sécable avant ; : ! ? » ni après «.

Le hook typographie.py corrige le contenu des pages ; ce test vérifie ce que le lecteur voit
réellement, gabarits compris (encadré des articles, listes « Articles liés », pied de page).
"""

from __future__ import annotations

import re

EXCLUS = frozenset({"code", "pre", "script", "style", "kbd", "samp", "svg"})
# Espace ordinaire, tabulation ou saut de ligne (le navigateur peut couper la ligne à cet endroit).
_FAUTE = re.compile(r"[ \t\r\n]+[;:!?»]|«[ \t\r\n]")


def zones_francaises(page):
    """Le contenu et le pied de page, quand ils sont en français."""
    zones = []
    contenu = page.dom.premier("div", classe="kb-contenu")
    if contenu is not None and (not page.anglaise or contenu.attrs.get("lang") == "fr"):
        zones.append(contenu)
    pied = page.dom.premier("footer", classe="kb-metadonnees")
    if pied is not None and not page.anglaise:
        zones.append(pied)
    return zones


def test_espaces_insecables_dans_le_texte_affiche(pages):
    fautes = []
    for page in pages:
        for zone in zones_francaises(page):
            texte = zone.texte(EXCLUS)
            for m in _FAUTE.finditer(texte):
                extrait = re.sub(r"\s+", " ", texte[max(0, m.start() - 35):m.end() + 15])
                fautes.append(f"{page} : …{extrait}…")
    assert not fautes, f"{len(fautes)} espace(s) sécable(s) mal placée(s) :\n" + "\n".join(fautes[:40])


def test_la_typographie_est_bien_appliquee_a_l_accueil(pages):
    accueil = next(p for p in pages if p.url == "")
    texte = accueil.dom.premier("div", classe="kb-contenu").texte(EXCLUS)
    assert "\u00a0:" in texte and "\u202f?" in texte
