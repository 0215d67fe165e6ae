//! What the window holds: the core on its database, or why it could not be opened.
use cadence::{Cadence, Error, ErrorPayload};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

type Opened = Result<Cadence, ErrorPayload>;

pub struct AppState {
    opened: OnceLock<Opened>,
    /// The database being opened on its own thread (start-up), joined by the first command.
    opening: Mutex<Option<JoinHandle<Opened>>>,
}

impl AppState {
    /// Opens `$CADENCE_DB`, else `<app data dir>/cadence.db`, and offers the sample plan on a
    /// first run. A failure (e.g. a database from a newer Cadence) is kept and shown by the UI.
    /// Start-up path: this runs on its own thread while the web view starts (opening,
    /// migrating and, on a first run, filling the sample plan would otherwise hold the main
    /// thread, which serves the page); the first command waits for it.
    pub fn open_default(app_data_dir: &Path) -> AppState {
        let path: PathBuf = match std::env::var_os("CADENCE_DB").filter(|p| !p.is_empty()) {
            Some(p) => p.into(),
            None => app_data_dir.join(cadence::db::DB_FILE_NAME),
        };
        let background = path.clone();
        match std::thread::Builder::new()
            .name("cadence-open".into())
            .spawn(move || open_now(&background))
        {
            Ok(handle) => AppState {
                opened: OnceLock::new(),
                opening: Mutex::new(Some(handle)),
            },
            Err(_) => AppState::open(&path),
        }
    }

    /// Opens `path` now.
    pub fn open(path: &Path) -> AppState {
        AppState {
            opened: OnceLock::from(open_now(path)),
            opening: Mutex::new(None),
        }
    }

    pub fn cadence(&self) -> Result<&Cadence, Error> {
        // Concurrent first callers wait here for the one that joins the opening thread.
        self.opened
            .get_or_init(|| {
                let handle = self.opening.lock().ok().and_then(|mut h| h.take());
                match handle.map(JoinHandle::join) {
                    Some(Ok(opened)) => opened,
                    _ => Err(ErrorPayload {
                        code: "database".into(),
                        message: "the database could not be opened (the opening thread failed)"
                            .into(),
                        field: None,
                    }),
                }
            })
            .as_ref()
            .map_err(|p| Error::Unavailable(p.clone()))
    }
}

fn open_now(path: &Path) -> Opened {
    let opened = Cadence::open(path).and_then(|c| {
        crate::startup::mark("db-open");
        let today = chrono::Local::now().date_naive();
        cadence::demo::offer_sample_on_first_run(&c, today)?;
        crate::startup::mark("db-ready");
        Ok(c)
    });
    if let Err(e) = &opened {
        eprintln!("cadence: cannot open {}: {e}", path.display());
    }
    opened.map_err(|e| e.payload())
}
