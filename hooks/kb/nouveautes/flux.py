"""Le flux Atom (RFC 4287) des nouveautés de chaque langue : nouveautes.xml, en/nouveautes.xml…"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.normalisation import majuscule
from kb.commun.projet import langue_par_defaut, textes_de_l_interface
from kb.nouveautes.entrees import CATEGORIES, Nouveaute, ancres_de_la_langue, classees, etat_des_nouveautes, titre_de_l_entree

FLUX = "nouveautes.xml"


def ecrire_le_flux(config: MkDocsConfig) -> None:
    """Écrit le flux de la langue construite : nouveautes.xml (français), en/nouveautes.xml…"""
    nouveautes = etat_des_nouveautes(config).nouveautes
    if not nouveautes:
        return
    langue = config.theme["language"]
    prefixe = "" if langue == langue_par_defaut(config) else f"{langue}/"
    textes = textes_de_l_interface(config, langue)
    sortie = Path(config.site_dir) / prefixe / FLUX
    sortie.parent.mkdir(parents=True, exist_ok=True)
    sortie.write_text(flux_atom(
        nouveautes, ancres_de_la_langue(config), langue=langue, site_url=config.site_url or "", prefixe=prefixe,
        titre=textes["flux_titre"].replace("{site}", config.site_name),
        sous_titre=textes["flux_sous_titre"], auteur=config.site_name, droits=config.copyright or "",
        etiquettes={c: textes["nouveautes_" + c] for c in CATEGORIES}), encoding="utf-8")


def flux_atom(nouveautes: list[Nouveaute], ancres: dict[Nouveaute, str], *, langue: str, site_url: str,
              prefixe: str, titre: str, sous_titre: str, auteur: str, droits: str,
              etiquettes: dict[str, str]) -> str:
    """Le flux Atom (RFC 4287) : identifiants permanents (URI tag), dates, catégories, liens."""
    page = f"{site_url}{prefixe}a-propos/quoi-de-neuf/"
    hote = urlsplit(site_url).hostname or "localhost"
    entrees = classees(nouveautes)
    plus_recente = max(n.mise_a_jour for n in nouveautes)

    def instant(jour: str) -> str:
        return f"{jour}T00:00:00Z"

    lignes = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{langue}">',
        f"  <id>tag:{hote},2026-11-26:{prefixe}nouveautes</id>",
        f"  <title>{escape(titre)}</title>",
        f"  <subtitle>{escape(sous_titre)}</subtitle>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(site_url + prefixe + FLUX)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(page)}/>',
        f"  <updated>{instant(plus_recente)}</updated>",
        f"  <author><name>{escape(auteur)}</name></author>",
        f"  <rights>{escape(droits)}</rights>",
    ]
    for n in entrees:
        lignes += [
            "  <entry>",
            # Permanent : ne dépend ni du titre ni de l'adresse de la page (RFC 4287, 4.2.6).
            f"    <id>tag:{hote},{n.publie_le}:nouveautes/{n.categorie}/{n.date}/{ancres[n]}</id>",
            f"    <title>{escape(majuscule(titre_de_l_entree(n, langue)))}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(page + "#" + ancres[n])}/>',
            f"    <published>{instant(n.publie_le)}</published>",
            f"    <updated>{instant(n.mise_a_jour)}</updated>",
            f'    <category term="{n.categorie}" label={quoteattr(etiquettes[n.categorie])}/>',
            f"    <summary>{escape(n.resume_en(langue))}</summary>",
            "  </entry>",
        ]
    lignes.append("</feed>")
    return "\n".join(lignes) + "\n"
