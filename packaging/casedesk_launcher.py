"""Entry point of the bundled program (PyInstaller runs this file as ``__main__``).

``casedesk`` starts the GUI; ``casedesk cli ARGS…`` runs the command line (``casedesk-cli``) from
the same bundle, so one folder carries both without a second copy of Python and Qt.
"""

import sys

if len(sys.argv) > 1 and sys.argv[1] == "cli":
    from app.cli import main

    sys.exit(main(sys.argv[2:]))

from app.__main__ import launch

launch()
