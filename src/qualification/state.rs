//! The state of one requirement (a course a job role needs) for one person
//! at one moment: current, due soon (expiring within 30 days, or assigned
//! less than 30 days ago and not yet done), overdue (assigned longer ago
//! and never done, or the certificate was revoked) or expired. Pure rules:
//! the clock is a parameter.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// How long before expiry a requirement is "due soon", and how long a new
/// role holder has to complete a requirement before it is "overdue".
pub const WINDOW_DAYS: i64 = 30;

/// One requirement's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequirementState {
    Current,
    DueSoon,
    Overdue,
    Expired,
}

impl RequirementState {
    /// The label people read.
    pub fn label(self) -> &'static str {
        match self {
            RequirementState::Current => "current",
            RequirementState::DueSoon => "due soon",
            RequirementState::Overdue => "overdue",
            RequirementState::Expired => "expired",
        }
    }

    /// The message id of the label, for pages in the reader's language
    /// (the CSV and PDF exports keep the English `label`).
    pub fn message_id(self) -> &'static str {
        match self {
            RequirementState::Current => "matrix-state-current",
            RequirementState::DueSoon => "matrix-state-due-soon",
            RequirementState::Overdue => "matrix-state-overdue",
            RequirementState::Expired => "matrix-state-expired",
        }
    }
}

/// Evidence that a person did a course: a certificate, or the completion
/// of a course that gives none.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Evidence {
    /// `certificate` or `completion`.
    pub kind: String,
    /// The course the evidence is for (possibly an equivalent one).
    pub course_slug: String,
    pub certificate_code: Option<String>,
    pub completed_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked: bool,
}

/// The state of a requirement assigned at `assigned_at`, given the
/// person's evidence for it (or an equivalent course), at `now`; with the
/// evidence that decided it.
pub fn state_of(
    assigned_at: DateTime<Utc>,
    evidence: &[Evidence],
    now: DateTime<Utc>,
) -> (RequirementState, Option<&Evidence>) {
    let window = Duration::days(WINDOW_DAYS);
    let best = evidence
        .iter()
        .filter(|item| !item.revoked)
        .max_by_key(|item| item.expires_at.unwrap_or(DateTime::<Utc>::MAX_UTC));
    match best {
        Some(item) => match item.expires_at {
            None => (RequirementState::Current, Some(item)),
            Some(expires) if expires > now + window => (RequirementState::Current, Some(item)),
            Some(expires) if expires > now => (RequirementState::DueSoon, Some(item)),
            Some(_) => (RequirementState::Expired, Some(item)),
        },
        None if evidence.iter().any(|item| item.revoked) => {
            (RequirementState::Overdue, evidence.first())
        }
        None if now - assigned_at <= window => (RequirementState::DueSoon, None),
        None => (RequirementState::Overdue, evidence.first()),
    }
}

/// Whether a state means the person holds valid evidence now.
pub fn is_qualifying(state: RequirementState, evidence: Option<&Evidence>) -> bool {
    matches!(state, RequirementState::Current | RequirementState::DueSoon)
        && evidence.is_some_and(|item| !item.revoked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::days(day)
    }

    fn certificate(expires: Option<i64>, revoked: bool) -> Evidence {
        Evidence {
            kind: "certificate".to_owned(),
            course_slug: "gmp".to_owned(),
            certificate_code: Some("0000-0000-0000".to_owned()),
            completed_at: at(0),
            expires_at: expires.map(at),
            revoked,
        }
    }

    #[test]
    fn states_follow_the_clock() {
        let evidence = [certificate(Some(365), false)];
        assert_eq!(
            state_of(at(0), &evidence, at(100)).0,
            RequirementState::Current
        );
        assert_eq!(
            state_of(at(0), &evidence, at(334)).0,
            RequirementState::Current,
            "31 days left"
        );
        assert_eq!(
            state_of(at(0), &evidence, at(336)).0,
            RequirementState::DueSoon,
            "29 days left"
        );
        assert_eq!(
            state_of(at(0), &evidence, at(365)).0,
            RequirementState::Expired,
            "the day it expires"
        );
        assert_eq!(
            state_of(at(0), &evidence, at(400)).0,
            RequirementState::Expired
        );
    }

    #[test]
    fn nothing_done_is_due_then_overdue() {
        assert_eq!(state_of(at(0), &[], at(10)).0, RequirementState::DueSoon);
        assert_eq!(state_of(at(0), &[], at(31)).0, RequirementState::Overdue);
        let revoked = [certificate(None, true)];
        assert_eq!(
            state_of(at(0), &revoked, at(31)).0,
            RequirementState::Overdue,
            "a revoked certificate is no evidence"
        );
        assert_eq!(
            state_of(at(0), &revoked, at(1)).0,
            RequirementState::Overdue,
            "even within the first 30 days"
        );
    }

    #[test]
    fn the_longest_valid_evidence_decides_and_no_expiry_is_current() {
        let evidence = [certificate(Some(10), false), certificate(None, false)];
        let (state, decided) = state_of(at(0), &evidence, at(20));
        assert_eq!(state, RequirementState::Current);
        assert_eq!(decided.and_then(|item| item.expires_at), None);
        assert!(is_qualifying(state, decided));
        assert!(!is_qualifying(RequirementState::Expired, decided));
    }
}
