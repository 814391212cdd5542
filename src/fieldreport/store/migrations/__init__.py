"""Alembic migrations of the store's schema: ``env.py``, ``versions/`` (one file a revision),
``baseline.py`` (the schema of the first revision). Run by ``fieldreport.store.migrate`` when a
store opens; see docs/migrations.md for writing a new revision.
"""
