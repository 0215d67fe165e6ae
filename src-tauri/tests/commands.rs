//! The window's commands, run through Tauri's IPC with the mock runtime (no display) against a
//! real database file: arguments arrive as the UI sends them, errors leave as `{code, message}`.
mod common;

use common::{app, invoke};
use serde_json::json;

#[test]
fn first_run_opens_the_sample_plan_and_its_current_week() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("cadence.db");
    let (_app, w) = app(&db);
    let info = invoke(&w, "app_info", json!({})).expect("app_info");
    let plan_id = info["defaultPlanId"]
        .as_str()
        .expect("a default plan")
        .to_owned();
    assert_eq!(info["dbPath"], db.display().to_string());
    let plans = invoke(&w, "list_plans", json!({})).expect("plans");
    assert_eq!(plans[0]["name"], "Boulangerie Les Trois Épis");

    let today =
        chrono::NaiveDate::parse_from_str(info["today"].as_str().expect("today"), "%Y-%m-%d")
            .expect("date");
    let monday = cadence::time::monday_of(today);
    let week = invoke(
        &w,
        "range_view",
        json!({ "planId": plan_id, "from": monday.to_string(), "to": (monday + chrono::Duration::days(7)).to_string() }),
    )
    .expect("range_view");
    let posts = week["posts"].as_array().expect("posts");
    assert!(posts.len() >= 6, "{} posts", posts.len());
    assert!(posts
        .iter()
        .any(|p| !p["warnings"].as_array().expect("w").is_empty()));
    assert_eq!(week["channels"].as_array().expect("channels").len(), 4);
}

#[test]
fn create_update_reschedule_delete_restore_through_ipc() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));
    let plan_id = invoke(&w, "app_info", json!({})).expect("info")["defaultPlanId"].clone();
    let overview = invoke(&w, "plan_overview", json!({ "planId": plan_id })).expect("overview");
    let channel_id = overview["channels"][0]["id"].clone();
    let input = json!({
        "planId": plan_id, "title": "Publication créée par l'IPC", "body": "Texte",
        "channels": [{ "channelId": channel_id, "variant": null }],
        "objectiveId": null, "customerValue": "", "status": "draft",
        "planned": { "kind": "at", "local": "2026-12-03T10:00:00", "timezone": "Europe/Paris" },
        "durationMinutes": null, "eventId": null, "assignee": "", "tags": ["ipc"], "links": [],
        "notes": "", "results": { "url": null, "likes": null, "comments": null, "shares": null }
    });
    let created = invoke(&w, "create_post", json!({ "input": input })).expect("create");
    let id = created["post"]["id"].clone();
    let codes: Vec<&str> = created["warnings"]
        .as_array()
        .expect("w")
        .iter()
        .filter_map(|w| w["code"].as_str())
        .collect();
    assert_eq!(codes, vec!["no_objective", "no_customer_value"]);
    assert_eq!(created["post"]["planned"]["at"], "2026-12-03T09:00:00Z");

    let mut edited = input.clone();
    edited["title"] = json!("Titre modifié");
    let updated = invoke(&w, "update_post", json!({ "id": id, "input": edited })).expect("update");
    assert_eq!(updated["post"]["revision"], 1);

    let moved = invoke(
        &w,
        "reschedule_post",
        json!({ "id": id, "planned": { "kind": "day", "date": "2026-12-04" } }),
    )
    .expect("reschedule");
    assert_eq!(
        moved["post"]["planned"],
        json!({ "kind": "day", "date": "2026-12-04" })
    );
    assert_eq!(moved["post"]["title"], "Titre modifié");

    let deleted = invoke(&w, "delete_post", json!({ "id": id })).expect("delete");
    assert!(deleted["post"]["deletedAt"].is_string());
    let restored = invoke(&w, "restore_post", json!({ "id": id })).expect("restore");
    assert!(restored["post"]["deletedAt"].is_null());
    let checked = invoke(&w, "check_plan", json!({ "planId": plan_id })).expect("check");
    assert!(checked
        .as_array()
        .expect("a")
        .iter()
        .any(|v| v["post"]["id"] == id));
}

#[test]
fn errors_reach_the_ui_as_codes_with_the_field() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));
    let plan_id = invoke(&w, "app_info", json!({})).expect("info")["defaultPlanId"].clone();
    let input = json!({
        "planId": plan_id, "title": "   ", "body": "", "channels": [], "objectiveId": null,
        "customerValue": "", "status": "draft", "planned": null, "durationMinutes": null,
        "eventId": null, "assignee": "", "tags": [], "links": [], "notes": "",
        "results": { "url": null, "likes": null, "comments": null, "shares": null }
    });
    let err = invoke(&w, "create_post", json!({ "input": input })).expect_err("refused");
    assert_eq!(err["code"], "empty");
    assert_eq!(err["field"], "title");
    assert!(err["message"].as_str().expect("message").contains("title"));
    let err = invoke(
        &w,
        "range_view",
        json!({ "planId": "nope", "from": "2026-11-30", "to": "2026-12-07" }),
    )
    .expect_err("unknown plan");
    assert_eq!(err["code"], "not_found");
}

#[test]
fn a_database_from_a_newer_cadence_is_reported_not_touched() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("future.db");
    rusqlite_free_future_db(&db);
    let before = std::fs::read(&db).expect("read");
    let (_app, w) = app(&db);
    let err = invoke(&w, "list_plans", json!({})).expect_err("refused");
    assert_eq!(err["code"], "schema_too_new");
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

/// A SQLite file whose schema version (user_version, at byte 60 of the header) is 999.
fn rusqlite_free_future_db(path: &std::path::Path) {
    let c = cadence::Db::open(path).expect("create");
    drop(c);
    let mut bytes = std::fs::read(path).expect("read");
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let _ = std::fs::remove_file(path.with_extension("db-shm"));
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn plans_objectives_channels_events_and_trash_through_ipc() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));

    let plan = invoke(
        &w,
        "create_plan",
        json!({ "input": { "name": "Érablière du Rang", "timezone": "America/Toronto", "locale": "fr-CA" } }),
    )
    .expect("create_plan");
    let plan_id = plan["id"].clone();
    let renamed = invoke(
        &w,
        "update_plan",
        json!({ "id": plan_id, "input": { "name": "Érablière du Rang 4", "timezone": "America/Toronto", "locale": "fr-CA" } }),
    )
    .expect("update_plan");
    assert_eq!(renamed["name"], "Érablière du Rang 4");

    let objective = json!({
        "planId": plan_id, "kind": "sales", "title": "Temps des sucres", "target": "+20 % de visites",
        "startDate": "2027-03-01", "endDate": "2027-04-30", "color": "#aa5500", "targetShare": 40
    });
    let o = invoke(&w, "create_objective", json!({ "input": objective })).expect("objective");
    let mut changed = objective.clone();
    changed["targetShare"] = json!(50);
    let o2 = invoke(
        &w,
        "update_objective",
        json!({ "id": o["id"], "input": changed }),
    )
    .expect("update");
    assert_eq!(o2["targetShare"], 50);
    let listed = invoke(&w, "list_objectives", json!({ "planId": plan_id })).expect("list");
    assert_eq!(listed.as_array().expect("a").len(), 1);

    let channel = json!({
        "planId": plan_id, "platform": "facebook", "name": "Page Facebook",
        "charLimit": null, "weeklyTarget": 3, "color": "#1877f2"
    });
    let c = invoke(&w, "create_channel", json!({ "input": channel })).expect("channel");
    assert!(c["charLimit"].is_number(), "the platform's default limit");
    let mut bad = channel.clone();
    bad["color"] = json!("bleu");
    let err =
        invoke(&w, "update_channel", json!({ "id": c["id"], "input": bad })).expect_err("colour");
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["field"], "color");
    assert_eq!(
        invoke(&w, "list_channels", json!({ "planId": plan_id }))
            .expect("list")
            .as_array()
            .expect("a")
            .len(),
        1
    );

    let event = json!({
        "planId": plan_id, "kind": "open_day", "title": "Portes ouvertes", "description": "",
        "location": "Saint-Hilaire", "when": { "kind": "allDay", "start": "2027-03-20", "end": "2027-03-21" }
    });
    let e = invoke(&w, "create_event", json!({ "input": event })).expect("event");
    let mut moved = event.clone();
    moved["when"] = json!({ "kind": "allDay", "start": "2027-03-27", "end": "2027-03-27" });
    invoke(&w, "update_event", json!({ "id": e["id"], "input": moved })).expect("update event");
    invoke(&w, "delete_event", json!({ "id": e["id"] })).expect("delete event");
    assert!(invoke(&w, "list_events", json!({ "planId": plan_id }))
        .expect("list")
        .as_array()
        .expect("a")
        .is_empty());
    invoke(&w, "restore_event", json!({ "id": e["id"] })).expect("restore event");
    assert_eq!(
        invoke(&w, "list_events", json!({ "planId": plan_id }))
            .expect("list")
            .as_array()
            .expect("a")
            .len(),
        1
    );

    let post = json!({
        "planId": plan_id, "title": "Tire sur la neige", "body": "", "channels": [{ "channelId": c["id"], "variant": null }],
        "objectiveId": o["id"], "customerValue": "", "status": "idea", "planned": null, "durationMinutes": null,
        "eventId": null, "assignee": "", "tags": [], "links": [], "notes": "",
        "results": { "url": null, "likes": null, "comments": null, "shares": null }
    });
    let p = invoke(&w, "create_post", json!({ "input": post })).expect("post");
    invoke(&w, "delete_post", json!({ "id": p["post"]["id"] })).expect("delete post");
    let trash = invoke(&w, "trash", json!({ "planId": plan_id })).expect("trash");
    assert_eq!(trash[0]["id"], p["post"]["id"]);

    invoke(&w, "delete_channel", json!({ "id": c["id"] })).expect("delete channel");
    invoke(&w, "delete_objective", json!({ "id": o["id"] })).expect("delete objective");
    invoke(&w, "delete_plan", json!({ "id": plan_id })).expect("delete plan");
    let plans = invoke(&w, "list_plans", json!({})).expect("plans");
    assert!(plans
        .as_array()
        .expect("a")
        .iter()
        .all(|p| p["id"] != plan_id));
    invoke(&w, "restore_plan", json!({ "id": plan_id })).expect("restore plan");
}
