"""WSGI entry point: ``app`` for any WSGI server, ``create_app`` for other registries.

``gunicorn service:app`` works, but ``make run`` / ``namenorm serve`` (which
call ``namenorm.http.run_server``) are the supported way to run the service.
The routes live in ``namenorm.http``.
"""

from namenorm.http import create_app

__all__ = ["app", "create_app"]

app = create_app()
