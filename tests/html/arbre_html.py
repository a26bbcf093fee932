"""Un arbre HTML minimal (bibliothèque standard seulement) pour interroger le site construit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterator

RACINE = Path(__file__).resolve().parents[2]
SITE_URL = "https://base-juridique-cae.github.io/base-juridique-cae/"

_VIDES = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Noeud:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    enfants: list["Noeud | str"] = field(default_factory=list)
    parent: "Noeud | None" = None

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def descendants(self) -> Iterator["Noeud"]:
        for enfant in self.enfants:
            if isinstance(enfant, Noeud):
                yield enfant
                yield from enfant.descendants()

    def tous(self, tag: str | None = None, classe: str | None = None,
             filtre: Callable[["Noeud"], bool] | None = None, **attrs: str) -> list["Noeud"]:
        trouves = []
        for n in self.descendants():
            if tag and n.tag != tag:
                continue
            if classe and classe not in n.classes():
                continue
            if any(n.attrs.get(cle.rstrip("_")) != valeur for cle, valeur in attrs.items()):
                continue
            if filtre and not filtre(n):
                continue
            trouves.append(n)
        return trouves

    def premier(self, *args, **kwargs) -> "Noeud | None":
        resultat = self.tous(*args, **kwargs)
        return resultat[0] if resultat else None

    def texte(self, exclure: frozenset[str] = frozenset()) -> str:
        morceaux = []
        for enfant in self.enfants:
            if isinstance(enfant, str):
                morceaux.append(enfant)
            elif enfant.tag not in exclure:
                morceaux.append(enfant.texte(exclure))
        return "".join(morceaux)

    def texte_propre(self) -> str:
        """Texte visible, espaces ordinaires regroupés (les insécables sont gardées)."""
        return re.sub(r"[ \t\r\n]+", " ", self.texte(frozenset({"script", "style"}))).strip()

    def ancetres(self) -> Iterator["Noeud"]:
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class _Constructeur(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.racine = Noeud("#document")
        self.courant = self.racine

    def handle_starttag(self, tag, attrs):
        noeud = Noeud(tag, {k: (v if v is not None else "") for k, v in attrs}, parent=self.courant)
        self.courant.enfants.append(noeud)
        if tag not in _VIDES:
            self.courant = noeud

    def handle_startendtag(self, tag, attrs):
        self.courant.enfants.append(Noeud(tag, {k: (v if v is not None else "") for k, v in attrs},
                                          parent=self.courant))

    def handle_endtag(self, tag):
        n = self.courant
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.courant = n.parent

    def handle_data(self, data):
        self.courant.enfants.append(data)


def analyser(html: str) -> Noeud:
    constructeur = _Constructeur()
    constructeur.feed(html)
    constructeur.close()
    return constructeur.racine
