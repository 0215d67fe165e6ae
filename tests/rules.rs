//! Warnings: returned with the post, never a refusal.
mod common;

use cadence::model::*;
use common::*;

fn codes(v: &PostView) -> Vec<WarningCode> {
    v.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn a_complete_post_has_no_warning() {
    let f = fixture();
    let v = f.cadence.create_post(&f.post_input()).expect("create");
    assert!(v.warnings.is_empty(), "{:?}", v.warnings);
}

#[test]
fn no_objective_and_no_customer_value_are_warnings_not_refusals() {
    let f = fixture();
    let mut input = f.post_input();
    input.objective_id = None;
    input.customer_value = "   ".into();
    let v = f
        .cadence
        .create_post(&input)
        .expect("saved despite warnings");
    assert_eq!(
        codes(&v),
        vec![WarningCode::NoObjective, WarningCode::NoCustomerValue]
    );
    assert_eq!(v.warnings[0].field, "objectiveId");
    assert_eq!(v.warnings[1].field, "customerValue");
    // Stored as given, and still warned about when read back.
    assert_eq!(codes(&f.cadence.post(&v.post.id).expect("get")), codes(&v));
}

#[test]
fn no_channel_is_a_warning() {
    let f = fixture();
    let mut input = f.post_input();
    input.channels.clear();
    let v = f.cadence.create_post(&input).expect("create");
    assert_eq!(codes(&v), vec![WarningCode::NoChannel]);
}

#[test]
fn channel_limits_count_user_perceived_characters() {
    let f = fixture(); // the X channel allows 10 characters
    let mut input = f.post_input();
    input.channels = vec![PostChannel {
        channel_id: f.x.id.clone(),
        variant: None,
    }];
    input.body = "éèêëàâäôöü".into(); // 10 graphemes, 20 bytes
    assert!(f
        .cadence
        .create_post(&input)
        .expect("ok")
        .warnings
        .is_empty());
    input.body = "e\u{301}👍🏽🇫🇷👩‍👩‍👧abcdef".into(); // 10 graphemes
    assert!(f
        .cadence
        .create_post(&input)
        .expect("ok")
        .warnings
        .is_empty());
    input.body = "Bonjour Québec !".into(); // 16
    let v = f.cadence.create_post(&input).expect("ok");
    assert_eq!(codes(&v), vec![WarningCode::OverChannelLimit]);
    let w = &v.warnings[0];
    assert_eq!((w.length, w.limit), (Some(16), Some(10)));
    assert_eq!(w.channel_id.as_deref(), Some(f.x.id.as_str()));
    assert_eq!(w.field, "body");
}

#[test]
fn a_variant_is_measured_for_its_own_channel() {
    let f = fixture();
    let mut input = f.post_input();
    input.body = "Un long texte pour Instagram, bien trop long pour X.".into();
    input.channels = vec![
        PostChannel {
            channel_id: f.instagram.id.clone(),
            variant: None,
        },
        PostChannel {
            channel_id: f.x.id.clone(),
            variant: Some("Court ✔".into()),
        },
    ];
    assert!(f
        .cadence
        .create_post(&input)
        .expect("ok")
        .warnings
        .is_empty());
    input.channels[1].variant = Some("Toujours trop long".into());
    let v = f.cadence.create_post(&input).expect("ok");
    assert_eq!(codes(&v), vec![WarningCode::OverChannelLimit]);
    assert_eq!(v.warnings[0].field, "variant");
}

#[test]
fn planned_outside_the_objective_period_is_a_warning() {
    let f = fixture(); // objective runs 2026-11-01 → 2026-12-31
    let mut input = f.post_input();
    // (2 January: the 1st is a public holiday, which warns too.)
    input.planned = Some(PlannedInput::Day {
        date: date("2027-01-02"),
    });
    assert_eq!(
        codes(&f.cadence.create_post(&input).expect("ok")),
        vec![WarningCode::OutsideObjectivePeriod]
    );
    // 31 Dec 23:30 in Paris is inside, although it is already... still 31 Dec in UTC too.
    input.planned = Some(PlannedInput::At {
        local: local("2026-12-31 23:30"),
        timezone: "Europe/Paris".into(),
    });
    assert!(f
        .cadence
        .create_post(&input)
        .expect("ok")
        .warnings
        .is_empty());
    // 1 Jan 00:30 in Paris is 31 Dec 23:30 UTC: the local day counts, so it is outside (and
    // on New Year's Day, a public holiday).
    input.planned = Some(PlannedInput::At {
        local: local("2027-01-01 00:30"),
        timezone: "Europe/Paris".into(),
    });
    assert_eq!(
        codes(&f.cadence.create_post(&input).expect("ok")),
        vec![
            WarningCode::OutsideObjectivePeriod,
            WarningCode::OnPublicHoliday
        ]
    );
    input.planned = Some(PlannedInput::Day {
        date: date("2026-10-31"),
    });
    assert_eq!(
        codes(&f.cadence.create_post(&input).expect("ok")),
        vec![WarningCode::OutsideObjectivePeriod]
    );
}

#[test]
fn a_cancelled_post_carries_no_warning() {
    let f = fixture();
    let mut input = f.post_input();
    input.objective_id = None;
    input.status = PostStatus::Cancelled;
    assert!(f
        .cadence
        .create_post(&input)
        .expect("ok")
        .warnings
        .is_empty());
}

#[test]
fn check_lists_only_posts_with_warnings() {
    let f = fixture();
    f.cadence.create_post(&f.post_input()).expect("ok");
    let mut bad = f.post_input();
    bad.title = "Sans objectif".into();
    bad.objective_id = None;
    f.cadence.create_post(&bad).expect("ok");
    let checked = f.cadence.check(&f.plan.id).expect("check");
    assert_eq!(checked.len(), 1);
    assert_eq!(checked[0].post.title, "Sans objectif");
}

#[test]
fn deleting_an_objective_turns_its_posts_into_warnings() {
    let f = fixture();
    let v = f.cadence.create_post(&f.post_input()).expect("ok");
    f.cadence.delete_objective(&f.awareness.id).expect("delete");
    assert_eq!(
        codes(&f.cadence.post(&v.post.id).expect("get")),
        vec![WarningCode::NoObjective]
    );
}
