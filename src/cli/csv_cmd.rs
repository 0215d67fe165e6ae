//! `cadence import-csv`, `cadence export-csv` and `cadence import-ics`.
use super::output;
use crate::error::{Error, Result};
use crate::model::PostStatus;
use crate::service::{Cadence, CsvImportOptions};
use crate::spreadsheet::MAX_FILE_BYTES;
use chrono::NaiveDate;
use std::io::{Read, Write};
use std::path::Path;

pub struct ImportCsv<'a> {
    pub plan: &'a str,
    pub file: &'a Path,
    pub create_missing: bool,
    pub dry_run: bool,
}

pub fn import(cadence: &Cadence, a: &ImportCsv, json: bool, out: &mut dyn Write) -> Result<()> {
    let plan = cadence.plan_named(a.plan)?;
    // Read one byte past the limit, so a 200 MB file is refused without being read whole.
    let mut bytes = Vec::new();
    std::fs::File::open(a.file)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    let options = CsvImportOptions {
        create_missing: a.create_missing,
        ..CsvImportOptions::default()
    };
    let preview = if a.dry_run {
        cadence.preview_csv(&plan.id, &bytes, options)?
    } else {
        cadence.import_csv(&plan.id, &bytes, options)?
    };
    if json {
        return output::json(out, &preview);
    }
    if preview.converted {
        writeln!(
            out,
            "note: the file was {:?}, converted to UTF-8",
            preview.encoding
        )?;
    }
    for c in &preview.ignored_columns {
        writeln!(out, "note: column \"{c}\" ignored")?;
    }
    for p in &preview.problems {
        writeln!(out, "row {}, column \"{}\": {}", p.row, p.column, p.reason)?;
    }
    for name in &preview.unknown_channels {
        writeln!(
            out,
            "unknown channel \"{name}\" (--create-missing creates it)"
        )?;
    }
    for name in &preview.unknown_objectives {
        writeln!(
            out,
            "unknown objective \"{name}\" (--create-missing creates it)"
        )?;
    }
    let verb = if a.dry_run {
        "would import"
    } else {
        "imported"
    };
    writeln!(
        out,
        "{verb} {} posts into \"{}\"",
        preview.posts.len(),
        plan.name
    )?;
    Ok(())
}

pub fn export(
    cadence: &Cadence,
    plan: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    status: &[String],
    output: &Path,
    out: &mut dyn Write,
) -> Result<()> {
    let plan = cadence.plan_named(plan)?;
    let statuses = status
        .iter()
        .map(|s| {
            PostStatus::parse(s)
                .ok_or_else(|| Error::invalid("status", format!("unknown status \"{s}\"")))
        })
        .collect::<Result<Vec<_>>>()?;
    let csv = cadence.export_csv(&plan.id, from, to, &statuses)?;
    if output == Path::new("-") {
        out.write_all(csv.as_bytes())?;
    } else {
        std::fs::write(output, &csv)?;
        writeln!(
            out,
            "wrote {} posts to {}",
            csv.lines().count().saturating_sub(1),
            output.display()
        )?;
    }
    Ok(())
}

pub fn import_ics(
    cadence: &Cadence,
    plan: &str,
    file: &Path,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let plan = cadence.plan_named(plan)?;
    let mut bytes = Vec::new();
    std::fs::File::open(file)?
        .take(crate::ics_import::MAX_ICS_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    let r = cadence.import_ics(&plan.id, &bytes)?;
    if json {
        return output::json(out, &r);
    }
    writeln!(
        out,
        "{} events created, {} updated, {} unchanged in \"{}\"",
        r.created, r.updated, r.unchanged, plan.name
    )?;
    Ok(())
}
