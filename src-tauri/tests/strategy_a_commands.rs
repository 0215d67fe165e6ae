//! Campaign, slot and holiday commands through Tauri's IPC (mock runtime, real database file):
//! arguments as the UI sends them (camelCase), results and coded errors as it reads them.
mod common;

use common::{app, invoke};
use serde_json::json;

#[test]
fn campaign_slot_and_holiday_commands() {
    let dir = tempfile::tempdir().expect("tmp");
    let (_app, w) = app(&dir.path().join("cadence.db"));
    let plan_id = invoke(&w, "app_info", json!({})).expect("info")["defaultPlanId"].clone();
    let overview = invoke(&w, "plan_overview", json!({ "planId": plan_id })).expect("overview");
    let launch = overview["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["kind"] == "product_launch")
        .expect("launch")
        .clone();
    let linkedin = overview["channels"]
        .as_array()
        .expect("channels")
        .iter()
        .find(|c| c["platform"] == "linkedin")
        .expect("linkedin")["id"]
        .clone();

    let templates = invoke(&w, "list_templates", json!({ "planId": plan_id })).expect("templates");
    assert_eq!(templates[0]["id"], "builtin:product_launch:fr");
    let request = json!({ "eventId": launch["id"], "templateId": "builtin:product_launch:fr", "channelIds": null });
    let preview = invoke(&w, "preview_campaign", json!({ "request": request })).expect("preview");
    let count = preview["posts"].as_array().expect("posts").len();
    assert!(count >= 8);
    let applied = invoke(&w, "apply_campaign", json!({ "request": request })).expect("apply");
    assert_eq!(applied["created"].as_array().expect("created").len(), count);
    let linked = invoke(&w, "event_posts", json!({ "eventId": launch["id"] })).expect("linked");
    assert!(linked.as_array().expect("linked").len() >= count);

    let first = launch["when"]["startLocal"].as_str().expect("timed")[..10].to_owned();
    let later = (chrono::NaiveDate::parse_from_str(&first, "%Y-%m-%d").expect("date")
        + chrono::Duration::days(7))
    .to_string();
    let moved = invoke(
        &w,
        "move_event",
        json!({ "input": { "eventId": launch["id"], "newStart": later, "movePosts": true } }),
    )
    .expect("move");
    assert_eq!(moved["days"], 7);

    let slot = invoke(
        &w,
        "create_slot",
        json!({ "input": { "channelId": linkedin, "rule": "FREQ=WEEKLY;BYDAY=TU,TH", "time": "10:00:00",
                           "start": "2030-01-01", "until": null, "skipped": ["2030-01-03"], "label": "" } }),
    )
    .expect("slot");
    let overlay = invoke(
        &w,
        "calendar_overlay",
        json!({ "planId": plan_id, "from": "2030-01-01", "to": "2030-01-08" }),
    )
    .expect("overlay");
    assert_eq!(overlay["region"], "fr");
    assert_eq!(overlay["holidays"][0]["key"], "new_year");
    let days: Vec<&str> = overlay["openSlots"]
        .as_array()
        .expect("open")
        .iter()
        .map(|o| o["date"].as_str().expect("date"))
        .collect();
    assert_eq!(days, ["2030-01-01"]);
    let next = invoke(
        &w,
        "next_free_slot",
        json!({ "channelId": linkedin, "after": "2030-01-01T12:00:00Z" }),
    )
    .expect("next");
    assert_eq!(next["date"], "2030-01-08");
    let filled = invoke(
        &w,
        "fill_slot",
        json!({ "slotId": slot["id"], "date": "2030-01-08", "title": "Témoignage" }),
    )
    .expect("fill");
    assert_eq!(filled["post"]["channels"][0]["channelId"], linkedin);
    let err = invoke(
        &w,
        "create_slot",
        json!({ "input": { "channelId": linkedin, "rule": "FREQ=HOURLY", "time": "10:00:00",
                           "start": "2030-01-01", "until": null, "skipped": [], "label": "" } }),
    )
    .expect_err("refused");
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid"), Some("rule"))
    );
    assert_eq!(
        invoke(
            &w,
            "set_holiday_region",
            json!({ "planId": plan_id, "region": "ca_qc" })
        )
        .expect("set"),
        "ca_qc"
    );
    invoke(&w, "delete_slot", json!({ "id": slot["id"] })).expect("delete");
    assert!(invoke(&w, "list_slots", json!({ "planId": plan_id }))
        .expect("slots")
        .as_array()
        .expect("array")
        .is_empty());
}
