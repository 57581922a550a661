"""``namenorm serve``: run the HTTP service (``namenorm.http``) under gunicorn."""

from __future__ import annotations

import click

from ..errors import SettingError
from .options import library_errors

__all__ = ["serve"]


@click.command()
@click.option("--host", help="Address to bind (default: $NAMENORM_HOST, 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default: $NAMENORM_PORT, 8000).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    help="Worker processes (default: $NAMENORM_WORKERS, 2).",
)
def serve(host: str | None, port: int | None, workers: int | None) -> None:
    """Run the HTTP API, as `make run` does; stop with Ctrl-C.

    The registry is $NAMENORM_REGISTRY, else the shipped one; while that file
    is broken, the last version that loaded is served. With neither, or with
    a bad setting (NAMENORM_*), serve exits 2 with one line saying what is
    wrong, before any worker starts.

    \b
    Examples:
      namenorm serve
      NAMENORM_REGISTRY=my.csv namenorm serve --port 8080 --workers 4
    """
    from ..http import run_server  # flask and gunicorn are imported only to serve
    from ..http.source import NoUsableRegistryError

    with library_errors():
        try:
            run_server(host=host, port=port, workers=workers)
        except (NoUsableRegistryError, SettingError) as exc:  # one line, exit 2: nothing started
            click.echo(f"Error: {exc}", err=True)
            raise SystemExit(2) from None
