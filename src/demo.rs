//! The sample plan a new user sees: a neighbourhood bakery, in French, planned around the
//! current week (last week published, this week scheduled, next week in preparation).
use crate::error::{Error, Result};
use crate::model::*;
use crate::service::Cadence;
use chrono::{Duration, NaiveDate, NaiveTime};

pub const SAMPLE_PLAN_NAME: &str = "Boulangerie Les Trois Épis";
const ZONE: &str = "Europe/Paris";
const FIRST_RUN_KEY: &str = "sample_offered";

/// On a database that has never had a plan, creates the sample plan once.
/// Returns the plan created, if any.
pub fn offer_sample_on_first_run(cadence: &Cadence, today: NaiveDate) -> Result<Option<Plan>> {
    if cadence.setting(FIRST_RUN_KEY)?.is_some() || !cadence.plans()?.is_empty() {
        return Ok(None);
    }
    let plan = create_sample(cadence, today)?;
    cadence.set_setting(FIRST_RUN_KEY, "1")?;
    Ok(Some(plan))
}

/// Creates the sample plan around the week of `today`. Refused if a plan of that name exists.
pub fn create_sample(cadence: &Cadence, today: NaiveDate) -> Result<Plan> {
    let plan = cadence.create_plan(&PlanInput {
        name: SAMPLE_PLAN_NAME.into(),
        timezone: ZONE.into(),
        locale: "fr-FR".into(),
    })?;
    match fill(cadence, &plan, crate::time::monday_of(today)) {
        Ok(()) => Ok(plan),
        Err(e) => {
            // Leave nothing half-made behind.
            let _ = cadence.db().with_tx(|tx| {
                tx.execute("DELETE FROM plans WHERE id = ?1", [&plan.id])?;
                Ok(())
            });
            Err(e)
        }
    }
}

struct Sample<'a> {
    cadence: &'a Cadence,
    plan_id: String,
    monday: NaiveDate,
}

impl Sample<'_> {
    fn day(&self, offset: i64) -> NaiveDate {
        self.monday + Duration::days(offset)
    }

    fn at(&self, offset: i64, h: u32, m: u32) -> Option<PlannedInput> {
        Some(PlannedInput::At {
            local: self
                .day(offset)
                .and_time(NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)),
            timezone: ZONE.into(),
        })
    }

    fn on(&self, offset: i64) -> Option<PlannedInput> {
        Some(PlannedInput::Day {
            date: self.day(offset),
        })
    }

    fn objective(
        &self,
        kind: ObjectiveKind,
        title: &str,
        target: &str,
        period: (i64, i64),
        color: &str,
        share: u8,
    ) -> Result<Objective> {
        self.cadence.create_objective(&ObjectiveInput {
            plan_id: self.plan_id.clone(),
            kind,
            title: title.into(),
            target: target.into(),
            start_date: Some(self.day(period.0)),
            end_date: Some(self.day(period.1)),
            color: color.into(),
            target_share: share,
        })
    }

    fn channel(&self, platform: Platform, name: &str, color: &str) -> Result<Channel> {
        self.cadence.create_channel(&ChannelInput {
            plan_id: self.plan_id.clone(),
            platform,
            name: name.into(),
            char_limit: None,
            weekly_target: None,
            color: color.into(),
        })
    }
}

/// One sample post: (title, body, channels, objective, customer value, status, when, event, tags).
struct P<'a> {
    title: &'a str,
    body: &'a str,
    channels: &'a [&'a Channel],
    objective: Option<&'a Objective>,
    value: &'a str,
    status: PostStatus,
    planned: Option<PlannedInput>,
    event: Option<&'a Event>,
    tags: &'a [&'a str],
    results: Results,
}

fn fill(cadence: &Cadence, plan: &Plan, monday: NaiveDate) -> Result<()> {
    let s = Sample {
        cadence,
        plan_id: plan.id.clone(),
        monday,
    };
    let awareness = s.objective(
        ObjectiveKind::Awareness,
        "Notoriété dans le quartier",
        "+20 % d'abonnés Instagram d'ici fin janvier",
        (-7, 70),
        "#e07a5f",
        40,
    )?;
    let sales = s.objective(
        ObjectiveKind::Sales,
        "Ventes des fêtes",
        "300 bûches précommandées avant Noël",
        (-7, 28),
        "#3d8b5a",
        40,
    )?;
    let recruitment = s.objective(
        ObjectiveKind::Recruitment,
        "Recruter deux apprentis",
        "2 contrats d'apprentissage signés en janvier",
        (0, 60),
        "#5b6cc2",
        20,
    )?;
    let instagram = s.channel(Platform::Instagram, "Instagram @troisepis", "#c13584")?;
    let facebook = s.channel(Platform::Facebook, "Facebook Les Trois Épis", "#1877f2")?;
    let linkedin = s.channel(Platform::Linkedin, "LinkedIn Les Trois Épis", "#0a66c2")?;
    let internal = s.channel(Platform::Internal, "Réseau interne de l'équipe", "#7a6a53")?;

    let open_day = cadence.create_event(&EventInput {
        plan_id: plan.id.clone(),
        kind: EventKind::OpenDay,
        title: "Portes ouvertes du fournil".into(),
        description: "Visite du fournil, dégustation et démonstration de façonnage.".into(),
        location: "12 rue des Moulins, Lyon".into(),
        when: EventWhenInput::AllDay {
            start: s.day(5),
            end: s.day(5),
        },
    })?;
    let launch = cadence.create_event(&EventInput {
        plan_id: plan.id.clone(),
        kind: EventKind::ProductLaunch,
        title: "Lancement de la bûche Trois Épis".into(),
        description: "Dévoilement de la bûche praliné-noisette de l'année.".into(),
        location: "À la boutique".into(),
        when: EventWhenInput::Timed {
            start_local: s
                .day(9)
                .and_time(NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN)),
            end_local: s
                .day(9)
                .and_time(NaiveTime::from_hms_opt(20, 0, 0).unwrap_or(NaiveTime::MIN)),
            timezone: ZONE.into(),
        },
    })?;

    let long_memo = "Bonjour à toutes et à tous, voici l'organisation des portes ouvertes de samedi. \
        L'accueil se fait à partir de 9 h 30 devant la boutique : deux personnes guident les visiteurs \
        vers le fournil par petits groupes de huit, toutes les vingt minutes. Au fournil, Marc présente \
        le levain, le pétrissage lent et la cuisson au feu de bois ; Léa montre le façonnage des baguettes \
        et des couronnes. Pensez aux charlottes et aux tabliers propres pour tout le monde, visiteurs compris. \
        La dégustation se tient dans la cour : pain au levain, brioche feuilletée, et les premières parts \
        de la bûche praliné-noisette pour recueillir des avis avant le lancement. Nous proposons aussi les \
        précommandes de bûches sur place, avec le carnet de commandes et le terminal de paiement. \
        Merci de noter chaque précommande avec le nom, le numéro de téléphone et le jour de retrait. \
        Les enfants peuvent façonner leur petit pain de 14 h à 16 h ; prévoyez des sachets kraft et des \
        étiquettes à leur prénom. Fermeture des portes à 17 h, rangement jusqu'à 18 h. Merci à tous !";

    let none = Results::default();
    let posts = [
        P { title: "Le pain du lundi : la miche au levain", body: "Elle sort du four à 8 h, croûte épaisse et mie alvéolée. Réservez la vôtre ! 🥖", channels: &[&instagram], objective: Some(&awareness), value: "Savoir quel pain sort du four et quand passer le chercher.", status: PostStatus::Published, planned: s.at(-7, 8, 0), event: None, tags: &["levain"], results: Results { url: Some("https://www.instagram.com/p/troisepis-miche".into()), likes: Some(124), comments: Some(9), shares: Some(4) } },
        P { title: "Précommandes de bûches ouvertes", body: "Praliné-noisette, marrons, fruits rouges : précommandez votre bûche en boutique ou par téléphone.", channels: &[&facebook, &instagram], objective: Some(&sales), value: "Être sûr d'avoir sa bûche le 24 sans faire la queue.", status: PostStatus::Published, planned: s.at(-5, 12, 0), event: None, tags: &["noël", "bûche"], results: Results { url: Some("https://www.facebook.com/troisepis/posts/buches".into()), likes: Some(87), comments: Some(21), shares: Some(12) } },
        P { title: "Nous recrutons deux apprentis boulangers", body: "Vous aimez le travail de la pâte et les matins tôt ? Rejoignez une équipe qui transmet.", channels: &[&linkedin], objective: Some(&recruitment), value: "Connaître un métier qui recrute et comment postuler.", status: PostStatus::Published, planned: s.at(-4, 9, 0), event: None, tags: &["recrutement"], results: Results { url: Some("https://www.linkedin.com/posts/troisepis-apprentis".into()), likes: Some(56), comments: Some(7), shares: Some(15) } },
        P { title: "Planning des fêtes pour l'équipe", body: "Le planning de décembre est en ligne : merci de valider vos créneaux avant vendredi.", channels: &[&internal], objective: None, value: "Chacun connaît ses horaires des fêtes à l'avance.", status: PostStatus::Published, planned: s.at(-3, 17, 0), event: None, tags: &[], results: none.clone() },
        P { title: "Coulisses : 4 h du matin au fournil", body: "Pendant que le quartier dort, Marc enfourne les premières baguettes. Un reel de 30 secondes au cœur du fournil.", channels: &[&instagram], objective: Some(&awareness), value: "Voir comment est fait le pain qu'on achète chaque matin.", status: PostStatus::Scheduled, planned: s.at(0, 8, 0), event: None, tags: &["coulisses"], results: none.clone() },
        P { title: "Samedi : portes ouvertes du fournil", body: "Visite, dégustation et atelier façonnage pour les enfants. Entrée libre de 9 h 30 à 17 h.", channels: &[&facebook], objective: Some(&awareness), value: "Découvrir le fournil et goûter les nouveautés en famille.", status: PostStatus::Scheduled, planned: s.at(1, 12, 0), event: Some(&open_day), tags: &["portes-ouvertes"], results: none.clone() },
        P { title: "Témoignage de Léa, apprentie", body: "« J'ai appris à faire du pain ici, et maintenant je forme les nouveaux. » Léa raconte son apprentissage.", channels: &[&linkedin], objective: Some(&recruitment), value: "Savoir à quoi ressemble un apprentissage chez nous.", status: PostStatus::Approved, planned: s.at(2, 10, 0), event: None, tags: &["recrutement", "équipe"], results: none.clone() },
        P { title: "Atelier galette en avant-première", body: "Inscriptions ouvertes pour l'atelier galette du 10 janvier : 12 places.", channels: &[&instagram], objective: Some(&sales), value: "", status: PostStatus::InReview, planned: s.at(2, 18, 0), event: None, tags: &["atelier"], results: none.clone() },
        P { title: "Jeu concours : gagnez une bûche", body: "Commentez avec votre souvenir de Noël le plus gourmand : tirage au sort vendredi !", channels: &[&facebook], objective: None, value: "Tenter de gagner une bûche de fête.", status: PostStatus::Draft, planned: s.on(3), event: None, tags: &["concours"], results: none.clone() },
        P { title: "Consignes pour les portes ouvertes", body: long_memo, channels: &[&internal], objective: Some(&awareness), value: "Une équipe prête et un accueil sans accroc pour les visiteurs.", status: PostStatus::Approved, planned: s.at(4, 9, 0), event: Some(&open_day), tags: &["portes-ouvertes"], results: none.clone() },
        P { title: "En direct des portes ouvertes", body: "Le fournil est ouvert ! Passez nous voir jusqu'à 17 h, la fournée de brioches arrive à 15 h.", channels: &[&instagram, &facebook], objective: Some(&awareness), value: "Savoir ce qui se passe en ce moment et quand venir.", status: PostStatus::Scheduled, planned: s.at(5, 10, 30), event: Some(&open_day), tags: &["portes-ouvertes"], results: none.clone() },
        P { title: "Merci d'être venus !", body: "Plus de 300 visiteurs samedi : merci ! Les photos de la journée sont dans notre story.", channels: &[&instagram], objective: Some(&awareness), value: "Revoir les meilleurs moments de la journée.", status: PostStatus::Draft, planned: s.at(6, 11, 0), event: Some(&open_day), tags: &["portes-ouvertes"], results: none.clone() },
        P { title: "Nous formons les artisans de demain", body: "Pourquoi nous prenons deux apprentis chaque année, et ce que cela change pour le quartier.", channels: &[&linkedin], objective: Some(&recruitment), value: "Comprendre notre engagement pour la formation.", status: PostStatus::Idea, planned: s.at(7, 9, 0), event: None, tags: &["recrutement"], results: none.clone() },
        P { title: "Teasing : une nouvelle bûche arrive", body: "Praliné, noisette torréfiée, et une surprise… Rendez-vous mercredi 18 h.", channels: &[&instagram], objective: Some(&sales), value: "Être parmi les premiers à découvrir la bûche de l'année.", status: PostStatus::Draft, planned: s.at(8, 12, 0), event: Some(&launch), tags: &["bûche", "lancement"], results: none.clone() },
        P { title: "Découvrez la bûche Trois Épis", body: "La voici : biscuit noisette, praliné maison et croustillant feuillantine. En précommande dès ce soir.", channels: &[&instagram, &facebook], objective: Some(&sales), value: "Voir la bûche et la précommander avant qu'il n'y en ait plus.", status: PostStatus::Scheduled, planned: s.at(9, 18, 0), event: Some(&launch), tags: &["bûche", "lancement"], results: none.clone() },
        P { title: "Horaires des fêtes", body: "Ouvert le 24 jusqu'à 18 h et le 31 jusqu'à 17 h. Fermé le 25 et le 1er janvier.", channels: &[&facebook], objective: Some(&awareness), value: "Savoir quand passer pendant les fêtes.", status: PostStatus::Draft, planned: s.at(10, 8, 0), event: None, tags: &["horaires"], results: none.clone() },
        P { title: "Bilan de la semaine de lancement", body: "", channels: &[&linkedin], objective: None, value: "", status: PostStatus::Idea, planned: s.on(11), event: Some(&launch), tags: &[], results: none.clone() },
        P { title: "Recette : pain perdu à la brioche", body: "Que faire de la brioche de la veille ? Notre recette de pain perdu en 4 étapes.", channels: &[&instagram], objective: Some(&awareness), value: "Une recette simple pour ne rien gâcher.", status: PostStatus::Draft, planned: s.at(12, 10, 0), event: None, tags: &["recette"], results: none },
    ];
    for p in posts {
        cadence.create_post(&PostInput {
            plan_id: plan.id.clone(),
            title: p.title.into(),
            body: p.body.into(),
            channels: p
                .channels
                .iter()
                .map(|c| PostChannel {
                    channel_id: c.id.clone(),
                    variant: None,
                })
                .collect(),
            objective_id: p.objective.map(|o| o.id.clone()),
            customer_value: p.value.into(),
            status: p.status,
            planned: p.planned,
            duration_minutes: None,
            event_id: p.event.map(|e| e.id.clone()),
            assignee: String::new(),
            tags: p.tags.iter().map(|t| (*t).to_owned()).collect(),
            links: Vec::new(),
            notes: String::new(),
            results: p.results,
        })?;
    }
    if cadence.channels(&plan.id)?.len() != 4 {
        return Err(Error::invalid("sample", "sample plan is incomplete"));
    }
    Ok(())
}
