//! Campaign templates applied to events: every offset across a DST change and month ends,
//! preview = application without writing, one transaction, idempotence, channel kinds, user
//! templates, and moving an event with its linked posts.
mod common;

use cadence::model::*;
use cadence::Cadence;
use chrono::{NaiveTime, TimeZone, Utc};
use common::*;

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

fn event(cadence: &Cadence, plan: &Plan, when: EventWhenInput) -> Event {
    cadence
        .create_event(&EventInput {
            plan_id: plan.id.clone(),
            kind: EventKind::ProductLaunch,
            title: "Lancement".into(),
            description: String::new(),
            location: String::new(),
            when,
        })
        .expect("event")
}

fn all_day(d: &str) -> EventWhenInput {
    EventWhenInput::AllDay {
        start: date(d),
        end: date(d),
    }
}

fn every_offset_template(
    cadence: &Cadence,
    name: &str,
    time: Option<NaiveTime>,
) -> CampaignTemplate {
    cadence
        .create_template(&TemplateInput {
            name: name.into(),
            description: String::new(),
            steps: (-29..=30)
                .map(|o| TemplateStep {
                    offset_days: o,
                    time,
                    platform: Some(Platform::Instagram),
                    title: format!("Étape {o}"),
                    status: PostStatus::Draft,
                })
                .collect(),
        })
        .expect("template")
}

fn request(e: &Event, t: &CampaignTemplate) -> CampaignRequest {
    CampaignRequest {
        event_id: e.id.clone(),
        template_id: t.id.clone(),
        channel_ids: None,
    }
}

#[test]
fn every_offset_across_the_spring_dst_change_and_month_ends_in_paris() {
    let f = fixture();
    // Event on 1 March 2028: J-1 is 29 February (leap year); clocks go forward on 26 March 2028.
    let e = event(&f.cadence, &f.plan, all_day("2028-03-01"));
    let tpl = every_offset_template(&f.cadence, "Tous les jours", t(10, 0));
    let applied = f.cadence.apply_campaign(&request(&e, &tpl)).expect("apply");
    assert_eq!(applied.created.len(), 60);
    let paris = chrono_tz::Europe::Paris;
    for (offset, view) in (-29..=30).zip(&applied.created) {
        let post = &view.post;
        let day = date("2028-03-01") + chrono::Duration::days(offset);
        let expected = paris
            .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(10, 0, 0).expect("t")))
            .single()
            .expect("10:00 exists every day")
            .with_timezone(&Utc);
        match &post.planned {
            Some(Planned::At {
                at,
                local,
                timezone,
            }) => {
                assert_eq!(*at, expected, "J{offset:+}");
                assert_eq!(local.date(), day, "J{offset:+}");
                assert_eq!(timezone, "Europe/Paris");
            }
            other => panic!("J{offset:+}: {other:?}"),
        }
        assert_eq!(post.event_id.as_deref(), Some(e.id.as_str()));
        assert_eq!(post.status, PostStatus::Draft);
        assert_eq!(post.title, format!("Étape {offset}"));
    }
    let by_title = |title: &str| {
        applied
            .created
            .iter()
            .find(|v| v.post.title == title)
            .expect(title)
            .post
            .clone()
    };
    let at = |p: &Post| match &p.planned {
        Some(Planned::At { at, .. }) => at.to_rfc3339(),
        other => panic!("{other:?}"),
    };
    assert_eq!(at(&by_title("Étape -1")), "2028-02-29T09:00:00+00:00"); // leap day, CET
    assert_eq!(at(&by_title("Étape -29")), "2028-02-01T09:00:00+00:00");
    assert_eq!(at(&by_title("Étape 24")), "2028-03-25T09:00:00+00:00"); // last day of CET
    assert_eq!(at(&by_title("Étape 25")), "2028-03-26T08:00:00+00:00"); // first day of CEST
    assert_eq!(at(&by_title("Étape 30")), "2028-03-31T08:00:00+00:00"); // month end
}

#[test]
fn every_offset_in_montreal_with_a_step_in_the_dst_gap() {
    let (_d, cadence) = open_temp();
    let plan = cadence
        .create_plan(&PlanInput {
            name: "Érablière".into(),
            timezone: "America/Montreal".into(),
            locale: "fr-CA".into(),
        })
        .expect("plan");
    cadence
        .create_channel(&ChannelInput {
            plan_id: plan.id.clone(),
            platform: Platform::Instagram,
            name: "Instagram".into(),
            char_limit: None,
            weekly_target: None,
            color: "#c13584".into(),
        })
        .expect("channel");
    // A timed event on 31 March 2026 at 19:00; clocks go forward on 8 March at 02:00.
    let e = event(
        &cadence,
        &plan,
        EventWhenInput::Timed {
            start_local: local("2026-03-31 19:00"),
            end_local: local("2026-03-31 21:00"),
            timezone: "America/Montreal".into(),
        },
    );
    let tpl = every_offset_template(&cadence, "Nuit", t(2, 30));
    let preview = cadence
        .preview_campaign(&request(&e, &tpl))
        .expect("preview");
    assert_eq!(preview.posts.len(), 60);
    for p in &preview.posts {
        let day = date("2026-03-31") + chrono::Duration::days(i64::from(p.offset_days));
        assert_eq!(p.date, day);
        let local = p.local.expect("timed");
        if day == date("2026-03-08") {
            // 02:30 does not exist that night: moved forward by the gap, and said so.
            assert!(p.shifted_by_dst);
            assert_eq!(local, common::local("2026-03-08 03:30"));
            assert_eq!(p.at.expect("at").to_rfc3339(), "2026-03-08T07:30:00+00:00");
        } else {
            assert!(!p.shifted_by_dst, "{day}");
            assert_eq!(
                local,
                day.and_time(NaiveTime::from_hms_opt(2, 30, 0).expect("t"))
            );
        }
    }
    // Before the change 02:30 EST is 07:30Z; after it, 02:30 EDT is 06:30Z.
    let at_of = |d: &str| {
        preview
            .posts
            .iter()
            .find(|p| p.date == date(d))
            .and_then(|p| p.at)
            .expect(d)
            .to_rfc3339()
    };
    assert_eq!(at_of("2026-03-07"), "2026-03-07T07:30:00+00:00");
    assert_eq!(at_of("2026-03-09"), "2026-03-09T06:30:00+00:00");
    assert_eq!(at_of("2026-04-30"), "2026-04-30T06:30:00+00:00");
    assert_eq!(at_of("2026-03-02"), "2026-03-02T07:30:00+00:00");
    // Applying stores exactly what the preview showed.
    let applied = cadence.apply_campaign(&request(&e, &tpl)).expect("apply");
    assert_eq!(applied.created.len(), 60);
    for (p, v) in preview.posts.iter().zip(&applied.created) {
        match &v.post.planned {
            Some(Planned::At { at, local, .. }) => {
                assert_eq!(Some(*at), p.at);
                assert_eq!(Some(*local), p.local);
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn preview_writes_nothing_and_applying_twice_creates_nothing_more() {
    let f = fixture();
    let e = event(&f.cadence, &f.plan, all_day("2026-12-10"));
    let before = f.dump();
    let builtin = f
        .cadence
        .templates_for_plan(&f.plan.id)
        .expect("templates")
        .into_iter()
        .find(|t| t.id == "builtin:product_launch:fr")
        .expect("French launch template for a fr-FR plan");
    let preview = f
        .cadence
        .preview_campaign(&request(&e, &builtin))
        .expect("preview");
    assert_eq!(f.dump(), before, "a preview writes nothing");
    assert!(preview.created.is_empty());
    // The fixture has Instagram and X: Instagram steps and "all channels" steps are kept;
    // LinkedIn, Facebook, internal and newsletter steps are skipped, and said so.
    let kinds: Vec<Option<Platform>> = preview.skipped.iter().map(|s| s.platform).collect();
    assert!(kinds.contains(&Some(Platform::Linkedin)));
    assert!(kinds.contains(&Some(Platform::Newsletter)));
    assert!(preview
        .skipped
        .iter()
        .all(|s| s.reason == "no_channel_of_kind"));
    let all_channels = preview
        .posts
        .iter()
        .find(|p| p.offset_days == 0 && p.channel_ids.len() == 2)
        .expect("the J step goes to every channel");
    assert_eq!(all_channels.title, "C'est le jour J : découvrez le produit");
    assert_eq!(
        preview.posts.len() + preview.skipped.len(),
        builtin.steps.len()
    );

    let applied = f
        .cadence
        .apply_campaign(&request(&e, &builtin))
        .expect("apply");
    assert_eq!(applied.created.len(), preview.posts.len());
    let again = f
        .cadence
        .apply_campaign(&request(&e, &builtin))
        .expect("again");
    assert!(again.created.is_empty());
    assert!(again.posts.iter().all(|p| p.already_exists));
    assert_eq!(
        f.cadence.event_posts(&e.id).expect("linked").len(),
        preview.posts.len()
    );

    // Choosing only X: Instagram steps are skipped too.
    let only_x = CampaignRequest {
        channel_ids: Some(vec![f.x.id.clone()]),
        ..request(&e, &builtin)
    };
    let p = f.cadence.preview_campaign(&only_x).expect("preview");
    assert!(p
        .posts
        .iter()
        .all(|p| p.channel_ids == vec![f.x.id.clone()]));
    assert!(p
        .skipped
        .iter()
        .any(|s| s.platform == Some(Platform::Instagram)));
}

#[test]
fn bad_requests_are_coded_and_write_nothing() {
    let f = fixture();
    let e = event(&f.cadence, &f.plan, all_day("2026-12-10"));
    let other = f
        .cadence
        .create_plan(&PlanInput {
            name: "Autre".into(),
            timezone: "Europe/Paris".into(),
            locale: "fr-FR".into(),
        })
        .expect("plan");
    let foreign = f
        .cadence
        .create_channel(&ChannelInput {
            plan_id: other.id.clone(),
            platform: Platform::Instagram,
            name: "Ailleurs".into(),
            char_limit: None,
            weekly_target: None,
            color: "#000000".into(),
        })
        .expect("channel");
    let before = f.dump();
    let tpl = CampaignRequest {
        event_id: e.id.clone(),
        template_id: "builtin:open_day:en".into(),
        channel_ids: Some(vec![foreign.id.clone()]),
    };
    let err = f.cadence.apply_campaign(&tpl).expect_err("foreign channel");
    assert_eq!(
        (err.code(), err.field()),
        ("foreign_plan", Some("channelIds"))
    );
    let err = f
        .cadence
        .apply_campaign(&CampaignRequest {
            template_id: "builtin:nope:fr".into(),
            channel_ids: None,
            ..tpl.clone()
        })
        .expect_err("unknown template");
    assert_eq!(err.code(), "not_found");
    let err = f
        .cadence
        .apply_campaign(&CampaignRequest {
            event_id: "missing".into(),
            channel_ids: None,
            ..tpl
        })
        .expect_err("unknown event");
    assert_eq!(err.code(), "not_found");
    assert_eq!(f.dump(), before);
}

#[test]
fn user_templates_are_created_edited_and_removed_built_in_ones_are_read_only() {
    let f = fixture();
    let step = |o: i32, title: &str| TemplateStep {
        offset_days: o,
        time: t(9, 0),
        platform: None,
        title: title.into(),
        status: PostStatus::Idea,
    };
    let input = TemplateInput {
        name: "Atelier galette".into(),
        description: "Inscriptions puis rappel".into(),
        steps: vec![
            step(0, "C'est aujourd'hui"),
            step(-10, "Inscriptions ouvertes"),
        ],
    };
    let tpl = f.cadence.create_template(&input).expect("create");
    assert!(!tpl.builtin);
    assert_eq!(
        tpl.steps[0].offset_days, -10,
        "steps are kept in date order"
    );
    let list = f.cadence.templates(Some("en")).expect("list");
    assert!(list.iter().any(|t| t.id == "builtin:trade_show:en"));
    assert!(list.iter().all(|t| !t.id.ends_with(":fr")));
    assert_eq!(list.last().expect("user's last").id, tpl.id);

    let mut changed = input.clone();
    changed.steps.push(step(1, "Merci !"));
    let tpl2 = f
        .cadence
        .update_template(&tpl.id, &changed)
        .expect("update");
    assert_eq!(f.cadence.template(&tpl.id).expect("get"), tpl2);
    assert_eq!(tpl2.steps.len(), 3);

    let before = f.dump();
    let other = TemplateInput {
        name: "Autre atelier".into(),
        ..input.clone()
    };
    for (bad, code, field) in [
        (
            TemplateInput {
                name: " ".into(),
                ..input.clone()
            },
            "empty",
            Some("name"),
        ),
        (
            TemplateInput {
                steps: vec![],
                ..other.clone()
            },
            "empty",
            Some("steps"),
        ),
        (
            TemplateInput {
                steps: vec![step(400, "Trop loin")],
                ..other.clone()
            },
            "invalid",
            Some("steps"),
        ),
        (
            TemplateInput {
                steps: vec![step(1, "  ")],
                ..other.clone()
            },
            "empty",
            Some("steps"),
        ),
        (
            TemplateInput {
                name: "atelier GALETTE".into(),
                ..input.clone()
            },
            "duplicate",
            Some("name"),
        ),
        (
            TemplateInput {
                name: "Product launch".into(),
                ..input.clone()
            },
            "duplicate",
            Some("name"),
        ),
    ] {
        let err = f.cadence.create_template(&bad).expect_err(code);
        assert_eq!((err.code(), err.field()), (code, field), "{:?}", bad.name);
    }
    let err = f
        .cadence
        .update_template("builtin:open_day:fr", &input)
        .expect_err("read-only");
    assert_eq!(err.field(), Some("templateId"));
    assert!(f.cadence.delete_template("builtin:open_day:fr").is_err());
    assert_eq!(f.dump(), before);

    f.cadence.delete_template(&tpl.id).expect("delete");
    assert_eq!(
        f.cadence.template(&tpl.id).expect_err("gone").code(),
        "not_found"
    );
}

#[test]
fn moving_an_event_moves_its_linked_posts_by_the_same_days() {
    let f = fixture();
    let e = event(
        &f.cadence,
        &f.plan,
        EventWhenInput::Timed {
            start_local: local("2026-03-20 18:00"),
            end_local: local("2026-03-20 20:00"),
            timezone: "Europe/Paris".into(),
        },
    );
    let tpl = f
        .cadence
        .create_template(&TemplateInput {
            name: "Trois temps".into(),
            description: String::new(),
            steps: vec![
                TemplateStep {
                    offset_days: -2,
                    time: t(10, 0),
                    platform: None,
                    title: "Avant".into(),
                    status: PostStatus::Draft,
                },
                TemplateStep {
                    offset_days: 0,
                    time: None,
                    platform: None,
                    title: "Jour J".into(),
                    status: PostStatus::Draft,
                },
                TemplateStep {
                    offset_days: 1,
                    time: t(10, 0),
                    platform: None,
                    title: "Après".into(),
                    status: PostStatus::Draft,
                },
            ],
        })
        .expect("template");
    let applied = f.cadence.apply_campaign(&request(&e, &tpl)).expect("apply");
    // One of them is already out: it stays where it is.
    let before_post = &applied.created[0].post;
    let mut published = cadence::service::input_of(before_post);
    published.status = PostStatus::Published;
    f.cadence
        .update_post(&before_post.id, &published)
        .expect("published");

    // Without posts: only the event moves.
    let only = f
        .cadence
        .move_event(&EventMoveInput {
            event_id: e.id.clone(),
            new_start: date("2026-03-21"),
            move_posts: false,
        })
        .expect("move");
    assert_eq!(only.days, 1);
    assert!(only.moved.is_empty());
    assert_eq!(only.kept, 3);

    // With posts, 8 days later, across the DST change (29 March): wall-clock times are kept.
    let moved = f
        .cadence
        .move_event(&EventMoveInput {
            event_id: e.id.clone(),
            new_start: date("2026-03-29"),
            move_posts: true,
        })
        .expect("move");
    assert_eq!(moved.days, 8);
    assert_eq!(moved.kept, 1);
    assert_eq!(moved.moved.len(), 2);
    match &moved.event.when {
        EventWhen::Timed {
            start_local,
            end_local,
            start,
            ..
        } => {
            assert_eq!(*start_local, local("2026-03-29 18:00"));
            assert_eq!(*end_local, local("2026-03-29 20:00"));
            assert_eq!(start.to_rfc3339(), "2026-03-29T16:00:00+00:00"); // CEST now
        }
        other => panic!("{other:?}"),
    }
    assert!(moved.event.meta.revision > e.meta.revision);
    let find = |title: &str| {
        moved
            .moved
            .iter()
            .find(|v| v.post.title == title)
            .expect(title)
            .post
            .clone()
    };
    // The posts had stayed on the 18th–21st: each moves by the same 8 days.
    assert_eq!(
        find("Jour J").planned,
        Some(Planned::Day {
            date: date("2026-03-28")
        })
    );
    match &find("Après").planned {
        Some(Planned::At { local: l, at, .. }) => {
            assert_eq!(*l, local("2026-03-29 10:00"));
            assert_eq!(at.to_rfc3339(), "2026-03-29T08:00:00+00:00"); // CEST now
        }
        other => panic!("{other:?}"),
    }
    let published_now = f.cadence.post(&before_post.id).expect("post").post;
    assert!(
        matches!(&published_now.planned, Some(Planned::At { local: l, .. }) if *l == local("2026-03-18 10:00"))
    );

    // All or nothing: an unknown event writes nothing.
    let before = f.dump();
    assert!(f
        .cadence
        .move_event(&EventMoveInput {
            event_id: "missing".into(),
            new_start: date("2026-04-01"),
            move_posts: true,
        })
        .is_err());
    assert_eq!(f.dump(), before);
}

#[test]
fn the_sample_launch_takes_the_launch_template() {
    let (_d, cadence) = open_temp();
    let plan = cadence::demo::create_sample(&cadence, date("2026-11-23")).expect("sample");
    let overview = cadence.plan_overview(&plan.id).expect("overview");
    let launch = overview
        .events
        .iter()
        .find(|e| e.kind == EventKind::ProductLaunch)
        .expect("launch");
    let linked_before = cadence.event_posts(&launch.id).expect("linked").len();
    let applied = cadence
        .apply_campaign(&CampaignRequest {
            event_id: launch.id.clone(),
            template_id: "builtin:product_launch:fr".into(),
            channel_ids: None,
        })
        .expect("apply");
    // The bakery has no newsletter: that step is skipped, the other eight are created.
    assert_eq!(applied.created.len(), 8);
    assert_eq!(applied.skipped.len(), 1);
    assert_eq!(
        cadence.event_posts(&launch.id).expect("linked").len(),
        linked_before + 8
    );
}
