"""Readers of the evaluation: indicator results per unit, department and officer, trends, ranks,
loop findings and snapshot comparisons. Every figure is computed from the modules' measures."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from sanxiang.kernel.access import authorities_in_scope, authority_in_scope, has_role
from sanxiang.kernel.choices import RoleCode
from sanxiang.kernel.exceptions import ScopeViolation, ValidationFailed
from sanxiang.kernel.measures import DrillRow, Figure, Level, MeasureKind, Period, computing, measure_get

from . import rules
from .choices import GRADE_LABELS, SnapshotKind
from .models import Campaign, Indicator, IndicatorLibrary, LoopFinding, Snapshot

if TYPE_CHECKING:
    from sanxiang.org.models import Authority, User

# Who sees units' evaluations: leaders, the legal department that runs the evaluation, supervisors.
VIEW_ROLES: tuple[str, ...] = (
    RoleCode.LEADER,
    RoleCode.ADMINISTRATOR,
    RoleCode.LEGAL_REVIEWER,
    RoleCode.SUPERVISOR,
)
# Who runs special evaluations and closes periods.
MANAGE_ROLES: tuple[str, ...] = (RoleCode.LEGAL_REVIEWER, RoleCode.ADMINISTRATOR)
# Who sees an officer's 一员式 view besides the officer: their superiors.
SUPERIOR_ROLES: tuple[str, ...] = (RoleCode.LEADER, RoleCode.ADMINISTRATOR)


@dataclass
class Cell:
    indicator: Indicator
    enabled: bool
    applicable: bool
    numerator: float = 0
    denominator: float = 0
    value: float | None = None
    grade: str | None = None
    score: float | None = None

    @property
    def counts_only(self) -> bool:
        measure = measure_get(self.indicator.measure)
        return measure is not None and measure.kind == MeasureKind.COUNT

    @property
    def has_data(self) -> bool:
        return self.enabled and self.applicable and self.value is not None

    @property
    def display(self) -> str:
        if not self.enabled:
            return _("数据来源未启用")
        if not self.applicable:
            return _("不适用")
        return format_value(self.indicator, self.value)

    @property
    def grade_label(self) -> str:
        return str(GRADE_LABELS.get(self.grade or "", ""))

    @property
    def pair(self) -> list[float]:
        return [self.numerator, self.denominator]


@dataclass
class UnitResult:
    key: int
    name: str
    level: Level
    cells: list[Cell]
    total: float | None = None
    grade: str | None = None
    deduction: float = 0
    rank: int | None = None
    peers: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def grade_label(self) -> str:
        return str(GRADE_LABELS.get(self.grade or "", ""))

    def cell(self, code: str) -> Cell | None:
        return next((c for c in self.cells if c.indicator.code == code), None)


def format_value(indicator: Indicator, value: float | None) -> str:
    if value is None:
        return _("无数据")
    measure = measure_get(indicator.measure)
    kind = measure.kind if measure else MeasureKind.RATIO
    if kind == MeasureKind.RATIO:
        return f"{value * 100:.1f}%"
    if kind == MeasureKind.COUNT:
        return f"{value:.0f}{measure.unit if measure else ''}"
    return f"{value:.1f}{measure.unit if measure else ''}"


# --- library ---------------------------------------------------------------------------------


def library_for(day: datetime.date) -> IndicatorLibrary:
    """The indicator library in force on ``day`` (the newest version whose 施行日期 has come)."""
    library = (
        IndicatorLibrary.objects.filter(effective_from__lte=day)
        .order_by("-effective_from", "-version")
        .first()
    )
    if library is None:
        library = IndicatorLibrary.objects.order_by("effective_from", "version").first()
    if library is None:
        raise ValidationFailed(_("尚未建立评估指标库。"))
    return library


def library_indicators(library: IndicatorLibrary, codes: Sequence[str] | None = None) -> list[Indicator]:
    indicators = list(library.indicators.order_by("position", "code"))
    if codes:
        indicators = [i for i in indicators if i.code in set(codes)]
    return indicators


# --- computing --------------------------------------------------------------------------------


def figures_for(
    indicators: Iterable[Indicator], period: Period, level: Level
) -> dict[str, dict[int, Figure]]:
    """Each enabled indicator's figures per key at ``level`` (one call of its measure)."""
    result: dict[str, dict[int, Figure]] = {}
    done: dict[str, dict[int, Figure]] = {}
    for indicator in indicators:
        measure = measure_get(indicator.measure)
        if measure is None or level not in measure.levels or level.value not in indicator.levels:
            continue
        if indicator.measure not in done:
            done[indicator.measure] = measure.compute(period, level)
        result[indicator.code] = done[indicator.measure]
    return result


Pairs = dict[str, dict[int, tuple[float, float]]]
# Levels whose figures serve pages (units and departments); officers are computed per officer.
SHARED_LEVELS = (Level.AUTHORITY, Level.DEPARTMENT)


def _pairs_key(library: IndicatorLibrary, period: Period, level: Level) -> str:
    return f"evaluation:{library.pk}:{library.version}:{level}:{period.start}:{period.end}:{period.cutoff}"


def _compute_pairs(library: IndicatorLibrary, period: Period, level: Level) -> Pairs:
    figures = figures_for(library_indicators(library), period, level)
    pairs: Pairs = {
        code: {k: (f.numerator, f.denominator) for k, f in values.items()} for code, values in figures.items()
    }
    if level == Level.AUTHORITY:
        from sanxiang.org.models import Authority

        paths = dict(Authority.objects.values_list("pk", "path"))
        pairs = {code: rules.roll_up(values, paths, Authority.steplen) for code, values in pairs.items()}
    return pairs


@dataclass(frozen=True)
class Computed:
    pairs: Pairs
    at: datetime.datetime


def computed_pairs(
    library: IndicatorLibrary, period: Period, *, now: datetime.datetime
) -> dict[Level, Computed]:
    """Compute every unit's and department's figures of ``period`` as one batch (a measure reads
    its rows once for both levels) and keep them in the cache all workers share."""
    seconds = settings.SANXIANG_EVALUATION_CACHE_SECONDS
    done: dict[Level, Computed] = {}
    with computing():
        for level in SHARED_LEVELS:
            done[level] = Computed(_compute_pairs(library, period, level), now)
            if seconds > 0:
                # Kept twice as long as it is served, so a refresh that runs late never leaves a gap.
                shared_cache().set(_pairs_key(library, period, level), done[level], 2 * seconds)
    return done


def _level_pairs(library: IndicatorLibrary, period: Period, level: Level, *, fresh: bool = False) -> Pairs:
    return level_computed(library, period, level, fresh=fresh).pairs


def level_computed(
    library: IndicatorLibrary, period: Period, level: Level, *, fresh: bool = False
) -> Computed:
    """Every key's (numerator, denominator) per indicator at ``level``; units rolled up the tree.

    Pages read what the background refresh (``evaluation.refresh``, every few minutes) computed,
    for up to ``SANXIANG_EVALUATION_CACHE_SECONDS``; only when there is none does the request
    compute it (and share it). ``fresh`` always computes (snapshots, comparisons).
    """
    from django.utils import timezone

    seconds = settings.SANXIANG_EVALUATION_CACHE_SECONDS
    now = timezone.now()
    if not fresh and seconds > 0:
        cached = shared_cache().get(_pairs_key(library, period, level))
        if isinstance(cached, Computed) and (now - cached.at).total_seconds() <= seconds:
            return cached
    if fresh or level not in SHARED_LEVELS:
        return Computed(_compute_pairs(library, period, level), now)
    return computed_pairs(library, period, now=now)[level]


def is_computed(library: IndicatorLibrary, period: Period) -> bool:
    """Whether pages of ``period`` would find figures computed within the serving time."""
    from django.utils import timezone

    cached = shared_cache().get(_pairs_key(library, period, Level.AUTHORITY))
    return isinstance(cached, Computed) and (
        (timezone.now() - cached.at).total_seconds() <= settings.SANXIANG_EVALUATION_CACHE_SECONDS
    )


def shared_cache() -> Any:
    """The cache every worker process reads (the default one may be per process)."""
    from django.core.cache import caches

    return caches["shared"]


def _as_figures(pairs: Pairs, codes: Sequence[str] | None = None) -> dict[str, dict[int, Figure]]:
    wanted = set(codes) if codes else None
    return {
        code: {k: Figure(n, d) for k, (n, d) in values.items()}
        for code, values in pairs.items()
        if wanted is None or code in wanted
    }


def _cell(indicator: Indicator, library: IndicatorLibrary, level: Level, figure: Figure | None) -> Cell:
    measure = measure_get(indicator.measure)
    enabled = measure is not None
    applicable = enabled and level in measure.levels and level.value in indicator.levels  # type: ignore[union-attr]
    cell = Cell(indicator=indicator, enabled=enabled, applicable=bool(applicable))
    if not cell.applicable:
        return cell
    kind = measure.kind  # type: ignore[union-attr]
    if figure is None:
        # No rows for this key: a count is a real zero; a ratio or an average has nothing to measure.
        figure = Figure(0, 0)
        if kind == MeasureKind.COUNT:
            figure = Figure(0, 1)
    cell.numerator, cell.denominator = figure.numerator, figure.denominator
    cell.value = rules.value_of(kind, figure.numerator, figure.denominator)
    cell.grade = rules.grade_of(cell.value, indicator.direction, indicator.bands)
    cell.score = rules.score_of(cell.grade, library.grade_scores or rules.DEFAULT_GRADE_SCORES)
    return cell


def _result(
    key: int,
    name: str,
    level: Level,
    library: IndicatorLibrary,
    indicators: Sequence[Indicator],
    figures: dict[str, dict[int, Figure]],
    deduction: float = 0,
) -> UnitResult:
    cells = [_cell(i, library, level, figures.get(i.code, {}).get(key)) for i in indicators]
    total = rules.total_of((float(c.indicator.weight), c.score) for c in cells if c.has_data)
    if not any(c.has_data and not c.counts_only for c in cells):
        # Only failure counts (zero for anyone idle) would score: no activity is not a top grade.
        total = None
    if total is not None and deduction:
        total = round(max(0.0, total - deduction), 2)
    grade = rules.total_grade(total, library.total_bands or rules.DEFAULT_TOTAL_BANDS)
    return UnitResult(key, name, level, cells, total, grade, deduction)


def authority_results(
    library: IndicatorLibrary,
    period: Period,
    *,
    codes: Sequence[str] | None = None,
    deductions: dict[int, float] | None = None,
    fresh: bool = False,
) -> dict[int, UnitResult]:
    """Every unit's results, each unit counting itself and its subordinate units (本级及下级)."""
    from sanxiang.org.models import Authority

    indicators = library_indicators(library, codes)
    rolled = _as_figures(_level_pairs(library, period, Level.AUTHORITY, fresh=fresh), codes)
    units = [
        (pk, path, short or name)
        for pk, path, name, short in Authority.objects.values_list("pk", "path", "name", "short_name")
    ]
    results = {
        pk: _result(pk, name, Level.AUTHORITY, library, indicators, rolled, (deductions or {}).get(pk, 0))
        for pk, _path, name in units
    }
    # Rank each unit among its siblings (the units with the same parent).
    by_parent: dict[str, list[int]] = {}
    for pk, path, _name in units:
        by_parent.setdefault(path[: -Authority.steplen], []).append(pk)
    for siblings in by_parent.values():
        order = rules.ranks({pk: results[pk].total for pk in siblings}, rules.Direction.HIGHER)
        for pk in siblings:
            results[pk].rank, results[pk].peers = order.get(pk), len(siblings)
    return results


def department_results(
    library: IndicatorLibrary, period: Period, authority: Authority, *, codes: Sequence[str] | None = None
) -> list[UnitResult]:
    indicators = library_indicators(library, codes)
    figures = _as_figures(_level_pairs(library, period, Level.DEPARTMENT), codes)
    departments = list(authority.departments.filter(is_active=True).order_by("name"))
    results = [_result(d.pk, d.name, Level.DEPARTMENT, library, indicators, figures) for d in departments]
    order = rules.ranks({r.key: r.total for r in results}, rules.Direction.HIGHER)
    for r in results:
        r.rank, r.peers = order.get(r.key), len(results)
    return results


def officer_result(library: IndicatorLibrary, period: Period, officer: User) -> UnitResult:
    indicators = library_indicators(library)
    figures = figures_for(indicators, period, Level.OFFICER)
    return _result(officer.pk, officer.display_name, Level.OFFICER, library, indicators, figures)


def results_pairs(results: Iterable[UnitResult]) -> dict[str, dict[str, list[float]]]:
    """``{key: {indicator: [numerator, denominator]}}`` of the cells with figures (for snapshots)."""
    return {
        str(r.key): {c.indicator.code: c.pair for c in r.cells if c.enabled and c.applicable} for r in results
    }


# --- access -----------------------------------------------------------------------------------


def require_unit_visible(actor: User, authority: Authority) -> None:
    if not has_role(actor, *VIEW_ROLES) or not authority_in_scope(actor, authority):
        raise ScopeViolation(model_label="core.Authority", object_ref=f"pk={authority.pk}", action="evaluate")


def evaluable_authorities(actor: User) -> QuerySet[Authority]:
    if not has_role(actor, *VIEW_ROLES):
        from sanxiang.org.models import Authority

        return Authority.objects.none()
    return authorities_in_scope(actor).order_by("path")


def can_view_officer(actor: User, officer: User) -> bool:
    if actor.pk == officer.pk and actor.is_active:
        return True
    return bool(
        officer.authority is not None
        and has_role(actor, *SUPERIOR_ROLES)
        and authority_in_scope(actor, officer.authority)
    )


def default_authority(actor: User) -> Authority | None:
    if actor.authority is not None and authority_in_scope(actor, actor.authority):
        return actor.authority
    return evaluable_authorities(actor).first()


# --- unit view (一局式) --------------------------------------------------------------------------


@dataclass
class TrendPoint:
    period: Period
    total: float | None
    values: dict[str, float | None]


@dataclass
class UnitView:
    authority: Authority
    period: Period
    library: IndicatorLibrary
    result: UnitResult
    previous: UnitResult | None
    last_year: UnitResult | None
    children: list[UnitResult]
    peers: list[UnitResult]
    departments: list[UnitResult]
    trend: list[TrendPoint]
    loop_counts: dict[str, int]
    computed_at: datetime.datetime | None = None


def _month_results(library: IndicatorLibrary, period: Period, authority: Authority) -> UnitResult | None:
    """A unit's results for a past month: from its frozen month snapshot when there is one."""
    snap = (
        Snapshot.objects.filter(
            kind=SnapshotKind.MONTH, period_start=period.start, period_end=period.end, campaign__isnull=True
        )
        .order_by("-pk")
        .first()
    )
    if snap is not None and str(authority.pk) in snap.results.get("units", {}):
        unit = snap.results["units"][str(authority.pk)]
        indicators = library_indicators(snap.library)
        figures = {code: {authority.pk: Figure(*pair)} for code, pair in unit.get("cells", {}).items()}
        return _result(authority.pk, authority.name, Level.AUTHORITY, snap.library, indicators, figures)
    return authority_results(library, period).get(authority.pk)


def unit_view(*, actor: User, authority: Authority, period: Period, trend_months: int = 6) -> UnitView:
    from sanxiang.org.models import Authority

    require_unit_visible(actor, authority)
    library = library_for(period.start)
    computed_at = level_computed(library, period, Level.AUTHORITY).at
    all_results = authority_results(library, period)
    result = all_results[authority.pk]
    children = [all_results[c.pk] for c in Authority.objects.get_children(authority).order_by("path")]
    parent = Authority.objects.get_parent(authority) if authority.depth > 1 else None
    peers = (
        sorted(
            (
                all_results[s.pk]
                for s in Authority.objects.get_children(parent)
                if authority_in_scope(actor, s)
            ),
            key=lambda r: (r.rank or 10**6, r.name),
        )
        if parent is not None
        else [result]
    )
    previous = _month_results(library, period.shifted(months=-1), authority)
    last_year = _month_results(library, period.shifted(months=-12), authority)
    trend: list[TrendPoint] = []
    for back in range(trend_months - 1, -1, -1):
        month = period.shifted(months=-back)
        point = result if back == 0 else _month_results(library, month, authority)
        if point is not None:
            trend.append(
                TrendPoint(month, point.total, {c.indicator.code: c.value for c in point.cells if c.has_data})
            )
    return UnitView(
        authority=authority,
        period=period,
        library=library,
        result=result,
        previous=previous,
        last_year=last_year,
        children=children,
        peers=peers,
        departments=department_results(library, period, authority),
        trend=trend,
        loop_counts=loop_counts(actor=actor, authority=authority),
        computed_at=computed_at,
    )


def drill_rows(
    *, actor: User, indicator: Indicator, period: Period, level: Level, key: int
) -> list[DrillRow]:
    """The records behind one figure (a unit's own records; a department's; an officer's)."""
    measure = measure_get(indicator.measure)
    if measure is None or measure.drill is None:
        return []
    if level == Level.AUTHORITY:
        from sanxiang.org.models import Authority

        keys = list(Authority.objects.get_tree(Authority.objects.get(pk=key)).values_list("pk", flat=True))
    else:
        keys = [key]
    rows: list[DrillRow] = []
    for k in keys:
        rows.extend(measure.drill(period, level, k))
    return sorted(rows, key=lambda r: (not r.counts_against, r.on or datetime.date.min))


# --- loop checks ------------------------------------------------------------------------------


def loop_findings(
    *, actor: User, check: str | None = None, open_only: bool = True, authority: Authority | None = None
) -> QuerySet[LoopFinding]:
    qs = LoopFinding.objects.visible_to(actor).select_related("authority", "department", "officer")
    if check:
        qs = qs.filter(check_code=check)
    if open_only:
        qs = qs.filter(resolved_at__isnull=True)
    if authority is not None:
        qs = qs.filter(authority__path__startswith=authority.path)
    return qs.order_by("due", "pk")


def loop_counts(*, actor: User, authority: Authority | None = None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for code in loop_findings(actor=actor, authority=authority).values_list("check_code", flat=True):
        counts[code] = counts.get(code, 0) + 1
    return counts


# --- snapshots --------------------------------------------------------------------------------


def snapshot_list(*, actor: User) -> QuerySet[Snapshot]:
    return Snapshot.objects.visible_to(actor).select_related("authority", "library", "campaign")


def snapshot_compare(*, snapshot: Snapshot) -> list[rules.Difference]:
    """Recompute the snapshot's period now and list every figure that no longer matches."""
    period = Period(snapshot.period_start, snapshot.period_end, snapshot.as_of)
    codes = snapshot.campaign.indicator_codes if snapshot.campaign_id else None  # type: ignore[union-attr]
    current = authority_results(snapshot.library, period, codes=codes, fresh=True)
    frozen_units = snapshot.results.get("units", {})
    now = results_pairs(current[int(k)] for k in frozen_units if int(k) in current)
    frozen = {k: v.get("cells", {}) for k, v in frozen_units.items()}
    return rules.differences(frozen, now)


def campaign_list(*, actor: User) -> QuerySet[Campaign]:
    return Campaign.objects.visible_to(actor).select_related("authority")


# --- the leader's home ------------------------------------------------------------------------


def home_panel_context(user: User, today: datetime.date) -> dict[str, Any] | None:
    """The evaluation summary on a leader's home: the unit's score this month and the loop counts."""
    from sanxiang.kernel.measures import loop_check_get

    if (
        not has_role(user, RoleCode.LEADER, RoleCode.ADMINISTRATOR)
        or user.is_superuser
        and not user.authority_id
    ):
        return None
    from sanxiang.org.models import Authority

    authority = default_authority(user)
    if authority is None or not IndicatorLibrary.objects.exists():
        return None
    period = Period.month(today.year, today.month, as_of=today)
    library = library_for(period.start)
    results = authority_results(library, period)
    result = results[authority.pk]
    children = [results[c.pk] for c in Authority.objects.get_children(authority).order_by("path")]
    counts = loop_counts(actor=user, authority=authority)
    loops = []
    for code, n in sorted(counts.items()):
        check = loop_check_get(code)
        loops.append({"code": code, "label": check.label if check else code, "count": n})
    weakest = sorted((c for c in result.cells if c.has_data), key=lambda c: c.score or 0)[:3]
    return {
        "authority": authority,
        "period": period,
        "result": result,
        "children": children,
        "loops": loops,
        "weakest": weakest,
    }


# --- officer view (一员式) -----------------------------------------------------------------------


@dataclass
class OfficerView:
    period: Period
    result: UnitResult
    acts: list[Any]
    records: list[tuple[Indicator, list[DrillRow]]]
    findings: list[LoopFinding]


def officer_view(*, officer: User, period: Period) -> OfficerView:
    """What one officer did and owes: acts, the records behind each officer-level indicator, open
    loop findings. The caller has checked ``can_view_officer``."""
    from sanxiang.enforcement.models import EnforcementAct

    library = library_for(period.start)
    result = officer_result(library, period, officer)
    acts = list(
        EnforcementAct.objects.filter(officer_links__user=officer)
        .filter(
            Q(started_on__range=(period.start, period.end))
            | Q(concluded_on__range=(period.start, period.end))
        )
        .select_related("taxpayer")
        .distinct()
        .order_by("-started_on", "-pk")[:100]
    )
    records: list[tuple[Indicator, list[DrillRow]]] = []
    for cell in result.cells:
        measure = measure_get(cell.indicator.measure)
        if not cell.applicable or measure is None or measure.drill is None:
            continue
        rows = list(measure.drill(period, Level.OFFICER, officer.pk))
        if rows:
            records.append((cell.indicator, rows[:50]))
    findings = list(
        LoopFinding.objects.filter(officer=officer, resolved_at__isnull=True).order_by("due", "pk")[:100]
    )
    return OfficerView(period, result, acts, records, findings)
