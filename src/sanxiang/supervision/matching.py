"""Unit matching (§3): a name as written → a department, an external unit, a group or nothing.

Order: exact name, alias, the authority itself ("区税务局" in a district government's plan),
group markers ("其他相关部门"), then fuzzy (difflib ratio ≥ ``SANXIANG_SUPERVISION_MATCH_THRESHOLD``,
default 0.85, read at call time). Anything else is unmatched and shown for confirmation.

Departments are looked up in the plan authority's whole organisation subtree: a city plan names
the district bureaus' 科. The authority's own departments come first, then those of the nearest
subordinate bureaus (by level, then tree order); a name several subordinate bureaus share goes to
the first of them and is reported (``ambiguous``) so that a person can check it. Traditional
characters are read as simplified. Without an authority (a dry run on an empty database) only the
external units and the group markers can match.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from sanxiang.kernel.choices import AuthorityLevel
from sanxiang.lib.tasktables.chinese import to_simplified
from sanxiang.org.models import Authority, Department, ExternalUnit

from .choices import MatchKind
from .rules import fuzzy_best, is_group

_SELF_NAMES: dict[str, tuple[str, ...]] = {
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
    ambiguous: bool = False  # several subordinate bureaus have a department of this name

    @property
    def is_unmatched(self) -> bool:
        return self.kind == MatchKind.UNMATCHED


class UnitMatcher:
    """Matches names against one authority's subtree of departments and the external units.

    Built once per import (two queries); calling the instance gives the ``matched`` id of the
    ``--json`` output (None for groups and unmatched names).
    """

    def __init__(self, authority: Authority | None, *, threshold: float | None = None) -> None:
        self.authority = authority
        self.threshold = (
            threshold if threshold is not None else float(settings.SANXIANG_SUPERVISION_MATCH_THRESHOLD)
        )
        self._exact: dict[str, Match] = {}
        self._alias: dict[str, Match] = {}
        self.department_authority: dict[int, str] = {}  # department id → its bureau's short name
        departments = (
            Department.objects.filter(authority__path__startswith=authority.path, is_active=True)
            .select_related("authority")
            .order_by("authority__depth", "authority__path", "pk")
            if authority is not None
            else Department.objects.none()
        )
        owners: dict[str, int] = {}  # name → authority id of the department it matched
        self.bureaus: dict[str, list[str]] = {}  # name → the bureaus having a department of that name
        for dept in departments:
            bureau = dept.authority.short_name or dept.authority.name.removeprefix("国家税务总局")
            self.department_authority[dept.pk] = bureau
            if bureau not in self.bureaus.setdefault(to_simplified(dept.name), []):
                self.bureaus[to_simplified(dept.name)].append(bureau)
            for name, table, via in [
                (dept.name, self._exact, "exact"),
                *((alias, self._alias, "alias") for alias in dept.aliases or []),
            ]:
                name = to_simplified(name)
                if name not in table:
                    table[name] = Match(MatchKind.DEPARTMENT, dept.pk, via)
                    owners[name] = dept.authority_id
                elif (
                    owners.get(name) != dept.authority_id
                    and owners.get(name) != authority.pk  # type: ignore[union-attr]
                    and table[name].kind == MatchKind.DEPARTMENT
                ):
                    found = table[name]
                    table[name] = Match(found.kind, found.id, found.via, ambiguous=True)
        externals = ExternalUnit.objects.order_by(
            # The bureau's own external units win over another bureau's namesakes.
            "pk"
        )
        for unit in externals:
            self._exact.setdefault(to_simplified(unit.name), Match(MatchKind.EXTERNAL, unit.pk, "exact"))
            for alias in unit.aliases or []:
                self._alias.setdefault(to_simplified(alias), Match(MatchKind.EXTERNAL, unit.pk, "alias"))
        self._self_names = (
            {authority.name, authority.short_name, *_SELF_NAMES.get(authority.level, ())} - {""}
            if authority is not None
            else set()
        )
        self._cache: dict[str, Match] = {}

    def match(self, name: str) -> Match:
        name = name.strip()
        if name not in self._cache:
            self._cache[name] = self._match(name)
        return self._cache[name]

    def _match(self, name: str) -> Match:
        name = to_simplified(name)
        if name in self._exact:
            return self._exact[name]
        if name in self._alias:
            found = self._alias[name]
            return Match(found.kind, found.id, "alias", ambiguous=found.ambiguous)
        if name in self._self_names:
            return Match(MatchKind.AUTHORITY, None, "authority")
        if is_group(name):
            return Match(MatchKind.GROUP, None, "group")
        best = fuzzy_best(name, [*self._exact, *self._alias], self.threshold)
        if best is not None:
            found = self._exact.get(best) or self._alias[best]
            return Match(found.kind, found.id, "fuzzy", ambiguous=found.ambiguous)
        return Match(MatchKind.UNMATCHED)

    def __call__(self, name: str) -> int | None:
        return self.match(name).id

    def ambiguity_warnings(self, names: list[str]) -> list[str]:
        """Names several subordinate bureaus share, one line per group, saying where they went."""
        groups: dict[tuple[str, str], list[str]] = {}
        for name in dict.fromkeys(names):
            found = self.match(name)
            if not found.ambiguous or found.id is None:
                continue
            bureaus = "、".join(self.bureaus.get(to_simplified(name), []))
            chosen = self.department_authority.get(found.id, "")
            groups.setdefault((bureaus, chosen), []).append(f"“{name}”")
        return [
            f"{'、'.join(group)}在多个下级机关都有同名部门（{bureaus}），已交办{chosen}的部门；"
            "如需交办其他机关，请在预览中更正"
            for (bureaus, chosen), group in groups.items()
        ]

    def unmatched(self, names: list[str]) -> list[str]:
        """Names needing a person, in first-seen order without repeats."""
        seen: dict[str, None] = {}
        for name in names:
            if self.match(name).is_unmatched:
                seen.setdefault(name, None)
        return list(seen)
