//! The words, icons and colours an export shows in calendar clients, in the plan's language.
use crate::model::{EventKind, Platform, PostStatus};

/// Field names written in DESCRIPTION, in one language.
pub struct Labels {
    pub objective: &'static str,
    pub customer_value: &'static str,
    pub status: &'static str,
    pub channels: &'static str,
    pub event: &'static str,
    pub links: &'static str,
    pub published: &'static str,
    pub tags: &'static str,
    pub separator: &'static str,
    /// Put before the SUMMARY of a post held by the crisis switch.
    pub held_prefix: &'static str,
    statuses: [&'static str; 8],
    event_kinds: [&'static str; 6],
}

const FRENCH: Labels = Labels {
    objective: "Objectif",
    customer_value: "Valeur pour le client",
    status: "Statut",
    channels: "Canaux",
    event: "Événement",
    links: "Liens",
    published: "Publié",
    tags: "Mots-clés",
    separator: " : ",
    held_prefix: "⏸ En pause — ",
    statuses: [
        "idée",
        "brouillon",
        "en relecture",
        "approuvé",
        "programmé",
        "publié",
        "annulé",
        "en pause (crise)",
    ],
    event_kinds: [
        "Lancement de produit",
        "Portes ouvertes",
        "Salon",
        "Webinaire",
        "Événement d'entreprise",
        "Événement",
    ],
};

const ENGLISH: Labels = Labels {
    objective: "Objective",
    customer_value: "Customer value",
    status: "Status",
    channels: "Channels",
    event: "Event",
    links: "Links",
    published: "Published",
    tags: "Tags",
    separator: ": ",
    held_prefix: "⏸ On hold — ",
    statuses: [
        "idea",
        "draft",
        "in review",
        "approved",
        "scheduled",
        "published",
        "cancelled",
        "on hold (crisis)",
    ],
    event_kinds: [
        "Product launch",
        "Open day",
        "Trade show",
        "Webinar",
        "Corporate event",
        "Event",
    ],
};

impl Labels {
    /// French for `fr`, `fr-FR`, `fr-CA`…; English otherwise.
    pub fn for_locale(locale: &str) -> &'static Labels {
        if locale
            .get(..2)
            .is_some_and(|l| l.eq_ignore_ascii_case("fr"))
        {
            &FRENCH
        } else {
            &ENGLISH
        }
    }

    pub fn status(&self, s: PostStatus) -> &'static str {
        let i = PostStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.statuses[i]
    }

    pub fn event_kind(&self, k: EventKind) -> &'static str {
        let i = EventKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
        self.event_kinds[i]
    }
}

/// The icon a post's SUMMARY starts with, per platform.
pub fn platform_icon(p: Platform) -> &'static str {
    match p {
        Platform::Linkedin => "💼",
        Platform::Facebook => "📘",
        Platform::Instagram => "📸",
        Platform::X => "✖️",
        Platform::Youtube => "▶️",
        Platform::Tiktok => "🎵",
        Platform::Pinterest => "📌",
        Platform::Threads => "🧵",
        Platform::Bluesky => "🦋",
        Platform::Mastodon => "🐘",
        Platform::Internal => "🏢",
        Platform::Newsletter => "✉️",
        Platform::Blog => "📝",
        Platform::Other => "📣",
    }
}

pub fn event_icon(k: EventKind) -> &'static str {
    match k {
        EventKind::ProductLaunch => "🚀",
        EventKind::OpenDay => "🚪",
        EventKind::TradeShow => "🎪",
        EventKind::Webinar => "🎥",
        EventKind::CorporateEvent => "🤝",
        EventKind::Other => "📅",
    }
}

/// CSS3 colour names with their RGB value (a spread of the named colours; RFC 7986 `COLOR`
/// takes a name, not `#rrggbb`).
const CSS_COLORS: &[(&str, [u8; 3])] = &[
    ("black", [0, 0, 0]),
    ("dimgray", [105, 105, 105]),
    ("gray", [128, 128, 128]),
    ("silver", [192, 192, 192]),
    ("white", [255, 255, 255]),
    ("maroon", [128, 0, 0]),
    ("firebrick", [178, 34, 34]),
    ("crimson", [220, 20, 60]),
    ("red", [255, 0, 0]),
    ("tomato", [255, 99, 71]),
    ("coral", [255, 127, 80]),
    ("salmon", [250, 128, 114]),
    ("darksalmon", [233, 150, 122]),
    ("sienna", [160, 82, 45]),
    ("chocolate", [210, 105, 30]),
    ("peru", [205, 133, 63]),
    ("tan", [210, 180, 140]),
    ("orange", [255, 165, 0]),
    ("darkorange", [255, 140, 0]),
    ("goldenrod", [218, 165, 32]),
    ("gold", [255, 215, 0]),
    ("khaki", [240, 230, 140]),
    ("olive", [128, 128, 0]),
    ("yellowgreen", [154, 205, 50]),
    ("olivedrab", [107, 142, 35]),
    ("green", [0, 128, 0]),
    ("forestgreen", [34, 139, 34]),
    ("seagreen", [46, 139, 87]),
    ("mediumseagreen", [60, 179, 113]),
    ("limegreen", [50, 205, 50]),
    ("lightgreen", [144, 238, 144]),
    ("teal", [0, 128, 128]),
    ("darkcyan", [0, 139, 139]),
    ("lightseagreen", [32, 178, 170]),
    ("turquoise", [64, 224, 208]),
    ("cadetblue", [95, 158, 160]),
    ("steelblue", [70, 130, 180]),
    ("skyblue", [135, 206, 235]),
    ("deepskyblue", [0, 191, 255]),
    ("dodgerblue", [30, 144, 255]),
    ("royalblue", [65, 105, 225]),
    ("blue", [0, 0, 255]),
    ("mediumblue", [0, 0, 205]),
    ("navy", [0, 0, 128]),
    ("midnightblue", [25, 25, 112]),
    ("slateblue", [106, 90, 205]),
    ("darkslateblue", [72, 61, 139]),
    ("mediumpurple", [147, 112, 219]),
    ("rebeccapurple", [102, 51, 153]),
    ("purple", [128, 0, 128]),
    ("darkmagenta", [139, 0, 139]),
    ("mediumvioletred", [199, 21, 133]),
    ("orchid", [218, 112, 214]),
    ("plum", [221, 160, 221]),
    ("hotpink", [255, 105, 180]),
    ("palevioletred", [219, 112, 147]),
    ("pink", [255, 192, 203]),
    ("slategray", [112, 128, 144]),
    ("darkslategray", [47, 79, 79]),
    ("saddlebrown", [139, 69, 19]),
    ("rosybrown", [188, 143, 143]),
    ("burlywood", [222, 184, 135]),
];

/// The CSS3 colour name nearest to `#rrggbb` (for RFC 7986 `COLOR`), if `hex` is a colour.
pub fn css_color_name(hex: &str) -> Option<&'static str> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok().map(i32::from);
    let (r, g, b) = (c(0)?, c(2)?, c(4)?);
    CSS_COLORS
        .iter()
        .min_by_key(|(_, [cr, cg, cb])| {
            // "Redmean" distance: cheap and closer to perception than plain RGB distance.
            let rm = (r + i32::from(*cr)) / 2;
            let (dr, dg, db) = (r - i32::from(*cr), g - i32::from(*cg), b - i32::from(*cb));
            (((512 + rm) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rm) * db * db) >> 8)
        })
        .map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_map_to_css_names() {
        assert_eq!(css_color_name("#ff0000"), Some("red"));
        assert_eq!(css_color_name("#000000"), Some("black"));
        assert_eq!(css_color_name("#1877f2"), Some("dodgerblue"));
        assert_eq!(css_color_name("#12"), None);
        assert_eq!(css_color_name("#zzzzzz"), None);
    }

    #[test]
    fn locales_pick_a_language() {
        assert_eq!(
            Labels::for_locale("fr-CA").status(PostStatus::Scheduled),
            "programmé"
        );
        assert_eq!(
            Labels::for_locale("en").status(PostStatus::InReview),
            "in review"
        );
        assert_eq!(
            Labels::for_locale("de").event_kind(EventKind::TradeShow),
            "Trade show"
        );
    }
}
