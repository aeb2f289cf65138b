"""icadb: the India–Central Asia security cooperation database.

The database is built from the curated seeds in ``seeds/`` by ``icadb build``
and served with Datasette by ``icadb serve``.
"""

__version__ = "0.1.0"
