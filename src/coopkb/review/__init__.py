"""Reviewing data edits: what a change does to the knowledge base, read from git."""
