//! The window's commands through Tauri's IPC with the mock runtime (no display), on a real
//! database file: arguments arrive as the UI sends them, errors leave as `{code, message}`.
#![allow(dead_code)]
use cadence_app::AppState;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

pub type Window = WebviewWindow<MockRuntime>;

/// The app with every command registered, on the database at `path`, and its main window.
pub fn app(path: &std::path::Path) -> (tauri::App<MockRuntime>, Window) {
    let app = cadence_app::register(mock_builder())
        .manage(AppState::open(path))
        .build(mock_context(noop_assets()))
        .expect("app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    (app, window)
}

/// Calls `cmd` as the UI would; the command's answer, or its error payload.
pub fn invoke(w: &Window, cmd: &str, args: Value) -> Result<Value, Value> {
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
