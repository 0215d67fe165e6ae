//! Start-up timing for `scripts/bench-app.sh`: when `$CADENCE_READY_FILE` is set, the shell notes
//! when its own steps end (database open, sample plan…) and, once the window reports its first
//! drawn week through `ui_ready`, writes to that file "ready" then one `<step> <ms>` line per step,
//! in milliseconds since `main` started — the page's steps included (sent as wall-clock times).
use std::sync::{Mutex, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

/// Wall-clock milliseconds when the process started `run`, and the shell's own steps.
struct Trace {
    start_ms: f64,
    steps: Mutex<Vec<(&'static str, f64)>>,
}

static TRACE: OnceLock<Trace> = OnceLock::new();

/// When the page first reported (its first frame): later reports keep it as "ready".
static FIRST_READY: OnceLock<f64> = OnceLock::new();

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// Starts the clock (first thing in `run`).
pub fn begin() {
    TRACE.get_or_init(|| Trace {
        start_ms: epoch_ms(),
        steps: Mutex::new(Vec::new()),
    });
}

/// Notes that the shell finished `step` now.
pub fn mark(step: &'static str) {
    if let Some(t) = TRACE.get() {
        if let Ok(mut steps) = t.steps.lock() {
            steps.push((step, epoch_ms() - t.start_ms));
        }
    }
}

/// Writes the ready file: "ready", the shell's steps, then the page's (`(name, wall-clock ms)`).
/// Written beside it then renamed, so a reader never sees half of it.
pub fn report_ready(page_steps: &[(String, f64)]) {
    let Some(path) = std::env::var_os("CADENCE_READY_FILE") else {
        return;
    };
    let mut out = String::from("ready\n");
    if let Some(t) = TRACE.get() {
        if let Ok(steps) = t.steps.lock() {
            for (name, ms) in steps.iter() {
                out.push_str(&format!("{name} {ms:.0}\n"));
            }
        }
        for (name, wall) in page_steps {
            let name: String = name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
                .collect();
            out.push_str(&format!("{name} {:.0}\n", wall - t.start_ms));
        }
        let now = epoch_ms() - t.start_ms;
        let first = *FIRST_READY.get_or_init(|| now);
        out.push_str(&format!("ready {first:.0}\n"));
        if now > first {
            out.push_str(&format!("reported-again {now:.0}\n"));
        }
    }
    let path = std::path::PathBuf::from(path);
    let tmp = path.with_extension("part");
    if std::fs::write(&tmp, out).is_ok() {
        let _ = std::fs::rename(&tmp, &path);
    }
}
