"""The database schema: models, controlled vocabularies, view SQL and the codebook."""
