import logging
import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanxiang.settings")
application = get_wsgi_application()


def _warm_up() -> None:
    """Load now what the first request would otherwise load: the URLconf (it imports every app's
    views and their libraries: seconds on a busy machine) and the public pages' templates. Under
    gunicorn with ``preload_app`` (gunicorn.conf.py) this runs once, before the workers fork."""
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - loading the URLconf is the point
    root = Path(__file__).resolve().parent
    names = ["portal_base.html", "base.html"] + [
        path.relative_to(path.parents[1]).as_posix()
        for path in sorted(root.glob("portal/templates/portal/*.html"))
    ]
    for name in names:
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):  # reported when the page is asked for
            logging.getLogger(__name__).warning("template %s not preloaded", name, exc_info=True)


_warm_up()
