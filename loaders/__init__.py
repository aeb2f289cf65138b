"""Loaders: one module per source kind, each with one entry point, ``load(ctx, writer)``.

``icadb.build`` runs them in foreign-key order (countries, documents,
organizations, people, places, records), so what a row points at is always
loaded before it.
"""
