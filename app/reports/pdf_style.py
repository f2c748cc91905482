"""Paragraph styles and table helpers shared by the PDF sections."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from app.reports.fonts import register_fonts
from app.reports.labels import text_or_unrecorded

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X
GRID = colors.HexColor("#9aa5b1")
HEAD_BG = colors.HexColor("#e4e9f0")
WARN = colors.HexColor("#b00020")


class Styles:
    """The report's paragraph styles (CJK line breaking, embedded font)."""

    def __init__(self) -> None:
        font = register_fonts()
        base = dict(fontName=font, wordWrap="CJK", leading=14, fontSize=9.5)
        self.body = ParagraphStyle("body", **base, spaceAfter=3)
        self.small = ParagraphStyle("small", **{**base, "fontSize": 8, "leading": 10.5})
        self.cell = ParagraphStyle("cell", **{**base, "fontSize": 8.5, "leading": 11.5})
        self.mono = ParagraphStyle("mono", **{**base, "fontSize": 7.5, "leading": 9.5,
                                              "wordWrap": None})
        # keepWithNext: a heading never ends a page without its content
        self.h1 = ParagraphStyle("h1", **{**base, "fontSize": 15, "leading": 20},
                                 spaceBefore=6, spaceAfter=8, keepWithNext=1)
        self.h2 = ParagraphStyle("h2", **{**base, "fontSize": 11.5, "leading": 16},
                                 spaceBefore=8, spaceAfter=4, textColor=colors.HexColor("#1f3a5f"),
                                 keepWithNext=1)
        self.title = ParagraphStyle("title", **{**base, "fontSize": 22, "leading": 30},
                                    alignment=TA_CENTER, spaceAfter=10)
        self.subtitle = ParagraphStyle("subtitle", **{**base, "fontSize": 13, "leading": 18},
                                       alignment=TA_CENTER, spaceAfter=16)
        self.caption = ParagraphStyle("caption", **{**base, "fontSize": 8, "leading": 10.5},
                                      spaceAfter=10, textColor=colors.HexColor("#333333"))
        self.warning = ParagraphStyle("warning", **base, textColor=WARN)


def para(text: object, style: ParagraphStyle, *, keep_empty: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped; newlines kept); empty → "Not recorded"."""
    raw = "" if text is None else str(text)
    shown = raw if keep_empty else text_or_unrecorded(raw)
    return Paragraph(escape(shown).replace("\n", "<br/>"), style)


PARA_CHUNK = 1500  # ReportLab lays a paragraph out in time quadratic in its length


def chunks(text: str, size: int = PARA_CHUNK) -> list[str]:
    """``text`` cut into paragraphs of at most ``size`` characters, at blank lines first, then
    at line or sentence ends, so a 1 M-character narrative renders in seconds."""
    out: list[str] = []
    for block in text.split("\n\n"):
        while len(block) > size:
            cut = max(block.rfind("\n", 0, size), block.rfind("。", 0, size))
            cut = cut + 1 if cut > size // 2 else size
            out.append(block[:cut])
            block = block[cut:]
        out.append(block)
    return out


def _style(header: bool) -> TableStyle:
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    return TableStyle(cmds)


def kv_table(rows: list[tuple[str, object]], styles: Styles, key_width: float = 32 * mm) -> Table:
    """Two columns: label | value."""
    data = [[para(k, styles.cell), para(v, styles.cell)] for k, v in rows]
    table = Table(data, colWidths=[key_width, FRAME_WIDTH - key_width])
    table.setStyle(_style(False))
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))
    return table


def grid(header: list[str], rows: Sequence[Sequence[object]], widths: list[float],
         styles: Styles) -> Table:
    """A table with a repeated header row; widths are fractions of the frame width."""
    total = sum(widths)
    data = [[para(h, styles.cell) for h in header]]
    data += [[c if hasattr(c, "wrap") else para(c, styles.cell) for c in row] for row in rows]
    table = Table(data, colWidths=[FRAME_WIDTH * w / total for w in widths], repeatRows=1)
    table.setStyle(_style(True))
    return table
