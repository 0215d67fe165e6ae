//! A generated database for benchmarks: N posts over Y years in P plans, each post on one to
//! three channels with tags, as a real plan would have them.
use crate::error::Result;
use crate::model::*;
use crate::queries;
use crate::service::Cadence;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// A small deterministic generator (xorshift64*), so every run builds the same database.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

pub const BENCH_START: (i32, u32, u32) = (2024, 1, 1);

/// The statuses generated posts cycle through (every status a user sets; `held` only comes
/// from the crisis switch).
const STATUSES: [PostStatus; 7] = [
    PostStatus::Idea,
    PostStatus::Draft,
    PostStatus::InReview,
    PostStatus::Approved,
    PostStatus::Scheduled,
    PostStatus::Published,
    PostStatus::Cancelled,
];

pub fn bench_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(BENCH_START.0, BENCH_START.1, BENCH_START.2).unwrap_or_default()
}

/// Fills `cadence` with `plans` plans and `posts` posts spread over `years` years from 2024-01-01.
/// Returns the plan ids.
pub fn generate(cadence: &Cadence, plans: usize, posts: usize, years: u32) -> Result<Vec<String>> {
    let zones = [
        "Europe/Paris",
        "America/Toronto",
        "Europe/Brussels",
        "America/Montreal",
    ];
    let platforms = [
        Platform::Instagram,
        Platform::Facebook,
        Platform::Linkedin,
        Platform::X,
    ];
    let mut rng = Rng::new(0x5eed);
    let mut plan_data = Vec::new();
    for p in 0..plans {
        let plan = cadence.create_plan(&PlanInput {
            name: format!("Marque {p:02}"),
            timezone: zones[p % zones.len()].into(),
            locale: "fr-FR".into(),
        })?;
        let mut channels = Vec::new();
        for (i, platform) in platforms.iter().enumerate() {
            channels.push(cadence.create_channel(&ChannelInput {
                plan_id: plan.id.clone(),
                platform: *platform,
                name: format!("{} {p}", platform.label()),
                // A tight limit on the second channel, so the longest bodies are over it (dashboard).
                char_limit: (*platform == Platform::Facebook).then_some(200),
                weekly_target: None,
                color: format!("#{:02x}60a0", 40 * i),
            })?);
        }
        let mut objectives = Vec::new();
        for (i, kind) in [
            ObjectiveKind::Awareness,
            ObjectiveKind::Sales,
            ObjectiveKind::Loyalty,
        ]
        .iter()
        .enumerate()
        {
            objectives.push(cadence.create_objective(&ObjectiveInput {
                plan_id: plan.id.clone(),
                kind: *kind,
                title: format!("Objectif {i}"),
                target: "+10 %".into(),
                start_date: None,
                end_date: None,
                color: "#336699".into(),
                target_share: 30,
            })?);
        }
        plan_data.push((plan, channels, objectives));
    }
    let start: DateTime<Utc> = bench_start()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let span_minutes = (years.max(1) as u64) * 365 * 24 * 60;
    let now = Utc::now();
    let meta = RowMeta {
        created_at: now,
        updated_at: now,
        revision: 0,
        deleted_at: None,
    };
    cadence.db().with_tx(|tx| {
        for i in 0..posts {
            let (plan, channels, objectives) = &plan_data[i % plan_data.len()];
            let at = start + Duration::minutes(rng.below(span_minutes) as i64);
            let planned = if i % 10 == 0 {
                Planned::Day {
                    date: at.date_naive(),
                }
            } else {
                Planned::At {
                    at,
                    timezone: plan.timezone.clone(),
                    local: crate::time::local_of(at, &plan.timezone),
                }
            };
            let n_channels = 1 + rng.below(3) as usize;
            let post = Post {
                id: uuid::Uuid::now_v7().to_string(),
                plan_id: plan.id.clone(),
                title: format!("Publication {i} : idée de contenu"),
                body: "Un texte de publication avec des accents : é, è, à, ç. ".repeat(1 + i % 4),
                channels: channels
                    .iter()
                    .take(n_channels)
                    .map(|c| PostChannel {
                        channel_id: c.id.clone(),
                        variant: None,
                    })
                    .collect(),
                objective_id: (i % 7 != 0).then(|| objectives[i % objectives.len()].id.clone()),
                customer_value: if i % 5 == 0 {
                    String::new()
                } else {
                    "Une info utile".into()
                },
                status: STATUSES[i % STATUSES.len()],
                planned: Some(planned),
                duration_minutes: None,
                event_id: None,
                assignee: String::new(),
                tags: vec![format!("tag{}", i % 13)],
                links: Vec::new(),
                notes: String::new(),
                // Figures entered by hand on published posts (no URL: exports stay as they were).
                results: if STATUSES[i % STATUSES.len()] == PostStatus::Published {
                    Results {
                        url: None,
                        likes: Some((i % 200) as u32),
                        comments: Some((i % 17) as u32),
                        shares: Some((i % 9) as u32),
                    }
                } else {
                    Results::default()
                },
                meta: meta.clone(),
            };
            queries::posts::upsert(tx, &post)?;
        }
        Ok(())
    })?;
    cadence.db().read(|c| {
        c.execute_batch("ANALYZE")?;
        Ok(())
    })?;
    Ok(plan_data.into_iter().map(|(p, _, _)| p.id).collect())
}
