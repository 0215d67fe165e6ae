//! Cadence core: the editorial calendar's domain, storage, rules and command-line tool.
//! Nothing here knows about Tauri; the desktop shell in `src-tauri/` adapts it to a window.
pub mod bench;
pub mod bindings;
pub mod campaigns;
pub mod cli;
pub mod db;
pub mod demo;
pub mod error;
pub mod feed;
pub mod holidays;
pub mod ics;
pub mod ics_import;
pub mod model;
pub mod queries;
pub mod rules;
pub mod service;
pub mod slots;
pub mod spreadsheet;
pub mod time;

pub use db::{default_db_path, Db};
pub use error::{Error, ErrorPayload, Result};
pub use service::Cadence;
