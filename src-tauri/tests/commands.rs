//! The window's commands, run through Tauri's IPC with the mock runtime (no display) against a
//! real database file: arguments arrive as the UI sends them, errors leave as `{code, message}`.
use cadence_app::AppState;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

fn app(path: &std::path::Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = cadence_app::register(mock_builder())
        .manage(AppState::open(path))
        .build(mock_context(noop_assets()))
        .expect("app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    (app, window)
}

fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().expect("json"))
}

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
