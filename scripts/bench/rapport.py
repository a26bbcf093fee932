"""Mise en forme Markdown du rapport (rapports/performance.md)."""

from __future__ import annotations


def ko(octets: float | None) -> str:
    return "–" if octets is None else f"{octets / 1024:,.1f} Ko".replace(",", " ")


def mo(octets: float | None) -> str:
    return "–" if octets is None else f"{octets / 1024 / 1024:,.1f} Mo".replace(",", " ")


def s(secondes: float | None, chiffres: int = 1) -> str:
    return "–" if secondes is None else f"{secondes:.{chiffres}f} s"


def ms(millisecondes: float | None) -> str:
    return "–" if millisecondes is None else f"{millisecondes:.0f} ms"


def fois(ratio: float | None) -> str:
    return "–" if ratio is None else f"{ratio:.2f}×"


def verdict(ok: bool | None) -> str:
    return "n/m" if ok is None else ("✅ atteint" if ok else "❌ manqué")


def tableau(entetes: list[str], lignes: list[list[object]]) -> str:
    def cellule(v: object) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")
    sortie = ["| " + " | ".join(entetes) + " |", "|" + "|".join("---" for _ in entetes) + "|"]
    sortie += ["| " + " | ".join(cellule(v) for v in ligne) + " |" for ligne in lignes]
    return "\n".join(sortie)
