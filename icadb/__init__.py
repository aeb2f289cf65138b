"""icadb: the India–Central Asia security cooperation database.

The database is built from the curated seeds in ``seeds/`` by ``icadb build``
and served with Datasette by ``icadb serve``. In a notebook:

    >>> import icadb
    >>> icadb.read("timeline")          # a typed pandas DataFrame
    >>> icadb.read_all()                # every table and view
    >>> icadb.data_version()            # cite it with your results

(pandas is imported only when these are first used.)
"""

__version__ = "0.1.0"

_API = ("read", "read_all", "read_export", "data_version", "DatabaseMissing")


def __getattr__(name):
    if name in _API:
        from icadb import api

        return getattr(api, name)
    raise AttributeError(f"module 'icadb' has no attribute {name!r}")


__all__ = [*_API, "__version__"]
