//! The « Données » commands through Tauri's IPC with the mock runtime, on real files: exports
//! to a chosen path, feeds served and fetched over HTTP, backups and restore (with the pool
//! opened again), the trash, CSV and ICS imports.
mod common;

use cadence_app::AppState;
use common::{app, invoke, Window};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::path::Path;
use tauri::Manager;

fn ok(w: &Window, cmd: &str, args: Value) -> Value {
    invoke(w, cmd, args.clone()).unwrap_or_else(|e| panic!("{cmd} {args}: {e}"))
}

fn plan_id(w: &Window) -> Value {
    ok(w, "app_info", json!({}))["defaultPlanId"].clone()
}

/// A plain HTTP/1.1 GET on 127.0.0.1: the status code.
fn http_status(url: &str) -> u16 {
    let rest = url.strip_prefix("http://").expect("http url");
    let (host, path) = rest.split_at(rest.find('/').expect("path"));
    let mut s = std::net::TcpStream::connect(host).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("read");
    answer
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status line")
}

#[test]
fn export_ics_and_csv_to_the_chosen_path_in_one_step() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));
    let plan = plan_id(&w);
    let overview = ok(&w, "plan_overview", json!({ "planId": plan }));
    let channel = overview["channels"][0]["id"].clone();
    let out = dir.path().join("mon plan.ics");
    std::fs::write(&out, "old content").expect("old");
    let filter = json!({ "planId": plan, "channelIds": [channel], "includeDrafts": true, "alarmMinutes": 30 });
    let done = ok(
        &w,
        "export_ics_file",
        json!({ "filter": filter, "path": out.display().to_string() }),
    );
    assert!(done["summary"]["posts"].as_u64().expect("posts") > 0);
    let text = std::fs::read_to_string(&out).expect("ics");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
    assert!(text.contains("BEGIN:VALARM"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A bad filter is refused and the file is left as it was.
    let bad = json!({ "planId": plan, "channelIds": ["nope"] });
    let err = invoke(
        &w,
        "export_ics_file",
        json!({ "filter": bad, "path": out.display().to_string() }),
    )
    .expect_err("bad filter");
    assert_eq!(err["code"], "not_found");
    assert_eq!(std::fs::read_to_string(&out).expect("ics"), text);
    // No path and no test seam: a coded error naming the path.
    let err = invoke(
        &w,
        "export_ics_file",
        json!({ "filter": filter, "path": null }),
    )
    .expect_err("no path");
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid"), Some("path"))
    );

    let csv = dir.path().join("vue.csv");
    let done = ok(
        &w,
        "export_csv_file",
        json!({ "filter": { "planId": plan, "channelIds": [channel] }, "path": csv.display().to_string() }),
    );
    let rows = done["summary"].as_u64().expect("rows");
    assert!(rows > 0);
    let all = ok(
        &w,
        "export_csv_file",
        json!({ "filter": { "planId": plan }, "path": csv.display().to_string() }),
    );
    assert!(
        all["summary"].as_u64().expect("rows") > rows,
        "the channel filter applies"
    );
}

#[test]
fn feeds_are_served_from_the_app_then_revoked_regenerated_and_stopped() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));
    let plan = plan_id(&w);
    let status = ok(&w, "feed_server_status", json!({}));
    assert_eq!(status["running"], false);
    assert_eq!(status["port"], 8719);

    let row = ok(
        &w,
        "create_feed",
        json!({ "input": { "name": "Équipe", "filter": { "planId": plan } } }),
    );
    let id = row["feed"]["id"].clone();
    let started = ok(&w, "start_feed_server", json!({ "port": 0, "lan": false }));
    assert_eq!(started["running"], true);
    assert_eq!(started["host"], "127.0.0.1");
    let port = started["port"].as_u64().expect("port");
    assert_ne!(port, 0);

    let feeds = ok(&w, "list_feeds", json!({ "planId": plan }));
    let url = feeds[0]["urls"]["http"].as_str().expect("url").to_owned();
    assert!(
        url.starts_with(&format!("http://127.0.0.1:{port}/feeds/")),
        "{url}"
    );
    assert!(feeds[0]["urls"]["webcal"]
        .as_str()
        .expect("webcal")
        .starts_with("webcal://"));
    assert_eq!(http_status(&url), 200);

    let again = ok(&w, "regenerate_feed_token", json!({ "id": id }));
    let new_url = again["urls"]["http"].as_str().expect("url").to_owned();
    assert_ne!(new_url, url);
    assert_eq!(http_status(&url), 404, "the old URL is dead");
    assert_eq!(http_status(&new_url), 200);
    ok(&w, "revoke_feed", json!({ "id": id }));
    assert_eq!(http_status(&new_url), 404);

    // The port is remembered (subscribed URLs keep working), and freed on stop.
    let stopped = ok(&w, "stop_feed_server", json!({}));
    assert_eq!(stopped["running"], false);
    assert_eq!(stopped["port"].as_u64(), Some(port));
    std::net::TcpListener::bind(("127.0.0.1", port as u16)).expect("the port is free again");
}

#[test]
fn back_up_then_restore_reopens_the_database() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    let (app, w) = app(&db);
    let plan = plan_id(&w);
    let backup = dir.path().join("sauvegarde.db");
    let taken = ok(
        &w,
        "backup_now",
        json!({ "path": backup.display().to_string() }),
    );
    assert!(taken["bytes"].as_u64().expect("bytes") > 0);

    let overview = ok(&w, "plan_overview", json!({ "planId": plan }));
    let channel_id = overview["channels"][0]["id"].clone();
    let input = json!({
        "planId": plan, "title": "Après la sauvegarde", "body": "",
        "channels": [{ "channelId": channel_id, "variant": null }],
        "objectiveId": null, "customerValue": "", "status": "draft",
        "planned": { "kind": "day", "date": "2026-12-03" },
        "durationMinutes": null, "eventId": null, "assignee": "", "tags": [], "links": [],
        "notes": "", "results": { "url": null, "likes": null, "comments": null, "shares": null }
    });
    let created = ok(&w, "create_post", json!({ "input": input }));
    let id = created["post"]["id"].clone();

    let safety = ok(
        &w,
        "restore_backup",
        json!({ "path": backup.display().to_string() }),
    );
    let safety_path = safety["path"].as_str().expect("safety").to_owned();
    assert!(safety_path.contains("before-restore-"), "{safety_path}");
    assert!(Path::new(&safety_path).is_file());
    // The reopened pool sees the restored content, and writes work.
    let err = invoke(&w, "update_post", json!({ "id": id, "input": input })).expect_err("gone");
    assert_eq!(err["code"], "not_found");
    ok(&w, "create_post", json!({ "input": input }));

    // A file that is not a Cadence database is refused, nothing changes.
    let junk = dir.path().join("notes.db");
    std::fs::write(&junk, "pas une base").expect("junk");
    let err = invoke(
        &w,
        "restore_backup",
        json!({ "path": junk.display().to_string() }),
    )
    .expect_err("junk");
    assert_eq!(err["code"], "not_a_database");

    // The daily chores: one automatic backup a day, listed with its size.
    let state = app.state::<AppState>();
    let (first, _) = cadence_app::data_commands::daily_maintenance(&state).expect("daily");
    assert!(first.created.is_some());
    let (second, _) = cadence_app::data_commands::daily_maintenance(&state).expect("daily");
    assert!(second.created.is_none(), "one a day");
    let list = ok(&w, "list_backups", json!({}));
    assert_eq!(list.as_array().expect("list").len(), 1);
    assert!(list[0]["bytes"].as_u64().expect("bytes") > 0);
    let info = ok(&w, "data_info", json!({}));
    assert_eq!(info["backupsKept"], 14);
    assert_eq!(info["trashDays"], 30);
}

#[test]
fn trash_lists_restores_and_empties() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));
    let plan = plan_id(&w);
    let overview = ok(&w, "plan_overview", json!({ "planId": plan }));
    let event = overview["events"][0]["id"].clone();
    let week = ok(&w, "check_plan", json!({ "planId": plan }));
    let post = week[0]["post"]["id"].clone();
    ok(&w, "delete_post", json!({ "id": post }));
    ok(&w, "delete_event", json!({ "id": event }));
    let other = ok(
        &w,
        "create_plan",
        json!({ "input": { "name": "Autre marque", "timezone": "America/Toronto", "locale": "fr-CA" } }),
    );
    ok(&w, "delete_plan", json!({ "id": other["id"] }));

    let trash = ok(&w, "trash_items", json!({ "planId": plan }));
    assert_eq!(trash["posts"].as_array().expect("posts").len(), 1);
    assert_eq!(trash["events"].as_array().expect("events").len(), 1);
    assert_eq!(trash["plans"][0]["name"], "Autre marque");
    let back = ok(&w, "restore_item", json!({ "id": other["id"] }));
    assert_eq!(back["kind"], "plan");
    let back = ok(&w, "restore_item", json!({ "id": event }));
    assert_eq!(back["kind"], "event");

    // Nothing is older than 30 days: emptying "old" items removes nothing…
    let none = ok(
        &w,
        "empty_trash",
        json!({ "planId": plan, "everything": false }),
    );
    assert_eq!(none["posts"], 0);
    // …and emptying everything (after the window's confirmation) removes the post.
    let all = ok(
        &w,
        "empty_trash",
        json!({ "planId": plan, "everything": true }),
    );
    assert_eq!(all["posts"], 1);
    let err = invoke(&w, "restore_item", json!({ "id": post })).expect_err("gone");
    assert_eq!(err["code"], "not_found");
}

#[test]
fn csv_preview_names_each_problem_then_imports_in_one_step() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));
    let plan = plan_id(&w);
    let file = dir.path().join("calendrier.csv");
    std::fs::write(
        &file,
        "date;heure;canal;titre;objectif;statut\n\
         03/12/2026;10h;Instagram;Bûche de Noël;;brouillon\n\
         31/02/2026;10h;Instagram;Mauvais jour;;\n\
         04/12/2026;;Snapchat;Nouveau réseau;Fidéliser les habitués;\n",
    )
    .expect("csv");
    let path = file.display().to_string();
    let preview = ok(
        &w,
        "preview_csv_import",
        json!({ "planId": plan, "path": path, "createOnly": null }),
    );
    let problems = preview["problems"].as_array().expect("problems");
    let codes: Vec<(u64, &str)> = problems
        .iter()
        .map(|p| {
            (
                p["row"].as_u64().expect("row"),
                p["code"].as_str().expect("code"),
            )
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            (3, "bad_date"),
            (4, "unknown_channel"),
            (4, "unknown_objective")
        ]
    );
    assert_eq!(problems[0]["value"], "31/02/2026");
    assert_eq!(preview["unknownChannels"], json!(["Snapchat"]));
    let err = invoke(
        &w,
        "import_csv",
        json!({ "planId": plan, "path": path, "createOnly": ["Snapchat", "Fidéliser les habitués"] }),
    )
    .expect_err("row 3 still has a problem");
    assert_eq!(err["code"], "import_row");

    // Fixed file: only the chosen unknown names are created.
    std::fs::write(
        &file,
        "date;heure;canal;titre;objectif\n\
         03/12/2026;10h;Instagram;Bûche de Noël;\n\
         04/12/2026;;Snapchat;Nouveau réseau;Fidéliser les habitués\n",
    )
    .expect("csv");
    let preview = ok(
        &w,
        "preview_csv_import",
        json!({ "planId": plan, "path": path, "createOnly": ["Snapchat"] }),
    );
    assert_eq!(preview["problems"][0]["code"], "unknown_objective");
    let done = ok(
        &w,
        "import_csv",
        json!({ "planId": plan, "path": path, "createOnly": ["snapchat", "FIDÉLISER les habitués"] }),
    );
    assert_eq!(done["posts"].as_array().expect("posts").len(), 2);
    let channels = ok(&w, "list_channels", json!({ "planId": plan }));
    assert!(channels
        .as_array()
        .expect("channels")
        .iter()
        .any(|c| c["name"] == "Snapchat"));
}

#[test]
fn ics_import_creates_then_updates_by_uid() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));
    let plan = plan_id(&w);
    let file = dir.path().join("salons.ics");
    let ics = |title: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:salon-1@example.org\r\n\
             DTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261211\r\n\
             SUMMARY:{title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    std::fs::write(&file, ics("Salon du chocolat")).expect("ics");
    let path = file.display().to_string();
    let first = ok(&w, "import_ics", json!({ "planId": plan, "path": path }));
    assert_eq!(
        (first["created"].as_u64(), first["updated"].as_u64()),
        (Some(1), Some(0))
    );
    std::fs::write(&file, ics("Salon du chocolat (Lyon)")).expect("ics");
    let second = ok(&w, "import_ics", json!({ "planId": plan, "path": path }));
    assert_eq!(
        (second["created"].as_u64(), second["updated"].as_u64()),
        (Some(0), Some(1))
    );
    let err = invoke(
        &w,
        "import_ics",
        json!({ "planId": plan, "path": dir.path().join("absent.ics").display().to_string() }),
    )
    .expect_err("missing");
    assert_eq!(err["code"], "io");
}
