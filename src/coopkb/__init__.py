"""coopkb: a command-line knowledge base of the Quebec cooperative movement."""

__version__ = "0.1.0"
