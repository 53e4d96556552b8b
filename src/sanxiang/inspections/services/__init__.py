"""Writers of random inspections, split by aggregate (directories, draws, plans and results)."""

from .directories import (
    ImportReport,
    conflict_declare,
    directory_get_or_create,
    inspector_upsert,
    inspectors_import_excel,
    item_upsert,
    require_organiser,
    snapshot_take,
    target_upsert,
    targets_import_excel,
)
from .draws import (
    assignment_recuse,
    draw_commit,
    draw_run,
    inspectors_commit,
    log_beacon_append,
    seed_checkpoint,
)
from .plans import (
    plan_approve,
    plan_create,
    plan_publish,
    task_publish_result,
    task_record_result,
)

__all__ = [
    "ImportReport",
    "assignment_recuse",
    "conflict_declare",
    "directory_get_or_create",
    "draw_commit",
    "draw_run",
    "inspector_upsert",
    "inspectors_import_excel",
    "inspectors_commit",
    "item_upsert",
    "require_organiser",
    "log_beacon_append",
    "plan_approve",
    "plan_create",
    "plan_publish",
    "seed_checkpoint",
    "snapshot_take",
    "target_upsert",
    "targets_import_excel",
    "task_publish_result",
    "task_record_result",
]
