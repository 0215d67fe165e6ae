//! What the window holds: the core on its database (or why it could not be opened), and the
//! feed server while its switch is on.
use cadence::feed::FeedServer;
use cadence::{Cadence, Error, ErrorPayload};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, RwLock};

pub struct AppState {
    path: PathBuf,
    opened: RwLock<Result<Cadence, ErrorPayload>>,
    /// The feed server started from the window, if any (dropping it stops it).
    feed_server: Mutex<Option<FeedServer>>,
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
        AppState {
            path: path.to_path_buf(),
            opened: RwLock::new(open_core(path)),
            feed_server: Mutex::new(None),
        }
    }

    /// The core (a cheap handle on the connection pool).
    pub fn cadence(&self) -> Result<Cadence, Error> {
        match &*self.opened.read().unwrap_or_else(|p| p.into_inner()) {
            Ok(c) => Ok(c.clone()),
            Err(p) => Err(Error::Unavailable(p.clone())),
        }
    }

    /// Opens the database file again with a new pool (after a restore replaced its content),
    /// and returns the new core.
    pub fn reopen(&self) -> Result<Cadence, Error> {
        let fresh = Cadence::open(&self.path);
        let mut opened = self.opened.write().unwrap_or_else(|p| p.into_inner());
        *opened = fresh.as_ref().map(Clone::clone).map_err(|e| e.payload());
        fresh
    }

    /// The running feed server, if any.
    pub fn feed_server(&self) -> MutexGuard<'_, Option<FeedServer>> {
        self.feed_server.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn open_core(path: &Path) -> Result<Cadence, ErrorPayload> {
    let opened = Cadence::open(path).and_then(|c| {
        let today = chrono::Local::now().date_naive();
        cadence::demo::offer_sample_on_first_run(&c, today)?;
        Ok(c)
    });
    if let Err(e) = &opened {
        eprintln!("cadence: cannot open {}: {e}", path.display());
    }
    opened.map_err(|e| e.payload())
}
