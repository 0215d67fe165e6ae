//! The dashboard of a week or a month, computed from the rows in one read transaction.
use super::plans::live_plan;
use super::Cadence;
use crate::error::{Error, Result};
use crate::model::{
    ChannelCadence, Dashboard, ObjectiveMix, OverLimit, Participation, Planned, Post, PostRef,
    PostStatus, ResultTotals, WarningCode, WeekCadence,
};
use crate::queries::dashboard::{post_channels_in_range, When};
use crate::queries::{ambassadors, channels, objectives, posts};
use crate::rules;
use crate::time::{iso_week_label, monday_of, parse_iso_week, parse_zone, start_of_day};
use chrono::{Datelike, Duration, NaiveDate};
use chrono_tz::Tz;
use std::collections::{BTreeSet, HashMap};

/// Weeks of channel cadence the dashboard shows, ending with the period's last week.
pub const HISTORY_WEEKS: i64 = 8;

/// The days of a period typed as a month (`2026-12`) or an ISO week (`2026-W49`):
/// (first day, day after the last, the period's canonical label).
pub fn period_days(text: &str) -> Result<(NaiveDate, NaiveDate, String)> {
    let t = text.trim();
    let bad = || {
        Error::invalid(
            "period",
            format!("\"{t}\" is not a month like 2026-12 or a week like 2026-W49"),
        )
    };
    if t.contains(['W', 'w']) {
        let monday = parse_iso_week(t).map_err(|_| bad())?;
        return Ok((monday, monday + Duration::days(7), iso_week_label(monday)));
    }
    let (y, m) = t.split_once('-').ok_or_else(bad)?;
    let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let from = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
    let to = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    }
    .ok_or_else(bad)?;
    Ok((from, to, format!("{:04}-{:02}", from.year(), from.month())))
}

impl ResultTotals {
    fn add(&mut self, p: &Post) {
        if p.status != PostStatus::Published {
            return;
        }
        let r = &p.results;
        self.published += 1;
        if r.likes.is_some() || r.comments.is_some() || r.shares.is_some() {
            self.measured += 1;
        }
        self.likes += u64::from(r.likes.unwrap_or(0));
        self.comments += u64::from(r.comments.unwrap_or(0));
        self.shares += u64::from(r.shares.unwrap_or(0));
    }
}

/// The local day (in the plan's zone) a post is counted on.
fn day_in(tz: Tz, planned: &Planned) -> NaiveDate {
    match planned {
        Planned::At { at, .. } => at.with_timezone(&tz).date_naive(),
        Planned::Day { date } => *date,
    }
}

impl Cadence {
    /// The plan's balance over a month (`2026-12`) or an ISO week (`2026-W49`).
    pub fn dashboard(&self, plan_id: &str, period: &str) -> Result<Dashboard> {
        let (from, to, label) = period_days(period)?;
        self.db.read(|c| {
            let tx = c.unchecked_transaction()?;
            let plan = live_plan(&tx, plan_id)?;
            let tz = parse_zone("timezone", &plan.timezone)?;
            let channels = channels::list_for_plan(&tx, plan_id)?;
            let objectives = objectives::list_for_plan(&tx, plan_id)?;
            let instants = (start_of_day(from, tz), start_of_day(to, tz));
            let posts: Vec<Post> = posts::list_in_range(&tx, plan_id, (from, to), instants)?
                .into_iter()
                .filter(|p| p.status != PostStatus::Cancelled)
                .collect();

            let mut mix: Vec<ObjectiveMix> = objectives
                .iter()
                .map(|o| ObjectiveMix {
                    objective_id: o.id.clone(),
                    title: o.title.clone(),
                    color: o.color.clone(),
                    target_share: o.target_share,
                    posts: 0,
                    share: 0.0,
                    results: ResultTotals::default(),
                })
                .collect();
            let weeks = (to - from).num_days() as f64 / 7.0;
            let mut cadence: Vec<ChannelCadence> = channels
                .iter()
                .map(|ch| ChannelCadence {
                    channel_id: ch.id.clone(),
                    name: ch.name.clone(),
                    color: ch.color.clone(),
                    weekly_target: ch.weekly_target,
                    target: f64::from(ch.weekly_target) * weeks,
                    posts: 0,
                    results: ResultTotals::default(),
                })
                .collect();
            let objective_index: HashMap<&str, usize> = objectives
                .iter()
                .enumerate()
                .map(|(i, o)| (o.id.as_str(), i))
                .collect();
            let channel_index: HashMap<&str, usize> = channels
                .iter()
                .enumerate()
                .map(|(i, ch)| (ch.id.as_str(), i))
                .collect();

            let mut d = Dashboard {
                plan_id: plan.id.clone(),
                period: label,
                from,
                to,
                posts: posts.len() as u32,
                objectives: Vec::new(),
                without_objective: 0,
                channels: Vec::new(),
                empty_days: Vec::new(),
                missing_objective: Vec::new(),
                missing_value: Vec::new(),
                over_limit: Vec::new(),
                results: ResultTotals::default(),
                history: Vec::new(),
                ambassadors: Vec::new(),
            };
            let mut busy_days = BTreeSet::new();
            for p in &posts {
                let Some(planned) = &p.planned else { continue };
                let day = day_in(tz, planned);
                busy_days.insert(day);
                d.results.add(p);
                match p
                    .objective_id
                    .as_deref()
                    .and_then(|o| objective_index.get(o))
                {
                    Some(&i) => {
                        mix[i].posts += 1;
                        mix[i].results.add(p);
                    }
                    None => d.without_objective += 1,
                }
                for pc in &p.channels {
                    if let Some(&i) = channel_index.get(pc.channel_id.as_str()) {
                        cadence[i].posts += 1;
                        cadence[i].results.add(p);
                    }
                }
                let post_ref = || PostRef {
                    post_id: p.id.clone(),
                    title: p.title.clone(),
                    day,
                    status: p.status,
                };
                // The same rules as the calendar's warnings (graphemes, variants, live objectives).
                for w in rules::warnings(p, &channels, &objectives) {
                    match w.code {
                        WarningCode::NoObjective => d.missing_objective.push(post_ref()),
                        WarningCode::NoCustomerValue => d.missing_value.push(post_ref()),
                        WarningCode::OverChannelLimit => d.over_limit.push(OverLimit {
                            post: post_ref(),
                            channel_id: w.channel_id.unwrap_or_default(),
                            length: w.length.unwrap_or(0),
                            limit: w.limit.unwrap_or(0),
                        }),
                        _ => {}
                    }
                }
            }
            for m in &mut mix {
                if d.posts > 0 {
                    m.share = f64::from(m.posts) * 100.0 / f64::from(d.posts);
                }
            }
            let mut day = from;
            while day < to {
                if !busy_days.contains(&day) {
                    d.empty_days.push(day);
                }
                day += Duration::days(1);
            }

            // Channel cadence over the weeks ending with the period's last week.
            let last_monday = monday_of(to - Duration::days(1));
            let first_monday = last_monday - Duration::weeks(HISTORY_WEEKS - 1);
            let end = last_monday + Duration::weeks(1);
            d.history = (0..HISTORY_WEEKS)
                .map(|w| WeekCadence {
                    monday: first_monday + Duration::weeks(w),
                    posts: vec![0; channels.len()],
                })
                .collect();
            let span = (first_monday, end);
            let span_at = (start_of_day(first_monday, tz), start_of_day(end, tz));
            for (when, channel_id) in post_channels_in_range(&tx, plan_id, span, span_at)? {
                let day = match when {
                    When::At(at) => at.with_timezone(&tz).date_naive(),
                    When::Day(day) => day,
                };
                let week = (day - first_monday).num_days().div_euclid(7);
                if let (Some(w), Some(&i)) = (
                    usize::try_from(week)
                        .ok()
                        .and_then(|w| d.history.get_mut(w)),
                    channel_index.get(channel_id.as_str()),
                ) {
                    w.posts[i] += 1;
                }
            }

            // Ambassadors: every one of the plan, with the relays of the period's posts.
            let ids =
                serde_json::to_string(&posts.iter().map(|p| p.id.as_str()).collect::<Vec<_>>())
                    .map_err(std::io::Error::other)?;
            let relays = ambassadors::relays_of_posts(&tx, &ids)?;
            d.ambassadors = ambassadors::list_for_plan(&tx, plan_id)?
                .into_iter()
                .map(|a| {
                    let mine = relays.iter().filter(|(id, _)| *id == a.id);
                    let (asked, relayed) =
                        mine.fold((0, 0), |(n, k), (_, done)| (n + 1, k + u32::from(*done)));
                    Participation {
                        ambassador_id: a.id,
                        name: a.name,
                        asked,
                        relayed,
                    }
                })
                .collect();
            d.objectives = mix;
            d.channels = cadence;
            Ok(d)
        })
    }
}
