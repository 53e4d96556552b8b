"""Unit matching (§3): a name as written → a department, an external unit, a group or nothing.

Order: exact name, alias, the authority itself ("区税务局" in a district government's plan),
group markers ("其他相关部门"), then fuzzy (difflib ratio ≥ ``SANXIANG_SUPERVISION_MATCH_THRESHOLD``,
default 0.85, read at call time). Anything else is unmatched and shown for confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from sanxiang.kernel.choices import AuthorityLevel
from sanxiang.org.models import Authority, Department, ExternalUnit

from .choices import MatchKind
from .rules import fuzzy_best, is_group

_SELF_NAMES = {
    AuthorityLevel.COUNTY: ("区税务局", "县税务局", "区局", "县局", "本局"),
    AuthorityLevel.BRANCH: ("分局", "税务所", "本局"),
    AuthorityLevel.MUNICIPAL: ("市税务局", "市局", "本局"),
    AuthorityLevel.PROVINCIAL: ("省税务局", "省局", "本局"),
    AuthorityLevel.NATIONAL: ("税务总局", "总局"),
}


@dataclass(frozen=True)
class Match:
    kind: str
    id: int | None = None
    via: str = ""  # exact / alias / fuzzy / group / authority

    @property
    def is_unmatched(self) -> bool:
        return self.kind == MatchKind.UNMATCHED


class UnitMatcher:
    """Matches names against one authority's departments and the external units.

    Built once per import (two queries); calling the instance gives the ``matched`` id of the
    ``--json`` output (None for groups and unmatched names).
    """

    def __init__(self, authority: Authority, *, threshold: float | None = None) -> None:
        self.authority = authority
        self.threshold = (
            threshold if threshold is not None else float(settings.SANXIANG_SUPERVISION_MATCH_THRESHOLD)
        )
        self._exact: dict[str, Match] = {}
        self._alias: dict[str, Match] = {}
        for dept in Department.objects.filter(authority=authority, is_active=True).order_by("pk"):
            self._exact.setdefault(dept.name, Match(MatchKind.DEPARTMENT, dept.pk, "exact"))
            for alias in dept.aliases or []:
                self._alias.setdefault(alias, Match(MatchKind.DEPARTMENT, dept.pk, "alias"))
        externals = ExternalUnit.objects.order_by(
            # The bureau's own external units win over another bureau's namesakes.
            "pk"
        )
        for unit in externals:
            self._exact.setdefault(unit.name, Match(MatchKind.EXTERNAL, unit.pk, "exact"))
            for alias in unit.aliases or []:
                self._alias.setdefault(alias, Match(MatchKind.EXTERNAL, unit.pk, "alias"))
        self._self_names = {authority.name, authority.short_name, *_SELF_NAMES.get(authority.level, ())} - {
            ""
        }
        self._cache: dict[str, Match] = {}

    def match(self, name: str) -> Match:
        name = name.strip()
        if name not in self._cache:
            self._cache[name] = self._match(name)
        return self._cache[name]

    def _match(self, name: str) -> Match:
        if name in self._exact:
            return self._exact[name]
        if name in self._alias:
            found = self._alias[name]
            return Match(found.kind, found.id, "alias")
        if name in self._self_names:
            return Match(MatchKind.AUTHORITY, None, "authority")
        if is_group(name):
            return Match(MatchKind.GROUP, None, "group")
        best = fuzzy_best(name, [*self._exact, *self._alias], self.threshold)
        if best is not None:
            found = self._exact.get(best) or self._alias[best]
            return Match(found.kind, found.id, "fuzzy")
        return Match(MatchKind.UNMATCHED)

    def __call__(self, name: str) -> int | None:
        return self.match(name).id

    def unmatched(self, names: list[str]) -> list[str]:
        """Names needing a person, in first-seen order without repeats."""
        seen: dict[str, None] = {}
        for name in names:
            if self.match(name).is_unmatched:
                seen.setdefault(name, None)
        return list(seen)
