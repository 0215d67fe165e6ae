//! Cadence's exports read back by independent parsers: ical.js (npm, Thunderbird's parser)
//! and Python's icalendar (pip). Both are installed by `tests/ics-parsers/setup.sh`; when they
//! are missing these tests fail and say so (they never skip).
mod common;

use cadence::ics::{event_uid, post_uid};
use cadence::model::*;
use cadence::Cadence;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use common::edge_plan::{edge_plan, EdgePlan};
use common::open_temp;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const SETUP: &str = "tests/ics-parsers/setup.sh";

/// Runs both parsers on `file`; returns (ical.js JSON, icalendar JSON).
fn read_back(file: &Path) -> (Value, Value) {
    let node_module = root().join("tests/ics-parsers/node_modules/ical.js/package.json");
    let python = root().join("target/pyenv/bin/python");
    assert!(
        node_module.exists() && python.exists(),
        "the independent ICS parsers are not installed: run `{SETUP}` first \
         (it needs node/npm and python3 with venv; `make test` runs it)"
    );
    let run = |cmd: &Path, script: &str| -> Value {
        let out = Command::new(cmd)
            .arg(root().join(script))
            .arg(file)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e} — run `{SETUP}`", cmd.display()));
        assert!(
            out.status.success(),
            "{script} could not read {}:\n{}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("the reader prints JSON")
    };
    (
        run(Path::new("node"), "tests/ics-parsers/read.mjs"),
        run(&python, "tests/ics-parsers/read.py"),
    )
}

/// What a reader must find for one VEVENT.
struct Expected {
    sequence: i64,
    status: &'static str,
    start: Value,
    end: Option<Value>,
    title: String,
    /// The DESCRIPTION starts with this text.
    text: String,
    categories: Vec<String>,
    location: Option<String>,
    alarm: bool,
}

fn instant(t: DateTime<Utc>) -> Value {
    let wall = |zone: Tz| t.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string();
    json!({
        "utc": t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        "paris": wall(chrono_tz::Europe::Paris),
        "toronto": wall(chrono_tz::America::Toronto),
    })
}

fn day(d: chrono::NaiveDate) -> Value {
    json!({ "date": d.format("%Y-%m-%d").to_string() })
}

/// The VEVENTs an export of `plan_id` with `filter` must hold, by UID, from the stored rows.
fn expected(cadence: &Cadence, filter: &ExportFilter) -> BTreeMap<String, Expected> {
    let plan_id = &filter.plan_id;
    let overview = cadence.plan_overview(plan_id).expect("overview");
    let channel_name = |id: &str| {
        overview
            .channels
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
    };
    let objective = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| overview.objectives.iter().find(|o| &o.id == id))
    };
    let from = common::date("2026-01-01");
    let mut posts: Vec<Post> = cadence
        .range(plan_id, from, from + Duration::days(700))
        .expect("range")
        .posts
        .into_iter()
        .map(|v| v.post)
        .collect();
    posts.extend(cadence.trash(plan_id).expect("trash"));
    let mut out = BTreeMap::new();
    for p in posts {
        let cancelled = p.status == PostStatus::Cancelled || p.meta.deleted_at.is_some();
        if !cancelled && !filter.wants_status(p.status) {
            continue;
        }
        let (start, end) = match p.planned.as_ref().expect("planned") {
            Planned::At { at, .. } => (
                instant(*at),
                instant(*at + Duration::minutes(p.duration_minutes.map_or(30, i64::from))),
            ),
            Planned::Day { date } => (day(*date), day(date.succ_opt().expect("next day"))),
        };
        let status = match p.status {
            _ if cancelled => "CANCELLED",
            PostStatus::Idea | PostStatus::Draft | PostStatus::InReview => "TENTATIVE",
            _ => "CONFIRMED",
        };
        let mut categories: Vec<String> = p
            .channels
            .iter()
            .filter_map(|c| channel_name(&c.channel_id))
            .collect();
        categories.extend(objective(&p.objective_id).map(|o| o.title.clone()));
        out.insert(
            post_uid(&p.id),
            Expected {
                sequence: p.meta.revision,
                status,
                start,
                end: Some(end),
                title: p.title.clone(),
                text: p.body.replace("\r\n", "\n").replace('\r', "\n"),
                categories,
                location: None,
                alarm: filter.alarm_minutes.is_some() && !cancelled,
            },
        );
    }
    for e in &overview.events {
        out.insert(event_uid(&e.id), expected_event(e));
    }
    out
}

fn expected_event(e: &Event) -> Expected {
    let (start, end) = match &e.when {
        EventWhen::AllDay { start, end } => (day(*start), Some(day(end.succ_opt().expect("day")))),
        EventWhen::Timed { start, end, .. } => {
            (instant(*start), (end > start).then(|| instant(*end)))
        }
    };
    Expected {
        sequence: e.meta.revision,
        status: if e.meta.deleted_at.is_some() {
            "CANCELLED"
        } else {
            "CONFIRMED"
        },
        start,
        end,
        title: e.title.clone(),
        text: String::new(),
        categories: Vec::new(),
        location: Some(e.location.clone()).filter(|l| !l.is_empty()),
        alarm: false,
    }
}

/// Checks one parser's reading against what the rows say.
fn check(reading: &Value, want: &BTreeMap<String, Expected>, calendar_name: &str) {
    let parser = reading["parser"].as_str().unwrap_or("?");
    assert_eq!(reading["errors"], json!([]), "{parser} found errors");
    assert_eq!(reading["name"], calendar_name, "{parser}: NAME");
    let mut escaped = String::new();
    cadence::ics::writer::escape_into(&mut escaped, calendar_name);
    assert_eq!(
        reading["wrCalname"], escaped,
        "{parser}: X-WR-CALNAME (read raw)"
    );
    assert_eq!(reading["refresh"], "PT1H", "{parser}: REFRESH-INTERVAL");
    assert_eq!(reading["ttl"], "PT1H", "{parser}: X-PUBLISHED-TTL");
    let events = reading["events"].as_array().expect("events");
    assert_eq!(events.len(), want.len(), "{parser}: event count");
    for ev in events {
        let uid = ev["uid"].as_str().expect("uid");
        let w = want
            .get(uid)
            .unwrap_or_else(|| panic!("{parser}: unexpected UID {uid}"));
        let ctx = format!("{parser}, {uid} ({})", w.title);
        assert_eq!(ev["sequence"], w.sequence, "{ctx}: SEQUENCE");
        assert_eq!(ev["status"], w.status, "{ctx}: STATUS");
        assert_eq!(ev["start"], w.start, "{ctx}: DTSTART");
        if let Some(end) = &w.end {
            assert_eq!(&ev["end"], end, "{ctx}: DTEND");
        }
        let summary = ev["summary"].as_str().expect("summary");
        assert!(summary.ends_with(&w.title), "{ctx}: SUMMARY {summary:?}");
        let description = ev["description"].as_str().unwrap_or("");
        if !w.text.is_empty() {
            assert!(
                description.starts_with(&format!("{}\n\n", w.text)),
                "{ctx}: DESCRIPTION does not start with the text:\n{description:?}\n{:?}",
                w.text
            );
        }
        for c in &w.categories {
            assert!(
                ev["categories"]
                    .as_array()
                    .expect("categories")
                    .contains(&json!(c)),
                "{ctx}: CATEGORIES lack {c:?}: {}",
                ev["categories"]
            );
        }
        if let Some(l) = &w.location {
            assert_eq!(ev["location"], json!(l), "{ctx}: LOCATION");
        }
        let alarms = if w.alarm {
            json!(["-PT30M"])
        } else {
            json!([])
        };
        assert_eq!(ev["alarms"], alarms, "{ctx}: VALARM");
        for stamp in ["dtstamp", "created", "lastModified"] {
            assert!(
                ev[stamp].as_str().is_some_and(|s| s.ends_with('Z')),
                "{ctx}: {stamp} in UTC"
            );
        }
    }
}

/// The two parsers must also agree with each other on every field they report.
fn agree(a: &Value, b: &Value) {
    let by_uid = |v: &Value| -> BTreeMap<String, Value> {
        v["events"]
            .as_array()
            .expect("events")
            .iter()
            .map(|e| (e["uid"].as_str().expect("uid").to_owned(), e.clone()))
            .collect()
    };
    let (a, b) = (by_uid(a), by_uid(b));
    assert_eq!(a.len(), b.len());
    for (uid, ea) in &a {
        assert_eq!(Some(ea), b.get(uid), "the two parsers disagree on {uid}");
    }
}

fn export_to(cadence: &Cadence, filter: &ExportFilter, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("create");
    cadence.export_ics(filter, file).expect("export");
    path
}

fn find<'a>(reading: &'a Value, uid: &str) -> &'a Value {
    reading["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["uid"] == uid)
        .unwrap_or_else(|| panic!("{uid} not read"))
}

#[test]
fn the_sample_plan_reads_back_in_ical_js_and_python_icalendar() {
    let (dir, cadence) = open_temp();
    let plan = cadence::demo::create_sample(&cadence, common::date("2026-12-02")).expect("demo");
    let filter = ExportFilter::for_plan(&plan.id);
    let file = export_to(&cadence, &filter, dir.path(), "sample.ics");
    let want = expected(&cadence, &filter);
    assert_eq!(want.len(), 13, "11 posts past the draft stage and 2 events");
    let (js, py) = read_back(&file);
    check(&js, &want, &plan.name);
    check(&py, &want, &plan.name);
    agree(&js, &py);
}

#[test]
fn the_edge_case_plan_reads_back_in_ical_js_and_python_icalendar() {
    let (dir, cadence) = open_temp();
    let edge: EdgePlan = edge_plan(&cadence);
    let filter = ExportFilter {
        include_drafts: true,
        alarm_minutes: Some(30),
        ..ExportFilter::for_plan(&edge.plan.id)
    };
    let file = export_to(&cadence, &filter, dir.path(), "edge.ics");
    let mut want = expected(&cadence, &filter);
    want.insert(
        event_uid(&edge.deleted_event.id),
        expected_event(&edge.deleted_event),
    );
    assert_eq!(want.len(), 21);
    let (js, py) = read_back(&file);
    check(&js, &want, &edge.plan.name);
    check(&py, &want, &edge.plan.name);
    agree(&js, &py);

    // Wall-clock times on both sides of the DST changes, as each parser understood them.
    for reading in [&js, &py] {
        let at = |title: &str| -> (String, String) {
            let ev = reading["events"]
                .as_array()
                .expect("events")
                .iter()
                .find(|e| e["summary"].as_str().is_some_and(|s| s.ends_with(title)))
                .unwrap_or_else(|| panic!("{title} not read"));
            (
                ev["start"]["paris"].as_str().expect("paris").to_owned(),
                ev["start"]["toronto"].as_str().expect("toronto").to_owned(),
            )
        };
        let pair = |p: &str, t: &str| (p.to_owned(), t.to_owned());
        assert_eq!(
            at("Paris, avant l'heure d'été"),
            pair("2026-03-27T10:00", "2026-03-27T05:00")
        );
        assert_eq!(
            at("Paris, après l'heure d'été"),
            pair("2026-03-30T10:00", "2026-03-30T04:00")
        );
        assert_eq!(
            at("Paris, avant l'heure d'hiver"),
            pair("2026-10-23T10:00", "2026-10-23T04:00")
        );
        assert_eq!(
            at("Paris, après l'heure d'hiver"),
            pair("2026-10-26T10:00", "2026-10-26T05:00")
        );
        assert_eq!(
            at("Toronto, avant l'heure d'été"),
            pair("2026-03-06T16:00", "2026-03-06T10:00")
        );
        assert_eq!(
            at("Toronto, après l'heure d'été"),
            pair("2026-03-09T15:00", "2026-03-09T10:00")
        );
        assert_eq!(
            at("Toronto, avant l'heure d'hiver"),
            pair("2026-10-30T15:00", "2026-10-30T10:00")
        );
        assert_eq!(
            at("Toronto, après l'heure d'hiver"),
            pair("2026-11-02T16:00", "2026-11-02T10:00")
        );
        assert_eq!(
            at("Heure répétée à Paris"),
            pair("2026-10-25T02:30", "2026-10-24T20:30")
        );

        // Text round trip, exactly.
        let long = find(reading, &post_uid(&edge.long.id));
        assert_eq!(long["summary"], "📸💼 ".to_owned() + &edge.long.title);
        let d = long["description"].as_str().expect("description");
        assert_eq!(&d[..edge.long.body.len()], edge.long.body);
        assert!(d.contains("\nValeur pour le client : Savoir où, quand; et combien, \\ tout\n"));
        assert!(d.contains("\nMots-clés : #noël #a,b;c\n"));
        assert!(d.ends_with("\nLiens : https://exemple.fr/a?b=1,2;3"));
        assert_eq!(
            long["categories"],
            json!([
                "Insta, Paris; \"officiel\"",
                "LinkedIn Toronto 🍁",
                "Ventes, fêtes; Noël \\ 2026"
            ])
        );
        let edited = find(reading, &post_uid(&edge.edited.id));
        assert_eq!(edited["sequence"], 2);
        assert_eq!(edited["url"], "https://www.instagram.com/p/edge,1");
        assert_eq!(edited["start"]["paris"], "2026-12-10T11:00");
        let deleted = find(reading, &post_uid(&edge.deleted.id));
        assert_eq!(deleted["status"], "CANCELLED");
        let cancelled = find(reading, &post_uid(&edge.cancelled.id));
        assert_eq!(cancelled["status"], "CANCELLED");
        assert_eq!(cancelled["sequence"], 1);
    }
}

#[test]
fn an_edit_then_a_delete_update_the_event_in_the_parsers_instead_of_duplicating_it() {
    let (dir, cadence) = open_temp();
    let edge = edge_plan(&cadence);
    let filter = ExportFilter::for_plan(&edge.plan.id);
    let before = read_back(&export_to(&cadence, &filter, dir.path(), "before.ics"));
    let uid = post_uid(&edge.long.id);
    let mut input = cadence::service::input_of(&edge.long);
    input.body = "Texte remplacé, après relecture ; «final»".into();
    cadence.update_post(&edge.long.id, &input).expect("edit");
    let edited = read_back(&export_to(&cadence, &filter, dir.path(), "edited.ics"));
    cadence.delete_post(&edge.long.id).expect("delete");
    let deleted = read_back(&export_to(&cadence, &filter, dir.path(), "deleted.ics"));
    for (b, e, d) in [
        (&before.0, &edited.0, &deleted.0),
        (&before.1, &edited.1, &deleted.1),
    ] {
        let n = |v: &Value| v["events"].as_array().expect("events").len();
        assert_eq!(n(b), n(e), "same number of events after an edit");
        assert_eq!(n(b), n(d), "a deleted post stays, cancelled");
        let (b, e, d) = (find(b, &uid), find(e, &uid), find(d, &uid));
        assert_eq!(b["sequence"], 0);
        assert_eq!(e["sequence"], 1);
        assert_eq!(d["sequence"], 2);
        assert!(e["description"]
            .as_str()
            .expect("d")
            .starts_with("Texte remplacé, après relecture ; «final»\n\n"));
        assert_eq!(b["status"], "CONFIRMED");
        assert_eq!(d["status"], "CANCELLED");
        assert!(e["lastModified"].as_str() >= b["lastModified"].as_str());
    }
}
