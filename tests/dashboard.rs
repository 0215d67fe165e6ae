//! The dashboard of a fixed plan: every count checked by hand, time zones at the period's edges,
//! graphemes for channel limits, results and ambassadors, CSV export.
mod common;

use cadence::model::*;
use common::{date, local, Fixture};

struct Plan {
    f: Fixture,
    sales: Objective,
    p_monday: String,
    p_over: String,
    p_bare: String,
    p_sunday: String,
    lea: Ambassador,
}

fn post(f: &Fixture, title: &str, tweak: impl FnOnce(&mut PostInput)) -> String {
    let mut input = PostInput {
        title: title.into(),
        status: PostStatus::Scheduled,
        ..f.post_input()
    };
    tweak(&mut input);
    f.cadence.create_post(&input).expect(title).post.id
}

fn paris(s: &str) -> Option<PlannedInput> {
    Some(PlannedInput::At {
        local: local(s),
        timezone: "Europe/Paris".into(),
    })
}

fn on(id: &str) -> Vec<PostChannel> {
    vec![PostChannel {
        channel_id: id.to_owned(),
        variant: None,
    }]
}

/// Week 2026-W49 is Monday 30 November – Sunday 6 December 2026; the plan is in Paris.
fn plan() -> Plan {
    let f = common::fixture();
    let c = &f.cadence;
    let sales = c
        .create_objective(&ObjectiveInput {
            plan_id: f.plan.id.clone(),
            kind: ObjectiveKind::Sales,
            title: "Ventes".into(),
            target: String::new(),
            start_date: None,
            end_date: None,
            color: "#81b29a".into(),
            target_share: 30,
        })
        .expect("sales");
    let (ig, x) = (f.instagram.id.clone(), f.x.id.clone());
    // Monday 10:00, awareness, Instagram.
    let p_monday = post(&f, "Lundi", |p| p.planned = paris("2026-11-30 10:00"));
    // Tuesday (date only), awareness, Instagram + X; 16 characters on X (limit 10).
    let p_over = post(&f, "Trop long pour X", |p| {
        p.planned = Some(PlannedInput::Day {
            date: date("2026-12-01"),
        });
        p.body = "Bonjour à tous !".into();
        p.channels = vec![
            PostChannel {
                channel_id: ig.clone(),
                variant: None,
            },
            PostChannel {
                channel_id: x.clone(),
                variant: None,
            },
        ];
    });
    // Wednesday, sales, X: 10 graphemes in 30 bytes is within the limit.
    post(&f, "Accents", |p| {
        p.planned = paris("2026-12-02 09:00");
        p.objective_id = Some(sales.id.clone());
        p.body = "e\u{301}".repeat(10);
        p.channels = on(&x);
    });
    // Wednesday, no objective and no customer value.
    let p_bare = post(&f, "Sans objectif", |p| {
        p.planned = paris("2026-12-02 18:00");
        p.objective_id = None;
        p.customer_value = String::new();
    });
    // Thursday: cancelled; Friday: in the trash. Neither counts, so both days are empty.
    post(&f, "Annulé", |p| {
        p.planned = paris("2026-12-03 10:00");
        p.status = PostStatus::Cancelled;
    });
    let trashed = post(&f, "Supprimé", |p| p.planned = paris("2026-12-04 10:00"));
    c.delete_post(&trashed).expect("trash");
    // Sunday 23:30 in Paris is still Sunday (22:30 UTC): published with results, sales.
    let p_sunday = post(&f, "Dimanche soir", |p| {
        p.planned = paris("2026-12-06 23:30");
        p.objective_id = Some(sales.id.clone());
        p.status = PostStatus::Published;
        p.results = Results {
            url: Some("https://www.instagram.com/p/dimanche".into()),
            likes: Some(10),
            comments: Some(2),
            shares: Some(1),
        };
    });
    // Monday 7 December 00:30 in Paris (6 December 23:30 UTC): next week.
    post(&f, "Lundi suivant", |p| {
        p.planned = paris("2026-12-07 00:30")
    });
    // The week before, on X, published with likes only.
    let p_before = post(&f, "Semaine d'avant", |p| {
        p.planned = paris("2026-11-23 10:00");
        p.channels = on(&x);
        p.status = PostStatus::Published;
        p.results.likes = Some(5);
    });
    let lea = c
        .create_ambassador(&AmbassadorInput {
            plan_id: f.plan.id.clone(),
            name: "Léa".into(),
            email: "lea@example.fr".into(),
        })
        .expect("lea");
    let marc = c
        .create_ambassador(&AmbassadorInput {
            plan_id: f.plan.id.clone(),
            name: "Marc".into(),
            email: String::new(),
        })
        .expect("marc");
    c.set_relay_done(&p_monday, &lea.id, true).expect("relayed");
    c.set_relay_asked(&p_over, &lea.id, true).expect("asked");
    c.set_relay_done(&p_before, &marc.id, true)
        .expect("outside the week");
    Plan {
        f,
        sales,
        p_monday,
        p_over,
        p_bare,
        p_sunday,
        lea,
    }
}

#[test]
fn week_dashboard_counts_a_fixed_plan() {
    let p = plan();
    let f = &p.f;
    let d = f
        .cadence
        .dashboard(&f.plan.id, "2026-W49")
        .expect("dashboard");
    assert_eq!(d.period, "2026-W49");
    assert_eq!((d.from, d.to), (date("2026-11-30"), date("2026-12-07")));
    assert_eq!(
        d.posts, 5,
        "Lundi, Trop long, Accents, Sans objectif, Dimanche soir"
    );

    let mix: Vec<(&str, u32, u8)> = d
        .objectives
        .iter()
        .map(|o| (o.title.as_str(), o.posts, o.target_share))
        .collect();
    assert_eq!(mix, vec![("Notoriété", 2, 50), ("Ventes", 2, 30)]);
    assert_eq!(d.objectives[0].share, 40.0);
    assert_eq!(d.without_objective, 1);

    let cadence: Vec<(&str, u32, u32)> = d
        .channels
        .iter()
        .map(|c| (c.name.as_str(), c.posts, c.weekly_target))
        .collect();
    assert_eq!(cadence, vec![("Instagram", 4, 3), ("X", 2, 5)]);
    assert_eq!(d.channels[1].target, 5.0);

    assert_eq!(
        d.empty_days,
        vec![date("2026-12-03"), date("2026-12-04"), date("2026-12-05")]
    );
    let ids = |v: &[PostRef]| v.iter().map(|r| r.post_id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&d.missing_objective), vec![p.p_bare.clone()]);
    assert_eq!(ids(&d.missing_value), vec![p.p_bare.clone()]);
    assert_eq!(d.missing_value[0].day, date("2026-12-02"));
    assert_eq!(d.over_limit.len(), 1);
    let o = &d.over_limit[0];
    assert_eq!(
        (
            o.post.post_id.as_str(),
            o.channel_id.as_str(),
            o.length,
            o.limit
        ),
        (p.p_over.as_str(), f.x.id.as_str(), 16, 10)
    );

    // Results: the one published post of the week, on its objective and its channel.
    let sunday = ResultTotals {
        published: 1,
        measured: 1,
        likes: 10,
        comments: 2,
        shares: 1,
    };
    assert_eq!(d.results, sunday);
    assert_eq!(d.objectives[1].objective_id, p.sales.id);
    assert_eq!(d.objectives[1].results, sunday);
    assert_eq!(d.objectives[0].results, ResultTotals::default());
    assert_eq!(d.channels[0].results, sunday);
    assert_eq!(d.channels[1].results, ResultTotals::default());

    // Eight weeks of cadence, ending with this week; the week before has its X post.
    assert_eq!(d.history.len(), 8);
    assert_eq!(d.history[0].monday, date("2026-10-12"));
    assert_eq!(d.history[7].monday, date("2026-11-30"));
    assert_eq!(d.history[7].posts, vec![4, 2]);
    assert_eq!(d.history[6].posts, vec![0, 1]);
    assert!(d.history[..6].iter().all(|w| w.posts == vec![0, 0]));

    // Léa was asked twice this week and relayed once; Marc only the week before.
    let people: Vec<(&str, u32, u32)> = d
        .ambassadors
        .iter()
        .map(|a| (a.name.as_str(), a.asked, a.relayed))
        .collect();
    assert_eq!(people, vec![("Léa", 2, 1), ("Marc", 0, 0)]);
    let relays = f.cadence.relays(&p.p_monday).expect("relays");
    assert_eq!(relays.len(), 1);
    assert_eq!(relays[0].ambassador_id, p.lea.id);
    assert!(relays[0].done_at.is_some());
}

#[test]
fn month_dashboard_scales_targets_and_follows_edits() {
    let p = plan();
    let f = &p.f;
    let d = f
        .cadence
        .dashboard(&f.plan.id, "2026-12")
        .expect("december");
    assert_eq!((d.from, d.to), (date("2026-12-01"), date("2027-01-01")));
    // Trop long, Accents, Sans objectif, Dimanche soir, Lundi suivant.
    assert_eq!(d.posts, 5);
    assert!((d.channels[0].target - 3.0 * 31.0 / 7.0).abs() < 1e-9);
    assert_eq!(d.empty_days.len(), 31 - 4);
    // Eight weeks ending with the week of 31 December.
    assert_eq!(d.history[7].monday, date("2026-12-28"));

    // Entering results and fixing a post show at once.
    let view = f.cadence.post(&p.p_bare).expect("post");
    let mut input = cadence::service::input_of(&view.post);
    input.objective_id = Some(p.sales.id.clone());
    input.customer_value = "Savoir quoi offrir".into();
    f.cadence.update_post(&p.p_bare, &input).expect("fix");
    f.cadence
        .set_post_results(
            &p.p_sunday,
            &Results {
                url: Some("https://www.instagram.com/p/dimanche".into()),
                likes: Some(40),
                comments: None,
                shares: None,
            },
        )
        .expect("results");
    let d = f.cadence.dashboard(&f.plan.id, "2026-12").expect("again");
    assert!(d.missing_objective.is_empty() && d.missing_value.is_empty());
    assert_eq!((d.results.likes, d.results.comments), (40, 0));
    let err = f
        .cadence
        .set_post_results(
            &p.p_sunday,
            &Results {
                url: Some("pas une adresse".into()),
                ..Results::default()
            },
        )
        .expect_err("bad url");
    assert_eq!(err.field(), Some("results.url"));
}

#[test]
fn periods_are_months_or_iso_weeks() {
    let f = common::fixture();
    for bad in ["2026-13", "2026", "décembre", "2026-W54", ""] {
        let err = f.cadence.dashboard(&f.plan.id, bad).expect_err(bad);
        assert_eq!(
            (err.code(), err.field()),
            ("invalid", Some("period")),
            "{bad}"
        );
    }
    let d = f
        .cadence
        .dashboard(&f.plan.id, "2027-02")
        .expect("february");
    assert_eq!((d.posts, d.empty_days.len()), (0, 28));
    assert!(d.objectives.iter().all(|o| o.share == 0.0));
    assert_eq!(
        f.cadence
            .dashboard("nope", "2026-12")
            .expect_err("plan")
            .code(),
        "not_found"
    );
}

#[test]
fn ambassadors_belong_to_one_plan() {
    let p = plan();
    let f = &p.f;
    let err = f
        .cadence
        .create_ambassador(&AmbassadorInput {
            plan_id: f.plan.id.clone(),
            name: "LÉA".to_lowercase(),
            email: String::new(),
        })
        .expect_err("same name");
    assert_eq!(err.code(), "duplicate");
    let other = f
        .cadence
        .create_plan(&PlanInput {
            name: "Autre".into(),
            timezone: "Europe/Paris".into(),
            locale: "fr-FR".into(),
        })
        .expect("plan");
    let stranger = f
        .cadence
        .create_ambassador(&AmbassadorInput {
            plan_id: other.id,
            name: "Léa".into(),
            email: String::new(),
        })
        .expect("same name elsewhere is fine");
    let err = f
        .cadence
        .set_relay_asked(&p.p_monday, &stranger.id, true)
        .expect_err("other plan");
    assert_eq!(err.code(), "foreign_plan");
    // Removing Léa removes her relays.
    f.cadence.delete_ambassador(&p.lea.id).expect("delete");
    assert!(f.cadence.relays(&p.p_monday).expect("relays").is_empty());
}

#[test]
fn csv_export_has_one_row_per_figure() {
    let p = plan();
    let f = &p.f;
    let csv = f
        .cadence
        .dashboard_csv(&f.plan.id, "2026-W49")
        .expect("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "section");
    assert_eq!(&headers[3], "nombre", "French plan, French headers");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let section = |s: &str| rows.iter().filter(|r| &r[0] == s).collect::<Vec<_>>();
    assert_eq!(&section("total")[0][3], "5");
    assert_eq!(&section("total")[0][7], "10");
    let objectives = section("objective");
    assert_eq!(
        objectives
            .iter()
            .map(|r| (&r[1], &r[3], &r[4], &r[5]))
            .collect::<Vec<_>>(),
        vec![
            ("Notoriété", "2", "50", "40.0"),
            ("Ventes", "2", "30", "40.0")
        ]
    );
    assert_eq!(&section("no_objective")[0][3], "1");
    assert_eq!(section("channel").len(), 2);
    assert_eq!(section("week").len(), 16, "8 weeks × 2 channels");
    assert_eq!(section("empty_day").len(), 3);
    assert_eq!(section("over_limit")[0][1], *"Trop long pour X");
    assert_eq!(
        section("ambassador")
            .iter()
            .map(|r| (&r[1], &r[3], &r[4]))
            .collect::<Vec<_>>(),
        vec![("Léa", "1", "2"), ("Marc", "0", "0")]
    );
}

/// The narrow SQL reads of the dashboard agree with the calendar's own warnings, post by post,
/// on a generated plan (timed and date-only posts, three zones, a 200-character limit on Facebook).
#[test]
fn dashboard_agrees_with_the_calendar_warnings_on_a_generated_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cadence = cadence::Cadence::open(dir.path().join("gen.db")).expect("open");
    let plans = cadence::bench::generate(&cadence, 3, 6000, 1).expect("generate");
    let start = cadence::bench::bench_start();
    let mut checked = 0;
    for plan in &plans {
        for m in [0u32, 5, 11] {
            let first = start + chrono::Months::new(m);
            let label = first.format("%Y-%m").to_string();
            let d = cadence.dashboard(plan, &label).expect("dashboard");
            let r = cadence.range(plan, d.from, d.to).expect("range");
            let live: Vec<&PostView> = r
                .posts
                .iter()
                .filter(|v| v.post.status != PostStatus::Cancelled)
                .collect();
            assert_eq!(d.posts as usize, live.len());
            let with = |code: WarningCode| {
                let mut ids: Vec<String> = live
                    .iter()
                    .filter(|v| v.warnings.iter().any(|w| w.code == code))
                    .map(|v| v.post.id.clone())
                    .collect();
                ids.sort();
                ids
            };
            let sorted = |refs: &[PostRef]| {
                let mut ids: Vec<String> = refs.iter().map(|p| p.post_id.clone()).collect();
                ids.sort();
                ids
            };
            assert_eq!(sorted(&d.missing_objective), with(WarningCode::NoObjective));
            assert_eq!(sorted(&d.missing_value), with(WarningCode::NoCustomerValue));
            assert_eq!(d.without_objective as usize, d.missing_objective.len());
            let mut over: Vec<(String, String, u32, String)> = d
                .over_limit
                .iter()
                .map(|o| {
                    (
                        o.post.post_id.clone(),
                        o.channel_id.clone(),
                        o.length,
                        o.field.clone(),
                    )
                })
                .collect();
            over.sort();
            let mut expected: Vec<(String, String, u32, String)> = live
                .iter()
                .flat_map(|v| {
                    v.warnings
                        .iter()
                        .filter(|w| w.code == WarningCode::OverChannelLimit)
                        .map(|w| {
                            (
                                v.post.id.clone(),
                                w.channel_id.clone().unwrap_or_default(),
                                w.length.unwrap_or(0),
                                w.field.clone(),
                            )
                        })
                })
                .collect();
            expected.sort();
            assert!(
                !expected.is_empty(),
                "the generated plan has long texts on Facebook"
            );
            assert_eq!(over, expected);
            for ch in &d.channels {
                let n = live
                    .iter()
                    .filter(|v| {
                        v.post
                            .channels
                            .iter()
                            .any(|c| c.channel_id == ch.channel_id)
                    })
                    .count();
                assert_eq!(ch.posts as usize, n, "{}", ch.name);
            }
            let published = live
                .iter()
                .filter(|v| v.post.status == PostStatus::Published);
            let likes: u64 = published
                .clone()
                .map(|v| u64::from(v.post.results.likes.unwrap_or(0)))
                .sum();
            assert_eq!(d.results.published as usize, published.count());
            assert_eq!(d.results.likes, likes);
            checked += live.len();
        }
    }
    assert!(checked > 1000, "{checked} posts checked");
}
