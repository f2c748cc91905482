"""Frozen data transfer objects of the organisation: squads and officers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SquadDTO:
    id: int
    code: str          # case-number prefix, e.g. 石峰
    name: str          # 石峰大队事故中队
    version: int
    officer_count: int = 0


@dataclass(frozen=True, slots=True)
class OfficerDTO:
    id: int
    badge_no: str
    name: str
    squad_id: int | None
    squad_name: str
    rank: str
    phone: str
    active: bool
    version: int


@dataclass(frozen=True, slots=True)
class SquadInput:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class OfficerInput:
    badge_no: str
    name: str
    squad_id: int | None = None
    rank: str = ""
    phone: str = ""
    active: bool = True
