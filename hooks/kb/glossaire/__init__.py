"""Le glossaire (data/glossaire.yml) : chargé et contrôlé (KB500), rendu en page, sigles au
survol et première apparition de chaque terme liée à sa définition."""
