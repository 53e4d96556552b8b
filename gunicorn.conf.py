"""Gunicorn settings read from the working directory (``make run``, the benchmarks, production).

``preload_app``: the application, its URLconf and the public templates are loaded once in the
master (``sanxiang.wsgi``), so no worker spends its first request importing (the slow first
request after a start). Database connections are never opened before the fork; any that were
are closed in each worker so that no two processes share one.
"""

preload_app = True


def post_fork(server, worker):
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
