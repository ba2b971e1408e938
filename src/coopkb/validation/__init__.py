"""Validation: YAML loading with positions, models, cross-file rules, reporters."""
