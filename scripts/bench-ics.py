"""Builds, with Python's icalendar, the same calendar Cadence exports, from the same rows
(the JSON `cadence bench-ics --json` writes), and writes it to a file. Prints the time taken
to build and write, without loading the JSON. Used by scripts/bench-ics.sh.

Usage: target/pyenv/bin/python scripts/bench-ics.py DATA.json OUT.ics"""
import json
import sys
import time
from datetime import date, datetime, timedelta

import icalendar

ICONS = {"Instagram": "📸", "Facebook": "📘", "LinkedIn": "💼", "X": "✖️"}
STATUS = {"idea": "TENTATIVE", "draft": "TENTATIVE", "in_review": "TENTATIVE"}


def build(data):
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//Cadence bench//Python icalendar//EN")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", data["name"])
    cal.add("x-wr-calname", data["name"])
    cal.add("refresh-interval", timedelta(hours=1))
    cal.add("x-published-ttl", "PT1H")
    for p in data["posts"]:
        ev = icalendar.Event()
        ev.add("uid", p["uid"])
        ev.add("sequence", p["sequence"])
        updated = datetime.fromisoformat(p["updated"])
        ev.add("dtstamp", updated)
        ev.add("created", datetime.fromisoformat(p["created"]))
        ev.add("last-modified", updated)
        if p["allDay"]:
            ev.add("dtstart", date.fromisoformat(p["start"]))
            ev.add("dtend", date.fromisoformat(p["end"]))
        else:
            ev.add("dtstart", datetime.fromisoformat(p["start"]))
            ev.add("dtend", datetime.fromisoformat(p["end"]))
        icons = "".join(ICONS.get(c.split(" ")[0], "📣") for c in p["channels"])
        ev.add("summary", f"{icons} {p['title']}" if icons else p["title"])
        facts = []
        if p["objective"]:
            facts.append(f"Objectif : {p['objective']}")
        if p["customerValue"]:
            facts.append(f"Valeur pour le client : {p['customerValue']}")
        facts.append(f"Statut : {p['status']}")
        if p["channels"]:
            facts.append("Canaux : " + ", ".join(p["channels"]))
        if p["tags"]:
            facts.append("Mots-clés : " + " ".join("#" + t for t in p["tags"]))
        body = p["body"] + "\n\n" if p["body"].strip() else ""
        ev.add("description", body + "\n".join(facts))
        cats = p["channels"] + ([p["objective"]] if p["objective"] else [])
        if cats:
            ev.add("categories", cats)
        ev.add("status", "CANCELLED" if p["cancelled"] else STATUS.get(p["status"], "CONFIRMED"))
        ev.add("transp", "TRANSPARENT")
        if p["color"]:
            ev.add("color", p["color"])
        cal.add_component(ev)
    return cal


def main(data_path, out_path):
    with open(data_path, encoding="utf-8") as f:
        data = json.load(f)
    t = time.perf_counter()
    cal = build(data)
    with open(out_path, "wb") as f:
        f.write(cal.to_ical())
    ms = (time.perf_counter() - t) * 1000
    print(f"python_icalendar_ms={ms:.1f} events={len(data['posts'])} icalendar={icalendar.__version__}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
