"""Hook : ouvre l'état de chaque build complet (kb/commun/etat.py), avant tout autre hook.

Premier hook de mkdocs.yml. À son `on_pre_build` dans la langue par défaut, un état neuf est
rangé sur la configuration ; les builds des autres langues, que mkdocs-static-i18n lance ensuite
avec la même configuration, le reprennent : ce que les hooks ont lu et vérifié dans le build
français sert tel quel, et chaque problème n'est signalé qu'une fois. À son `on_env`, les
gabarits compilés pour une langue servent aux suivantes (kb/commun/gabarits.py).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from kb.commun.etat import ouvrir_un_build
from kb.commun.gabarits import compiler_une_fois
from kb.commun.projet import langue_par_defaut


def on_pre_build(config: MkDocsConfig) -> None:
    if config.theme["language"] == langue_par_defaut(config):
        ouvrir_un_build(config)


def on_env(env, config: MkDocsConfig, files):
    compiler_une_fois(env, config)
    return env
