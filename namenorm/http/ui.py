"""The editor's HTML pages: ``/`` (check the names in copy) and ``/review`` (the queue).

Server-rendered Jinja templates (``namenorm/templates/``) and a small plain
script (``namenorm/static/``), every asset served by this app. The page
works before its script runs: the form posts the copy to ``/`` and gets back
the proposed changes as a table and the copy with all of them made. The
script turns that into the review screen, calling the same JSON routes
integrators use (``/v1/annotate``, ``/v1/lookup``, ``/v1/entities``,
``/v1/proposals``); it only applies accepted changes by offset.

``/review`` exists only when an admin token is configured; the page asks
for the token and sends it with each call, as any API client would.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, render_template, request
from werkzeug.exceptions import NotFound

from ..annotate import FORMATS, annotate
from ..copy import LANGS, Edit, apply_edits
from ..errors import NamenormError
from .state import current_service

__all__ = ["bp"]

PACKAGE = Path(__file__).resolve().parent.parent

bp = Blueprint(
    "ui",
    __name__,
    template_folder=str(PACKAGE / "templates"),
    static_folder=str(PACKAGE / "static"),
    static_url_path="/assets",
)

FORMAT_NAMES = {"text": "Plain text", "markdown": "Markdown", "html": "HTML"}
#: How each copy language is named in the page's language menu.
LANG_NAMES = {
    "en": "English",
    "be": "Belarusian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "de": "German",
    "fr": "French",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "pl": "Polish",
}


def _choices() -> dict[str, object]:
    return {
        "langs": [(code, LANG_NAMES.get(code, code)) for code in LANGS],
        "formats": [(code, FORMAT_NAMES[code]) for code in FORMATS],
        "max_body": current_app.config["MAX_CONTENT_LENGTH"],
    }


@bp.route("/", methods=["GET", "POST"])
def editor() -> str:
    """The editor's page; a POSTed form (no script) gets the changes as a table."""
    text, lang, fmt = "", "en", "text"
    result = None
    error = None
    if request.method == "POST":
        text = request.form.get("text", "")
        lang = request.form.get("lang", "en")
        fmt = request.form.get("format", "text")
        try:
            annotation = annotate(text, lang, current_service().registry, fmt=fmt)
            edits = [
                Edit(c.start, c.end, c.original, o.replacement, o.id, o.score, c.status)
                for c in annotation.changes
                if c.status == "matched"
                for o in c.options
            ]
            result = {"annotation": annotation, "text": apply_edits(text, edits)}
        except NamenormError as exc:
            error = str(exc)
    return render_template(
        "editor.html", text=text, lang=lang, fmt=fmt, result=result, error=error, **_choices()
    )


@bp.get("/review")
def review() -> str:
    """The review queue page (only when an admin token is configured)."""
    if not current_app.config["ADMIN_TOKEN"]:
        raise NotFound()
    return render_template("review.html", kinds=("person", "org", "place"))
