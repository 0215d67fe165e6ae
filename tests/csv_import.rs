//! CSV content calendars: preview, import in one transaction, export that re-imports, and
//! hostile files refused with nothing written.
mod common;

use cadence::model::*;
use cadence::service::CsvImportOptions;
use common::*;

const FRENCH: &str = "Date;Heure;Réseau;Titre;Texte;Objectif;Statut\n\
03/12/2026;10h30;Instagram;Nouvelle carte;Chocolat chaud ☕;Notoriété;Programmé\n\
2026-12-04;;X, Instagram;Jour sans heure;;;brouillon\n\
;;;Idée sans date;;;idée\n";

fn opts(create_missing: bool) -> CsvImportOptions {
    CsvImportOptions {
        create_missing,
        ..CsvImportOptions::default()
    }
}

#[test]
fn a_french_calendar_is_previewed_then_imported() {
    let f = fixture();
    let before = f.dump();
    let preview = f
        .cadence
        .preview_csv(&f.plan.id, FRENCH.as_bytes(), opts(false))
        .expect("preview");
    assert_eq!(preview.problems, vec![]);
    assert!(!preview.converted);
    assert_eq!(preview.posts.len(), 3);
    assert_eq!(f.dump(), before, "a preview writes nothing");

    let done = f
        .cadence
        .import_csv(&f.plan.id, FRENCH.as_bytes(), opts(false))
        .expect("import");
    assert_eq!(done.posts.len(), 3);
    let first = f.cadence.post(&done.posts[0].post.id).expect("post").post;
    assert_eq!(first.title, "Nouvelle carte");
    assert_eq!(first.status, PostStatus::Scheduled);
    assert_eq!(first.objective_id, Some(f.awareness.id.clone()));
    assert!(matches!(
        first.planned,
        Some(Planned::At { local, .. }) if local == common::local("2026-12-03 10:30")
    ));
    let second = &done.posts[1].post;
    assert_eq!(second.channels.len(), 2);
    assert_eq!(
        second.planned,
        Some(Planned::Day {
            date: date("2026-12-04")
        })
    );
    assert_eq!(done.posts[2].post.planned, None);
    assert_eq!(done.posts[2].post.status, PostStatus::Idea);
}

#[test]
fn every_row_problem_is_named_and_nothing_is_written() {
    let f = fixture();
    let before = f.dump();
    let csv = "date,time,channel,title,status\n\
               31/02/2026,10:00,Instagram,Date impossible,draft\n\
               0000-01-01,,Instagram,Année zéro,draft\n\
               2026-12-03,25h,Instagram,Heure impossible,draft\n\
               2026-12-03,,TikTok,Réseau inconnu,peut-être\n\
               2026-12-03,,Instagram,,draft\n";
    let preview = f
        .cadence
        .preview_csv(&f.plan.id, csv.as_bytes(), opts(false))
        .expect("preview");
    let got: Vec<(usize, &str)> = preview
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "date"),
            (3, "date"),
            (4, "time"),
            (5, "status"),
            (5, "channel"),
            (6, "title")
        ],
        "{:#?}",
        preview.problems
    );
    assert!(
        preview.problems[1].reason.contains("year 0"),
        "{:?}",
        preview.problems[1]
    );
    assert_eq!(preview.unknown_channels, vec!["TikTok"]);
    let err = f
        .cadence
        .import_csv(&f.plan.id, csv.as_bytes(), opts(false))
        .expect_err("refused");
    assert_eq!(err.code(), "import_row");
    assert!(
        err.to_string().starts_with("row 2, column \"date\""),
        "{err}"
    );
    assert_eq!(f.dump(), before);
}

#[test]
fn unknown_channels_and_objectives_are_created_when_asked() {
    let f = fixture();
    let csv = "titre;réseau;objectif\nLancement;TikTok;Recrutement\n";
    let done = f
        .cadence
        .import_csv(&f.plan.id, csv.as_bytes(), opts(true))
        .expect("import");
    assert_eq!(done.unknown_channels, vec!["TikTok"]);
    assert_eq!(done.unknown_objectives, vec!["Recrutement"]);
    let o = f.cadence.plan_overview(&f.plan.id).expect("overview");
    let tiktok = o
        .channels
        .iter()
        .find(|c| c.name == "TikTok")
        .expect("created");
    assert_eq!(tiktok.platform, Platform::Tiktok);
    assert!(o.objectives.iter().any(|o| o.title == "Recrutement"));
}

#[test]
fn a_latin1_file_is_converted_and_said_so() {
    let f = fixture();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("titre;texte\nCrème brûlée;Été\n");
    assert!(std::str::from_utf8(&bytes).is_err());
    let done = f
        .cadence
        .import_csv(&f.plan.id, &bytes, opts(false))
        .expect("import");
    assert!(done.converted);
    assert_eq!(done.posts[0].post.title, "Crème brûlée");
    assert_eq!(done.posts[0].post.body, "Été");
    // A UTF-8 BOM is dropped, not read into the first header.
    let bom = "\u{feff}titre\nAvec BOM\n";
    let done = f
        .cadence
        .import_csv(&f.plan.id, bom.as_bytes(), opts(false))
        .expect("import");
    assert!(!done.converted);
    assert_eq!(done.posts[0].post.title, "Avec BOM");
}

#[test]
fn hostile_files_are_refused_with_nothing_written() {
    let f = fixture();
    let before = f.dump();
    let huge = vec![b'a'; cadence::spreadsheet::MAX_FILE_BYTES + 1];
    let wide = format!("titre{}\n", ",x".repeat(1_000_000));
    let long_cell = format!(
        "titre\n{}\n",
        "a".repeat(cadence::spreadsheet::MAX_CELL_BYTES + 1)
    );
    let binary = b"titre\n\0\0\0\n".to_vec();
    let no_title = b"date;heure\n2026-12-03;10:00\n".to_vec();
    for (bytes, code) in [
        (huge, "file_too_large"),
        (wide.into_bytes(), "unsupported_file"),
        (long_cell.into_bytes(), "unsupported_file"),
        (binary, "unsupported_file"),
        (Vec::new(), "unsupported_file"),
        (no_title, "import_row"),
    ] {
        let err = f
            .cadence
            .import_csv(&f.plan.id, &bytes, opts(true))
            .expect_err("refused");
        assert_eq!(err.code(), code, "{err}");
        assert_eq!(f.dump(), before);
    }
}

#[test]
fn the_export_escapes_formulas_and_reimports_to_the_same_posts() {
    let f = fixture();
    let mut input = f.post_input();
    input.title = "=HYPERLINK(\"http://evil.example\",\"clic\")".into();
    input.body = "Ligne 1\nLigne 2; avec \"guillemets\", virgules".into();
    input.tags = vec!["hiver".into(), "-promo".into()];
    input.links = vec!["https://example.com/a".into()];
    input.status = PostStatus::Approved;
    input.duration_minutes = Some(45);
    input.channels.push(PostChannel {
        channel_id: f.x.id.clone(),
        variant: None,
    });
    f.cadence.create_post(&input).expect("post");
    let mut day = f.post_input();
    day.title = "Jour".into();
    day.planned = Some(PlannedInput::Day {
        date: date("2026-12-05"),
    });
    f.cadence.create_post(&day).expect("post");

    let csv = f
        .cadence
        .export_csv(&f.plan.id, None, None, &[])
        .expect("export");
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(!csv.contains(",=HYPERLINK") && !csv.contains("\n=HYPERLINK"));

    // Into a second plan with the same channels and objective: the same posts.
    let g = fixture();
    let done = g
        .cadence
        .import_csv(&g.plan.id, csv.as_bytes(), opts(false))
        .expect("reimport");
    let mut a: Vec<PostInput> = f
        .cadence
        .range(&f.plan.id, date("2026-11-30"), date("2026-12-07"))
        .expect("range")
        .posts
        .iter()
        .map(|v| cadence::service::input_of(&v.post))
        .collect();
    let mut b: Vec<PostInput> = done
        .posts
        .iter()
        .map(|v| cadence::service::input_of(&v.post))
        .collect();
    let norm = |v: &mut Vec<PostInput>, fx: &Fixture| {
        for i in v.iter_mut() {
            i.plan_id.clear();
            for c in &mut i.channels {
                c.channel_id = if c.channel_id == fx.x.id {
                    "x"
                } else {
                    "instagram"
                }
                .into();
            }
            i.objective_id = i.objective_id.as_ref().map(|_| "awareness".into());
        }
        v.sort_by(|x, y| x.title.cmp(&y.title));
    };
    norm(&mut a, &f);
    norm(&mut b, &g);
    assert_eq!(a, b);

    // Filters: a status and a day range.
    let approved = f
        .cadence
        .export_csv(&f.plan.id, None, None, &[PostStatus::Approved])
        .expect("export");
    assert_eq!(approved.lines().filter(|l| l.contains("Jour")).count(), 0);
    let from_5 = f
        .cadence
        .export_csv(&f.plan.id, Some(date("2026-12-05")), None, &[])
        .expect("export");
    assert!(from_5.contains("Jour") && !from_5.contains("HYPERLINK"));
}
