"""Belarusian romanization tables (Cyrillic -> Latin), one :class:`Scheme` each."""

from __future__ import annotations

from .engine import Scheme

SCHEMES: tuple[Scheme, ...] = ()
