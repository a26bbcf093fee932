"""kb.html.transformer_texte : seuls les nœuds de texte hors zones exclues sont retouchés."""

from __future__ import annotations

from kb.html import transformer_texte


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
