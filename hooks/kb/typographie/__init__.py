"""La typographie française : espaces insécables du texte et du HTML, titres corrigés à la source."""
