"""Banc de performance de la base (make bench -> scripts/bench.py -> rapports/performance.md).

Modules :
- requetes : la table des requêtes de recherche (partagée avec les tests de recherche) ;
- machine : ce sur quoi le banc a tourné (processeur, mémoire, versions) ;
- synthetique : génération déterministe de pages d'articles synthétiques dans une copie du projet ;
- mesure_build : un `mkdocs build` instrumenté (temps propre de chaque plugin et de chaque hook) ;
- construction : copies du projet, variantes de mkdocs.yml, builds chronométrés ;
- serveur : le site servi en http sous son préfixe, comme sur GitHub Pages ;
- navigateur : poids téléchargé (Playwright) et latence de la recherche ;
- phare : Lighthouse (npm, bench/package-lock.json) ;
- rapport : le rapport Markdown.
"""
