"""Task tables (任务分解表) and numbered plans → measures with units and parsed deadlines.

Pure Python, no Django: the supervision app wraps it (``sanxiang import_tasks FILE``)::

    result = parse_file(path, plan_year=None)
    rows = [measure.to_json(matcher) for measure in result.measures]

``matcher`` maps a unit name to an organisation or external-unit id (or None).
"""

from .deadlines import Schedule, find_dates, parse_deadline
from .errors import TaskTableError
from .limits import Limits
from .model import Matcher, Measure, ParseResult, Part, SuggestedMilestone
from .reader import Converter, parse_file, parse_text
from .units import Roles, is_unit_like, parse_units

__all__ = [
    "Converter",
    "Limits",
    "Matcher",
    "Measure",
    "ParseResult",
    "Part",
    "Roles",
    "Schedule",
    "SuggestedMilestone",
    "TaskTableError",
    "find_dates",
    "is_unit_like",
    "parse_deadline",
    "parse_file",
    "parse_text",
    "parse_units",
]
