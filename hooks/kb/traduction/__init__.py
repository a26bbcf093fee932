"""Les langues du site : fichiers de traduction contrôlés (KB300, KB301), sélecteur de langue,
page 404 de chaque langue."""
