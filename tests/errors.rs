//! Invalid input is refused with a coded error, and nothing is written.
mod common;

use cadence::model::*;
use common::*;

/// Runs `op`, expects the error `code` on `field`, and checks the database did not change.
fn refused(
    f: &Fixture,
    what: &str,
    code: &str,
    field: Option<&str>,
    op: impl FnOnce(&Fixture) -> cadence::Result<()>,
) {
    let before = f.dump();
    let err = match op(f) {
        Ok(()) => panic!("{what}: accepted"),
        Err(e) => e,
    };
    assert_eq!(err.code(), code, "{what}: {err}");
    assert_eq!(err.field(), field, "{what}: {err}");
    let payload = serde_json::to_value(&err).expect("json");
    assert_eq!(payload["code"], code, "{what}");
    assert!(!payload["message"].as_str().unwrap_or("").is_empty());
    assert_eq!(f.dump(), before, "{what}: the database changed");
}

fn other_plan(f: &Fixture) -> (Plan, Channel, Objective, Event) {
    let c = &f.cadence;
    let plan = c
        .create_plan(&PlanInput {
            name: "Autre marque".into(),
            timezone: "America/Toronto".into(),
            locale: "fr-CA".into(),
        })
        .expect("plan");
    let channel = c
        .create_channel(&ChannelInput {
            plan_id: plan.id.clone(),
            platform: Platform::Facebook,
            name: "Facebook".into(),
            char_limit: None,
            weekly_target: None,
            color: "#1877f2".into(),
        })
        .expect("channel");
    let objective = c
        .create_objective(&ObjectiveInput {
            plan_id: plan.id.clone(),
            kind: ObjectiveKind::Sales,
            title: "Ventes".into(),
            target: String::new(),
            start_date: None,
            end_date: None,
            color: "#336699".into(),
            target_share: 10,
        })
        .expect("objective");
    let event = c
        .create_event(&EventInput {
            plan_id: plan.id.clone(),
            kind: EventKind::TradeShow,
            title: "Salon".into(),
            description: String::new(),
            location: String::new(),
            when: EventWhenInput::AllDay {
                start: date("2026-12-01"),
                end: date("2026-12-03"),
            },
        })
        .expect("event");
    (plan, channel, objective, event)
}

#[test]
fn invalid_posts_are_refused_with_a_code_and_nothing_written() {
    let f = fixture();
    let (other, other_channel, other_objective, other_event) = other_plan(&f);
    let existing = f.cadence.create_post(&f.post_input()).expect("post");
    type Case = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Box<dyn Fn(&mut PostInput)>,
    );
    let cases: Vec<Case> = vec![
        (
            "empty title",
            "empty",
            Some("title"),
            Box::new(|i| i.title = "  \n ".into()),
        ),
        (
            "100,000-character title",
            "too_long",
            Some("title"),
            Box::new(|i| i.title = "é".repeat(100_000)),
        ),
        (
            "200,000-character body",
            "too_long",
            Some("body"),
            Box::new(|i| i.body = "x".repeat(200_000)),
        ),
        (
            "unknown zone",
            "unknown_zone",
            Some("timezone"),
            Box::new(|i| {
                i.planned = Some(PlannedInput::At {
                    local: local("2026-12-03 10:00"),
                    timezone: "Europe/Lutece".into(),
                })
            }),
        ),
        (
            "time skipped by DST",
            "nonexistent_local_time",
            Some("planned"),
            Box::new(|i| {
                i.planned = Some(PlannedInput::At {
                    local: local("2026-03-29 02:30"),
                    timezone: "Europe/Paris".into(),
                })
            }),
        ),
        (
            "unknown plan",
            "not_found",
            None,
            Box::new(|i| i.plan_id = "nope".into()),
        ),
        (
            "unknown channel",
            "not_found",
            None,
            Box::new(|i| i.channels[0].channel_id = "nope".into()),
        ),
        (
            "unknown objective",
            "not_found",
            None,
            Box::new(|i| i.objective_id = Some("nope".into())),
        ),
        (
            "unknown event",
            "not_found",
            None,
            Box::new(|i| i.event_id = Some("nope".into())),
        ),
        (
            "zero duration",
            "invalid",
            Some("durationMinutes"),
            Box::new(|i| i.duration_minutes = Some(0)),
        ),
        (
            "link that is not a web address",
            "invalid",
            Some("links"),
            Box::new(|i| i.links = vec!["javascript:alert(1)".into()]),
        ),
        (
            "bad result URL",
            "invalid",
            Some("results.url"),
            Box::new(|i| i.results.url = Some("ftp://x".into())),
        ),
    ];
    for (what, code, field, change) in cases {
        let mut input = f.post_input();
        change(&mut input);
        refused(&f, &format!("create: {what}"), code, field, |f| {
            f.cadence.create_post(&input).map(|_| ())
        });
        if what != "unknown plan" {
            refused(&f, &format!("update: {what}"), code, field, |f| {
                f.cadence.update_post(&existing.post.id, &input).map(|_| ())
            });
        }
    }
    let foreign: Vec<(&str, Option<&str>, PostInput)> = vec![
        (
            "channel of another plan",
            Some("channels"),
            PostInput {
                channels: vec![PostChannel {
                    channel_id: other_channel.id.clone(),
                    variant: None,
                }],
                ..f.post_input()
            },
        ),
        (
            "objective of another plan",
            Some("objectiveId"),
            PostInput {
                objective_id: Some(other_objective.id.clone()),
                ..f.post_input()
            },
        ),
        (
            "event of another plan",
            Some("eventId"),
            PostInput {
                event_id: Some(other_event.id.clone()),
                ..f.post_input()
            },
        ),
    ];
    for (what, field, input) in foreign {
        refused(&f, what, "foreign_plan", field, |f| {
            f.cadence.create_post(&input).map(|_| ())
        });
    }
    // Moving a post to another plan through an update is refused too.
    let mut moved = f.post_input();
    moved.plan_id = other.id.clone();
    moved.channels.clear();
    moved.objective_id = None;
    refused(
        &f,
        "update into another plan",
        "foreign_plan",
        Some("planId"),
        |f| f.cadence.update_post(&existing.post.id, &moved).map(|_| ()),
    );
    refused(&f, "update of unknown post", "not_found", None, |f| {
        f.cadence.update_post("nope", &f.post_input()).map(|_| ())
    });
    refused(&f, "delete of unknown post", "not_found", None, |f| {
        f.cadence.delete_post("nope").map(|_| ())
    });
}

#[test]
fn invalid_plans_channels_objectives_and_events_are_refused() {
    let f = fixture();
    let plan = |name: &str, tz: &str, locale: &str| PlanInput {
        name: name.into(),
        timezone: tz.into(),
        locale: locale.into(),
    };
    refused(&f, "empty plan name", "empty", Some("name"), |f| {
        f.cadence
            .create_plan(&plan("", "Europe/Paris", "fr"))
            .map(|_| ())
    });
    refused(&f, "plan zone", "unknown_zone", Some("timezone"), |f| {
        f.cadence.create_plan(&plan("B", "Paris", "fr")).map(|_| ())
    });
    refused(&f, "plan locale", "invalid", Some("locale"), |f| {
        f.cadence
            .create_plan(&plan("B", "Europe/Paris", "français!"))
            .map(|_| ())
    });
    refused(&f, "duplicate plan name", "duplicate", Some("name"), |f| {
        f.cadence
            .create_plan(&plan("café québec", "Europe/Paris", "fr"))
            .map(|_| ())
    });
    let second = f
        .cadence
        .create_plan(&plan("Deuxième", "Europe/Paris", "fr"))
        .expect("plan");
    refused(
        &f,
        "rename onto another plan",
        "duplicate",
        Some("name"),
        |f| {
            f.cadence
                .update_plan(&second.id, &plan("CAFÉ QUÉBEC", "Europe/Paris", "fr"))
                .map(|_| ())
        },
    );
    refused(&f, "update of unknown plan", "not_found", None, |f| {
        f.cadence
            .update_plan("nope", &plan("Z", "Europe/Paris", "fr"))
            .map(|_| ())
    });

    let channel = |f: &Fixture| ChannelInput {
        plan_id: f.plan.id.clone(),
        platform: Platform::Linkedin,
        name: "LinkedIn".into(),
        char_limit: None,
        weekly_target: None,
        color: "#0a66c2".into(),
    };
    refused(&f, "channel colour", "invalid", Some("color"), |f| {
        f.cadence
            .create_channel(&ChannelInput {
                color: "bleu".into(),
                ..channel(f)
            })
            .map(|_| ())
    });
    refused(&f, "channel limit 0", "invalid", Some("charLimit"), |f| {
        f.cadence
            .create_channel(&ChannelInput {
                char_limit: Some(0),
                ..channel(f)
            })
            .map(|_| ())
    });
    refused(&f, "channel name", "empty", Some("name"), |f| {
        f.cadence
            .create_channel(&ChannelInput {
                name: " ".into(),
                ..channel(f)
            })
            .map(|_| ())
    });
    refused(&f, "channel of unknown plan", "not_found", None, |f| {
        f.cadence
            .create_channel(&ChannelInput {
                plan_id: "nope".into(),
                ..channel(f)
            })
            .map(|_| ())
    });

    let objective = |f: &Fixture| ObjectiveInput {
        plan_id: f.plan.id.clone(),
        kind: ObjectiveKind::Loyalty,
        title: "Fidélité".into(),
        target: String::new(),
        start_date: Some(date("2026-12-10")),
        end_date: Some(date("2026-12-20")),
        color: "#123456".into(),
        target_share: 20,
    };
    refused(
        &f,
        "objective period reversed",
        "end_before_start",
        Some("endDate"),
        |f| {
            f.cadence
                .create_objective(&ObjectiveInput {
                    end_date: Some(date("2026-12-01")),
                    ..objective(f)
                })
                .map(|_| ())
        },
    );
    refused(&f, "objective share", "invalid", Some("targetShare"), |f| {
        f.cadence
            .create_objective(&ObjectiveInput {
                target_share: 101,
                ..objective(f)
            })
            .map(|_| ())
    });
    refused(&f, "objective title", "empty", Some("title"), |f| {
        f.cadence
            .create_objective(&ObjectiveInput {
                title: String::new(),
                ..objective(f)
            })
            .map(|_| ())
    });

    let event = |f: &Fixture, when| EventInput {
        plan_id: f.plan.id.clone(),
        kind: EventKind::OpenDay,
        title: "Portes ouvertes".into(),
        description: String::new(),
        location: String::new(),
        when,
    };
    refused(
        &f,
        "all-day event reversed",
        "end_before_start",
        Some("when"),
        |f| {
            f.cadence
                .create_event(&event(
                    f,
                    EventWhenInput::AllDay {
                        start: date("2026-12-05"),
                        end: date("2026-12-04"),
                    },
                ))
                .map(|_| ())
        },
    );
    refused(
        &f,
        "timed event reversed",
        "end_before_start",
        Some("when"),
        |f| {
            f.cadence
                .create_event(&event(
                    f,
                    EventWhenInput::Timed {
                        start_local: local("2026-12-05 18:00"),
                        end_local: local("2026-12-05 17:00"),
                        timezone: "Europe/Paris".into(),
                    },
                ))
                .map(|_| ())
        },
    );
    refused(&f, "event zone", "unknown_zone", Some("timezone"), |f| {
        f.cadence
            .create_event(&event(
                f,
                EventWhenInput::Timed {
                    start_local: local("2026-12-05 18:00"),
                    end_local: local("2026-12-05 19:00"),
                    timezone: "UTC+1".into(),
                },
            ))
            .map(|_| ())
    });
    refused(&f, "range reversed", "end_before_start", Some("to"), |f| {
        f.cadence
            .range(&f.plan.id, date("2026-12-07"), date("2026-11-30"))
            .map(|_| ())
    });
}
