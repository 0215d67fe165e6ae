//! Planning rules that warn without refusing: a post with no objective or no value for the
//! customer, a text over a channel's limit, a post outside its objective's period.
use crate::holidays::HolidayCalendar;
use crate::model::{Channel, Objective, Planned, Post, PostStatus, PostView, Warning, WarningCode};
use crate::time::local_of;
use chrono::NaiveDate;
use unicode_segmentation::UnicodeSegmentation;

/// User-perceived characters (extended grapheme clusters): "é", "👍🏽" and "🇫🇷" count once.
pub fn text_length(text: &str) -> usize {
    // Fast path: below U+0300 (where combining marks start) no character extends the one
    // before it (UAX #29 has no Extend, SpacingMark, Prepend or ZWJ there), so each is a
    // cluster of its own, except CR LF which is one. Plain French or English text stays here.
    let mut chars = 0;
    let mut crlf = 0;
    let mut previous_cr = false;
    for c in text.chars() {
        if c >= '\u{300}' {
            return text.graphemes(true).count();
        }
        chars += 1;
        if previous_cr && c == '\n' {
            crlf += 1;
        }
        previous_cr = c == '\r';
    }
    chars - crlf
}

/// The local day a post is planned on, if it is planned.
pub fn planned_day(planned: &Planned) -> NaiveDate {
    match planned {
        Planned::At { at, timezone, .. } => local_of(*at, timezone).date(),
        Planned::Day { date } => *date,
    }
}

/// Every warning of `post`, given its plan's channels and objectives.
pub fn warnings(post: &Post, channels: &[Channel], objectives: &[Objective]) -> Vec<Warning> {
    let mut out = Vec::new();
    if post.status == PostStatus::Cancelled {
        return out;
    }
    let warn = |code, field: &str| Warning {
        code,
        field: field.to_owned(),
        channel_id: None,
        length: None,
        limit: None,
        holiday: None,
    };
    let objective = post
        .objective_id
        .as_deref()
        .and_then(|id| objectives.iter().find(|o| o.id == id));
    if objective.is_none() {
        out.push(warn(WarningCode::NoObjective, "objectiveId"));
    }
    if post.customer_value.trim().is_empty() {
        out.push(warn(WarningCode::NoCustomerValue, "customerValue"));
    }
    if post.channels.is_empty() {
        out.push(warn(WarningCode::NoChannel, "channels"));
    }
    for pc in &post.channels {
        let Some(channel) = channels.iter().find(|c| c.id == pc.channel_id) else {
            continue;
        };
        let Some(limit) = channel.char_limit else {
            continue;
        };
        let (text, field) = match pc.variant.as_deref().filter(|v| !v.trim().is_empty()) {
            Some(v) => (v, "variant"),
            None => (post.body.as_str(), "body"),
        };
        // A text of n bytes has at most n graphemes: only long texts need counting.
        if text.len() <= limit as usize {
            continue;
        }
        let length = text_length(text);
        if length > limit as usize {
            out.push(Warning {
                channel_id: Some(channel.id.clone()),
                length: Some(length as u32),
                limit: Some(limit),
                ..warn(WarningCode::OverChannelLimit, field)
            });
        }
    }
    if let (Some(o), Some(planned)) = (objective, &post.planned) {
        let day = planned_day(planned);
        let before = o.start_date.is_some_and(|s| day < s);
        let after = o.end_date.is_some_and(|e| day > e);
        if before || after {
            out.push(warn(WarningCode::OutsideObjectivePeriod, "planned"));
        }
    }
    out
}

pub fn view(post: Post, channels: &[Channel], objectives: &[Objective]) -> PostView {
    let warnings = warnings(&post, channels, objectives);
    PostView { post, warnings }
}

/// A soft warning for a post planned on a public holiday (or observed day off) of its plan's
/// region: audiences and teams are often away. Key dates (Saint-Valentin…) do not warn.
pub fn holiday_warning(post: &Post, holidays: &mut HolidayCalendar) -> Option<Warning> {
    if post.status == PostStatus::Cancelled {
        return None;
    }
    let day = planned_day(post.planned.as_ref()?);
    let holiday = holidays.public_holiday(day)?;
    Some(Warning {
        code: WarningCode::OnPublicHoliday,
        field: "planned".to_owned(),
        channel_id: None,
        length: None,
        limit: None,
        holiday: Some(holiday.key.clone()),
    })
}

/// `view`, plus the holiday warning.
pub fn view_with_holidays(
    post: Post,
    channels: &[Channel],
    objectives: &[Objective],
    holidays: &mut HolidayCalendar,
) -> PostView {
    let mut v = view(post, channels, objectives);
    v.warnings.extend(holiday_warning(&v.post, holidays));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphemes_count_once() {
        assert_eq!(text_length("é"), 1);
        assert_eq!(text_length("e\u{301}"), 1);
        assert_eq!(text_length("👍🏽"), 1);
        assert_eq!(text_length("🇫🇷🇨🇦"), 2);
        assert_eq!(text_length("👩‍👩‍👧"), 1);
        assert_eq!(text_length("Crème brûlée"), 12);
    }

    #[test]
    fn fast_path_agrees_with_the_segmenter() {
        let samples = [
            "",
            "Un texte de publication avec des accents : é, è, à, ç. ",
            "ligne\r\nligne\n\r\r\n",
            "\r\r\n\n",
            "tab\tsoft\u{ad}hyphen ÿ ß Æ œ ĳ ſ ǅ ɏ ʯ ˿",
            "e\u{301} suivi d’une apostrophe typographique",
            "Noël 🎄 et 👩‍👩‍👧",
        ];
        for s in samples {
            assert_eq!(text_length(s), s.graphemes(true).count(), "{s:?}");
        }
        // Every character below U+0300 alone and after every other one.
        let all: String = (0u32..0x300).filter_map(char::from_u32).collect();
        assert_eq!(text_length(&all), all.graphemes(true).count());
    }
}
