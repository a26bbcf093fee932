"""typographie : espaces insécables de la typographie française, jamais dans le code ni les adresses."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.structure.nav import Section
from mkdocs.structure.toc import AnchorLink

from kb.typographie.espaces import corriger_html, corriger_texte
from typographie import on_nav, on_page_content, on_post_page

NBSP = "\u00a0"   # espace insécable
FINE = "\u202f"   # espace fine insécable


@pytest.mark.parametrize("avant, apres", [
    # Ponctuation haute
    ("Attention : le contrat", f"Attention{NBSP}: le contrat"),
    ("Une CAE, c'est quoi ?", f"Une CAE, c'est quoi{FINE}?"),
    ("Attention !", f"Attention{FINE}!"),
    ("une clause ; une autre", f"une clause{FINE}; une autre"),
    ("Vraiment  ?", f"Vraiment{FINE}?"),
    (f"déjà insécable{NBSP}?", f"déjà insécable{FINE}?"),
    ("Note :", f"Note{NBSP}:"),
    # Guillemets
    ("« entrepreneur salarié »", f"«{NBSP}entrepreneur salarié{NBSP}»"),
    ("«entrepreneur salarié»", f"«{NBSP}entrepreneur salarié{NBSP}»"),
    ("« L'économie sociale et solidaire » : une loi", f"«{NBSP}L'économie sociale et solidaire{NBSP}»{NBSP}: une loi"),
    # Références
    ("art. L. 7331-2", f"art.{NBSP}L.{NBSP}7331-2"),
    ("art. 26-41", f"art.{NBSP}26-41"),
    ("L. 7331-2 et R. 7331-11", f"L.{NBSP}7331-2 et R.{NBSP}7331-11"),
    ("D. 7331-1", f"D.{NBSP}7331-1"),
    ("la loi n° 2014-856", f"la loi n°{NBSP}2014-856"),
    ("N° 47-1775", f"N°{NBSP}47-1775"),
    # Nombres et unités
    ("12 000 entrepreneurs", f"12{FINE}000{NBSP}entrepreneurs"),
    ("1 234 567", f"1{FINE}234{FINE}567"),
    ("8 mois", f"8{NBSP}mois"),
    ("3 ans", f"3{NBSP}ans"),
    ("20 %", f"20{NBSP}%"),
    ("30 000 €", f"30{FINE}000{NBSP}€"),
    ("150 CAE", f"150{NBSP}CAE"),
])
def test_corriger_texte(avant, apres):
    assert corriger_texte(avant) == apres


@pytest.mark.parametrize("texte", [
    "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000029317531",
    "https://exemple.fr/recherche?q=cae&page=2",
    "rendez-vous à 10:30",
    "entre 2014 et 2020",
    "le 1er décembre 2020",
    "l'article 3 bis de la loi",
    "LEGIARTI000029317531",
    "décret n°2015-1363",  # rien à insérer : pas d'espace à rendre insécable
    "ratio 1:2",
    ":material-check:",
])
def test_texte_laisse_tel_quel(texte):
    assert corriger_texte(texte) == texte


def test_idempotent():
    texte = "« Période d'essai » : 8 mois ; art. L. 7332-1 ! 12 000 € ?"
    une_fois = corriger_texte(texte)
    assert corriger_texte(une_fois) == une_fois


def test_un_retour_a_la_ligne_avant_la_ponctuation_devient_insecable():
    # Un paragraphe Markdown coupé à la ligne : le saut de ligne est une espace pour le lecteur,
    # et « » » ou « ? » ne doit jamais commencer une ligne à l'écran.
    assert corriger_texte("selon la loi « économie sociale\n» de 2014") == \
        f"selon la loi «{NBSP}économie sociale{NBSP}» de 2014"
    assert corriger_texte("Quoi de neuf\n?") == f"Quoi de neuf{FINE}?"
    assert corriger_texte("le contrat\n: ses clauses") == f"le contrat{NBSP}: ses clauses"


# ---------------------------------------------------------------- HTML


def test_html_texte_corrige_balises_intactes():
    html = '<p>Attention : voir <a href="cesa/contrat/" title="Contrat : clauses">le contrat</a> !</p>'
    assert corriger_html(html) == \
        f'<p>Attention{NBSP}: voir <a href="cesa/contrat/" title="Contrat : clauses">le contrat</a>{FINE}!</p>'


@pytest.mark.parametrize("html", [
    "<code>a : b ; c ! d ?</code>",
    "<pre><code>mkdocs build ; echo « fini » : 12 000</code></pre>",
    '<pre><span class="n">x</span> : <span>y</span> ?</pre>',
    "<kbd>Ctrl ; C</kbd>",
    "<script>var a = b ? c : d;</script>",
    "<style>a { color : red ; }</style>",
    "<!-- note : à revoir ! -->",
    '<abbr title="coopérative d\'activité et d\'emploi : CAE">CAE</abbr>',
    '<a href="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296">https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296</a>',
    '<img alt="Schéma : la CAE" src="schema.svg">',
])
def test_html_intouchable(html):
    assert corriger_html(html) == html


def test_html_reprise_apres_le_code():
    html = "<p>Tapez <code>mkdocs build ; echo</code> puis : « ok » ?</p>"
    assert corriger_html(html) == \
        f"<p>Tapez <code>mkdocs build ; echo</code> puis{NBSP}: «{NBSP}ok{NBSP}»{FINE}?</p>"


def test_html_code_imbrique_et_majuscules():
    html = "<PRE><code>a : b</code></PRE><p>c : d</p>"
    assert corriger_html(html) == f"<PRE><code>a : b</code></PRE><p>c{NBSP}: d</p>"


def test_html_heure_et_adresse_dans_le_texte():
    html = "<p>Permanence à 10:30, voir « https://www.les-cae.coop/notre-histoire ».</p>"
    assert corriger_html(html) == \
        f"<p>Permanence à 10:30, voir «{NBSP}https://www.les-cae.coop/notre-histoire{NBSP}».</p>"


def _page(locale):
    return SimpleNamespace(file=SimpleNamespace(locale=locale))


def test_build_francais_toute_la_page_autre_langue_seulement_le_francais():
    """Build français : toute la page ; build anglais : seulement les passages lang="fr"."""
    html = ('<html lang="en"><p>Why ? Because : « quoted »</p>'
            '<div class="kb-contenu" lang="fr"><p>Quoi de neuf ? 12 000 fois ; art. 5</p></div></html>')
    francais = on_post_page(html, _page("fr"), SimpleNamespace(theme={"language": "fr"}))
    assert francais == corriger_html(html)
    assert "Why\u202f?" in francais
    anglais = on_post_page(html, _page("fr"), SimpleNamespace(theme={"language": "en"}))
    assert "Why ? Because : « quoted »" in anglais  # texte anglais intact
    assert "Quoi de neuf\u202f? 12\u202f000 fois\u202f; art.\u00a05" in anglais


# ---------------------------------------------------------------- Menus : titres corrigés à la source


def test_les_menus_sont_sautes_par_la_passe_sur_la_page():
    html = '<nav class="md-nav"><nav><a>Quoi de neuf ?</a></nav> Menu :</nav><p>Quoi ?</p>'
    assert corriger_html(html) == f'<nav class="md-nav"><nav><a>Quoi de neuf ?</a></nav> Menu :</nav><p>Quoi{FINE}?</p>'
    assert corriger_html(html, menus=True) == \
        f'<nav class="md-nav"><nav><a>Quoi de neuf{FINE}?</a></nav> Menu{NBSP}:</nav><p>Quoi{FINE}?</p>'


def _page_source(locale, titre="Une CAE, c'est quoi ?"):
    toc = SimpleNamespace(items=[AnchorLink("Le CESA : définition", "cesa", 2)])
    toc.items[0].children = [AnchorLink("« Entrepreneur salarié »", "es", 3)]
    page = SimpleNamespace(file=SimpleNamespace(locale=locale), title=titre, meta={"title": titre}, toc=toc)
    return page


def test_titre_et_table_des_matieres_d_une_page_francaise():
    page = _page_source("fr")
    on_page_content("<p></p>", page, SimpleNamespace(theme={"language": "fr"}), None)
    assert page.title == page.meta["title"] == f"Une CAE, c'est quoi{FINE}?"
    assert page.toc.items[0].title == f"Le CESA{NBSP}: définition"
    assert page.toc.items[0].children[0].title == f"«{NBSP}Entrepreneur salarié{NBSP}»"


def test_page_francaise_recopiee_sous_en_corrigee_page_anglaise_intacte():
    anglais = SimpleNamespace(theme={"language": "en"})
    repli = _page_source("fr")
    on_page_content("", repli, anglais, None)
    assert repli.title.endswith(f"quoi{FINE}?")
    traduite = _page_source("en", "What is a CAE?  Really ?")
    on_page_content("", traduite, anglais, None)
    assert traduite.title == "What is a CAE?  Really ?"
    assert traduite.toc.items[0].title == "Le CESA : définition"


def test_titres_des_sections_du_menu_en_francais_seulement():
    def nav():
        section = Section("Textes : articles", [Section("Loi n° 2014-856", [])])
        return SimpleNamespace(items=[section])
    francais = nav()
    on_nav(francais, SimpleNamespace(theme={"language": "fr"}), None)
    assert francais.items[0].title == f"Textes{NBSP}: articles"
    assert francais.items[0].children[0].title == f"Loi n°{NBSP}2014-856"
    anglais = nav()
    on_nav(anglais, SimpleNamespace(theme={"language": "en"}), None)
    assert anglais.items[0].title == "Textes : articles"
