"""The kernel: mechanisms every app builds on, and no business domain.

Access (data scope, roles, object access), background tasks and the periodic schedule (with its
``PeriodicRun`` claim table), bulk writes, the staff-module and to-do registries, the exception
hierarchy, the request-context middleware, start-up checks and the demo framework. It imports
``sanxiang.lib`` and Django only; the organisation's models are reached through the app
registry (``apps.get_model("core", …)``), never imported.
"""
