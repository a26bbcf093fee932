"""Code partagé par les hooks de build (aucun n'est un hook lui-même).

MkDocs ajoute le dossier `hooks/` au chemin d'import pendant le chargement de chaque hook :
les hooks écrivent donc `from kb.commun.diagnostics import …`.
"""
