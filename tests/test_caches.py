"""reset_caches() forgets everything namenorm remembers."""

from __future__ import annotations

from namenorm import default_registry, normalize_text, reset_caches, transliterate
from namenorm.caches import memoized


def _filled() -> list[str]:
    return [
        f"{f.__module__}.{f.__qualname__}"  # type: ignore[attr-defined]
        for f in memoized()
        if f.cache_info().currsize  # type: ignore[attr-defined]
    ]


def test_every_memoized_function_is_cleared() -> None:
    registry = default_registry()
    registry.resolve("Lukaschenko")
    registry.resolve("Lukashenkko")
    normalize_text("Sviatlana Tsikhanouskaya met Lukashenko in Minsk.", "en", registry)
    transliterate("Лукашэнка", "be", "news")
    before = _filled()
    # the registry, text clean-up, keys, inflection and the index's spellings at least
    assert len(before) >= 6, before
    assert any("default_registry" in name for name in before)
    reset_caches()
    assert _filled() == []
    assert default_registry() is not registry


def test_a_module_holding_a_request_proxy_is_walked() -> None:
    """flask's ``request`` proxy raises on attribute access outside a request;
    finding caches must not touch it."""
    import namenorm.http.inputs  # noqa: F401  (a module that imports ``request``)

    assert memoized()
