"""La page 404 : en français, sans reste d'anglais (Material l'écrit en anglais par défaut)."""

from __future__ import annotations

import re

import yaml
from arbre_html import RACINE, analyser

# Textes anglais qui trahiraient une 404 anglaise : ceux du projet (data/interface.yml, section en)
# et ceux de l'interface de Material en anglais.
# Textes anglais de l'interface de Material (« Navigation », identique en français, n'y est pas).
MATERIAL_EN = ["Page not found", "Skip to content", "Back to top", "Type to start searching", "Search",
               "Share", "Clear", "Initializing search", "Header", "Footer", "Previous", "Next",
               "Made with", "Copy to clipboard", "matching documents", "Select language",
               "This site informs", "Content under"]


def textes_anglais() -> list[str]:
    interface = yaml.safe_load((RACINE / "data" / "interface.yml").read_text(encoding="utf-8"))
    francais = interface["fr"]
    textes = [v for cle, v in interface["en"].items() if isinstance(v, str) and v.strip() and v != francais.get(cle)]
    return sorted(set(textes + MATERIAL_EN), key=len, reverse=True)


def test_404_en_francais(site_construit):
    html = (site_construit / "404.html").read_text(encoding="utf-8")
    dom = analyser(html)
    assert dom.premier("html").attrs.get("lang") == "fr", '404.html n\'est pas déclarée <html lang="fr">'
    h1 = dom.premier("article").premier("h1")
    assert h1 is not None and h1.texte_propre() == "Page introuvable"
    assert "Retour à l'accueil" in dom.premier("article").texte_propre()


def test_404_sans_anglais(site_construit):
    html = (site_construit / "404.html").read_text(encoding="utf-8")
    dom = analyser(html)
    visible = dom.premier("body").texte_propre()
    # Attributs lus à voix haute ou affichés au survol.
    attributs = " ".join(n.attrs.get(a, "") for n in dom.descendants()
                         for a in ("title", "aria-label", "placeholder", "alt"))
    restes = [t for t in textes_anglais() if re.search(rf"\b{re.escape(t)}\b", visible + " " + attributs)]
    assert not restes, f"textes anglais sur la 404 : {restes}"
