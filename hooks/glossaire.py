"""Hook : le glossaire (data/glossaire.yml), rendu deux fois.

Table des événements ; le travail est fait dans `kb/glossaire/`, un module par tâche :
- chargement et contrôle, une fois par build (`kb/glossaire/chargement.py`, KB500) ;
- sur la page docs/glossaire.md, à la place de `<!-- glossaire -->` : les termes rangés par lettre
  (`kb/glossaire/page_du_glossaire.py`), leurs articles liés ensuite par hooks/references.py ;
- sur chaque page française : les sigles (CAE, CESA…) affichent leur sens au survol, développé à
  leur première occurrence seulement (`kb/glossaire/sigles.py`), et la première apparition de
  chaque terme devient un lien vers sa définition (`kb/glossaire/liaison.py`). Un terme qui a
  d'autres sens dans la langue courante (« exercice ») s'écrit sous une forme sans ambiguïté
  (« exercice comptable ») et liste dans `formes` les seules expressions qui le désignent à coup
  sûr (« fin d'exercice », « clôture de l'exercice ») : « l'exercice d'une activité » n'est jamais lié.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.glossaire.chargement import charger_pour_le_build
from kb.glossaire.liaison import lier_la_page
from kb.glossaire.page_du_glossaire import inserer_le_glossaire
from kb.glossaire.sigles import preparer_les_sigles, sigles_developpes_une_fois


def on_pre_build(config: MkDocsConfig) -> None:
    charger_pour_le_build(config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    markdown = inserer_le_glossaire(markdown, config)
    preparer_les_sigles(page, config)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return lier_la_page(sigles_developpes_une_fois(html), page, config, files)
