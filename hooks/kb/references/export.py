"""L'export du registre : le registre complet et ses rétroliens, écrits dans site/references.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.projet import langue_par_defaut, registre
from kb.references.pages_d_articles import articles_du_texte, chemin_attendu
from kb.references.registre import Registre
from kb.references.retroliens import etat_des_references


def ecrire_references_json(config: MkDocsConfig) -> None:
    """Écrit site/references.json (une fois, pendant le build de la langue par défaut)."""
    if config.theme["language"] != langue_par_defaut(config):
        return
    reg = registre(config)
    export = exporter(reg, {ref: [p.url for p in pages.values()]
                            for ref, pages in etat_des_references(config).cite_dans.items()},
                      config.site_url or "")
    sortie = Path(config.site_dir) / "references.json"
    sortie.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")


def exporter(reg: Registre, cite_dans: dict[str, list[str]], site_url: str) -> dict[str, Any]:
    """Le registre complet et ses rétroliens, en JSON réutilisable."""
    textes = []
    for texte in reg.textes.values():
        articles = [{
            "id": a.id, "numero": a.numero, "titre": a.titre, "intitule": a.intitule,
            "legiarti": a.legiarti, "url_officielle": a.url, "url_code_du_travail_numerique": a.url_code_du_travail_numerique,
            "cree_par": a.cree_par, "modifie_par": a.modifie_par, "en_vigueur_depuis": a.en_vigueur_depuis,
            "historique": None if a.historique is None else {
                "creation": vars(a.historique.creation),
                "modifications": [vars(m) for m in a.historique.modifications],
                "lu_le": a.historique.lu_le, "source": a.historique.source},
            "voir_aussi": list(a.voir_aussi), "page": site_url + chemin_attendu(a)[:-3] + "/",
            "cite_dans": [site_url + u for u in cite_dans.get(a.id, [])],
        } for a in articles_du_texte(reg, texte)]
        textes.append({
            "id": texte.id, "titre": texte.titre, "titre_court": texte.titre_court, "nature": texte.nature,
            "date": texte.date, "journal_officiel": texte.jo, "identifiants": texte.identifiants,
            "url_officielle": texte.url, "cite_dans": [site_url + u for u in cite_dans.get(texte.id, [])],
            "articles": articles,
        })
    return {"description": "Registre des textes juridiques cités par la base, avec leurs rétroliens.",
            "textes": textes}
