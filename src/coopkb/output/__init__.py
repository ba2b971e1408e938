"""Turning query results into what people and programs read: tables, panels, machine formats.

Data is always shown literally: cells are Rich ``Text`` objects (never parsed as markup), and
control, bidi and invisible characters are neutralised in human formats.
"""
