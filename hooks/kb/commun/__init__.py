"""Le socle commun à toutes les préoccupations : état du build, messages KB, lecture du YAML avec
ses lignes, schémas, données du projet, retouche du HTML, dates et normalisation du texte."""
