//! Narrow reads for the dashboard: one row per (post, channel) over a range of weeks.
use super::{date_text, get_enum, get_instant, get_opt_date, instant_text};
use crate::error::Result;
use crate::model::PostStatus;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

/// When a post goes out, as stored: an instant or a day.
pub enum When {
    At(DateTime<Utc>),
    Day(NaiveDate),
}

/// The characters Rust's `str::trim` removes (Unicode `White_Space`), for SQLite's `trim(x, y)`.
const WHITE_SPACE_CODES: &str = "9,10,11,12,13,32,133,160,5760,8192,8193,8194,8195,8196,8197,\
8198,8199,8200,8201,8202,8232,8233,8239,8287,12288";

/// The same range over the two partial indexes, as the two arms of a `UNION ALL` of posts `p`
/// with their channels `pc`: timed posts by instant, date-only posts by day. Live, not cancelled.
fn arms(select: &str) -> String {
    let joins = "LEFT JOIN post_channels pc ON pc.post_id = p.id";
    format!(
        "{select} FROM posts p {joins}
          WHERE p.plan_id = ?1 AND p.planned_at >= ?4 AND p.planned_at < ?5
            AND p.deleted_at IS NULL AND p.status <> 'cancelled'
         UNION ALL
         {select} FROM posts p {joins}
          WHERE p.plan_id = ?1 AND p.planned_date >= ?2 AND p.planned_date < ?3
            AND p.deleted_at IS NULL AND p.status <> 'cancelled'"
    )
}

fn range_params(
    plan_id: &str,
    (from, to): (NaiveDate, NaiveDate),
    (from_at, to_at): (DateTime<Utc>, DateTime<Utc>),
) -> [String; 5] {
    [
        plan_id.to_owned(),
        date_text(from),
        date_text(to),
        instant_text(from_at),
        instant_text(to_at),
    ]
}

/// One post, without its text or children.
pub struct PostFacts {
    pub id: String,
    pub title: String,
    pub status: PostStatus,
    pub when: When,
    pub objective_id: Option<String>,
    /// `customer_value.trim()` is empty.
    pub no_value: bool,
    pub likes: Option<u32>,
    pub comments: Option<u32>,
    pub shares: Option<u32>,
}

/// One live channel of a post; `long_text` is the text the channel gets (its variant, else the
/// body, with `true` for a variant) only when its UTF-8 length exceeds the channel's limit: a
/// text of n bytes has at most n graphemes, so only those can be over the limit.
pub struct ChannelFacts {
    pub channel_id: String,
    pub position: i64,
    pub long_text: Option<(String, bool)>,
}

/// A row of [`post_channel_rows_in_range`]: a post of the period with one of its channels,
/// or only when and where for a post of the history weeks outside the period.
pub enum DashRow {
    Period(PostFacts, Option<ChannelFacts>),
    History(When, Option<String>),
}

/// Reads an instant stored as `YYYY-MM-DDTHH:MM:SS.sssZ` without a general RFC 3339 parser.
fn stored_instant(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() != 24 || b[10] != b'T' || b[23] != b'Z' {
        return DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&Utc));
    }
    let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<u32>().ok();
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let time = chrono::NaiveTime::from_hms_milli_opt(
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
        num(20..23)?,
    )?;
    Some(date.and_time(time).and_utc())
}

/// Every live, not cancelled post of a plan in the range, once per live channel (once with
/// `None` when it has none), unsorted. One pass over the two partial indexes: the dashboard
/// reads the period (`period`: its days and the instants they start at) and its weeks of
/// history (`days`, `instants`) with it; rows outside the period carry only when and where.
/// A channel's text is read only for the period, when its UTF-8 length exceeds `min_limit`,
/// the smallest limit of the plan's channels.
pub fn post_channel_rows_in_range(
    conn: &Connection,
    plan_id: &str,
    days: (NaiveDate, NaiveDate),
    instants: (DateTime<Utc>, DateTime<Utc>),
    period: ((NaiveDate, NaiveDate), (DateTime<Utc>, DateTime<Utc>)),
    min_limit: u32,
) -> Result<Vec<DashRow>> {
    // Blank tests that only trim when the first character is white space.
    let blank = |x: &str| {
        format!(
            "CASE WHEN {x} IS NULL OR {x} = '' THEN 1 WHEN unicode({x}) IN ({ws}) \
             THEN trim({x}, char({ws})) = '' ELSE 0 END",
            ws = WHITE_SPACE_CODES
        )
    };
    let has_variant = format!("NOT ({})", blank("pc.variant"));
    let text = format!("CASE WHEN {has_variant} THEN pc.variant ELSE p.body END");
    // The period's days start at these instants in the plan's zone, so both tests agree
    // with the local day of a post.
    // (NULL compares to NULL: coalesce keeps the test true or false.)
    let in_period = "(coalesce(p.planned_at >= ?9 AND p.planned_at < ?10, 0) \
                     OR coalesce(p.planned_date >= ?7 AND p.planned_date < ?8, 0))";
    let sql = arms(&format!(
        "SELECT p.planned_at, p.planned_date, pc.channel_id, {in_period}, p.id, p.title, p.status,
                p.objective_id, {no_value}, p.likes, p.comments, p.shares, pc.position,
                CASE WHEN pc.channel_id IS NOT NULL AND {in_period}
                      AND octet_length({text}) > ?6 THEN {text} END,
                {has_variant}",
        no_value = blank("p.customer_value")
    ));
    let [a, b, c, d, e] = range_params(plan_id, days, instants);
    let [_, f, g, h, i] = range_params(plan_id, period.0, period.1);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        rusqlite::params![a, b, c, d, e, i64::from(min_limit), f, g, h, i],
        |r| {
            let at = r.get_ref(0)?.as_str_or_null()?;
            let when = match at {
                Some(t) => match stored_instant(t) {
                    Some(at) => When::At(at),
                    None => When::At(get_instant(r, 0)?),
                },
                None => When::Day(get_opt_date(r, 1)?.unwrap_or(NaiveDate::MIN)),
            };
            let channel_id: Option<String> = r.get(2)?;
            if !r.get::<_, bool>(3)? {
                return Ok(DashRow::History(when, channel_id));
            }
            let post = PostFacts {
                id: r.get(4)?,
                title: r.get(5)?,
                status: get_enum(r, 6, PostStatus::parse)?,
                when,
                objective_id: r.get(7)?,
                no_value: r.get(8)?,
                likes: r.get(9)?,
                comments: r.get(10)?,
                shares: r.get(11)?,
            };
            let channel = match channel_id {
                None => None,
                Some(channel_id) => {
                    let text: Option<String> = r.get(13)?;
                    let variant: bool = r.get(14)?;
                    Some(ChannelFacts {
                        channel_id,
                        position: r.get(12)?,
                        long_text: text.map(|t| (t, variant)),
                    })
                }
            };
            Ok(DashRow::Period(post, channel))
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// (ambassador id, relays asked, relays done) over the posts of a JSON array of ids.
pub fn relays_of_posts(conn: &Connection, post_ids_json: &str) -> Result<Vec<(String, u32, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ambassador_id, count(*), count(done_at) FROM post_relays
          WHERE post_id IN (SELECT value FROM json_each(?1)) GROUP BY ambassador_id",
    )?;
    let rows = stmt.query_map([post_ids_json], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
