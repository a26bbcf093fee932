"""securite : HTML dangereux écrit dans une page (KB400), le code montré en exemple restant permis."""

from __future__ import annotations

import pytest

from kb.pages.securite import verifier

FICHIER = "docs/cesa/contrat.md"


def codes_lignes(texte):
    return [(p.code, p.ligne) for p in verifier(texte, FICHIER)]


def test_balise_script_avec_sa_ligne():
    problemes = verifier("---\ntitle: x\n---\n\nTexte.\n\n<script>alert(1)</script>\n", FICHIER)
    assert [str(p).split(" : ")[0] for p in problemes] == ["KB400 docs/cesa/contrat.md:7"]
    assert "balise <script>" in problemes[0].message


@pytest.mark.parametrize("texte", [
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    '<object data="x.pdf"></object>',
    '<EMBED src="x.swf">',
    '<img src="x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">clic</a>',
    "[clic](javascript:alert(1))",
    "[clic]: javascript:alert(1)",
    "Un paragraphe.\n{: onclick=\"alert(1)\" }",
])
def test_html_dangereux(texte):
    assert [code for code, _ in codes_lignes(texte)] == ["KB400"]


@pytest.mark.parametrize("texte", [
    "Exemple : `<script>alert(1)</script>`.",
    "```html\n<script>alert(1)</script>\n```",
    "!!! note \"Exemple\"\n    ```html\n    <iframe src=\"x\"></iframe>\n    ```",
    "~~~\n<a onclick=\"x\">\n~~~",
    '<span class="one">Le onzième entrepreneur, only one</span>',
    "La réunion a lieu online : voir [le site](https://www.les-cae.coop/).",
    "<abbr title=\"coopérative d'activité et d'emploi\">CAE</abbr>",
])
def test_permis(texte):
    assert codes_lignes(texte) == []


def test_une_faute_par_occurrence_dans_l_ordre():
    texte = "<script></script>\n\n<img src=x onload=y>\n\n[a](javascript:b)\n"
    assert codes_lignes(texte) == [("KB400", 1), ("KB400", 3), ("KB400", 5)]
