"""Publishing the knowledge base: relational tables for SQLite/Datasette and spreadsheets, and one
JSON document for notebooks. Everything here takes the validated knowledge base as plain data."""
