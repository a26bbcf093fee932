"""Les références juridiques : registre des textes, grammaire des citations, rédactions
officielles, et ce que le site en fait (liens, pages d'articles, menu des textes, export)."""
