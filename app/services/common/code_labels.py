"""Human labels for the domain codes stored in the database (Qt-free: services, reports, CLI).

The Qt views translate the same codes with ``tr()`` in ``app/ui/widgets/enum_labels.py``.
"""

from __future__ import annotations

from app.i18n import _


def _table(kind: str) -> dict[str, str]:
    # Built on each call so the current language applies.
    tables = {
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
        },
        "acquisition": {
            "dvr_seizure": _("DVR seized on site"), "owner_sent": _("Sent by owner"),
            "platform_export": _("City video platform export"), "other": _("Other"),
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
            "lead_officer_id": _("Lead officer"),
        },
    }
    return tables[kind]


def label(kind: str, code: str | None) -> str:
    """The label of ``code`` in table ``kind`` (the code itself when unknown)."""
    if code is None or code == "":
        return unrecorded()
    return _table(kind).get(code, code)


def labels(kind: str) -> dict[str, str]:
    return dict(_table(kind))


def unrecorded() -> str:
    return _("Not recorded")
