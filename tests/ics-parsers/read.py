"""Reads an .ics file with Python's icalendar and prints what it understood as JSON, in the
same shape as read.mjs. Usage: target/pyenv/bin/python tests/ics-parsers/read.py FILE.ics"""
import json
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar

PARIS = ZoneInfo("Europe/Paris")
TORONTO = ZoneInfo("America/Toronto")


def utc_text(t):
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def when(component, name):
    if name not in component:
        return None
    t = component.decoded(name)
    if isinstance(t, datetime):
        if t.tzinfo is None or t.utcoffset() != timedelta(0):
            raise ValueError(f"{name} is not a UTC time: {t!r}")
        return {
            "utc": utc_text(t),
            "paris": t.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M"),
            "toronto": t.astimezone(TORONTO).strftime("%Y-%m-%dT%H:%M"),
        }
    if isinstance(t, date):
        return {"date": t.isoformat()}
    raise ValueError(f"{name}: unexpected {t!r}")


def text(component, name):
    v = component.get(name)
    return None if v is None else str(v)


def categories(component):
    value = component.get("CATEGORIES")
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(c) for v in values for c in v.cats]


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    errors = [f"{c.name}: {e}" for c in cal.walk() for e in getattr(c, "errors", [])]
    events = []
    for ev in cal.walk("VEVENT"):
        stamp = lambda n: when(ev, n)["utc"] if n in ev else None
        events.append(
            {
                "uid": text(ev, "UID"),
                "sequence": int(ev.get("SEQUENCE", 0)),
                "status": text(ev, "STATUS"),
                "summary": text(ev, "SUMMARY"),
                "description": text(ev, "DESCRIPTION"),
                "location": text(ev, "LOCATION"),
                "url": text(ev, "URL"),
                "color": text(ev, "COLOR"),
                "categories": categories(ev),
                "start": when(ev, "DTSTART"),
                "end": when(ev, "DTEND"),
                "dtstamp": stamp("DTSTAMP"),
                "created": stamp("CREATED"),
                "lastModified": stamp("LAST-MODIFIED"),
                "alarms": [a.get("TRIGGER").to_ical().decode() for a in ev.walk("VALARM")],
            }
        )
    refresh = cal.get("REFRESH-INTERVAL")
    print(
        json.dumps(
            {
                "parser": f"icalendar {icalendar.__version__}",
                # NAME carries VALUE=TEXT, so icalendar decodes it; X-WR-CALNAME is read raw.
                "name": text(cal, "NAME"),
                "wrCalname": text(cal, "X-WR-CALNAME"),
                "refresh": None if refresh is None else refresh.to_ical().decode(),
                "ttl": text(cal, "X-PUBLISHED-TTL"),
                "errors": errors,
                "events": events,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
