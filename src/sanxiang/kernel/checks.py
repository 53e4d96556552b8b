"""Start-up checks: the file store and the key directory must be writable; every ``SANXIANG_*``
environment variable must name a setting (a misspelt one would be silently ignored)."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.files)
def check_storage_writable(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    problems: list[checks.CheckMessage] = []
    for name, value in (
        ("SANXIANG_FILE_ROOT", settings.SANXIANG_FILE_ROOT),
        ("SANXIANG_KEY_DIR", settings.SANXIANG_KEY_DIR),
    ):
        path = Path(value)
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


@checks.register()
def check_unknown_environment(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    known = {name for name in dir(settings) if name.startswith("SANXIANG_")}
    known.update(settings.SANXIANG_ENVIRONMENT_ONLY)
    return [
        checks.Warning(
            f"environment variable {name} is not a Sanxiang setting and is ignored",
            hint="检查变量名拼写；可用的设置见 README“模块设置”。",
            id="sanxiang.W002",
        )
        for name in sorted(os.environ)
        if name.startswith("SANXIANG_") and name not in known
    ]
