"""Start-up checks: the file store and the key directory must be writable."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.files)
def check_storage_writable(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    problems = []
    for name in ("SANXIANG_FILE_ROOT", "SANXIANG_KEY_DIR"):
        path = Path(getattr(settings, name))
        probe = path if path.exists() else path.parent
        if not os.access(probe, os.W_OK):
            problems.append(
                checks.Error(
                    f"{name} ({path}) is not writable",
                    hint="设置该环境变量指向可写目录，或修正目录权限。",
                    id="sanxiang.E001",
                )
            )
    return problems
