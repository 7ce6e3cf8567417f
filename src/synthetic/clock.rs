//! Time and ids of synthetic rows. Instants are milliseconds since the Unix
//! epoch, all before the anchor `now` the generation was given; every id is
//! a UUID v7 stamped with its row's own creation time, as the application
//! would have made it, and drawn from the seeded generator.

use chrono::{DateTime, Utc};
use rand::Rng;
use uuid::Uuid;

pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

/// The instant generated history ends at.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub now: i64,
}

impl Clock {
    pub fn new(now: DateTime<Utc>) -> Self {
        Clock {
            now: now.timestamp_millis(),
        }
    }

    /// The instant `days` days before now.
    pub fn days_ago(&self, days: i64) -> i64 {
        self.now - days * DAY
    }
}

/// An instant between `from` and `to`: `skew` 1 spreads evenly, below 1
/// leans towards `to` (growth: more recent activity), above 1 towards
/// `from`. Gives `from` when the span is empty.
pub fn between(from: i64, to: i64, skew: f64, rng: &mut impl Rng) -> i64 {
    if to <= from {
        return from;
    }
    let position = rng.random::<f64>().powf(skew);
    from + ((to - from) as f64 * position) as i64
}

/// A UUID v7 for a row created at `millis`.
pub fn id_at(millis: i64, rng: &mut impl Rng) -> Uuid {
    let random: [u8; 10] = rng.random();
    uuid::Builder::from_unix_timestamp_millis(u64::try_from(millis).unwrap_or(0), &random)
        .into_uuid()
}
