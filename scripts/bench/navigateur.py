"""Mesures dans Chromium (Playwright, /usr/bin/chromium de Debian) : poids téléchargé et recherche.

Poids : chaque type de page est ouvert dans un contexte neuf (cache vide). Toutes les requêtes
sont enregistrées (celles des workers comprises, grâce à context.route) ; toute requête hors de
127.0.0.1 est comptée comme tierce et bloquée (la machine n'a pas d'accès réseau de toute façon).
Chaque corps de réponse est compressé ici avec gzip -9 (zlib niveau 9, comme `gzip -9`) : le
serveur local ne compresse pas, un hébergeur (GitHub Pages) si.

Recherche : la boîte de recherche de Material est ouverte, la requête tapée touche par touche
(press_sequentially : Material écoute le clavier, fill() ne déclenche rien) ; la latence va du
dernier relâchement de touche (keyup, horodaté dans la page) à la dernière mise à jour de la liste
des résultats (MutationObserver), une fois la liste stable depuis 400 ms.
"""

from __future__ import annotations

import gzip
import re
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
OPTIONS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CATEGORIES = ("html", "css", "js", "polices", "images", "sitemap.xml", "autres",
              "js de la recherche", "index de recherche")
# Ce qui ne sert qu'à la recherche : exclu du « premier chargement sans recherche ».
RECHERCHE = frozenset({"js de la recherche", "index de recherche"})


def gzip9(donnees: bytes) -> int:
    return len(gzip.compress(donnees, compresslevel=9, mtime=0))


def categorie(url: str, type_ressource: str) -> str:
    chemin = urlsplit(url).path.lower()
    if chemin.endswith("search_index.json"):
        return "index de recherche"
    if "/javascripts/workers/" in chemin or "/javascripts/lunr/" in chemin:
        return "js de la recherche"
    if chemin.endswith("sitemap.xml"):
        return "sitemap.xml"
    if type_ressource == "document" or chemin.endswith((".html", "/")):
        return "html"
    if chemin.endswith(".css") or type_ressource == "stylesheet":
        return "css"
    if chemin.endswith((".js", ".mjs")) or type_ressource == "script":
        return "js"
    if chemin.endswith((".woff", ".woff2", ".ttf", ".otf", ".eot")) or type_ressource == "font":
        return "polices"
    if chemin.endswith((".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico")) or type_ressource == "image":
        return "images"
    return "autres"


@dataclass
class Requete:
    url: str
    categorie: str
    statut: int | None
    brut: int
    gzip: int
    tierce: bool


@dataclass
class Chargement:
    page: str
    chemin: str
    premier: list[Requete] = field(default_factory=list)
    recherche: list[Requete] = field(default_factory=list)
    erreurs_console: list[str] = field(default_factory=list)

    def totaux(self, requetes: list[Requete]) -> dict[str, dict[str, int]]:
        par = {c: {"requetes": 0, "brut": 0, "gzip": 0} for c in CATEGORIES}
        for r in requetes:
            par[r.categorie]["requetes"] += 1
            par[r.categorie]["brut"] += r.brut
            par[r.categorie]["gzip"] += r.gzip
        return par


def _lancer(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=OPTIONS)


class _Enregistreur:
    """Intercepte toutes les requêtes du contexte (pages et workers) ; bloque les tierces."""

    def __init__(self, contexte, hote_local: str) -> None:
        self.hote_local = hote_local
        self.journal: list[Requete] = []
        contexte.route("**/*", self._intercepter)

    def _intercepter(self, route) -> None:
        requete = route.request
        if urlsplit(requete.url).scheme in ("data", "blob"):
            route.continue_()
            return
        if urlsplit(requete.url).netloc != self.hote_local:
            self.journal.append(Requete(requete.url, categorie(requete.url, requete.resource_type), None, 0, 0, True))
            route.abort()
            return
        try:
            reponse = route.fetch()
            corps = reponse.body()
        except Exception:  # requête annulée par la page
            route.abort()
            return
        self.journal.append(Requete(requete.url, categorie(requete.url, requete.resource_type), reponse.status,
                                    len(corps), gzip9(corps), False))
        route.fulfill(response=reponse, body=corps)


def poids(url_base: str, pages: dict[str, str], requete_de_recherche: str = "cae") -> list[Chargement]:
    """Pour chaque page {nom: chemin} : les requêtes du premier chargement, puis celles de la recherche."""
    from playwright.sync_api import sync_playwright

    hote = urlsplit(url_base).netloc
    resultats = []
    with sync_playwright() as p:
        navigateur = _lancer(p)
        try:
            for nom, chemin in pages.items():
                contexte = navigateur.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
                enregistreur = _Enregistreur(contexte, hote)
                onglet = contexte.new_page()
                chargement = Chargement(nom, chemin)
                onglet.on("console", lambda m, c=chargement: c.erreurs_console.append(m.text) if m.type == "error" else None)
                onglet.goto(url_base + "/" + chemin, wait_until="load")
                onglet.wait_for_load_state("networkidle")
                onglet.wait_for_timeout(500)
                chargement.premier = list(enregistreur.journal)
                n = len(enregistreur.journal)
                _ouvrir_recherche(onglet)
                onglet.locator("input.md-search__input").press_sequentially(requete_de_recherche, delay=30)
                onglet.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
                onglet.wait_for_load_state("networkidle")
                onglet.wait_for_timeout(300)
                chargement.recherche = list(enregistreur.journal[n:])
                resultats.append(chargement)
                contexte.close()
        finally:
            navigateur.close()
    return resultats


def _ouvrir_recherche(onglet) -> None:
    onglet.locator("label.md-search__icon, .md-search__input").first.click()
    onglet.locator("input.md-search__input").wait_for(state="visible", timeout=10_000)


# ---------------------------------------------------------------- Latence de la recherche

_SONDE = """
() => {
  if (window.__banc) return;
  window.__banc = {keyup: 0, mutation: 0};
  document.querySelector('input.md-search__input')
    .addEventListener('keyup', () => { window.__banc.keyup = performance.now(); }, true);
  new MutationObserver(() => { window.__banc.mutation = performance.now(); })
    .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true});
}
"""


@dataclass
class Latence:
    requete: str
    latence_ms: float | None
    frappe_ms: float
    meta: str
    liens: list[str]


def _attendre_stable(onglet, calme_ms: int = 400, delai_max_s: float = 20.0) -> None:
    """Attend que la liste des résultats ne bouge plus depuis `calme_ms` (et qu'elle ait bougé après la frappe)."""
    fin = time.monotonic() + delai_max_s
    while time.monotonic() < fin:
        etat = onglet.evaluate("() => [window.__banc.keyup, window.__banc.mutation, performance.now()]")
        keyup, mutation, maintenant = etat
        if mutation > keyup and maintenant - mutation >= calme_ms:
            return
        onglet.wait_for_timeout(50)


def latences(url_base: str, requetes: list[str], prefixe: str) -> tuple[list[Latence], float | None]:
    """Latence de chaque requête (ms) et temps « à froid » de la première (du chargement au premier résultat)."""
    from playwright.sync_api import sync_playwright

    hote = urlsplit(url_base).netloc
    resultats: list[Latence] = []
    with sync_playwright() as p:
        navigateur = _lancer(p)
        try:
            contexte = navigateur.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
            contexte.route(re.compile(r"^(?!https?://" + re.escape(hote) + r"[:/]|data:|blob:).*"), lambda r: r.abort())
            onglet = contexte.new_page()
            debut = time.perf_counter()
            onglet.goto(url_base + "/", wait_until="load")
            _ouvrir_recherche(onglet)
            onglet.evaluate(_SONDE)
            champ = onglet.locator("input.md-search__input")
            champ.press_sequentially("cae")
            onglet.locator(".md-search-result__item").first.wait_for(state="visible", timeout=60_000)
            a_froid = (time.perf_counter() - debut) * 1000
            for texte in requetes:
                _vider(onglet)
                t0 = time.perf_counter()
                champ.press_sequentially(texte)
                frappe = (time.perf_counter() - t0) * 1000
                _attendre_stable(onglet)
                keyup, mutation = onglet.evaluate("() => [window.__banc.keyup, window.__banc.mutation]")
                meta = onglet.locator(".md-search-result__meta").inner_text()
                liens = onglet.eval_on_selector_all(
                    ".md-search-result__item > .md-search-result__link",
                    "els => els.slice(0, 5).map(e => e.getAttribute('href'))")
                liens = [_chemin_relatif(l, prefixe) for l in liens]
                resultats.append(Latence(texte, (mutation - keyup) if mutation > keyup else None, frappe, meta, liens))
            contexte.close()
        finally:
            navigateur.close()
    return resultats, a_froid


def _vider(onglet) -> None:
    """Efface la requête au clavier (Material remet la liste à zéro) et attend que tout se calme."""
    champ = onglet.locator("input.md-search__input")
    champ.click()
    onglet.keyboard.press("Control+A")
    onglet.keyboard.press("Backspace")
    onglet.wait_for_timeout(250)


def _chemin_relatif(href: str | None, prefixe: str) -> str:
    if not href:
        return ""
    chemin = urlsplit(href).path
    if prefixe and chemin.startswith(prefixe):
        chemin = chemin[len(prefixe):]
    return chemin.lstrip("/")


def mediane(valeurs: list[float]) -> float | None:
    valeurs = [v for v in valeurs if v is not None]
    return statistics.median(valeurs) if valeurs else None
