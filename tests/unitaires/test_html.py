"""kb.commun.html.transformer_texte : seuls les nœuds de texte hors zones exclues sont retouchés."""

from __future__ import annotations

from kb.commun.html import transformer_texte


def majuscules(html, exclus=frozenset({"code", "a"})):
    return transformer_texte(html, str.upper, exclus)


def test_texte_seulement_jamais_les_balises_ni_les_attributs():
    assert majuscules('<p title="titre">texte <em class="x">ici</em></p>') == \
        '<p title="titre">TEXTE <em class="x">ICI</em></p>'


def test_zones_exclues_et_imbrication():
    assert majuscules("<p>a <code>b <span>c</span></code> d <a href='#'>e</a> f</p>") == \
        "<p>A <code>b <span>c</span></code> D <a href='#'>e</a> F</p>"


def test_elements_vides_et_autofermants_ne_faussent_pas_la_profondeur():
    exclus = frozenset({"code", "br", "img"})
    assert transformer_texte("<p>a<br>b<img src='x'>c<code/>d</p>", str.upper, exclus) == \
        "<p>A<br>B<img src='x'>C<code/>D</p>"


def test_commentaires_intacts():
    assert majuscules("<!-- note : a -->b") == "<!-- note : a -->B"


def test_balise_fermante_orpheline():
    assert majuscules("</code>a<p>b</p>") == "</code>A<p>B</p>"


def test_espaces_seuls_non_transmis():
    vus = []
    transformer_texte("<p>\n  </p><p>a</p>", lambda t: vus.append(t) or t, frozenset())
    assert vus == ["a"]


def test_nom_de_balise_exact():
    """« <codex> » ou « <a-propos> » ne sont pas « <code> » ni « <a> »."""
    assert majuscules("<codex>a</codex><a-propos>b</a-propos><code>c</code>") == \
        "<codex>A</codex><a-propos>B</a-propos><code>c</code>"


def test_imbrication_du_meme_element_exclu():
    exclus = frozenset({"span"})
    assert transformer_texte("<span>a<span>b</span>c</span>d", str.upper, exclus) == \
        "<span>a<span>b</span>c</span>D"


def test_langue_la_plus_proche_l_emporte():
    html = ('<html lang="en"><p>why</p><div lang="fr-FR">à <em>côté</em>'
            '<blockquote lang="en">quote <span lang="fr">cité</span></blockquote> après</div>'
            '<a hreflang="fr">lien</a></html>')
    assert transformer_texte(html, str.upper, frozenset(), seulement_langue="fr") == \
        ('<html lang="en"><p>why</p><div lang="fr-FR">À <em>CÔTÉ</em>'
         '<blockquote lang="en">quote <span lang="fr">CITÉ</span></blockquote> APRÈS</div>'
         '<a hreflang="fr">lien</a></html>')


def test_langue_et_zones_exclues_ensemble():
    html = '<div lang="fr">« a » <code>« b »</code> « c »</div><p>« d »</p>'
    assert transformer_texte(html, str.upper, frozenset({"code"}), seulement_langue="fr") == \
        '<div lang="fr">« A » <code>« b »</code> « C »</div><p>« d »</p>'


def test_declencheur_seuls_les_passages_concernes():
    vus = []
    transformer_texte("<p>aucun</p><p>l'article 12</p><p>élision : oui</p>",
                      lambda t: vus.append(t) or t, frozenset(), signes=r":\d")
    assert vus == ["l'article 12", "élision : oui"]


def test_langue_dans_une_zone_exclue_ignoree():
    html = '<html lang="en"><nav><span lang="fr">a</span></nav><p lang="fr">b</p><p>c</p></html>'
    assert transformer_texte(html, str.upper, frozenset({"nav"}), seulement_langue="fr") == \
        '<html lang="en"><nav><span lang="fr">a</span></nav><p lang="fr">B</p><p>c</p></html>'


def test_balises_lang_les_memes_que_l_expression_sur_toute_la_page():
    # kb.commun.html part de chaque « lang= » au lieu d'essayer l'expression à chaque balise : il doit
    # trouver exactement les mêmes balises, même avec un « lang= » hors balise ou dans hreflang.
    from kb.commun import html as module

    exemples = [
        '<p lang="fr"> lang= x <span lang=en>a</span></p>',
        'x lang= <a> <b c lang="x">y</b>',
        '<div <span lang=fr>z</span>',
        ' lang=fr <p>x</p> <q lang=de>w</q>',
        'lang=x<a\nlang=y>v</a>',
        '<a hreflang=x lang=y>u</a><link hreflang="en">',
        '<html lang="fr"><body><p lang="en" class="a">t</p></body></html>',
    ]
    for html in exemples:
        attendu = [(m.span(), m.groups()) for m in module._BALISE_LANG.finditer(html)]
        assert [(m.span(), m.groups()) for m in module._balises_lang(html)] == attendu, html


# ---------------------------------------------------------------- element_portant


def test_element_portant_compte_l_imbrication_du_meme_element():
    from kb.commun.html import element_portant
    html = ('<nav><div>menu</div></nav><div class="kb-contenu" lang="fr" data-pagefind-body>'
            '<div>« Article »\u00a0: <div>imbriqué</div></div></div><footer>pied</footer>')
    debut, fin = element_portant(html, "data-pagefind-body")
    assert html[debut:fin].startswith('<div class="kb-contenu"')
    assert html[debut:fin].endswith("imbriqué</div></div></div>")
    assert "pied" not in html[debut:fin]


def test_element_portant_nom_d_attribut_exact():
    from kb.commun.html import element_portant
    assert element_portant('<div data-pagefind-body-x>a</div>', "data-pagefind-body") is None
    assert element_portant('<div title="data-pagefind-body">a</div>', "data-pagefind-body") is None
    html = "<p>x</p><main data-pagefind-body=\"\">é</main>"
    assert element_portant(html, "data-pagefind-body") == (8, len(html))


def test_element_portant_ni_dans_le_texte_ni_dans_une_valeur():
    from kb.commun.html import element_portant
    assert element_portant("<p>un data-pagefind-body dans le texte</p>", "data-pagefind-body") is None
    assert element_portant('<div title="voir data-pagefind-body">a</div>', "data-pagefind-body") is None
    assert element_portant("<div title='l’« attribut » data-pagefind-body'>a</div>", "data-pagefind-body") is None
    html = '<p>data-pagefind-body</p><section class="x"\n  data-pagefind-body>« é »</section>'
    assert element_portant(html, "data-pagefind-body") == (html.index("<section"), len(html))
