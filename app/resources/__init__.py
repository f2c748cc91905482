"""Files CaseDesk reads at run time, shipped inside the package (wheel, bundle, editable).

``i18n/`` (compiled catalogues: Qt ``casedesk_<lang>.qm`` for the GUI, gettext
``<lang>/LC_MESSAGES/casedesk.mo`` for Qt-free messages; their sources are ``translations/``),
``fonts/`` (the CJK font embedded in PDFs), ``icons/`` (the
application icon). Always reach them through :func:`resource_path`, never through a path built
from ``__file__`` up to a source checkout: an installed wheel has no checkout.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

_extracted = ExitStack()
atexit.register(_extracted.close)


@cache
def resources_dir() -> Path:
    """The package's resource folder as a real directory (Qt and ReportLab need file paths).

    For an ordinary install this is the folder itself; a zipped import is extracted once.
    """
    return _extracted.enter_context(as_file(files(__name__)))


def resource_path(*parts: str) -> Path:
    """``resource_path("fonts", "wqy-microhei.ttc")``: a file or folder under ``resources``."""
    return resources_dir().joinpath(*parts)
