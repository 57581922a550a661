"""The HTTP service: a JSON API, W3C reconciliation for OpenRefine, and its server.

The routes are thin: they read input, call the library (``Registry.lookup``,
``transliterate``, ``normalize_text``) and return JSON; errors go through one
handler. ``create_app`` builds the Flask app; ``run_server`` runs it under
gunicorn. Nothing here matches names.
"""

from .app import MAX_BODY, create_app
from .server import run_server

__all__ = ["MAX_BODY", "create_app", "run_server"]
