//! A plan full of the cases an .ics export gets wrong: accents, emoji, commas, semicolons,
//! backslashes, newlines, 2,000-character texts, all-day and multi-day events, posts on both
//! sides of the March and October DST changes in Paris and Toronto, a cancelled post, a
//! deleted post and an edited post.
use super::{date, local};
use cadence::model::*;
use cadence::service::input_of;
use cadence::Cadence;

pub const EDGE_PLAN: &str = "Édition spéciale ; tests, « accents » \\ 🥐";

pub struct EdgePlan {
    pub plan: Plan,
    pub edited: Post,
    pub deleted: Post,
    pub cancelled: Post,
    pub long: Post,
    pub deleted_event: Event,
}

/// About 2,000 characters of French, with accents, emoji and punctuation that must be escaped.
pub fn long_text() -> String {
    let sentence = "Après l'été, «la rentrée» : café, crème brûlée; pâtisseries \\ goûters — à déguster 🍰🇫🇷 ! ";
    let mut s = String::new();
    while s.chars().count() < 2000 {
        s.push_str(sentence);
        s.push('\n');
    }
    s.chars()
        .take(2000)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

pub fn edge_plan(cadence: &Cadence) -> EdgePlan {
    let plan = cadence
        .create_plan(&PlanInput {
            name: EDGE_PLAN.into(),
            timezone: "Europe/Paris".into(),
            locale: "fr-FR".into(),
        })
        .expect("plan");
    let channel = |platform, name: &str, color: &str| {
        cadence
            .create_channel(&ChannelInput {
                plan_id: plan.id.clone(),
                platform,
                name: name.into(),
                char_limit: None,
                weekly_target: None,
                color: color.into(),
            })
            .expect("channel")
    };
    let insta = channel(Platform::Instagram, "Insta, Paris; \"officiel\"", "#c13584");
    let x = channel(Platform::X, "X \\ compte", "#000000");
    let linkedin = channel(Platform::Linkedin, "LinkedIn Toronto 🍁", "#0a66c2");
    let objective = cadence
        .create_objective(&ObjectiveInput {
            plan_id: plan.id.clone(),
            kind: ObjectiveKind::Sales,
            title: "Ventes, fêtes; Noël \\ 2026".into(),
            target: String::new(),
            start_date: None,
            end_date: None,
            color: "#3d8b5a".into(),
            target_share: 0,
        })
        .expect("objective");
    let event = |title: &str, when: EventWhenInput| {
        cadence
            .create_event(&EventInput {
                plan_id: plan.id.clone(),
                kind: EventKind::TradeShow,
                title: title.into(),
                description: "Stand B12, allée «Goûts»; apportez badges, flyers\net sourires"
                    .into(),
                location: "Paris Expo, hall 7; porte de Versailles".into(),
                when,
            })
            .expect("event")
    };
    event(
        "Salon d'un jour",
        EventWhenInput::AllDay {
            start: date("2026-03-28"),
            end: date("2026-03-28"),
        },
    );
    event(
        "Salon sur trois jours, à cheval sur le changement d'heure",
        EventWhenInput::AllDay {
            start: date("2026-10-24"),
            end: date("2026-10-26"),
        },
    );
    event(
        "Webinaire à Toronto",
        EventWhenInput::Timed {
            start_local: local("2026-11-02 09:00"),
            end_local: local("2026-11-02 10:30"),
            timezone: "America/Toronto".into(),
        },
    );
    let deleted_event = event(
        "Salon annulé",
        EventWhenInput::AllDay {
            start: date("2026-06-10"),
            end: date("2026-06-11"),
        },
    );
    let deleted_event = cadence
        .delete_event(&deleted_event.id)
        .expect("delete event");

    let post = |title: &str, body: &str, planned: PlannedInput, channels: &[&Channel]| {
        let input = PostInput {
            plan_id: plan.id.clone(),
            title: title.into(),
            body: body.into(),
            channels: channels
                .iter()
                .map(|c| PostChannel {
                    channel_id: c.id.clone(),
                    variant: None,
                })
                .collect(),
            objective_id: Some(objective.id.clone()),
            customer_value: "Savoir où, quand; et combien, \\ tout".into(),
            status: PostStatus::Scheduled,
            planned: Some(planned),
            duration_minutes: None,
            event_id: None,
            assignee: String::new(),
            tags: vec!["noël".into(), "a,b;c".into()],
            links: vec!["https://exemple.fr/a?b=1,2;3".into()],
            notes: String::new(),
            results: Results::default(),
        };
        cadence.create_post(&input).expect("post").post
    };
    let at = |s: &str, zone: &str| PlannedInput::At {
        local: local(s),
        timezone: zone.into(),
    };
    let paris = "Europe/Paris";
    let toronto = "America/Toronto";
    // Paris changes on 2026-03-29 and 2026-10-25; Toronto on 2026-03-08 and 2026-11-01.
    for (title, when, zone) in [
        ("Paris, avant l'heure d'été", "2026-03-27 10:00", paris),
        ("Paris, après l'heure d'été", "2026-03-30 10:00", paris),
        ("Paris, avant l'heure d'hiver", "2026-10-23 10:00", paris),
        ("Paris, après l'heure d'hiver", "2026-10-26 10:00", paris),
        ("Toronto, avant l'heure d'été", "2026-03-06 10:00", toronto),
        ("Toronto, après l'heure d'été", "2026-03-09 10:00", toronto),
        (
            "Toronto, avant l'heure d'hiver",
            "2026-10-30 10:00",
            toronto,
        ),
        (
            "Toronto, après l'heure d'hiver",
            "2026-11-02 10:00",
            toronto,
        ),
        ("Heure répétée à Paris", "2026-10-25 02:30", paris),
    ] {
        post(
            title,
            "Texte court, avec virgule; point-virgule",
            at(when, zone),
            &[&insta],
        );
    }
    post(
        "Émojis 👩‍🍳🇫🇷 et accents : «crème», œuf, ça, Noël",
        "Ligne 1 : «Bonjour», dit-elle; puis\nligne 2 \\ avec barre\n\nligne 4 après une ligne vide\tet une tabulation 🥖",
        at("2026-12-03 10:00", paris),
        &[&insta, &x, &linkedin],
    );
    post(
        "Fins de ligne Windows",
        "un\r\ndeux\rtrois",
        at("2026-12-04 10:00", paris),
        &[&x],
    );
    post(
        "Barre oblique inverse puis n",
        "Chemin C:\\nouveau\\dossier, pas un saut de ligne",
        at("2026-12-05 10:00", paris),
        &[&x],
    );
    post(
        "Journée entière",
        "Un jour, sans heure",
        PlannedInput::Day {
            date: date("2026-12-24"),
        },
        &[&linkedin],
    );
    let long = post(
        &"Titre très long, «accentué» ; ".repeat(8),
        &long_text(),
        at("2026-12-07 10:00", paris),
        &[&insta, &linkedin],
    );
    let cancelled = post(
        "Publication annulée",
        "Ne sortira pas",
        at("2026-12-08 10:00", paris),
        &[&insta],
    );
    let cancelled = cadence
        .update_post(
            &cancelled.id,
            &PostInput {
                status: PostStatus::Cancelled,
                ..input_of(&cancelled)
            },
        )
        .expect("cancel")
        .post;
    let deleted = post(
        "Publication supprimée",
        "Partie à la corbeille",
        at("2026-12-09 10:00", paris),
        &[&insta],
    );
    let deleted = cadence.delete_post(&deleted.id).expect("delete").post;
    let edited = post(
        "Avant modification",
        "Premier texte",
        at("2026-12-10 10:00", paris),
        &[&insta],
    );
    let mut input = input_of(&edited);
    input.title = "Après modification, 2ᵉ version".into();
    input.planned = Some(at("2026-12-10 11:00", paris));
    let edited = cadence.update_post(&edited.id, &input).expect("edit").post;
    let mut input = input_of(&edited);
    input.status = PostStatus::Published;
    input.results.url = Some("https://www.instagram.com/p/edge,1".into());
    let edited = cadence
        .update_post(&edited.id, &input)
        .expect("publish")
        .post;
    EdgePlan {
        plan,
        edited,
        deleted,
        cancelled,
        long,
        deleted_event,
    }
}
