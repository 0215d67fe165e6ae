//! Public holidays of France and Québec for 2024–2030, checked against the official lists
//! (Code du travail art. L3133-1 for France; CNESST / Loi sur les normes du travail and Loi sur
//! la fête nationale for Québec) written here as literal dates, plus the holiday warning.
mod common;

use cadence::holidays::{between, easter, of_year};
use cadence::model::*;
use common::*;

/// France, the eleven jours fériés: jour de l'an, lundi de Pâques, 1er mai, 8 mai, Ascension,
/// lundi de Pentecôte, 14 juillet, 15 août, Toussaint, 11 novembre, Noël.
#[rustfmt::skip]
const FRANCE: &[(i32, [&str; 11])] = &[
    (2024, ["2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20", "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25"]),
    (2025, ["2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"]),
    (2026, ["2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"]),
    (2027, ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"]),
    (2028, ["2028-01-01", "2028-04-17", "2028-05-01", "2028-05-08", "2028-05-25", "2028-06-05", "2028-07-14", "2028-08-15", "2028-11-01", "2028-11-11", "2028-12-25"]),
    (2029, ["2029-01-01", "2029-04-02", "2029-05-01", "2029-05-08", "2029-05-10", "2029-05-21", "2029-07-14", "2029-08-15", "2029-11-01", "2029-11-11", "2029-12-25"]),
    (2030, ["2030-01-01", "2030-04-22", "2030-05-01", "2030-05-08", "2030-05-30", "2030-06-10", "2030-07-14", "2030-08-15", "2030-11-01", "2030-11-11", "2030-12-25"]),
];

/// Québec's statutory holidays: jour de l'An, Vendredi saint and lundi de Pâques (the employer
/// gives one of the two), Journée nationale des patriotes, Fête nationale (24 June; the 25th
/// off when the 24th is a Sunday), fête du Canada (1 July; the 2nd off when the 1st is a
/// Sunday), fête du Travail, Action de grâce, Noël.
#[rustfmt::skip]
const QUEBEC: &[(i32, &[&str])] = &[
    (2024, &["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-20", "2024-06-24", "2024-07-01", "2024-09-02", "2024-10-14", "2024-12-25"]),
    (2025, &["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-19", "2025-06-24", "2025-07-01", "2025-09-01", "2025-10-13", "2025-12-25"]),
    (2026, &["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-18", "2026-06-24", "2026-07-01", "2026-09-07", "2026-10-12", "2026-12-25"]),
    (2027, &["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-24", "2027-06-24", "2027-07-01", "2027-09-06", "2027-10-11", "2027-12-25"]),
    (2028, &["2028-01-01", "2028-04-14", "2028-04-17", "2028-05-22", "2028-06-24", "2028-07-01", "2028-09-04", "2028-10-09", "2028-12-25"]),
    (2029, &["2029-01-01", "2029-03-30", "2029-04-02", "2029-05-21", "2029-06-24", "2029-06-25", "2029-07-01", "2029-07-02", "2029-09-03", "2029-10-08", "2029-12-25"]),
    (2030, &["2030-01-01", "2030-04-19", "2030-04-22", "2030-05-20", "2030-06-24", "2030-07-01", "2030-09-02", "2030-10-14", "2030-12-25"]),
];

fn public_days(region: HolidayRegion, year: i32) -> Vec<String> {
    of_year(region, year, true)
        .into_iter()
        .filter(|h| h.kind != HolidayKind::KeyDate)
        .map(|h| h.date.to_string())
        .collect()
}

#[test]
fn france_2024_to_2030_matches_the_official_list() {
    for (year, days) in FRANCE {
        assert_eq!(
            public_days(HolidayRegion::Fr, *year),
            days.to_vec(),
            "{year}"
        );
    }
}

#[test]
fn quebec_2024_to_2030_matches_the_official_list() {
    for (year, days) in QUEBEC {
        assert_eq!(
            public_days(HolidayRegion::CaQc, *year),
            days.to_vec(),
            "{year}"
        );
    }
}

#[test]
fn moveable_feasts_have_their_names_and_keys() {
    let fr = of_year(HolidayRegion::Fr, 2027, true);
    let find = |key: &str| fr.iter().find(|h| h.key == key).expect(key).clone();
    assert_eq!(find("ascension").date, date("2027-05-06"));
    assert_eq!(find("ascension").name, "Ascension");
    assert_eq!(find("whit_monday").name, "Lundi de Pentecôte");
    // Fête des mères moves a week when the last Sunday of May is Pentecost (2024: 26 May).
    let mothers = |y| {
        of_year(HolidayRegion::Fr, y, true)
            .into_iter()
            .find(|h| h.key == "mothers_day")
            .expect("mothers_day")
            .date
    };
    assert_eq!(mothers(2024), date("2024-05-26"));
    assert_eq!(mothers(2026), date("2026-05-31"));
    assert_eq!(mothers(2028), date("2028-05-28"));
    // 2023: the last Sunday of May was Pentecost (28 May), so Fête des mères was 4 June.
    assert_eq!(mothers(2023), date("2023-06-04"));
    let qc = of_year(HolidayRegion::CaQc, 2026, false);
    let patriots = qc
        .iter()
        .find(|h| h.key == "patriots_day")
        .expect("patriots");
    assert_eq!(patriots.date, date("2026-05-18"));
    assert!(patriots.name.contains("Victoria Day"), "{}", patriots.name);
    assert_eq!(
        qc.iter()
            .find(|h| h.key == "thanksgiving_ca")
            .expect("thanksgiving")
            .name,
        "Thanksgiving"
    );
    // The computus at its extremes: earliest (22 March 2285) and latest (25 April 2038) Easter.
    assert_eq!(easter(2285), Some(date("2285-03-22")));
    assert_eq!(easter(2038), Some(date("2038-04-25")));
    assert!(of_year(HolidayRegion::Fr, 2201, true).is_empty());
    assert!(of_year(HolidayRegion::None, 2026, true).is_empty());
    // A range across a year end takes both years.
    let winter = between(
        HolidayRegion::Fr,
        date("2026-12-20"),
        date("2027-01-03"),
        true,
    );
    let keys: Vec<&str> = winter.iter().map(|h| h.key.as_str()).collect();
    assert_eq!(
        keys,
        ["christmas_eve", "christmas", "new_years_eve", "new_year"]
    );
}

#[test]
fn a_post_on_a_public_holiday_gets_a_soft_warning_and_the_region_is_per_plan() {
    let f = fixture(); // Europe/Paris: France by default
    assert_eq!(
        f.cadence.holiday_region(&f.plan.id).expect("region"),
        HolidayRegion::Fr
    );
    let mut input = f.post_input();
    input.planned = Some(PlannedInput::At {
        local: local("2026-12-25 10:00"),
        timezone: "Europe/Paris".into(),
    });
    let view = f
        .cadence
        .create_post(&input)
        .expect("saved despite the warning");
    let w: Vec<_> = view
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::OnPublicHoliday)
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].holiday.as_deref(), Some("christmas"));
    assert_eq!(w[0].field, "planned");
    // The same post the day before: no warning (24 December is a key date, not a holiday).
    input.planned = Some(PlannedInput::Day {
        date: date("2026-12-24"),
    });
    let view = f.cadence.update_post(&view.post.id, &input).expect("moved");
    assert!(view
        .warnings
        .iter()
        .all(|w| w.code != WarningCode::OnPublicHoliday));
    // Québec's Fête nationale is no holiday in France…
    input.planned = Some(PlannedInput::Day {
        date: date("2026-06-24"),
    });
    let view = f.cadence.update_post(&view.post.id, &input).expect("moved");
    assert!(view
        .warnings
        .iter()
        .all(|w| w.code != WarningCode::OnPublicHoliday));
    // …until the plan switches to Québec; the range view and the check agree.
    f.cadence
        .set_holiday_region(&f.plan.id, HolidayRegion::CaQc)
        .expect("set");
    let range = f
        .cadence
        .range(&f.plan.id, date("2026-06-22"), date("2026-06-29"))
        .expect("range");
    assert_eq!(range.posts.len(), 1);
    assert!(range.posts[0]
        .warnings
        .iter()
        .any(|w| w.holiday.as_deref() == Some("fete_nationale_qc")));
    assert!(f.cadence.check(&f.plan.id).expect("check").iter().any(|v| v
        .warnings
        .iter()
        .any(|w| w.code == WarningCode::OnPublicHoliday)));
    // Turned off: no overlay, no warning.
    f.cadence
        .set_holiday_region(&f.plan.id, HolidayRegion::None)
        .expect("set");
    assert!(f
        .cadence
        .post(&view.post.id)
        .expect("post")
        .warnings
        .iter()
        .all(|w| w.code != WarningCode::OnPublicHoliday));
    let overlay = f
        .cadence
        .calendar_overlay(&f.plan.id, date("2026-06-01"), date("2026-07-01"))
        .expect("overlay");
    assert!(overlay.holidays.is_empty());
    // A cancelled post does not warn.
    f.cadence
        .set_holiday_region(&f.plan.id, HolidayRegion::Fr)
        .expect("set");
    input.planned = Some(PlannedInput::Day {
        date: date("2026-07-14"),
    });
    input.status = PostStatus::Cancelled;
    let view = f
        .cadence
        .update_post(&view.post.id, &input)
        .expect("cancelled");
    assert!(view.warnings.is_empty());
}

#[test]
fn holidays_of_a_plan_follow_its_language() {
    let (_d, cadence) = open_temp();
    let plan = cadence
        .create_plan(&PlanInput {
            name: "Maple & Co".into(),
            timezone: "America/Toronto".into(),
            locale: "en-CA".into(),
        })
        .expect("plan");
    // An English plan in Toronto's zone is not assumed to be in Québec.
    assert_eq!(
        cadence.holiday_region(&plan.id).expect("r"),
        HolidayRegion::None
    );
    cadence
        .set_holiday_region(&plan.id, HolidayRegion::CaQc)
        .expect("set");
    let h = cadence
        .holidays(&plan.id, date("2026-10-01"), date("2026-11-01"))
        .expect("holidays");
    assert_eq!(h[0].name, "Thanksgiving");
    assert_eq!(h[0].date, date("2026-10-12"));
    assert_eq!(
        cadence
            .holidays(&plan.id, date("2026-10-01"), date("2026-01-01"))
            .expect_err("backwards")
            .code(),
        "end_before_start"
    );
}
