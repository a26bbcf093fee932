"""hooks/securite.py et kb/pages/securite.py (KB400) : HTML dangereux dans le Markdown, hors code.

Tests unitaires de `securite.verifier` (cas limites : blocs de code, code en ligne, majuscules,
espaces autour de « = », mots ordinaires qui commencent par « on »), puis un build réel d'un
petit site contenant un <script> : le build strict doit échouer en nommant le fichier et la ligne.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from kb.pages import securite
from kb.commun.diagnostics import CODES, Probleme
from qualite.outils import RACINE

pytestmark = pytest.mark.qualite

FICHIER = "docs/exemple.md"


def verifier(texte: str) -> list[Probleme]:
    return securite.verifier(textwrap.dedent(texte).lstrip("\n"), FICHIER)


def lignes(problemes: list[Probleme]) -> list[int | None]:
    return [p.ligne for p in problemes]


# ---------------------------------------------------------------- Ce qui doit être refusé


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<Script src=\"https://exemple.org/x.js\"></Script>",
    "<script\nsrc=x></script>",
    "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>",
    "<IFRAME SRC=x>",
    "<object data=\"x.swf\"></object>",
    "<embed src=\"x.swf\">",
    "<embed/src=x>",
])
def test_balises_interdites(html):
    problemes = verifier(f"Texte.\n\n{html}\n")
    assert len(problemes) == 1, problemes
    p = problemes[0]
    assert (p.code, p.fichier, p.ligne) == ("KB400", FICHIER, 3)
    assert html.split()[0].strip("<>/").split("/")[0].split(">")[0].lower() in p.message
    assert "supprimez" in p.correction


@pytest.mark.parametrize("html", [
    '<a href="#" onclick="alert(1)">lien</a>',
    '<a href="#" onclick = "alert(1)">lien</a>',
    '<a href="#" onclick\t=\t\'alert(1)\'>lien</a>',
    '<img src="x.png" alt="" ONERROR=alert(1)>',
    '<div onMouseOver="x()">texte</div>',
    '<svg onload="alert(1)"></svg>',
    '<span title="x"onclick="y">texte</span>',
    '<details open ontoggle=alert(1)>',
    '<body onload>',
])
def test_attributs_de_gestion_d_evenement(html):
    problemes = verifier(f"# Titre\n\n{html}\n")
    assert len(problemes) == 1, problemes
    assert problemes[0].ligne == 3
    assert "gestion d'événement" in problemes[0].message


def test_script_en_commentaire_html_refuse():
    assert lignes(verifier("Texte.\n<!-- <script>alert(1)</script> -->\n")) == [2]


def test_balise_sur_plusieurs_lignes_donne_la_ligne_de_l_attribut():
    problemes = verifier("""
        Un paragraphe.

        <div class="note"
             title="Remarque"
             onclick="alert(1)">
        Texte
        </div>
        """)
    assert lignes(problemes) == [5]
    assert "onclick" in problemes[0].message


def test_liste_d_attributs_markdown():
    problemes = verifier('[Lien](https://www.legifrance.gouv.fr){: onclick="alert(1)" }\n')
    assert len(problemes) == 1 and "onclick" in problemes[0].message
    problemes = verifier('Paragraphe.\n{ .classe onmouseover = "x()" }\n')
    assert lignes(problemes) == [2]


@pytest.mark.parametrize("texte", [
    "[Cliquez](javascript:alert(1))",
    "[Cliquez]( JavaScript:alert(1) )",
    "[ici][x]\n\n[x]: javascript:alert(1)",
    '<a href="javascript:alert(1)">ici</a>',
    "<a href=' javascript:void(0)'>ici</a>",
])
def test_liens_javascript(texte):
    problemes = verifier(texte + "\n")
    assert len(problemes) == 1, problemes
    assert "javascript:" in problemes[0].message


def test_plusieurs_problemes_dans_l_ordre_du_fichier():
    problemes = verifier("""
        <iframe src="x"></iframe>
        Texte.
        <a onclick="x">a</a> et <script>y</script>
        """)
    assert lignes(problemes) == [1, 3, 3]
    assert "onclick" in problemes[1].message and "script" in problemes[2].message


def test_numero_de_ligne_du_fichier_avec_l_en_tete():
    texte = textwrap.dedent("""\
        ---
        title: Exemple
        description: Une page d'exemple pour vérifier les numéros de ligne des messages.
        audience: [tous]
        verifie_le: 2026-11-26
        ---
        # Exemple

        <script>alert(1)</script>
        """)
    (probleme,) = securite.verifier(texte, FICHIER)
    assert probleme.ligne == 9
    assert str(probleme).startswith("KB400 docs/exemple.md:9 : ")
    assert "Correction :" in str(probleme)


# ---------------------------------------------------------------- Ce qui doit passer


@pytest.mark.parametrize("texte", [
    # Blocs de code : ```, ~~~, avec langage, indentés dans un encadré ou une liste.
    "```html\n<script>alert(1)</script>\n<a onclick=\"x\">a</a>\n```\n",
    "```\n<iframe src=x></iframe>\n```\n",
    "~~~html\n<object data=x></object>\n~~~\n",
    "!!! note \"Exemple\"\n    ```html\n    <embed src=x>\n    ```\n",
    "1. Étape :\n\n    ```html\n    <script>x</script>\n    ```\n",
    "````markdown\n```html\n<script>x</script>\n```\n<iframe>\n````\n",
    "> ```html\n> <script>x</script>\n> ```\n",
    # Code en ligne, simple ou double accent grave.
    "N'écrivez jamais `<script>` dans une page.\n",
    "L'attribut `onclick=\"x\"` et la balise `<IFRAME>` sont refusés.\n",
    "Exemple : `` <a onclick=\"x\">`a`</a> `` ici.\n",
    # Mots ordinaires : onzième, one=, only, once, « on = ».
    "C'est la onzième réunion ; la variable one=1 vaut « one ».\n",
    "Le onzième alinéa. On = pronom. one = 2, onze=11.\n",
    "<span title=\"one=2\">texte</span> <abbr title=\"onclick=x est refusé\">CAE</abbr>\n",
    "<span one=\"1\" only=\"x\">texte</span>\n",
    # Balises proches : objectif, embedded, scripted ; comparaison « < script ».
    "Nos <objectifs> et un texte <embedded>, puis a < script et <scripts>.\n",
    "Voir [le site](https://www.legifrance.gouv.fr/onclick=1) et <https://exemple.org/?onload=1>.\n",
    # Le mot javascript dans le texte, hors lien.
    "Le site n'utilise pas javascript: aucune page n'en contient.\n",
    # Attributs Markdown ordinaires.
    "## Titre {: #ancre .classe data-on=\"x\" }\n",
])
def test_pas_de_faux_positif(texte):
    assert verifier(texte) == []


def test_le_code_est_masque_sans_decaler_les_lignes():
    texte = "a\n```\n<script>\n```\n`<x>` b\n<script>\n"
    masque = securite.masquer_le_code(texte)
    assert masque.count("\n") == texte.count("\n") and len(masque) == len(texte)
    assert "<script>" not in masque.split("\n")[2]
    assert [p.ligne for p in securite.verifier(texte, FICHIER)] == [6]


def test_bloc_non_ferme_masque_jusqu_a_la_fin():
    assert verifier("Texte.\n\n```html\n<script>x</script>\n") == []


def test_un_bloc_ferme_par_moins_d_accents_ne_se_ferme_pas():
    # ```` ouvert, ``` ne le ferme pas : <script> reste dans le bloc.
    assert verifier("````\n```\n<script>x</script>\n````\n<script>\n") != []
    assert lignes(verifier("````\n```\n<script>x</script>\n````\n<script>\n")) == [5]


# ---------------------------------------------------------------- Le hook dans le build


def test_le_code_kb400_est_documente():
    assert "KB400" in CODES


def test_le_hook_est_declare_dans_mkdocs_yml():
    config = yaml.load((RACINE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Chargeur)
    assert "hooks/securite.py" in (config.get("hooks") or []), (
        "hooks/securite.py n'est pas déclaré dans mkdocs.yml : le contrôle KB400 ne tourne pas. "
        "Correction : ajoutez « - hooks/securite.py » sous « hooks: » dans mkdocs.yml.")


class _Chargeur(yaml.SafeLoader):
    pass


_Chargeur.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
_Chargeur.add_multi_constructor("!", lambda *_: None)  # !ENV [KB_LANGUE, null]


def test_le_build_strict_echoue_sur_un_script(construire, tmp_path: Path):
    site = tmp_path / "html-dangereux"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("INHERIT: ../base.yml\nsite_name: Site avec HTML dangereux\n",
                                     encoding="utf-8")
    (site / "docs" / "index.md").write_text(textwrap.dedent("""\
        ---
        title: Page avec un script
        description: Une page de test qui contient une balise script pour vérifier le contrôle KB400.
        audience: [tous]
        sources:
          - ref: code-du-travail:L7331-2
        verifie_le: 2026-11-01
        ---

        # Page avec un script

        ```html
        <script>exemple_permis()</script>
        ```

        Texte avec `<iframe>` en exemple.

        <script>alert("non")</script>
        """), encoding="utf-8")
    code, journal = construire(site)
    assert code != 0, f"le build strict aurait dû échouer sur le <script> :\n{journal}"
    assert "KB400 docs/index.md:18 : la page contient une balise <script>" in journal, journal
    assert journal.count("KB400") == 1, f"un seul KB400 attendu (le code d'exemple est permis) :\n{journal}"
