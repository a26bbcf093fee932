"""L'interface autour du contenu : textes de data/interface.yml (KB302), variable `kb` des gabarits,
signalement d'une erreur."""
