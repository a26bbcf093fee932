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


def fautes_dans(zone) -> list[str]:
    """Chaque espace sécable mal placée du texte affiché d'une zone, avec son contexte."""
    texte = zone.texte(EXCLUS)
    return [re.sub(r"\s+", " ", texte[max(0, m.start() - 35):m.end() + 15]) for m in _FAUTE.finditer(texte)]


def verifier_aucune_faute(fautes: list[str]) -> None:
    assert not fautes, f"{len(fautes)} espace(s) sécable(s) mal placée(s) :\n" + "\n".join(fautes[:40])


def test_espaces_insecables_dans_le_texte_affiche(pages):
    verifier_aucune_faute([f"{page} : …{extrait}…" for page in pages for zone in zones_francaises(page)
                           for extrait in fautes_dans(zone)])


def test_la_typographie_est_bien_appliquee_a_l_accueil(pages):
    accueil = next(p for p in pages if p.url == "")
    texte = accueil.dom.premier("div", classe="kb-contenu").texte(EXCLUS)
    assert "\u00a0:" in texte and "\u202f?" in texte


def test_menus_en_tete_et_titre_de_l_onglet_des_pages_francaises(pages_fr):
    """Les <nav> (menu, table des matières, en-tête, précédent/suivant) ne passent pas par la
    correction de la page : leurs titres sont corrigés à la source. Le lecteur doit y voir la
    même typographie que dans le contenu, et dans le titre de l'onglet."""
    verifier_aucune_faute([f"{page} <{zone.tag} class={zone.attrs.get('class')}> : …{extrait}…"
                           for page in pages_fr for zone in page.dom.tous("nav") + page.dom.tous("title")
                           for extrait in fautes_dans(zone)])


def test_les_menus_montrent_des_titres_corriges(pages_fr):
    """Le menu reprend le titre « Quoi de neuf ? » avec son espace fine (pas seulement la page)."""
    accueil = next(p for p in pages_fr if p.url == "")
    menu = accueil.dom.premier("nav", classe="md-nav--primary").texte(EXCLUS)
    assert "Quoi de neuf\u202f?" in menu


_ECHAPPEMENT = re.compile(r"\\u[0-9a-fA-F]{4}")


def test_aucun_echappement_unicode_affiche(pages):
    """Une chaîne de data/interface.yml écrite sans guillemets garde ses « \\u00a0 » tels quels
    (YAML n'interprète les échappements qu'entre guillemets doubles) : le lecteur verrait alors
    « voir « \\u00a0Quoi de neuf… » sous le titre des pages mises à jour."""
    fautes = []
    for page in pages:
        for zone in zones_francaises(page):
            texte = zone.texte(EXCLUS)
            for m in _ECHAPPEMENT.finditer(texte):
                extrait = re.sub(r"\s+", " ", texte[max(0, m.start() - 35):m.end() + 15])
                fautes.append(f"{page} : …{extrait}…")
    assert not fautes, f"{len(fautes)} échappement(s) unicode affiché(s) tel(s) quel(s) :\n" + "\n".join(fautes[:20])
