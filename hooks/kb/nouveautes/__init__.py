"""Les nouveautés de la base, écrites une fois dans data/nouveautes.yml : page « Quoi de neuf ? »,
dernière nouveauté de l'accueil, « Mis à jour le … » des pages, flux Atom par langue."""
