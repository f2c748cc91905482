"""``python -m app`` / ``casedesk``: start the GUI (see ``app.ui.app.build_parser`` for flags)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn


def main(argv: Sequence[str] | None = None) -> int:
    from app.ui.app import run

    return run(sys.argv[1:] if argv is None else argv)


def launch() -> NoReturn:
    """The process entry point: run the GUI, then leave without interpreter finalization.

    PySide6 6.12 on CPython 3.11 can abort while the interpreter finalizes after a long Qt
    session ("bool_dealloc", a refcount error inside the binding). Everything is saved and the
    database closed by the time ``main`` returns, so the process flushes its streams and logs
    and exits with ``main``'s code instead of risking a crash report on every close.
    """
    code = main()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    launch()
