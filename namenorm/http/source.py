"""Where a server's registry comes from: its file, and a copy of the file's last good version.

A :class:`RegistryFile` reads the registry CSV a server serves. Every time
the file loads and validates, its exact bytes are copied (atomically, with
their SHA-256 beside them) into the state folder; when the file is broken
or missing later, :meth:`RegistryFile.load` falls back to that copy and says
what is wrong with the file (:class:`Broken`), so a worker that starts while
someone is editing the registry still serves the last version that worked.
:meth:`RegistryFile.digest_now` is the cheap check a watcher polls: the
file's hash, read again only when its size, time or inode changed.

Storage-agnostic on purpose: the copy is the registry file itself, so any
other form of index built from it can be rebuilt from the copy. Left out:
building the index (``Service.build``) and deciding when to poll (``watch``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import NamenormError, Problem, RegistryError
from ..registry import Registry, parse_registry

__all__ = ["Broken", "NoUsableRegistryError", "RegistryFile"]


class NoUsableRegistryError(NamenormError):
    """Neither the registry file nor a last good copy of it can be served."""

    status = 503
    code = "no_registry"


@dataclass(frozen=True)
class Broken:
    """A registry file that failed to load: which version, and why."""

    path: str
    digest: str  # SHA-256 of the broken bytes ("" when the file cannot be read)
    message: str
    problems: tuple[Problem, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of ``/health``'s ``registry_error``."""
        return {
            "path": self.path,
            "hash": self.digest,
            "message": self.message,
            "problems": [
                {"path": p.path, "line": p.line, "field": p.field, "message": p.message}
                for p in self.problems[:50]
            ],
        }

    def line(self) -> str:
        """One line for a log or a terminal."""
        first = f": {self.problems[0]}" if self.problems else ""
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return f"{self.message}{first}{more}"


def _broken(path: str, data: bytes | None, exc: Exception) -> Broken:
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    if isinstance(exc, RegistryError):
        count = len(exc.problems)
        noun = "problem" if count == 1 else "problems"
        return Broken(path, digest, f"{path} has {count} {noun}", tuple(exc.problems))
    if isinstance(exc, OSError):
        return Broken(path, digest, f"cannot read {path}: {exc.strerror or exc}")
    return Broken(path, digest, f"{path}: {exc}")


class RegistryFile:
    """The registry file at ``path``; ``keep`` is the folder for its last good copy
    (``None``: no copy is kept or read)."""

    def __init__(self, path: str | os.PathLike[str], *, keep: Path | None = None) -> None:
        self.path = str(path)
        self.keep = keep
        self._stat: tuple[int, int, int] | None = None
        self._digest = ""

    # -- the copy ------------------------------------------------------------
    @property
    def copy_path(self) -> Path | None:
        """Where the last good copy of this file lives (one per absolute path)."""
        if self.keep is None:
            return None
        tag = hashlib.sha256(os.path.abspath(self.path).encode()).hexdigest()[:16]
        return self.keep / f"last-good-{Path(self.path).stem}-{tag}.csv"

    def _keep(self, data: bytes, digest: str) -> None:
        target = self.copy_path
        if target is None:
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            sidecar = target.with_suffix(".sha256")
            if sidecar.exists() and sidecar.read_text(encoding="ascii").strip() == digest:
                return
            for path, content in ((target, data), (sidecar, digest.encode() + b"\n")):
                handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".last-good-")
                try:
                    with os.fdopen(handle, "wb") as out:
                        out.write(content)
                    os.replace(temp, path)
                except BaseException:
                    Path(temp).unlink(missing_ok=True)
                    raise
        except OSError:
            pass  # a copy we cannot keep only costs the fallback; the file itself is fine

    def last_good(self) -> Registry | None:
        """The last good copy, if there is one whose bytes still match their hash."""
        target = self.copy_path
        if target is None:
            return None
        try:
            data = target.read_bytes()
            recorded = target.with_suffix(".sha256").read_text(encoding="ascii").strip()
        except OSError:
            return None
        digest = hashlib.sha256(data).hexdigest()
        if digest != recorded:
            return None
        try:
            return Registry(parse_registry(data, self.path), source=self.path, digest=digest)
        except RegistryError:
            return None

    # -- the file ------------------------------------------------------------
    def read(self) -> Registry:
        """The file as a validated registry (``RegistryError`` or ``OSError`` otherwise);
        a good file is copied as the last good version."""
        data = Path(self.path).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        registry = Registry(parse_registry(data, self.path), source=self.path, digest=digest)
        self._keep(data, digest)
        return registry

    def load(self) -> tuple[Registry, Broken | None]:
        """The file, else its last good copy with what is wrong with the file;
        :class:`NoUsableRegistryError` when there is neither."""
        try:
            return self.read(), None
        except (RegistryError, OSError) as exc:
            broken = _broken(self.path, self._bytes(), exc)
        fallback = self.last_good()
        if fallback is None:
            where = f" in {self.keep}" if self.keep is not None else ""
            raise NoUsableRegistryError(
                f"no usable registry: {broken.line()}; no last good copy{where}"
            ) from None
        return fallback, broken

    def attempt(self) -> tuple[Registry | None, Broken | None]:
        """Read the file once: ``(registry, None)`` or ``(None, what is wrong)``."""
        try:
            return self.read(), None
        except (RegistryError, OSError) as exc:
            return None, _broken(self.path, self._bytes(), exc)

    def _bytes(self) -> bytes | None:
        try:
            return Path(self.path).read_bytes()
        except OSError:
            return None

    def digest_now(self) -> str:
        """SHA-256 of the file as it is now ("" when it cannot be read); the
        bytes are hashed again only when the file's size, time or inode changed."""
        try:
            info = os.stat(self.path)
        except OSError:
            self._stat, self._digest = None, ""
            return ""
        stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
        if stamp != self._stat:
            data = self._bytes()
            self._digest = hashlib.sha256(data).hexdigest() if data is not None else ""
            self._stat = stamp if data is not None else None
        return self._digest
