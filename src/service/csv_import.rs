//! CSV content calendars in and out. The preview and the import run the same code: the preview
//! in a transaction that is rolled back, the import in one that is committed only when no row
//! has a problem.
use super::{new_id, Cadence};
use crate::error::{Error, Result};
use crate::model::{
    Channel, ChannelInput, ExportFilter, Objective, ObjectiveInput, ObjectiveKind, Planned,
    PlannedInput, Platform, PostChannel, PostInput, PostStatus, PostView, Results,
};
use crate::queries::{channels, objectives, posts};
use crate::spreadsheet::decode::{decode, unsupported, Encoding};
use crate::spreadsheet::{cells, Column, MAX_CELL_BYTES, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// One thing wrong with one row, named so a person can fix it in the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    /// Spreadsheet row number (the header is row 1).
    pub row: usize,
    pub column: String,
    /// What is wrong, for the UI to translate: `bad_date`, `bad_time`, `time_without_date`,
    /// `bad_status`, `bad_duration`, `unknown_channel`, `unknown_objective`, or the code of the
    /// core's validation error (`empty`, `too_long`, `invalid`, `unknown_zone`…).
    pub code: String,
    /// The cell or name at fault, when there is one.
    pub value: String,
    /// The same in English, for the CLI.
    pub reason: String,
}

/// What an import would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    pub encoding: Encoding,
    /// The file was not UTF-8 and was converted (say so to the user).
    pub converted: bool,
    /// Headers that match no field (their columns are ignored).
    pub ignored_columns: Vec<String>,
    /// The posts the import would create, in file order.
    pub posts: Vec<PostView>,
    pub problems: Vec<RowProblem>,
    /// Channel and objective names the plan does not have (created if asked).
    pub unknown_channels: Vec<String>,
    pub unknown_objectives: Vec<String>,
}

/// Choices made after the preview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvImportOptions {
    /// Create the channels and objectives the file names but the plan lacks.
    pub create_missing: bool,
    /// With `create_missing`, create only these names (compared without case or accents);
    /// `None`: all of them. Rows naming another unknown one keep their problem.
    pub create_only: Option<Vec<String>>,
}

impl CsvImportOptions {
    fn creates(&self, name: &str) -> bool {
        self.create_missing
            && self.create_only.as_ref().is_none_or(|only| {
                let f = cells::fold(name);
                only.iter().any(|n| cells::fold(n) == f)
            })
    }
}

impl Cadence {
    /// Reads a CSV file and says what importing it into the plan would do. Writes nothing.
    pub fn preview_csv(
        &self,
        plan_id: &str,
        bytes: &[u8],
        options: CsvImportOptions,
    ) -> Result<CsvPreview> {
        let sheet = Sheet::read(bytes)?;
        let now = self.now();
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            run(&tx, plan_id, &sheet, &options, now)
            // dropped: rolled back
        })
    }

    /// Imports a CSV file into the plan in one transaction; refused with the first row problem
    /// (and nothing written) if any row has one.
    pub fn import_csv(
        &self,
        plan_id: &str,
        bytes: &[u8],
        options: CsvImportOptions,
    ) -> Result<CsvPreview> {
        let sheet = Sheet::read(bytes)?;
        let now = self.now();
        self.db.with_tx(|tx| {
            let preview = run(tx, plan_id, &sheet, &options, now)?;
            match preview.problems.first() {
                None => Ok(preview),
                Some(p) => Err(Error::ImportRow {
                    row: p.row,
                    column: p.column.clone(),
                    reason: if preview.problems.len() > 1 {
                        format!(
                            "{} (and {} more problems)",
                            p.reason,
                            preview.problems.len() - 1
                        )
                    } else {
                        p.reason.clone()
                    },
                }),
            }
        })
    }

    /// A plan's live posts as CSV (English headers, the plan's zone), those on days `[from, to]`
    /// when given and in `statuses` when not empty. Cells that a spreadsheet would run as
    /// formulas are escaped; the file imports back to the same posts.
    pub fn export_csv(
        &self,
        plan_id: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        statuses: &[PostStatus],
    ) -> Result<String> {
        self.csv_of(plan_id, |p, day| {
            from.is_none_or(|f| day.is_some_and(|d| d >= f))
                && to.is_none_or(|t| day.is_some_and(|d| d <= t))
                && (statuses.is_empty() || statuses.contains(&p.status))
        })
    }

    /// The posts of a view as CSV: those of `filter`'s plan on days `[from, to]`, in its
    /// statuses (all when empty), on one of its channels, for one of its objectives and tied to
    /// one of its events (each list: any when empty). Ideas and drafts are kept (a view shows
    /// them). The filter is checked first.
    pub fn export_csv_view(&self, filter: &ExportFilter) -> Result<String> {
        let f = self.check_export_filter(filter)?;
        self.csv_of(&f.plan_id, |p, day| {
            f.from.is_none_or(|from| day.is_some_and(|d| d >= from))
                && f.to.is_none_or(|to| day.is_some_and(|d| d <= to))
                && (f.statuses.is_empty() || f.statuses.contains(&p.status))
                && (f.channel_ids.is_empty()
                    || p.channels
                        .iter()
                        .any(|c| f.channel_ids.contains(&c.channel_id)))
                && (f.objective_ids.is_empty()
                    || p.objective_id
                        .as_ref()
                        .is_some_and(|o| f.objective_ids.contains(o)))
                && (f.event_ids.is_empty()
                    || p.event_id.as_ref().is_some_and(|e| f.event_ids.contains(e)))
        })
    }

    /// [`Cadence::export_csv_view`] into the file `path` (written under a temporary name, then
    /// renamed). Returns how many posts it holds.
    pub fn export_csv_file(&self, filter: &ExportFilter, path: &Path) -> Result<usize> {
        let text = self.export_csv_view(filter)?;
        super::export::write_file_atomically(path, |mut file| {
            use std::io::Write;
            file.write_all(text.as_bytes())?;
            Ok(())
        })?;
        // Cells may hold line breaks: count records, not lines.
        Ok(csv::ReaderBuilder::new()
            .from_reader(text.as_bytes())
            .records()
            .count())
    }

    fn csv_of(
        &self,
        plan_id: &str,
        keep: impl Fn(&crate::model::Post, Option<NaiveDate>) -> bool,
    ) -> Result<String> {
        let (list, chans, objs) = self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            super::plans::live_plan(&tx, plan_id)?;
            Ok((
                posts::list_for_plan(&tx, plan_id)?,
                channels::list_for_plan(&tx, plan_id)?,
                objectives::list_for_plan(&tx, plan_id)?,
            ))
        })?;
        let mut w = csv::Writer::from_writer(Vec::new());
        let io = |e: csv::Error| Error::Io(std::io::Error::other(e));
        w.write_record(Column::EXPORTED.iter().map(|c| c.header()))
            .map_err(io)?;
        for p in list {
            let (day, time, zone) = match &p.planned {
                Some(Planned::At {
                    local, timezone, ..
                }) => (
                    Some(local.date()),
                    local.format("%H:%M").to_string(),
                    timezone.clone(),
                ),
                Some(Planned::Day { date }) => (Some(*date), String::new(), String::new()),
                None => (None, String::new(), String::new()),
            };
            if !keep(&p, day) {
                continue;
            }
            let channel_names: Vec<&str> = p
                .channels
                .iter()
                .filter_map(|pc| chans.iter().find(|c| c.id == pc.channel_id))
                .map(|c| c.name.as_str())
                .collect();
            let objective = p
                .objective_id
                .as_deref()
                .and_then(|id| objs.iter().find(|o| o.id == id))
                .map(|o| o.title.clone())
                .unwrap_or_default();
            let record = [
                day.map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                time,
                zone,
                channel_names.join("; "),
                p.title,
                p.body,
                objective,
                p.status.as_str().to_owned(),
                p.customer_value,
                p.assignee,
                p.tags.join("; "),
                p.links.join("\n"),
                p.notes,
                p.duration_minutes
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ];
            w.write_record(record.iter().map(|c| cells::escape(c)))
                .map_err(io)?;
        }
        let bytes = w.into_inner().map_err(|e| Error::Io(e.into_error()))?;
        String::from_utf8(bytes).map_err(|e| Error::Io(std::io::Error::other(e)))
    }
}

/// The decoded, size-checked cells of a file.
struct Sheet {
    encoding: Encoding,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Sheet {
    fn read(bytes: &[u8]) -> Result<Sheet> {
        let (text, encoding) = decode(bytes, MAX_FILE_BYTES)?;
        let first_line = text.lines().next().unwrap_or("");
        let delimiter = [b';', b',', b'\t']
            .into_iter()
            .max_by_key(|d| first_line.matches(*d as char).count())
            .unwrap_or(b',');
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(unsupported(format!("unreadable CSV: {e}"))),
            }
            let row = rows.len() + 1;
            if record.len() > MAX_COLUMNS {
                return Err(unsupported(format!(
                    "row {row} has {} columns (at most {MAX_COLUMNS})",
                    record.len()
                )));
            }
            if let Some(long) = record.iter().position(|c| c.len() > MAX_CELL_BYTES) {
                return Err(unsupported(format!(
                    "row {row}, column {}: a cell of {} bytes (at most {MAX_CELL_BYTES})",
                    long + 1,
                    record[long].len()
                )));
            }
            if rows.len() > MAX_ROWS {
                return Err(unsupported(format!("more than {MAX_ROWS} rows")));
            }
            rows.push(record.iter().map(str::to_owned).collect::<Vec<_>>());
        }
        if rows.is_empty() {
            return Err(unsupported("the file is empty"));
        }
        let headers = rows.remove(0);
        Ok(Sheet {
            encoding,
            headers,
            rows,
        })
    }
}

fn run(
    tx: &Connection,
    plan_id: &str,
    sheet: &Sheet,
    options: &CsvImportOptions,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<CsvPreview> {
    let plan = super::plans::live_plan(tx, plan_id)?;
    let mut columns: HashMap<Column, usize> = HashMap::new();
    let mut ignored_columns = Vec::new();
    for (i, h) in sheet.headers.iter().enumerate() {
        match Column::from_header(h) {
            Some(c) if !columns.contains_key(&c) => {
                columns.insert(c, i);
            }
            _ if h.trim().is_empty() => {}
            _ => ignored_columns.push(h.trim().to_owned()),
        }
    }
    if !columns.contains_key(&Column::Title) {
        return Err(Error::ImportRow {
            row: 1,
            column: "titre/title".into(),
            reason: "no title column (headers: titre or title)".into(),
        });
    }
    let mut chans = channels::list_for_plan(tx, plan_id)?;
    let mut objs = objectives::list_for_plan(tx, plan_id)?;
    let mut preview = CsvPreview {
        encoding: sheet.encoding,
        converted: sheet.encoding != Encoding::Utf8,
        ignored_columns,
        posts: Vec::new(),
        problems: Vec::new(),
        unknown_channels: Vec::new(),
        unknown_objectives: Vec::new(),
    };
    for (index, cells_of_row) in sheet.rows.iter().enumerate() {
        let row = index + 2;
        if cells_of_row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: Column| -> &str {
            columns
                .get(&c)
                .and_then(|&i| cells_of_row.get(i))
                .map(|s| cells::unescape(s.trim()))
                .unwrap_or("")
        };
        let mut problems = Vec::new();
        let mut problem = |c: Column, code: &str, value: &str, reason: String| {
            problems.push(RowProblem {
                row,
                column: sheet.headers[columns[&c]].trim().to_owned(),
                code: code.to_owned(),
                value: value.to_owned(),
                reason,
            })
        };
        let zone = match cell(Column::Zone) {
            "" => plan.timezone.clone(),
            z => z.to_owned(),
        };
        let date = match cell(Column::Date) {
            "" => None,
            d => cells::date(d)
                .map_err(|e| problem(Column::Date, "bad_date", d, e))
                .ok(),
        };
        let time = match cell(Column::Time) {
            "" => None,
            t => cells::time(t)
                .map_err(|e| problem(Column::Time, "bad_time", t, e))
                .ok(),
        };
        let planned = match (date, time) {
            (Some(d), Some(t)) => Some(PlannedInput::At {
                local: d.and_time(t),
                timezone: zone,
            }),
            (Some(d), None) => Some(PlannedInput::Day { date: d }),
            (None, Some(_))
                if cell(Column::Date).is_empty() && columns.contains_key(&Column::Date) =>
            {
                problem(
                    Column::Date,
                    "time_without_date",
                    cell(Column::Time),
                    "a time without a date".into(),
                );
                None
            }
            _ => None,
        };
        let status = cells::status(cell(Column::Status))
            .map_err(|e| problem(Column::Status, "bad_status", cell(Column::Status), e))
            .unwrap_or(PostStatus::Draft);
        let duration_minutes = match cell(Column::Duration) {
            "" => None,
            d => d
                .parse::<u32>()
                .map_err(|_| {
                    problem(
                        Column::Duration,
                        "bad_duration",
                        d,
                        format!("\"{d}\" is not a number of minutes"),
                    )
                })
                .ok(),
        };
        let mut post_channels = Vec::new();
        for name in cells::list(cell(Column::Channels), true) {
            let found = find_channel(&chans, &name).cloned();
            let channel = match found {
                Some(c) => c,
                None if options.creates(&name) => {
                    let c = create_channel(tx, plan_id, &name, chans.len(), now)?;
                    chans.push(c.clone());
                    preview.unknown_channels.push(name.clone());
                    c
                }
                None => {
                    if !preview.unknown_channels.contains(&name) {
                        preview.unknown_channels.push(name.clone());
                    }
                    problem(
                        Column::Channels,
                        "unknown_channel",
                        &name,
                        format!("no channel \"{name}\" in this plan"),
                    );
                    continue;
                }
            };
            post_channels.push(PostChannel {
                channel_id: channel.id,
                variant: None,
            });
        }
        let objective_id = match cell(Column::Objective) {
            "" => None,
            name => match find_objective(&objs, name).cloned() {
                Some(o) => Some(o.id),
                None if options.creates(name) => {
                    let o = create_objective(tx, plan_id, name, objs.len(), now)?;
                    objs.push(o.clone());
                    preview.unknown_objectives.push(name.to_owned());
                    Some(o.id)
                }
                None => {
                    if !preview.unknown_objectives.iter().any(|n| n == name) {
                        preview.unknown_objectives.push(name.to_owned());
                    }
                    problem(
                        Column::Objective,
                        "unknown_objective",
                        name,
                        format!("no objective \"{name}\" in this plan"),
                    );
                    None
                }
            },
        };
        let input = PostInput {
            plan_id: plan_id.to_owned(),
            title: cell(Column::Title).to_owned(),
            body: cell(Column::Text).to_owned(),
            channels: post_channels,
            objective_id,
            customer_value: cell(Column::CustomerValue).to_owned(),
            status,
            planned,
            duration_minutes,
            event_id: None,
            assignee: cell(Column::Assignee).to_owned(),
            tags: cells::list(cell(Column::Tags), true),
            links: cells::list(cell(Column::Links), false),
            notes: cell(Column::Notes).to_owned(),
            results: Results::default(),
        };
        if problems.is_empty() {
            match super::posts::build(tx, &input, new_id(), super::objectives::meta(now)) {
                Ok(post) => {
                    posts::upsert(tx, &post)?;
                    preview.posts.push(super::posts::view(tx, post)?);
                }
                Err(e) if e.field().is_some() => problems.push(RowProblem {
                    row,
                    column: column_of(e.field().unwrap_or_default(), &columns, &sheet.headers),
                    code: e.code().to_owned(),
                    value: String::new(),
                    reason: e.to_string(),
                }),
                Err(e) => return Err(e),
            }
        }
        preview.problems.extend(problems);
    }
    Ok(preview)
}

/// The header of the column a validation error's field came from.
fn column_of(field: &str, columns: &HashMap<Column, usize>, headers: &[String]) -> String {
    let c = match field {
        "title" => Column::Title,
        "body" => Column::Text,
        "planned" | "timezone" => Column::Time,
        "tags" => Column::Tags,
        "links" => Column::Links,
        "notes" => Column::Notes,
        "assignee" => Column::Assignee,
        "customerValue" => Column::CustomerValue,
        "durationMinutes" => Column::Duration,
        _ => return field.to_owned(),
    };
    columns
        .get(&c)
        .or_else(|| columns.get(&Column::Zone).filter(|_| field == "timezone"))
        .map(|&i| headers[i].trim().to_owned())
        .unwrap_or_else(|| c.header().to_owned())
}

fn find_channel<'a>(chans: &'a [Channel], name: &str) -> Option<&'a Channel> {
    let f = cells::fold(name);
    chans
        .iter()
        .find(|c| cells::fold(&c.name) == f)
        .or_else(|| {
            let p = Platform::parse(&f)?;
            let mut on = chans.iter().filter(|c| c.platform == p);
            match (on.next(), on.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        })
}

fn find_objective<'a>(objs: &'a [Objective], name: &str) -> Option<&'a Objective> {
    let f = cells::fold(name);
    objs.iter().find(|o| cells::fold(&o.title) == f)
}

const COLORS: [&str; 6] = [
    "#3d5a80", "#e07a5f", "#81b29a", "#f2cc8f", "#6d597a", "#2a9d8f",
];

fn create_channel(
    tx: &Connection,
    plan_id: &str,
    name: &str,
    n: usize,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Channel> {
    let input = ChannelInput {
        plan_id: plan_id.to_owned(),
        platform: Platform::parse(&cells::fold(name)).unwrap_or(Platform::Other),
        name: name.to_owned(),
        char_limit: None,
        weekly_target: None,
        color: COLORS[n % COLORS.len()].to_owned(),
    };
    let c = super::channels::build(&input, new_id(), super::objectives::meta(now))?;
    channels::upsert(tx, &c)?;
    Ok(c)
}

fn create_objective(
    tx: &Connection,
    plan_id: &str,
    name: &str,
    n: usize,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Objective> {
    let input = ObjectiveInput {
        plan_id: plan_id.to_owned(),
        kind: ObjectiveKind::parse(&cells::fold(name)).unwrap_or(ObjectiveKind::Other),
        title: name.to_owned(),
        target: String::new(),
        start_date: None,
        end_date: None,
        color: COLORS[(n + 3) % COLORS.len()].to_owned(),
        target_share: 0,
    };
    let o = super::objectives::build(&input, new_id(), super::objectives::meta(now))?;
    objectives::upsert(tx, &o)?;
    Ok(o)
}
