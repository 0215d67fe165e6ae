//! Shared fixtures: a real database file in a temporary directory, a small plan, a dump.
#![allow(dead_code)]
pub mod edge_plan;
pub mod ics_text;
use cadence::model::*;
use cadence::Cadence;
use chrono::{NaiveDate, NaiveDateTime};
use tempfile::TempDir;

pub struct Fixture {
    pub dir: TempDir,
    pub cadence: Cadence,
    pub plan: Plan,
    pub instagram: Channel,
    pub x: Channel,
    pub awareness: Objective,
}

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

pub fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test time")
}

pub fn open_temp() -> (TempDir, Cadence) {
    let dir = tempfile::tempdir().expect("temp dir");
    let cadence = Cadence::open(dir.path().join("data").join("cadence.db")).expect("open");
    (dir, cadence)
}

pub fn fixture() -> Fixture {
    let (dir, cadence) = open_temp();
    let plan = cadence
        .create_plan(&PlanInput {
            name: "Café Québec".into(),
            timezone: "Europe/Paris".into(),
            locale: "fr-FR".into(),
        })
        .expect("plan");
    let instagram = cadence
        .create_channel(&ChannelInput {
            plan_id: plan.id.clone(),
            platform: Platform::Instagram,
            name: "Instagram".into(),
            char_limit: None,
            weekly_target: None,
            color: "#C13584".into(),
        })
        .expect("channel");
    let x = cadence
        .create_channel(&ChannelInput {
            plan_id: plan.id.clone(),
            platform: Platform::X,
            name: "X".into(),
            char_limit: Some(10),
            weekly_target: Some(5),
            color: "#000000".into(),
        })
        .expect("channel");
    let awareness = cadence
        .create_objective(&ObjectiveInput {
            plan_id: plan.id.clone(),
            kind: ObjectiveKind::Awareness,
            title: "Notoriété".into(),
            target: "+15 % d'abonnés".into(),
            start_date: Some(date("2026-11-01")),
            end_date: Some(date("2026-12-31")),
            color: "#e07a5f".into(),
            target_share: 50,
        })
        .expect("objective");
    Fixture {
        dir,
        cadence,
        plan,
        instagram,
        x,
        awareness,
    }
}

impl Fixture {
    /// A valid post with no warnings, planned 2026-12-03 10:00 Paris.
    pub fn post_input(&self) -> PostInput {
        PostInput {
            plan_id: self.plan.id.clone(),
            title: "Nouvelle carte d'hiver".into(),
            body: "Chocolat chaud à l'érable ☕".into(),
            channels: vec![PostChannel {
                channel_id: self.instagram.id.clone(),
                variant: None,
            }],
            objective_id: Some(self.awareness.id.clone()),
            customer_value: "Découvrir les boissons de saison".into(),
            status: PostStatus::Draft,
            planned: Some(PlannedInput::At {
                local: local("2026-12-03 10:00"),
                timezone: "Europe/Paris".into(),
            }),
            duration_minutes: None,
            event_id: None,
            assignee: String::new(),
            tags: vec![],
            links: vec![],
            notes: String::new(),
            results: Results::default(),
        }
    }

    /// Every row of every table, as text: equal dumps mean nothing was written.
    pub fn dump(&self) -> String {
        dump(&self.cadence)
    }
}

pub fn dump(cadence: &Cadence) -> String {
    cadence
        .db()
        .read(|c| {
            let mut out = String::new();
            for table in [
                "plans",
                "objectives",
                "channels",
                "events",
                "posts",
                "post_channels",
                "post_tags",
                "post_links",
                "settings",
            ] {
                let mut stmt = c.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))?;
                let n = stmt.column_count();
                let mut rows = stmt.query([])?;
                while let Some(r) = rows.next()? {
                    out.push_str(table);
                    for i in 0..n {
                        let v: rusqlite::types::Value = r.get(i)?;
                        out.push_str(&format!("|{v:?}"));
                    }
                    out.push('\n');
                }
            }
            Ok(out)
        })
        .expect("dump")
}
