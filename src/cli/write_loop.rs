//! Writes posts, edits and deletions without end, printing each committed step.
//! Used by the crash-safety test, which kills this process at random moments.
use crate::error::Result;
use crate::model::{PlannedInput, PostInput, PostStatus, Results};
use crate::service::Cadence;
use chrono::{Duration, NaiveDate, NaiveTime};
use std::io::Write;

pub fn run(cadence: &Cadence, plan: &str, count: u64, out: &mut dyn Write) -> Result<()> {
    let plan = cadence.plan_named(plan)?;
    let channels = cadence.channels(&plan.id)?;
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let mut last: Option<String> = None;
    for i in 0..count {
        let input = PostInput {
            plan_id: plan.id.clone(),
            title: format!("Post n°{i} — écrit en boucle"),
            body: "Texte accentué : crème, brûlée, œuf. ".repeat((i % 20) as usize + 1),
            channels: channels
                .iter()
                .take((i % 3) as usize + 1)
                .map(|c| crate::model::PostChannel {
                    channel_id: c.id.clone(),
                    variant: None,
                })
                .collect(),
            objective_id: None,
            customer_value: "Tester la solidité".into(),
            status: PostStatus::Draft,
            planned: Some(PlannedInput::At {
                local: (start + Duration::days((i % 700) as i64))
                    .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default()),
                timezone: plan.timezone.clone(),
            }),
            duration_minutes: None,
            event_id: None,
            assignee: String::new(),
            tags: vec![format!("t{}", i % 7)],
            links: Vec::new(),
            notes: String::new(),
            results: Results::default(),
        };
        match (i % 4, &last) {
            (3, Some(id)) => {
                let v = cadence.delete_post(id)?;
                writeln!(out, "deleted {} {}", v.post.id, v.post.meta.revision)?;
            }
            (2, Some(id)) => {
                let v = cadence.update_post(id, &input)?;
                writeln!(out, "updated {} {}", v.post.id, v.post.meta.revision)?;
            }
            _ => {
                let v = cadence.create_post(&input)?;
                writeln!(out, "created {} {}", v.post.id, v.post.meta.revision)?;
                last = Some(v.post.id);
            }
        }
        out.flush()?;
    }
    Ok(())
}
