//! What the window holds: the core on its database, or why it could not be opened.
use cadence::{Cadence, Error, ErrorPayload};
use std::path::Path;

pub struct AppState {
    opened: Result<Cadence, ErrorPayload>,
}

impl AppState {
    /// Opens `$CADENCE_DB`, else `<app data dir>/cadence.db`, and offers the sample plan on a
    /// first run. A failure (e.g. a database from a newer Cadence) is kept and shown by the UI.
    pub fn open_default(app_data_dir: &Path) -> AppState {
        let path = match std::env::var_os("CADENCE_DB").filter(|p| !p.is_empty()) {
            Some(p) => p.into(),
            None => app_data_dir.join(cadence::db::DB_FILE_NAME),
        };
        AppState::open(&path)
    }

    pub fn open(path: &Path) -> AppState {
        let opened = Cadence::open(path).and_then(|c| {
            let today = chrono::Local::now().date_naive();
            cadence::demo::offer_sample_on_first_run(&c, today)?;
            Ok(c)
        });
        if let Err(e) = &opened {
            eprintln!("cadence: cannot open {}: {e}", path.display());
        }
        AppState {
            opened: opened.map_err(|e| e.payload()),
        }
    }

    pub fn cadence(&self) -> Result<&Cadence, Error> {
        self.opened
            .as_ref()
            .map_err(|p| Error::Unavailable(p.clone()))
    }
}
