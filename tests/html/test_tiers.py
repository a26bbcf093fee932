"""Aucune ressource tierce : le site ne charge rien hors de sa propre origine (ni police, ni script)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from arbre_html import SITE_URL, analyser

ORIGINE = "{0.scheme}://{0.netloc}".format(urlsplit(SITE_URL))
# Valeurs de rel qui font charger quelque chose au navigateur.
REL_CHARGES = {"stylesheet", "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch", "icon",
               "shortcut", "apple-touch-icon", "mask-icon", "manifest", "font"}
_URL_CSS = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)


def est_tierce(url: str) -> bool:
    url = url.strip()
    if not url or url.startswith(("data:", "#", "blob:")):
        return False
    morceaux = urlsplit(url)
    if not morceaux.scheme and not url.startswith("//"):
        return False  # adresse relative ou absolue sur le même site
    return f"{morceaux.scheme or 'https'}://{morceaux.netloc}" != ORIGINE


def urls_css(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in _URL_CSS.finditer(css)]


def ressources_html(html: str) -> list[tuple[str, str]]:
    dom = analyser(html)
    trouves = []
    for n in dom.descendants():
        a = n.attrs
        if n.tag in {"script", "img", "iframe", "source", "audio", "video", "embed", "track", "input"} and "src" in a:
            trouves.append((n.tag, a["src"]))
        if n.tag in {"img", "source"} and "srcset" in a:
            trouves += [(n.tag, partie.split()[0]) for partie in a["srcset"].split(",") if partie.strip()]
        if n.tag == "link" and set(a.get("rel", "").lower().split()) & REL_CHARGES:
            trouves.append((f"link rel={a.get('rel')}", a.get("href", "")))
        if n.tag == "object" and "data" in a:
            trouves.append(("object", a["data"]))
        if n.tag == "video" and "poster" in a:
            trouves.append(("video poster", a["poster"]))
        if "style" in a:
            trouves += [("style", u) for u in urls_css(a["style"])]
        if n.tag == "style":
            trouves += [("<style>", u) for u in urls_css(n.texte())]
    return trouves


def test_le_detecteur_reconnait_une_ressource_tierce():
    html = ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
            '<link rel="preconnect" href="https://fonts.gstatic.com">'
            '<script src="//cdn.example.org/x.js"></script><img src="assets/logo.svg">'
            '<div style="background: url(\'https://tiers.example/fond.png\')"></div>'
            f'<link rel="icon" href="{SITE_URL}assets/favicon.svg"><link rel="canonical" href="https://autre.example/">')
    tierces = [u for _, u in ressources_html(html) if est_tierce(u)]
    assert tierces == ["https://fonts.googleapis.com/css?family=Roboto", "https://fonts.gstatic.com",
                       "//cdn.example.org/x.js", "https://tiers.example/fond.png"]


def test_aucune_ressource_tierce_dans_le_html(site_construit):
    fautes = []
    for fichier in sorted(site_construit.rglob("*.html")):
        for origine, url in ressources_html(fichier.read_text(encoding="utf-8")):
            if est_tierce(url):
                fautes.append(f"{fichier.relative_to(site_construit)} : {origine} -> {url}")
    assert not fautes, "\n".join(fautes)


def test_aucune_ressource_tierce_dans_les_css(site_construit):
    feuilles = sorted(site_construit.rglob("*.css"))
    assert feuilles
    fautes = [f"{css.relative_to(site_construit)} : {url}" for css in feuilles
              for url in urls_css(css.read_text(encoding="utf-8")) if est_tierce(url)]
    assert not fautes, "\n".join(fautes)


def test_pas_de_compteur_github_qui_interroge_api_github(site_construit):
    # data-md-component="source" ferait appeler api.github.com par le navigateur du lecteur.
    fautes = [str(f.relative_to(site_construit)) for f in site_construit.rglob("*.html")
              if 'data-md-component="source"' in f.read_text(encoding="utf-8")]
    assert not fautes, fautes
