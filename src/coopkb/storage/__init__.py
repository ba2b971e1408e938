"""Where the data is, and the validated knowledge base behind every query (with its cache)."""
