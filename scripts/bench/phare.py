"""Lighthouse (npm, version figée par bench/package-lock.json) sur le site servi en local.

Chrome = /usr/bin/chromium (CHROME_PATH) ; aucun navigateur n'est téléchargé.
Mobile : réglages par défaut de Lighthouse (Moto G Power émulé, réseau 4G lent et processeur ×4
SIMULÉS). Bureau : --preset=desktop.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DRAPEAUX_CHROME = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                   "--disable-background-networking --disable-component-update --disable-sync")
METRIQUES = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
             "cumulative-layout-shift", "speed-index")


def installer(racine: Path) -> Path:
    """`npm ci --prefix bench` si Lighthouse manque ou n'est pas à la version du lockfile."""
    dossier = racine / "bench"
    cli = dossier / "node_modules" / "lighthouse" / "cli" / "index.js"
    verrou = json.loads((dossier / "package-lock.json").read_text(encoding="utf-8"))
    attendue = verrou["packages"]["node_modules/lighthouse"]["version"]
    installe = dossier / "node_modules" / "lighthouse" / "package.json"
    if not cli.is_file() or json.loads(installe.read_text(encoding="utf-8")).get("version") != attendue:
        if shutil.which("npm") is None:
            raise RuntimeError("npm introuvable : `make systeme` installe nodejs et npm.")
        subprocess.run(["npm", "ci", "--prefix", str(dossier), "--no-audit", "--no-fund"], check=True)
    return cli


@dataclass
class Resultat:
    page: str
    forme: str  # mobile | bureau
    scores: dict[str, float | None] = field(default_factory=dict)
    echecs: dict[str, list[str]] = field(default_factory=dict)  # catégorie -> audits en échec
    metriques: dict[str, str] = field(default_factory=dict)
    erreur: str = ""


def mesurer(cli: Path, url: str, page: str, forme: str, dossier_brut: Path | None) -> Resultat:
    resultat = Resultat(page, forme)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        sortie = Path(tmp) / "rapport"
        profil = Path(tmp) / "profil"
        commande = ["node", str(cli), url, f"--chrome-flags={DRAPEAUX_CHROME} --user-data-dir={profil}",
                    "--only-categories=" + ",".join(CATEGORIES), "--output=json", "--output=html",
                    f"--output-path={sortie}", "--quiet", "--max-wait-for-load=60000"]
        if forme == "bureau":
            commande.append("--preset=desktop")
        env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
        fini = subprocess.run(commande, env=env, capture_output=True, text=True, timeout=300, check=False)
        json_path = Path(str(sortie) + ".report.json")
        if not json_path.is_file():
            resultat.erreur = (fini.stderr or fini.stdout)[-800:]
            return resultat
        donnees = json.loads(json_path.read_text(encoding="utf-8"))
        if dossier_brut is not None:
            dossier_brut.mkdir(parents=True, exist_ok=True)
            nom = f"lighthouse-{page}-{forme}"
            shutil.copy2(json_path, dossier_brut / f"{nom}.json")
            html = Path(str(sortie) + ".report.html")
            if html.is_file():
                shutil.copy2(html, dossier_brut / f"{nom}.html")
    if donnees.get("runtimeError"):
        resultat.erreur = str(donnees["runtimeError"].get("message", ""))
    audits = donnees.get("audits", {})
    for cle in CATEGORIES:
        categorie = donnees.get("categories", {}).get(cle, {})
        score = categorie.get("score")
        resultat.scores[cle] = None if score is None else round(score * 100)
        echecs = []
        for ref in categorie.get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                detail = audit.get("displayValue") or _exemple(audit)
                echecs.append(f"{ref['id']} ({audit['score']:.2f}{', ' + detail if detail else ''})")
        resultat.echecs[cle] = echecs
    for cle in METRIQUES:
        if cle in audits:
            resultat.metriques[cle] = audits[cle].get("displayValue", "")
    return resultat


def _exemple(audit: dict) -> str:
    """Un exemple d'élément fautif (message de console, balise, raison), pour le rapport."""
    for element in (audit.get("details") or {}).get("items", [])[:1]:
        if element.get("description"):
            return str(element["description"])[:120]
        source = element.get("source") or element.get("node") or {}
        morceaux = [str(source.get("snippet", ""))[:100]] if isinstance(source, dict) else []
        raisons = [str(x.get("reason")) for x in (element.get("subItems") or {}).get("items", []) if x.get("reason")]
        texte = " ".join(m for m in morceaux + raisons[:1] if m)
        if texte:
            return texte
    return ""
