"""The store: SQLAlchemy models, database opening and upgrading, migrations."""
