"""Validation JSON Schema avec des messages en français, rattachés à leur ligne ; lecture d'un
dossier de fichiers YAML de données validés par un schéma."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from kb.commun.diagnostics import Probleme, chemin_lisible
from kb.commun.entete import Entete, EnteteIllisible, lire_yaml

#: Correction proposée pour un fichier YAML illisible.
CORRECTION_YAML = "corrigez la syntaxe YAML (indentation, guillemets, deux-points)."


def validateur(chemin_schema: str) -> Draft202012Validator:
    """Le validateur d'un schéma, avec la vérification des formats (dates) ; relu quand le fichier
    change (`mkdocs serve`)."""
    return _validateur(chemin_schema, Path(chemin_schema).stat().st_mtime_ns)


@lru_cache(maxsize=32)
def _validateur(chemin_schema: str, _version: int) -> Draft202012Validator:
    """Fonction pure du fichier : sa date de modification fait partie de la clé du cache."""
    schema = json.loads(Path(chemin_schema).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def erreurs(donnees: Any, chemin_schema: str) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Pour chaque écart au schéma : le chemin de la valeur fautive et un message en français."""
    for erreur in sorted(validateur(chemin_schema).iter_errors(donnees), key=lambda e: list(map(str, e.absolute_path))):
        chemin = tuple(erreur.absolute_path)
        if erreur.validator == "additionalProperties" and isinstance(erreur.instance, dict):
            # La ligne utile est celle du champ inconnu, pas celle de son parent.
            inconnus = sorted(set(erreur.instance) - set(erreur.schema.get("properties", {})))
            if inconnus:
                chemin += (inconnus[0],)
        yield chemin, message(erreur)


def nom_du_champ(chemin: tuple[str | int, ...]) -> str:
    """« sources[3].url » pour ('sources', 2, 'url') : les éléments se comptent à partir de 1."""
    texte = ""
    for partie in chemin:
        texte += f"[{partie + 1}]" if isinstance(partie, int) else (f".{partie}" if texte else str(partie))
    return texte or "l'en-tête"


def message(erreur: ValidationError) -> str:
    """Traduit les erreurs courantes de jsonschema en phrases compréhensibles."""
    champ = nom_du_champ(tuple(erreur.absolute_path))
    v = erreur.validator
    if v == "required":
        manquant = erreur.message.split("'")[1]
        return f"le champ obligatoire « {manquant} » manque dans {champ}."
    if v == "additionalProperties":
        inconnus = ", ".join(f"« {c} »" for c in sorted(set(erreur.instance) - set(erreur.schema.get("properties", {}))))
        return f"champ inconnu {inconnus} dans {champ} (faute de frappe ?)."
    if v == "enum":
        permis = ", ".join(f"« {x} »" for x in erreur.validator_value)
        return f"valeur « {erreur.instance} » refusée pour {champ} ; valeurs permises : {permis}."
    if v == "format" and erreur.validator_value == "date":
        return f"{champ} doit être une date réelle au format AAAA-MM-JJ (reçu : « {erreur.instance} »)."
    if v == "minItems":
        if erreur.validator_value > 1:
            return f"{champ} doit compter au moins {erreur.validator_value} éléments."
        return f"{champ} ne doit pas être vide."
    if v == "minLength":
        return f"{champ} est trop court (au moins {erreur.validator_value} caractères)."
    if v == "maxLength":
        return f"{champ} est trop long (au plus {erreur.validator_value} caractères)."
    if v == "pattern":
        return f"{champ} a une forme inattendue (« {erreur.instance} »)."
    if v == "type":
        attendu = {"string": "un texte", "array": "une liste", "object": "un ensemble de champs",
                   "null": "vide (null)", "integer": "un nombre entier"}
        types = erreur.validator_value if isinstance(erreur.validator_value, list) else [erreur.validator_value]
        return f"{champ} doit être {' ou '.join(attendu.get(t, t) for t in types)}."
    if v == "oneOf":
        return f"{champ} doit être soit « ref: … », soit « titre: … » avec « url: https://… »."
    if v == "uniqueItems":
        return f"{champ} contient deux fois la même valeur."
    return f"{champ} : {erreur.message}."


def fichiers_du_dossier(dossier: str | Path, racine: str | Path, schema: str | Path, *, code: str, objet: str,
                        correction: str, problemes: list[Probleme]) -> Iterator[tuple[Path, str, Entete | None]]:
    """Chaque `*.yml` du dossier, dans l'ordre des noms : (chemin, chemin lisible, document).
    Un fichier illisible ou non conforme au schéma donne ses problèmes (`code`, avec la ligne et
    `correction`) dans `problemes`, et `None` à la place du document."""
    for chemin in sorted(Path(dossier).glob("*.yml")):
        fichier = chemin_lisible(chemin, racine)
        try:
            doc = lire_yaml(chemin.read_text(encoding="utf-8"), objet=objet)
        except EnteteIllisible as e:
            problemes.append(Probleme(code, fichier, str(e) + ".", e.correction or CORRECTION_YAML, e.ligne))
            yield chemin, fichier, None
            continue
        fautes = list(erreurs(doc.donnees, str(schema)))
        for chemin_cle, texte in fautes:
            problemes.append(Probleme(code, fichier, texte, correction, doc.ligne(chemin_cle)))
        yield chemin, fichier, (None if fautes else doc)
