//! What the window holds: the core on its database (or why it could not be opened), and the
//! feed server while its switch is on.
use cadence::feed::FeedServer;
use cadence::{Cadence, Error, ErrorPayload};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, RwLock};
use std::thread::JoinHandle;

type Opened = Result<Cadence, ErrorPayload>;

pub struct AppState {
    path: PathBuf,
    /// `None` until the opening thread has been joined (by the first command).
    opened: RwLock<Option<Opened>>,
    /// The database being opened on its own thread (start-up), joined by the first command.
    opening: Mutex<Option<JoinHandle<Opened>>>,
    /// The feed server started from the window, if any (dropping it stops it).
    feed_server: Mutex<Option<FeedServer>>,
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
                path,
                opened: RwLock::new(None),
                opening: Mutex::new(Some(handle)),
                feed_server: Mutex::new(None),
            },
            Err(_) => AppState::open(&path),
        }
    }

    /// Opens `path` now.
    pub fn open(path: &Path) -> AppState {
        AppState {
            path: path.to_path_buf(),
            opened: RwLock::new(Some(open_now(path))),
            opening: Mutex::new(None),
            feed_server: Mutex::new(None),
        }
    }

    /// The core (a cheap handle on the connection pool).
    pub fn cadence(&self) -> Result<Cadence, Error> {
        if let Some(opened) = &*self.opened.read().unwrap_or_else(|p| p.into_inner()) {
            return unavailable_or(opened);
        }
        // Concurrent first callers wait here for the one that joins the opening thread.
        let mut slot = self.opened.write().unwrap_or_else(|p| p.into_inner());
        let opened = slot.get_or_insert_with(|| {
            let handle = self
                .opening
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take();
            match handle.map(JoinHandle::join) {
                Some(Ok(opened)) => opened,
                _ => Err(ErrorPayload {
                    code: "database".into(),
                    message: "the database could not be opened (the opening thread failed)".into(),
                    field: None,
                }),
            }
        });
        unavailable_or(opened)
    }

    /// Opens the database file again with a new pool (after a restore replaced its content),
    /// and returns the new core.
    pub fn reopen(&self) -> Result<Cadence, Error> {
        // Let a start-up opening finish first, so it cannot overwrite the fresh pool.
        let _ = self.cadence();
        let fresh = Cadence::open(&self.path);
        let mut opened = self.opened.write().unwrap_or_else(|p| p.into_inner());
        *opened = Some(fresh.as_ref().map(Clone::clone).map_err(|e| e.payload()));
        fresh
    }

    /// The running feed server, if any.
    pub fn feed_server(&self) -> MutexGuard<'_, Option<FeedServer>> {
        self.feed_server.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn unavailable_or(opened: &Opened) -> Result<Cadence, Error> {
    match opened {
        Ok(c) => Ok(c.clone()),
        Err(p) => Err(Error::Unavailable(p.clone())),
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
