"""Three-way merge of two edits of one record (pure Python, no Qt; the conflict dialog shows it).

``base`` is the record as it was loaded, ``mine`` the form now, ``theirs`` the record as another
workstation saved it meanwhile. All three are input dataclasses (CaseInput, PersonInput, ...).
``shown`` (optional) is ``base`` as the form displayed it — widgets may round a value (a float
to 6 decimals, a time to the minute), so "did I change it?" compares the form with the form, and
"did they change it?" compares the database with the database.

Per field: changed only by me → mine; only by them → theirs; by both to the same value → that
value; by both differently → a conflict the user settles (default: mine); by nobody → the
database value, untouched by any rounding of the form.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Source(Enum):
    MINE = "mine"          # only I changed it
    THEIRS = "theirs"      # only they changed it
    SAME = "same"          # both changed it to the same value
    CONFLICT = "conflict"  # both changed it, differently: the user picks


MINE, THEIRS = "mine", "theirs"


def same(a: object, b: object) -> bool:
    """Equal as far as a user can tell (lists and tuples alike, None and "" alike)."""
    def norm(v: object) -> object:
        if isinstance(v, list | tuple):
            return tuple(v)
        return None if v == "" else v
    return norm(a) == norm(b)


@dataclass(frozen=True)
class FieldMerge:
    name: str
    base: Any
    mine: Any
    theirs: Any
    source: Source


@dataclass(frozen=True)
class MergePlan:
    """The field-by-field comparison; :meth:`result` builds the record to save."""

    base: Any
    mine: Any
    theirs: Any
    rows: tuple[FieldMerge, ...]   # only fields someone changed, in the dataclass's order

    @property
    def conflicts(self) -> tuple[FieldMerge, ...]:
        return tuple(r for r in self.rows if r.source is Source.CONFLICT)

    @property
    def theirs_changed(self) -> bool:
        """Did the other edit touch any field of this record at all?"""
        return any(r.source is not Source.MINE for r in self.rows)

    def row(self, name: str) -> FieldMerge:
        return next(r for r in self.rows if r.name == name)

    def result(self, picks: Mapping[str, str] | None = None) -> Any:
        """The merged record; ``picks`` = {field: "mine" | "theirs"} for conflicts (default mine)."""
        picks = picks or {}
        values = {f.name: getattr(self.theirs, f.name) for f in dataclasses.fields(self.theirs)}
        for r in self.rows:
            if r.source is Source.MINE or (r.source is Source.CONFLICT
                                           and picks.get(r.name, MINE) == MINE):
                values[r.name] = r.mine
        return dataclasses.replace(self.theirs, **values)

    def overwrite(self) -> Any:
        """Mine on every field anyone changed (their changes are undone); the rest untouched."""
        return dataclasses.replace(self.theirs, **{r.name: r.mine for r in self.rows})


def plan_merge(base: Any, mine: Any, theirs: Any, shown: Any | None = None) -> MergePlan:
    """Compare the three versions of one record (see module doc)."""
    shown = base if shown is None else shown
    rows = []
    for f in dataclasses.fields(base):
        b, s = getattr(base, f.name), getattr(shown, f.name)
        m, t = getattr(mine, f.name), getattr(theirs, f.name)
        mine_changed, theirs_changed = not same(m, s), not same(t, b)
        if mine_changed and theirs_changed:
            source = Source.SAME if same(m, t) else Source.CONFLICT
        elif mine_changed:
            source = Source.MINE
        elif theirs_changed:
            source = Source.THEIRS
        else:
            continue
        rows.append(FieldMerge(f.name, b, m, t, source))
    return MergePlan(base, mine, theirs, tuple(rows))
