"""Le code du build, rangé par préoccupation (un sous-paquet chacune, voir hooks/README.md,
« Disposition ») ; les hooks de hooks/ n'en sont que les tables d'événements.

MkDocs ajoute le dossier `hooks/` au chemin d'import pendant le chargement de chaque hook :
les hooks écrivent donc `from kb.commun.diagnostics import …`.
"""
