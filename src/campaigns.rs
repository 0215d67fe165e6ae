//! Built-in campaign templates (French and English) for a product launch, an open day and a
//! trade show, and the date arithmetic of applying a step to an event.
use crate::model::{CampaignTemplate, Event, EventWhen, Platform, PostStatus, TemplateStep};
use crate::time::local_of;
use chrono::{Duration, NaiveDate, NaiveTime};

pub const BUILTIN_PREFIX: &str = "builtin:";
/// Steps further than this from the event are refused (a year either side).
pub const MAX_OFFSET_DAYS: i32 = 366;
pub const MAX_STEPS: usize = 60;

type Step = (
    i32,
    Option<(u32, u32)>,
    Option<Platform>,
    &'static str,
    &'static str,
);

/// (key, French name, English name, French description, English description, steps with
/// French and English titles).
struct Builtin {
    key: &'static str,
    name: (&'static str, &'static str),
    description: (&'static str, &'static str),
    steps: &'static [Step],
}

use Platform::{Facebook, Instagram, Internal, Linkedin, Newsletter};

const BUILTINS: &[Builtin] = &[
    Builtin {
        key: "product_launch",
        name: ("Lancement de produit", "Product launch"),
        description: (
            "Teasing, annonce le jour J, relances et bilan.",
            "Teasers, launch-day announcement, follow-ups and wrap-up.",
        ),
        steps: &[
            (
                -14,
                Some((10, 0)),
                Some(Linkedin),
                "Annonce : un nouveau produit arrive",
                "Announcement: something new is coming",
            ),
            (
                -7,
                Some((12, 0)),
                Some(Instagram),
                "Teasing : un indice sur le produit",
                "Teaser: a hint about the product",
            ),
            (
                -7,
                Some((9, 0)),
                Some(Internal),
                "Brief de l'équipe pour le lancement",
                "Team briefing for the launch",
            ),
            (
                -3,
                Some((18, 0)),
                Some(Facebook),
                "Compte à rebours : J-3",
                "Countdown: 3 days to go",
            ),
            (
                -1,
                Some((18, 0)),
                Some(Instagram),
                "Demain, on vous dévoile tout",
                "Tomorrow we reveal everything",
            ),
            (
                0,
                Some((9, 0)),
                None,
                "C'est le jour J : découvrez le produit",
                "Launch day: meet the product",
            ),
            (
                0,
                Some((10, 0)),
                Some(Newsletter),
                "Lettre : le produit est disponible",
                "Newsletter: the product is out",
            ),
            (
                1,
                Some((12, 0)),
                Some(Instagram),
                "Merci pour votre accueil ! Vos premiers avis",
                "Thank you! Your first reviews",
            ),
            (
                7,
                Some((10, 0)),
                Some(Linkedin),
                "Bilan de la première semaine",
                "First-week wrap-up",
            ),
        ],
    },
    Builtin {
        key: "open_day",
        name: ("Portes ouvertes", "Open day"),
        description: (
            "Invitation, rappels, direct le jour même et remerciements.",
            "Invitation, reminders, live coverage on the day and thanks.",
        ),
        steps: &[
            (
                -14,
                Some((10, 0)),
                Some(Facebook),
                "Invitation aux portes ouvertes",
                "Invitation to our open day",
            ),
            (
                -7,
                Some((12, 0)),
                Some(Instagram),
                "Le programme de la journée",
                "The day's programme",
            ),
            (
                -2,
                Some((9, 0)),
                Some(Internal),
                "Consignes pour l'équipe",
                "Instructions for the team",
            ),
            (
                -1,
                Some((17, 0)),
                None,
                "Rappel : c'est demain !",
                "Reminder: it's tomorrow!",
            ),
            (
                0,
                Some((10, 0)),
                Some(Instagram),
                "En direct des portes ouvertes",
                "Live from the open day",
            ),
            (
                1,
                Some((11, 0)),
                None,
                "Merci d'être venus !",
                "Thanks for coming!",
            ),
        ],
    },
    Builtin {
        key: "trade_show",
        name: ("Salon professionnel", "Trade show"),
        description: (
            "Annonce du stand, prise de rendez-vous, direct du salon et suivi.",
            "Booth announcement, meeting bookings, live from the show and follow-up.",
        ),
        steps: &[
            (
                -21,
                Some((10, 0)),
                Some(Linkedin),
                "Retrouvez-nous au salon : notre stand",
                "Meet us at the show: our booth",
            ),
            (
                -14,
                Some((10, 0)),
                Some(Newsletter),
                "Prenez rendez-vous sur notre stand",
                "Book a meeting at our booth",
            ),
            (
                -7,
                Some((12, 0)),
                Some(Linkedin),
                "Ce que nous présenterons au salon",
                "What we will show at the show",
            ),
            (
                -1,
                Some((16, 0)),
                Some(Internal),
                "Logistique du stand pour l'équipe",
                "Booth logistics for the team",
            ),
            (
                0,
                Some((9, 0)),
                Some(Linkedin),
                "Le salon ouvre : venez nous voir",
                "The show opens: come and see us",
            ),
            (
                0,
                Some((15, 0)),
                Some(Instagram),
                "Coulisses du stand",
                "Behind the scenes at our booth",
            ),
            (
                1,
                Some((10, 0)),
                Some(Linkedin),
                "Merci pour vos visites au salon",
                "Thanks for visiting us at the show",
            ),
            (
                3,
                Some((10, 0)),
                Some(Newsletter),
                "Suivi : les nouveautés présentées au salon",
                "Follow-up: what we showed at the show",
            ),
        ],
    },
];

/// The language of the built-in templates for a plan's locale: French for `fr*`, else English.
pub fn language_of(locale: &str) -> &'static str {
    if locale.to_ascii_lowercase().starts_with("fr") {
        "fr"
    } else {
        "en"
    }
}

/// Every built-in template in `language` (`fr` or `en`).
pub fn builtins(language: &str) -> Vec<CampaignTemplate> {
    let fr = language == "fr";
    BUILTINS
        .iter()
        .map(|b| CampaignTemplate {
            id: format!("{BUILTIN_PREFIX}{}:{}", b.key, if fr { "fr" } else { "en" }),
            name: (if fr { b.name.0 } else { b.name.1 }).to_owned(),
            description: (if fr { b.description.0 } else { b.description.1 }).to_owned(),
            builtin: true,
            language: (if fr { "fr" } else { "en" }).to_owned(),
            steps: b
                .steps
                .iter()
                .map(
                    |(offset, time, platform, title_fr, title_en)| TemplateStep {
                        offset_days: *offset,
                        time: time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
                        platform: *platform,
                        title: (if fr { *title_fr } else { *title_en }).to_owned(),
                        status: PostStatus::Draft,
                    },
                )
                .collect(),
        })
        .map(|mut t| {
            t.steps.sort_by_key(|s| (s.offset_days, s.time));
            t
        })
        .collect()
}

/// The built-in template with this id, in either language.
pub fn builtin(id: &str) -> Option<CampaignTemplate> {
    let lang = id.rsplit(':').next()?;
    builtins(lang).into_iter().find(|t| t.id == id)
}

/// The event's first day, in its own terms: the first day of an all-day event, the local day
/// an event with times starts in its zone.
pub fn event_day(event: &Event) -> NaiveDate {
    match &event.when {
        EventWhen::AllDay { start, .. } => *start,
        EventWhen::Timed {
            start, timezone, ..
        } => local_of(*start, timezone).date(),
    }
}

/// The day of a step: the event's first day plus the offset (calendar days, so month ends and
/// leap days come out right).
pub fn step_day(event_day: NaiveDate, offset_days: i32) -> Option<NaiveDate> {
    event_day.checked_add_signed(Duration::days(i64::from(offset_days)))
}

/// "J-7", "J", "J+1".
pub fn offset_label(offset_days: i32) -> String {
    match offset_days {
        0 => "J".to_owned(),
        n if n > 0 => format!("J+{n}"),
        n => format!("J{n}"),
    }
}
