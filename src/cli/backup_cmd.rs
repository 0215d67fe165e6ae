//! `cadence backup` and `cadence restore`.
use super::args::BackupArgs;
use super::output;
use crate::error::{Error, Result};
use crate::service::Cadence;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

pub fn backup(cadence: &Cadence, args: &BackupArgs, json: bool, out: &mut dyn Write) -> Result<()> {
    let start = Instant::now();
    match (&args.output, args.auto) {
        (Some(path), false) => {
            let file = cadence.backup_to(path)?;
            if json {
                return output::json(out, &file);
            }
            writeln!(
                out,
                "backed up {} to {} ({}) in {} ms",
                cadence.db().path().display(),
                file.path.display(),
                size(file.bytes),
                start.elapsed().as_millis()
            )?;
        }
        (None, true) => {
            let dir = args.dir.clone().unwrap_or_else(|| cadence.backup_dir());
            let rotation = cadence.rotate_backups(&dir, args.keep)?;
            if json {
                return output::json(out, &rotation);
            }
            match &rotation.created {
                Some(f) => writeln!(out, "backed up to {} ({})", f.path.display(), size(f.bytes))?,
                None => writeln!(out, "already backed up today in {}", dir.display())?,
            }
            for p in &rotation.removed {
                writeln!(out, "removed old backup {}", p.display())?;
            }
        }
        _ => {
            return Err(Error::invalid(
                "output",
                "give either -o FILE or --auto [--dir DIR]",
            ))
        }
    }
    Ok(())
}

pub fn restore(cadence: &Cadence, file: &Path, json: bool, out: &mut dyn Write) -> Result<()> {
    let safety = cadence.restore_from(file)?;
    if json {
        return output::json(out, &safety);
    }
    writeln!(
        out,
        "restored {} from {}; the previous content is kept in {}",
        cadence.db().path().display(),
        file.display(),
        safety.path.display()
    )?;
    Ok(())
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64)
    } else {
        format!("{:.1} kB", bytes as f64 / 1024.0)
    }
}
