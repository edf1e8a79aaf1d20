"""The one error type the project raises for bad input, with its exit status."""

from __future__ import annotations

#: Exit status for unusable input or a usage error (ruff's convention).
EXIT_BAD_INPUT = 2


class ResdraftError(Exception):
    """Input that resdraft cannot use: a missing file, an undecodable one, a text that is
    not a resolution, unsafe XML. ``str(err)`` is the one-line message shown to the user."""

    exit_code: int = EXIT_BAD_INPUT


class NotAResolution(ResdraftError):
    """A readable text that cannot be read as a resolution at all."""
