#!/usr/bin/python3
"""Vérifie la grammaire de paragraphes français avec Grammalecte (paquet Debian python3-grammalecte).

Lancé par tests/qualite/test_orthographe.py avec le Python de Debian (/usr/bin/python3), qui voit
/usr/lib/python3/dist-packages/grammalecte (le .venv ne le voit pas).
Entrée (stdin) : JSON [[identifiant, paragraphe], …]. Sortie (stdout) : JSON
[{"id", "debut", "fin", "extrait", "message", "regle", "suggestions"}, …].
Options : celles de typographie sont coupées (le hook hooks/typographie.py pose les espaces
insécables, et la typographie n'est pas une faute de langue) ; l'orthographe est vérifiée à part.
"""

import json
import sys

import grammalecte

# Groupe « Typographie » de Grammalecte, sauf « maj » (majuscules) et « tu » (traits d'union),
# qui relèvent de l'orthographe.
OPTIONS_COUPEES = ("typo", "apos", "eepi", "esp", "tab", "nbsp", "unit", "num", "nf", "liga",
                   "mapos", "chim", "ocr", "poncfin", "virg")


def main() -> int:
    paragraphes = json.load(sys.stdin)
    correcteur = grammalecte.GrammarChecker("fr")
    moteur = correcteur.getGCEngine()
    moteur.setOptions({**{nom: False for nom in OPTIONS_COUPEES}, "idrule": True})
    erreurs = []
    for identifiant, texte in paragraphes:
        grammaire, _orthographe = correcteur.getParagraphErrors(texte, bSpellSugg=False)
        for e in grammaire:
            erreurs.append({
                "id": identifiant,
                "debut": e["nStart"],
                "fin": e["nEnd"],
                "extrait": texte[e["nStart"]:e["nEnd"]],
                "contexte": texte[max(0, e["nStart"] - 40):e["nEnd"] + 40],
                "message": e["sMessage"],
                "regle": e.get("sRuleId", ""),
                "suggestions": list(e.get("aSuggestions") or [])[:5],
            })
    json.dump(erreurs, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
