"""The two-squad organisation the call-out and statistics tests start from."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import Officer, Squad


def add_squads(s: Session, name: str = "石峰") -> tuple[Squad, Squad, Officer, Officer]:
    """Squad 石峰 (shown as ``name``) with officers 白警官 (A1) and 李警官 (B2), and squad 荷塘."""
    sq, other = Squad(code="石峰", name=name), Squad(code="荷塘", name="荷塘")
    s.add_all([sq, other])
    s.flush()
    a = Officer(badge_no="A1", name="白警官", squad_id=sq.id)
    b = Officer(badge_no="B2", name="李警官", squad_id=sq.id)
    s.add_all([a, b])
    s.flush()
    return sq, other, a, b
