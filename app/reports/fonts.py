"""The CJK font embedded (as a subset) in every PDF CaseDesk writes."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import resource_path

FONT_FILE = resource_path("fonts", "wqy-microhei.ttc")
FONT_NAME = "CaseDeskCJK"


@cache
def register_fonts() -> str:
    """Register the shipped TrueType CJK font with ReportLab once; return its name.

    The font is loaded from the package data ``app/resources/fonts`` (never from the system), so output does not
    depend on what is installed on the machine. ReportLab embeds a subset of it.
    """
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_FILE), subfontIndex=0))
    # Bold/italic map to the same face: a single embedded font keeps the PDF small.
    pdfmetrics.registerFontFamily(FONT_NAME, normal=FONT_NAME, bold=FONT_NAME,
                                  italic=FONT_NAME, boldItalic=FONT_NAME)
    return FONT_NAME
