"""Frozen data transfer objects of the organisation: squads and officers."""

from __future__ import annotations

from dataclasses import dataclass

from app.services.common.clock import DEFAULT_TZ


@dataclass(frozen=True, slots=True)
class SquadDTO:
    id: int
    code: str          # case-number prefix, e.g. 石峰
    name: str          # 石峰大队事故中队
    version: int
    officer_count: int = 0
    tz: str = DEFAULT_TZ  # IANA zone of the squad's clocks


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
    tz: str = DEFAULT_TZ  # IANA name, e.g. Asia/Urumqi


@dataclass(frozen=True, slots=True)
class OfficerInput:
    badge_no: str
    name: str
    squad_id: int | None = None
    rank: str = ""
    phone: str = ""
    active: bool = True
