"""``python -m resdraft`` and the ``resdraft`` command."""

import gc


def run() -> None:
    """One command, then the process ends: the cycle collector's passes over all that the
    command imports (Typer, Lark's tables, the language patterns) cost more than checking a
    resolution, and find nothing to free. As mypy does, collect only after many allocations
    (a long batch run still collects), set before anything is imported."""
    gc.set_threshold(100_000, 20, 100)
    from resdraft.cli import main

    main()


if __name__ == "__main__":
    run()
