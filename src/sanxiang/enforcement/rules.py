"""Pure rules of the enforcement domain (no database)."""

from __future__ import annotations

from decimal import Decimal

# A decision in force can be changed, revoked, held unlawful or void; a changed decision stays
# open to the same; revoked, unlawful and void are final (行政处罚法第四十八条第二款).
OUTCOME_TRANSITIONS: dict[str, frozenset[str]] = {
    "in_force": frozenset({"changed", "revoked", "held_unlawful", "void"}),
    "changed": frozenset({"changed", "revoked", "held_unlawful", "void"}),
    "revoked": frozenset(),
    "held_unlawful": frozenset(),
    "void": frozenset(),
}


def outcome_allowed(current: str, new: str) -> bool:
    return new in OUTCOME_TRANSITIONS.get(current, frozenset())


def negative_amounts(amounts: dict[str, Decimal | None]) -> list[str]:
    """The names of the amounts below zero (tax, penalty and late fee are never negative)."""
    return sorted(name for name, value in amounts.items() if value is not None and value < 0)
