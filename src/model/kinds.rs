//! The closed vocabularies of the domain: objective kinds, platforms, statuses, event kinds.
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable text stored in SQLite and used on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                let wanted = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                Self::ALL.iter().copied().find(|v| v.as_str() == wanted)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum! {
    /// The business objective a post serves.
    ObjectiveKind {
        Awareness => "awareness",
        Sales => "sales",
        Reputation => "reputation",
        Loyalty => "loyalty",
        Recruitment => "recruitment",
        Engagement => "engagement",
        CustomerCare => "customer_care",
        Other => "other",
    }
}

text_enum! {
    /// The platform a channel publishes on.
    Platform {
        Linkedin => "linkedin",
        Facebook => "facebook",
        Instagram => "instagram",
        X => "x",
        Youtube => "youtube",
        Tiktok => "tiktok",
        Pinterest => "pinterest",
        Threads => "threads",
        Bluesky => "bluesky",
        Mastodon => "mastodon",
        Internal => "internal",
        Newsletter => "newsletter",
        Blog => "blog",
        Other => "other",
    }
}

impl Platform {
    /// The platform's own text limit, in user-perceived characters (`None`: no limit).
    pub fn default_char_limit(self) -> Option<u32> {
        match self {
            Platform::Linkedin => Some(3000),
            Platform::Facebook => Some(63_206),
            Platform::Instagram => Some(2200),
            Platform::X => Some(280),
            Platform::Youtube => Some(5000),
            Platform::Tiktok => Some(2200),
            Platform::Pinterest => Some(500),
            Platform::Threads => Some(500),
            Platform::Bluesky => Some(300),
            Platform::Mastodon => Some(500),
            Platform::Internal => Some(1000),
            Platform::Newsletter | Platform::Blog | Platform::Other => None,
        }
    }

    /// A sensible starting cadence, posts per week.
    pub fn default_weekly_target(self) -> u32 {
        match self {
            Platform::X | Platform::Threads | Platform::Bluesky => 5,
            Platform::Instagram | Platform::Facebook | Platform::Tiktok => 3,
            Platform::Linkedin | Platform::Mastodon | Platform::Pinterest => 2,
            Platform::Youtube | Platform::Internal | Platform::Newsletter | Platform::Blog => 1,
            Platform::Other => 0,
        }
    }

    /// A human name, for the command line and sample data.
    pub fn label(self) -> &'static str {
        match self {
            Platform::Linkedin => "LinkedIn",
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
            Platform::X => "X",
            Platform::Youtube => "YouTube",
            Platform::Tiktok => "TikTok",
            Platform::Pinterest => "Pinterest",
            Platform::Threads => "Threads",
            Platform::Bluesky => "Bluesky",
            Platform::Mastodon => "Mastodon",
            Platform::Internal => "Internal network",
            Platform::Newsletter => "Newsletter",
            Platform::Blog => "Blog",
            Platform::Other => "Other",
        }
    }
}

text_enum! {
    /// Where a post is in its life. `held`: put on hold by the crisis switch ("Hold
    /// everything"); "Resume" gives back the status it had. Only the crisis switch sets it.
    PostStatus {
        Idea => "idea",
        Draft => "draft",
        InReview => "in_review",
        Approved => "approved",
        Scheduled => "scheduled",
        Published => "published",
        Cancelled => "cancelled",
        Held => "held",
    }
}

text_enum! {
    /// The kind of a one-off event.
    EventKind {
        ProductLaunch => "product_launch",
        OpenDay => "open_day",
        TradeShow => "trade_show",
        Webinar => "webinar",
        CorporateEvent => "corporate_event",
        Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_round_trip_and_accept_loose_spelling() {
        for s in PostStatus::ALL {
            assert_eq!(PostStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(PostStatus::parse("In review"), Some(PostStatus::InReview));
        assert_eq!(
            ObjectiveKind::parse("customer-care"),
            Some(ObjectiveKind::CustomerCare)
        );
        assert_eq!(Platform::parse("LinkedIn"), Some(Platform::Linkedin));
        assert_eq!(Platform::parse("myspace"), None);
    }
}
