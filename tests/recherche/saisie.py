"""Taper une requête dans la vraie boîte de recherche de Material et lire les résultats."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit


def chercher(page, requete: str, delai: float = 10.0, *, touche_par_touche: bool = True) -> tuple[list[str], str]:
    """Tape la requête dans la boîte de recherche ; renvoie les chemins des résultats et le résumé.

    `touche_par_touche=False` (longues questions) : le début est collé d'un coup, le dernier
    caractère tapé au clavier ; Material reçoit les mêmes événements de saisie qu'un lecteur qui
    colle sa question puis la termine.
    """
    champ = page.locator("input.md-search__input")
    champ.click()
    champ.press("Control+a")
    champ.press("Backspace")
    # Attendre que Material ait vidé les résultats de la requête précédente : sinon, sur un gros
    # index, ses résultats encore affichés passeraient pour ceux de la nouvelle requête.
    fin_vidage = time.monotonic() + delai
    while time.monotonic() < fin_vidage and re.search(r"\d", page.locator(".md-search-result__meta").inner_text()):
        time.sleep(0.05)
    if touche_par_touche:
        champ.press_sequentially(requete)
    else:
        champ.fill(requete[:-1])
        champ.press_sequentially(requete[-1:])
    fin = time.monotonic() + delai
    precedent: tuple[list[str], str] | None = None
    stable = 0
    while time.monotonic() < fin:
        time.sleep(0.15)
        resume = page.locator(".md-search-result__meta").inner_text()
        liens = page.eval_on_selector_all(
            "li.md-search-result__item > a.md-search-result__link:first-child", "els => els.map(e => e.href)")
        etat = ([urlsplit(h).path for h in liens], resume)
        if re.search(r"\d|Aucun|No matching", resume) and etat == precedent:
            stable += 1
            if stable >= 2:
                return etat
        else:
            stable = 0
        precedent = etat
    return precedent or ([], "")


def sans_prefixe(chemins: list[str], prefixe: str) -> list[str]:
    return [c[len(prefixe):] if c.startswith(prefixe) else c for c in chemins]
