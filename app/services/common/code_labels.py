"""The one table of human labels for the domain codes stored in the database (Qt-free).

Services, reports and the CLI call :func:`label`; the Qt views read the same table through
``app/ui/widgets/enum_labels.py``, which passes the Qt translator as ``_`` (same codes, same
English words; ``tools/update_translations.py`` collects the ``_()`` words of this module for
the GUI catalogue too).
"""

from __future__ import annotations

from collections.abc import Callable

from app.i18n import _, language

Translate = Callable[[str], str]
_cache: dict[tuple[str, str], dict[str, str]] = {}


def _table(kind: str) -> dict[str, str]:
    """One kind's labels in the core catalogue's current language (built once per language)."""
    key = (language(), kind)
    if key not in _cache:
        _cache[key] = _tables(_)[kind]
    return _cache[key]


def clear_cache() -> None:
    """Forget the built labels (after the language or a catalogue changed)."""
    _cache.clear()


def table(kind: str, translate: Translate) -> dict[str, str]:
    """Table ``kind`` with its English words translated by ``translate`` (the views pass the
    Qt translator's lookup)."""
    return _tables(translate)[kind]


def kinds() -> tuple[str, ...]:
    """The names of all tables."""
    return tuple(_tables(str))


def _tables(_: Translate) -> dict[str, dict[str, str]]:
    # ``_`` is the core catalogue or the views' Qt lookup (a parameter, so one table serves both).
    return {
        "status": {
            "reported": _("Reported"), "investigating": _("Investigating"),
            "suspect_identified": _("Suspect identified"), "solved": _("Solved"),
            "closed": _("Closed"), "suspended": _("Suspended"),
        },
        "person_role": {
            "victim": _("Victim"), "suspect": _("Suspect"), "witness": _("Witness"),
            "reporting_party": _("Reporting party"),
        },
        "vehicle_kind": {
            "three_wheel_motorcycle": _("Three-wheeled motorcycle"),
            "two_wheel_ebike": _("Two-wheeled e-bike"), "motorcycle": _("Motorcycle"),
            "car": _("Car"), "suv": _("SUV"), "van": _("Van"), "truck": _("Truck"),
            "bus": _("Bus"), "bicycle": _("Bicycle"), "other": _("Other"),
            "unknown": _("Unknown"),
        },
        "gender": {"男": _("male"), "女": _("female")},
        "vehicle_role": {
            "suspect_1": _("Suspect vehicle 1"), "suspect_2": _("Suspect vehicle 2"),
            "suspect_3": _("Suspect vehicle 3"), "victim": _("Victim's vehicle"),
            "witness": _("Witness vehicle"), "other": _("Other"),
        },
        "inquiry_status": {
            "open": _("Open"), "active": _("In progress"), "done": _("Done"),
            "dropped": _("Dropped"),
        },
        "event_kind": {
            "callout": _("Call-out"), "accident": _("Accident"), "scene": _("Scene examination"),
            "meeting": _("Case-analysis meeting"), "observation": _("Observation"),
            "sighting": _("Sighting"), "inference": _("Inference"), "action": _("Action"),
            "search": _("Search"), "canvass": _("Canvassing"),
            "identification": _("Identification"), "arrest": _("Arrest"),
            "interview": _("Interview"), "confession": _("Confession"), "other": _("Other"),
        },
        "custody": {
            "import": _("Imported"), "view": _("Viewed"), "export": _("Exported"),
            "verify": _("Verified"), "verify_failed": _("Verification FAILED"),
            "derive": _("Readable copy made"),
        },
        "acquisition": {
            "dvr_seizure": _("DVR seized on site"), "owner_sent": _("Sent by owner"),
            "platform_export": _("City video platform export"), "other": _("Other"),
        },
        "coverage": {
            "to_ask": _("To ask"), "asked": _("Asked"), "collected": _("Collected"),
            "reviewed": _("Reviewed"), "nothing_relevant": _("Nothing relevant"),
        },
        "evidence_kind": {
            "video": _("Video"), "image": _("Image"), "photo": _("Photo"),
            "document": _("Document"), "statement": _("Statement"),
            "trace": _("Physical trace"), "audio": _("Audio"),
            "source": _("Recording as received"),
        },
        "owner_kind": {
            "police": _("Police"), "city_management": _("City management"),
            "water": _("Water and power"), "education": _("Education"),
            "estate": _("Housing estate"), "shop": _("Shop"),
            "traffic": _("Traffic police checkpoint"), "other": _("Other"),
        },
        "task_kind": {"grid_search": _("Grid search"), "canvass": _("Canvassing")},
        "task_status": {
            "planned": _("Planned"), "assigned": _("Assigned"), "in_progress": _("In progress"),
            "done": _("Done"), "cancelled": _("Cancelled"),
        },
        "callout_kind": {
            "property_damage": _("Property damage"), "injury": _("Injury"),
            "fatal": _("Fatal"), "hit_and_run": _("Hit-and-run"),
        },
        "field": {
            "name": _("Name"), "plate": _("Plate"), "id_number": _("ID number"),
            "phone": _("Phone"), "address": _("Address"), "colour": _("Colour"),
            "kind": _("Kind"), "make_model": _("Make/model"), "features": _("Features"),
            "damage": _("Damage"), "description": _("Description"), "age": _("Age"),
            "gender": _("Gender"), "identified": _("Identified"), "unlicensed": _("Unlicensed"),
            "status": _("Status"), "findings": _("Findings"), "narrative": _("Narrative"),
            "role": _("Role"), "identified_at": _("Identified at"), "title": _("Title"),
            "occurred_at": _("Occurred at"), "reported_at": _("Reported at"),
            "address_detail": _("Address"), "district": _("District"), "road": _("Road"),
            "light": _("Light"), "weather": _("Weather"), "team": _("Team"),
            "objective": _("Objective"), "members": _("Members"),
            "casualty_summary": _("Casualties"), "direction_of_travel": _("Direction of travel"),
            "lead_officer_id": _("Lead officer"), "case_no": _("Case number"),
            "lat": _("Latitude"), "lon": _("Longitude"), "squad_id": _("Squad"),
            "held_at": _("Held at"), "location": _("Location"), "chair": _("Chair"),
            "attendees": _("Attendees"), "decisions": _("Decisions"), "detail": _("Detail"),
            "meeting_id": _("Meeting"), "inquiry_id": _("Line of inquiry"),
            "solved_at": _("Solved at"), "closed_at": _("Closed at"), "tz": _("Time zone"),
        },
        "entity": {
            "case": _("Case"), "person": _("Person"), "vehicle": _("Vehicle"),
            "inquiry": _("Line of inquiry"), "meeting": _("Meeting"), "event": _("Event"),
        },
    }


def label(kind: str, code: str | None) -> str:
    """The label of ``code`` in table ``kind`` (the code itself when unknown)."""
    if code is None or code == "":
        return unrecorded()
    return _table(kind).get(code, code)


def word(kind: str, code: str) -> str:
    """The label of ``code`` in table ``kind``; the code itself when the table lacks it."""
    return _table(kind).get(code, code)


def labels(kind: str) -> dict[str, str]:
    return dict(_table(kind))


def unrecorded() -> str:
    return _("Not recorded")
