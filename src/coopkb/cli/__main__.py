"""``python -m coopkb.cli``: the same entry point as the console script."""

from . import main

main()
