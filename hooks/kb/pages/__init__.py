"""Les pages de contenu : en-tête et métadonnées, HTML refusé, ancres des paragraphes."""
