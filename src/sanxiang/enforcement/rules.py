"""Pure rules of the enforcement domain (no database)."""

from __future__ import annotations

import datetime
import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
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


# --- matter catalogue and progress tickets -------------------------------------------------------

# Stages in the order a matter passes through them; a ticket never moves backwards.
STAGE_ORDER: tuple[str, ...] = ("accepted", "investigating", "reviewing", "decided", "served", "concluded")
# Once decided the promised time limit has been kept or missed for good: no "overdue" after that.
SETTLED_STAGES = frozenset({"decided", "served", "concluded"})
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
# PBKDF2 rounds for the verification code: slow enough that a stolen table cannot be tried
# through all 32**8 codes cheaply, fast enough for a throttled lookup.
CODE_ROUNDS = 60_000


@dataclass(frozen=True)
class CatalogueEntry:
    """One row of the matter catalogue as the rule sees it."""

    pk: int
    act_kind: str
    matter_keyword: str
    handling: str
    time_limit: int
    time_unit: str
    order: int = 0


def catalogue_match(entries: Iterable[CatalogueEntry], *, kind: str, matter: str) -> CatalogueEntry | None:
    """The catalogue row for an act: rows naming a keyword found in the matter come before the
    row for the whole kind; rows for any kind (blank) come last; then by order."""
    fitting = [
        e
        for e in entries
        if e.act_kind in ("", kind) and (not e.matter_keyword or e.matter_keyword in matter)
    ]
    fitting.sort(key=lambda e: (e.act_kind == "", e.matter_keyword == "", e.order, e.pk))
    return fitting[0] if fitting else None


def stage_reached(current: str, new: str) -> bool:
    """Whether moving from ``current`` to ``new`` goes forward (tickets never go back)."""
    order = {stage: i for i, stage in enumerate(STAGE_ORDER)}
    return order.get(new, -1) > order.get(current, -1)


def is_overdue(*, stage: str, due_on: datetime.date | None, today: datetime.date) -> bool:
    """Past the promised time limit and not yet decided."""
    return due_on is not None and stage not in SETTLED_STAGES and today > due_on


def code_hash(code: str, salt: str) -> str:
    """PBKDF2-SHA256 of the normalised code (upper case, no blanks)."""
    normalised = "".join(code.split()).upper().encode("ascii", "ignore")
    return hashlib.pbkdf2_hmac("sha256", normalised, bytes.fromhex(salt), CODE_ROUNDS).hex()


def code_matches(code: str, salt: str, expected: str) -> bool:
    """Constant-time comparison, so the answer time tells nothing about the stored hash."""
    return hmac.compare_digest(code_hash(code, salt), expected)
