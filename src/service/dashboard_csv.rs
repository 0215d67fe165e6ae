//! The dashboard as one CSV table (for a spreadsheet): one row per figure, a `section` column
//! telling what the row is. Section keys are stable English words; headers follow the plan's
//! language.
use super::Cadence;
use crate::error::{Error, Result};
use crate::model::{Dashboard, ResultTotals};

const HEADERS_FR: [&str; 11] = [
    "section",
    "nom",
    "jour",
    "nombre",
    "cible",
    "part_pct",
    "publiés",
    "j_aime",
    "commentaires",
    "partages",
    "détail",
];
const HEADERS_EN: [&str; 11] = [
    "section",
    "name",
    "day",
    "count",
    "target",
    "share_pct",
    "published",
    "likes",
    "comments",
    "shares",
    "detail",
];

/// Sections, in the order written:
/// `total` (count: posts), `objective` (count: posts, target: target share %, share_pct),
/// `no_objective`, `channel` (target: weekly target scaled to the period), `week` (one row per
/// week and channel; day: the Monday; target: weekly target), `empty_day`, `missing_objective`,
/// `missing_value`, `over_limit` (count: length, target: limit, detail: channel and post id),
/// `ambassador` (count: relayed, target: asked).
pub fn dashboard_to_csv(d: &Dashboard, locale: &str) -> Result<String> {
    let french = locale
        .get(..2)
        .is_some_and(|l| l.eq_ignore_ascii_case("fr"));
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| Error::Io(std::io::Error::other(e));
    w.write_record(if french { HEADERS_FR } else { HEADERS_EN })
        .map_err(io)?;
    let results = |r: &ResultTotals| {
        [
            r.published.to_string(),
            r.likes.to_string(),
            r.comments.to_string(),
            r.shares.to_string(),
        ]
    };
    let none = || [String::new(), String::new(), String::new(), String::new()];
    let mut row = |section: &str,
                   name: &str,
                   day: String,
                   count: String,
                   target: String,
                   share: String,
                   res: [String; 4],
                   detail: &str| {
        let [p, l, c, s] = res;
        w.write_record([
            section, name, &day, &count, &target, &share, &p, &l, &c, &s, detail,
        ])
    };
    let pct = |x: f64| format!("{x:.1}");
    row(
        "total",
        &d.period,
        d.from.to_string(),
        d.posts.to_string(),
        String::new(),
        String::new(),
        results(&d.results),
        "",
    )
    .map_err(io)?;
    for o in &d.objectives {
        row(
            "objective",
            &o.title,
            String::new(),
            o.posts.to_string(),
            o.target_share.to_string(),
            pct(o.share),
            results(&o.results),
            &o.objective_id,
        )
        .map_err(io)?;
    }
    let share = if d.posts > 0 {
        f64::from(d.without_objective) * 100.0 / f64::from(d.posts)
    } else {
        0.0
    };
    row(
        "no_objective",
        "",
        String::new(),
        d.without_objective.to_string(),
        String::new(),
        pct(share),
        none(),
        "",
    )
    .map_err(io)?;
    for c in &d.channels {
        row(
            "channel",
            &c.name,
            String::new(),
            c.posts.to_string(),
            pct(c.target),
            String::new(),
            results(&c.results),
            &c.channel_id,
        )
        .map_err(io)?;
    }
    for wk in &d.history {
        for (c, n) in d.channels.iter().zip(&wk.posts) {
            row(
                "week",
                &c.name,
                wk.monday.to_string(),
                n.to_string(),
                c.weekly_target.to_string(),
                String::new(),
                none(),
                &c.channel_id,
            )
            .map_err(io)?;
        }
    }
    for day in &d.empty_days {
        row(
            "empty_day",
            "",
            day.to_string(),
            String::new(),
            String::new(),
            String::new(),
            none(),
            "",
        )
        .map_err(io)?;
    }
    for (section, list) in [
        ("missing_objective", &d.missing_objective),
        ("missing_value", &d.missing_value),
    ] {
        for p in list {
            row(
                section,
                &p.title,
                p.day.to_string(),
                String::new(),
                String::new(),
                String::new(),
                none(),
                &p.post_id,
            )
            .map_err(io)?;
        }
    }
    for o in &d.over_limit {
        let channel = d
            .channels
            .iter()
            .find(|c| c.channel_id == o.channel_id)
            .map_or("", |c| c.name.as_str());
        row(
            "over_limit",
            &o.post.title,
            o.post.day.to_string(),
            o.length.to_string(),
            o.limit.to_string(),
            String::new(),
            none(),
            &format!("{channel} {}", o.post.post_id),
        )
        .map_err(io)?;
    }
    for a in &d.ambassadors {
        row(
            "ambassador",
            &a.name,
            String::new(),
            a.relayed.to_string(),
            a.asked.to_string(),
            String::new(),
            none(),
            &a.ambassador_id,
        )
        .map_err(io)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Io(e.into_error()))?;
    String::from_utf8(bytes).map_err(|e| Error::Io(std::io::Error::other(e)))
}

impl Cadence {
    /// The dashboard of a month or a week as CSV, headers in the plan's language.
    pub fn dashboard_csv(&self, plan_id: &str, period: &str) -> Result<String> {
        let d = self.dashboard(plan_id, period)?;
        let plan = self.plan(plan_id)?;
        dashboard_to_csv(&d, &plan.locale)
    }
}
