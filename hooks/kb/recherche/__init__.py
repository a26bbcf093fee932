"""La recherche du site, confiée à Pagefind et réglée pour les requêtes juridiques en français :
règles de data/recherche.yml (KB800), jetons des numéros, métadonnées des pages, index par langue."""
