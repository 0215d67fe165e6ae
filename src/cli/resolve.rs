//! Finding channels, objectives and events by the names people type.
use crate::error::{Error, Result};
use crate::model::{Channel, Event, Objective, ObjectiveKind, Platform, PostStatus};

fn pick<'a, T>(
    items: &'a [T],
    entity: &'static str,
    wanted: &str,
    matchers: &[&dyn Fn(&T) -> bool],
) -> Result<&'a T> {
    for m in matchers {
        let found: Vec<&T> = items.iter().filter(|i| m(i)).collect();
        match found.len() {
            0 => continue,
            1 => return Ok(found[0]),
            _ => {
                return Err(Error::invalid(
                    field_of(entity),
                    format!("\"{wanted}\" matches several {entity}s; use the full name"),
                ))
            }
        }
    }
    Err(Error::NotFound {
        entity,
        id: wanted.to_owned(),
    })
}

fn field_of(entity: &str) -> &'static str {
    match entity {
        "channel" => "channels",
        "objective" => "objectiveId",
        _ => "eventId",
    }
}

/// A channel by exact name, then platform, then part of its name (case-insensitive).
pub fn channel<'a>(channels: &'a [Channel], wanted: &str) -> Result<&'a Channel> {
    let w = wanted.trim().to_lowercase();
    let platform = Platform::parse(&w);
    pick(
        channels,
        "channel",
        wanted,
        &[
            &|c: &Channel| c.name.to_lowercase() == w,
            &|c: &Channel| Some(c.platform) == platform,
            &|c: &Channel| c.name.to_lowercase().contains(&w),
        ],
    )
}

/// An objective by exact title, then kind, then part of its title.
pub fn objective<'a>(objectives: &'a [Objective], wanted: &str) -> Result<&'a Objective> {
    let w = wanted.trim().to_lowercase();
    let kind = ObjectiveKind::parse(&w);
    pick(
        objectives,
        "objective",
        wanted,
        &[
            &|o: &Objective| o.title.to_lowercase() == w,
            &|o: &Objective| Some(o.kind) == kind,
            &|o: &Objective| o.title.to_lowercase().contains(&w),
        ],
    )
}

/// An event by exact title, then part of its title.
pub fn event<'a>(events: &'a [Event], wanted: &str) -> Result<&'a Event> {
    let w = wanted.trim().to_lowercase();
    pick(
        events,
        "event",
        wanted,
        &[&|e: &Event| e.title.to_lowercase() == w, &|e: &Event| {
            e.title.to_lowercase().contains(&w)
        }],
    )
}

/// A status as typed (`in review`, `in-review`, `in_review`…).
pub fn status(wanted: &str) -> Result<PostStatus> {
    PostStatus::parse(wanted).ok_or_else(|| {
        let known: Vec<&str> = PostStatus::ALL.iter().map(|s| s.as_str()).collect();
        Error::invalid(
            "status",
            format!("\"{wanted}\" is not one of {}", known.join(", ")),
        )
    })
}
