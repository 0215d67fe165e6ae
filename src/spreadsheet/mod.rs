//! Spreadsheet content calendars as CSV: decoding what people's tools write (UTF-8 with or
//! without BOM, UTF-16, Windows-1252), mapping French or English headers to post fields,
//! reading cells (French and ISO dates, `10h30`…), and writing cells a spreadsheet will not run.
//! Hostile files are refused before any parsing work grows with them.
pub mod cells;
pub mod decode;

/// The largest CSV file accepted.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Columns beyond this are a CSV bomb, not a calendar.
pub const MAX_COLUMNS: usize = 64;
/// The longest cell accepted (a post's text is at most 100,000 characters).
pub const MAX_CELL_BYTES: usize = 400_000;
/// Rows beyond this are refused (about 27 years of two posts a day).
pub const MAX_ROWS: usize = 20_000;

/// A post field a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Date,
    Time,
    Channels,
    Title,
    Text,
    Objective,
    Status,
    CustomerValue,
    Assignee,
    Tags,
    Links,
    Notes,
    Duration,
    Zone,
}

impl Column {
    /// The English header written by the export (and read back).
    pub fn header(self) -> &'static str {
        match self {
            Column::Date => "date",
            Column::Time => "time",
            Column::Channels => "channel",
            Column::Title => "title",
            Column::Text => "text",
            Column::Objective => "objective",
            Column::Status => "status",
            Column::CustomerValue => "customer value",
            Column::Assignee => "assignee",
            Column::Tags => "tags",
            Column::Links => "links",
            Column::Notes => "notes",
            Column::Duration => "duration",
            Column::Zone => "time zone",
        }
    }

    pub const EXPORTED: [Column; 14] = [
        Column::Date,
        Column::Time,
        Column::Zone,
        Column::Channels,
        Column::Title,
        Column::Text,
        Column::Objective,
        Column::Status,
        Column::CustomerValue,
        Column::Assignee,
        Column::Tags,
        Column::Links,
        Column::Notes,
        Column::Duration,
    ];

    /// The column a header names, in French or English, ignoring case, accents and punctuation.
    pub fn from_header(header: &str) -> Option<Column> {
        let h = cells::fold(header);
        Some(match h.as_str() {
            "date" | "jour" | "day" | "date de publication" | "publication date" => Column::Date,
            "heure" | "time" | "hour" | "heure de publication" => Column::Time,
            "reseau" | "reseaux" | "canal" | "canaux" | "channel" | "channels" | "network"
            | "networks" | "plateforme" | "platform" | "reseau social" => Column::Channels,
            "titre" | "title" | "sujet" | "subject" => Column::Title,
            "texte" | "text" | "body" | "contenu" | "content" | "message" | "legende"
            | "caption" => Column::Text,
            "objectif" | "objective" | "goal" | "but" => Column::Objective,
            "statut" | "status" | "etat" | "state" => Column::Status,
            "valeur client" | "customer value" | "benefice client" | "value" => {
                Column::CustomerValue
            }
            "responsable" | "assignee" | "owner" | "auteur" | "author" => Column::Assignee,
            "tags" | "tag" | "etiquettes" | "mots cles" | "hashtags" => Column::Tags,
            "liens" | "lien" | "links" | "link" | "url" => Column::Links,
            "notes" | "note" | "commentaires" | "comments" => Column::Notes,
            "duree" | "duration" | "duree min" | "duration min" => Column::Duration,
            "fuseau" | "fuseau horaire" | "time zone" | "timezone" | "zone" => Column::Zone,
            _ => return None,
        })
    }
}
