"""Les ancres du glossaire construit : celles des titres (slugify de mkdocs.yml), les anciennes
gardées pour les liens déjà publiés, et chaque lien de terme vers une ancre qui existe."""

from __future__ import annotations

import re


def _ids(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def test_ancre_d_un_terme_celle_d_un_titre_et_ancienne_gardee(site_construit):
    glossaire = (site_construit / "glossaire" / "index.html").read_text(encoding="utf-8")
    # « Période d'essai » -> #periode-dessai, comme tout titre (CONTRIBUTING, « Le corps de la page »).
    assert re.search(r'<h3 id="periode-dessai">Période d.essai<span id="periode-d-essai"></span>', glossaire), \
        re.findall(r"<h3[^>]*>P[^<]*", glossaire)
    ids = _ids(glossaire)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_chaque_lien_de_terme_vise_une_ancre_du_glossaire(site_construit):
    ids = set(_ids((site_construit / "glossaire" / "index.html").read_text(encoding="utf-8")))
    titres = set(re.findall(r'<h3 id="([^"]+)"', (site_construit / "glossaire" / "index.html").read_text(encoding="utf-8")))
    vus = set()
    for page in site_construit.rglob("index.html"):
        for ancre in re.findall(r'<a class="kb-terme" href="[^"#]*glossaire/#([^"]+)"', page.read_text(encoding="utf-8")):
            assert ancre in ids, f"{page.relative_to(site_construit)} : #{ancre} absente du glossaire"
            assert ancre in titres, f"{page.relative_to(site_construit)} : #{ancre} n'est pas l'ancre d'un titre"
            vus.add(ancre)
    assert "periode-dessai" in vus and "part-variable" in vus, sorted(vus)[:20]
