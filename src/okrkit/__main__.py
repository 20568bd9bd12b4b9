"""``python -m okrkit``: the ``okrkit`` command (see `okrkit.cli`)."""

from __future__ import annotations

import sys

from okrkit.cli import run

__all__ = ["main"]


def main() -> int:
    """Run the ``okrkit`` command on the process's arguments; return its exit status."""
    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
