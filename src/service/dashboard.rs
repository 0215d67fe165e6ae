//! The dashboard of a week or a month, computed from the rows in one read transaction.
use super::plans::live_plan;
use super::Cadence;
use crate::error::{Error, Result};
use crate::model::{
    ChannelCadence, Dashboard, ObjectiveMix, OverLimit, Participation, PostRef, PostStatus,
    ResultTotals, WeekCadence,
};
use crate::queries::dashboard::{
    post_channel_rows_in_range, relays_of_posts, ChannelFacts, DashRow, PostFacts, When,
};
use crate::queries::{ambassadors, channels, objectives};
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
    fn add(&mut self, p: &PostFacts) {
        if p.status != PostStatus::Published {
            return;
        }
        self.published += 1;
        if p.likes.is_some() || p.comments.is_some() || p.shares.is_some() {
            self.measured += 1;
        }
        self.likes += u64::from(p.likes.unwrap_or(0));
        self.comments += u64::from(p.comments.unwrap_or(0));
        self.shares += u64::from(p.shares.unwrap_or(0));
    }
}

/// The local day (in the plan's zone) a post is counted on.
fn day_in(tz: Tz, when: &When) -> NaiveDate {
    match when {
        When::At(at) => at.with_timezone(&tz).date_naive(),
        When::Day(day) => *day,
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

            // Channel cadence over the weeks ending with the period's last week; one read
            // covers them and the period (a month is within its last 8 weeks).
            let last_monday = monday_of(to - Duration::days(1));
            let first_monday = last_monday - Duration::weeks(HISTORY_WEEKS - 1);
            let span = (
                first_monday.min(from),
                (last_monday + Duration::weeks(1)).max(to),
            );
            let span_at = (start_of_day(span.0, tz), start_of_day(span.1, tz));
            let period = ((from, to), (start_of_day(from, tz), start_of_day(to, tz)));
            // Narrow rows: a post's scalar facts once per channel, with the text only when its
            // byte length could exceed the channel's limit. No bodies, tags or links.
            let min_limit = channels
                .iter()
                .filter_map(|c| c.char_limit)
                .min()
                .unwrap_or(u32::MAX);
            let rows = post_channel_rows_in_range(&tx, plan_id, span, span_at, period, min_limit)?;

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
            let mut history: Vec<WeekCadence> = (0..HISTORY_WEEKS)
                .map(|w| WeekCadence {
                    monday: first_monday + Duration::weeks(w),
                    posts: vec![0; channels.len()],
                })
                .collect();

            // The period's posts, once each, with their channels.
            let mut posts: Vec<(NaiveDate, PostFacts, Vec<ChannelFacts>)> = Vec::new();
            let mut seen: HashMap<String, usize> = HashMap::new();
            let mut count_week = |day: NaiveDate, channel_id: &str| {
                let week = (day - first_monday).num_days().div_euclid(7);
                if let (Some(w), Some(&i)) = (
                    usize::try_from(week).ok().and_then(|w| history.get_mut(w)),
                    channel_index.get(channel_id),
                ) {
                    w.posts[i] += 1;
                }
            };
            for row in rows {
                match row {
                    DashRow::History(when, channel_id) => {
                        if let Some(c) = channel_id {
                            count_week(day_in(tz, &when), &c);
                        }
                    }
                    DashRow::Period(post, channel) => {
                        let day = day_in(tz, &post.when);
                        if let Some(ch) = &channel {
                            count_week(day, &ch.channel_id);
                        }
                        let i = match seen.get(&post.id) {
                            Some(&i) => i,
                            None => {
                                seen.insert(post.id.clone(), posts.len());
                                posts.push((day, post, Vec::new()));
                                posts.len() - 1
                            }
                        };
                        posts[i].2.extend(channel);
                    }
                }
            }
            // The calendar's order: by local day, date-only posts first, then by instant.
            posts.sort_by(|(da, a, _), (db, b, _)| {
                let at = |p: &PostFacts| match p.when {
                    When::At(at) => Some(at),
                    When::Day(_) => None,
                };
                (da, at(a), &a.id).cmp(&(db, at(b), &b.id))
            });

            let weeks = (to - from).num_days() as f64 / 7.0;
            let mut d = Dashboard {
                plan_id: plan.id.clone(),
                period: label,
                from,
                to,
                posts: posts.len() as u32,
                objectives: objectives
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
                    .collect(),
                without_objective: 0,
                channels: channels
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
                    .collect(),
                empty_days: Vec::new(),
                missing_objective: Vec::new(),
                missing_value: Vec::new(),
                over_limit: Vec::new(),
                results: ResultTotals::default(),
                history,
                ambassadors: Vec::new(),
            };
            let mut busy_days = BTreeSet::new();
            for (day, p, post_channels) in &mut posts {
                let post_ref = || PostRef {
                    post_id: p.id.clone(),
                    title: p.title.clone(),
                    day: *day,
                    status: p.status,
                };
                busy_days.insert(*day);
                d.results.add(p);
                // A post whose objective was deleted counts as without objective, as in the
                // calendar's warnings (rules::warnings).
                match p
                    .objective_id
                    .as_deref()
                    .and_then(|o| objective_index.get(o))
                {
                    Some(&i) => {
                        d.objectives[i].posts += 1;
                        d.objectives[i].results.add(p);
                    }
                    None => {
                        d.without_objective += 1;
                        d.missing_objective.push(post_ref());
                    }
                }
                if p.no_value {
                    d.missing_value.push(post_ref());
                }
                post_channels.sort_by_key(|pc| pc.position);
                for pc in post_channels.iter() {
                    let Some(&c) = channel_index.get(pc.channel_id.as_str()) else {
                        continue;
                    };
                    d.channels[c].posts += 1;
                    d.channels[c].results.add(p);
                    let (Some((text, variant)), Some(limit)) =
                        (&pc.long_text, channels[c].char_limit)
                    else {
                        continue;
                    };
                    // Graphemes, as the calendar's warnings count them.
                    let length = rules::text_length(text);
                    if length > limit as usize {
                        d.over_limit.push(OverLimit {
                            post: post_ref(),
                            channel_id: pc.channel_id.clone(),
                            field: if *variant { "variant" } else { "body" }.to_owned(),
                            length: length as u32,
                            limit,
                        });
                    }
                }
            }
            for m in &mut d.objectives {
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

            // Ambassadors: every one of the plan, with the relays of the period's posts.
            let ids = serde_json::to_string(
                &posts
                    .iter()
                    .map(|(_, p, _)| p.id.as_str())
                    .collect::<Vec<_>>(),
            )
            .map_err(std::io::Error::other)?;
            let relays: HashMap<String, (u32, u32)> = relays_of_posts(&tx, &ids)?
                .into_iter()
                .map(|(id, n, k)| (id, (n, k)))
                .collect();
            d.ambassadors = ambassadors::list_for_plan(&tx, plan_id)?
                .into_iter()
                .map(|a| {
                    let (asked, relayed) = relays.get(&a.id).copied().unwrap_or((0, 0));
                    Participation {
                        ambassador_id: a.id,
                        name: a.name,
                        asked,
                        relayed,
                    }
                })
                .collect();
            Ok(d)
        })
    }
}
