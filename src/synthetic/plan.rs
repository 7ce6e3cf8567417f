//! How much to generate: the row counts of a synthetic network and how they
//! scale. Scale 1 is the full network; a scale factor multiplies every
//! count, rounding to whole rows, with floors that keep a tiny network
//! coherent (two CoEs each hosted by an institution, enough courses for a
//! learner to choose up to twenty distinct ones: the generator draws at most
//! half the courses for one learner, and never more than thirty).

use std::fmt;

/// The counts of the full network (scale 1).
pub const FULL: Plan = Plan {
    coes: 10,
    institutions: 200,
    learners: 100_000,
    courses: 1_000,
    enrolments: 1_000_000,
    lesson_progress: 10_000_000,
    attempts: 500_000,
    certificates: 300_000,
};

/// Fewest CoEs: the network needs more than one to be a network.
const MIN_COES: usize = 2;
/// Fewest courses: a learner takes at most half of them (see `activity`).
const MIN_COURSES: usize = 40;
/// Fewest learners.
const MIN_LEARNERS: usize = 10;
/// Largest scale factor accepted (200 million enrolments).
const MAX_SCALE: f64 = 200.0;
/// Fewest enrolments accepted.
const MIN_ENROLMENTS: usize = 100;

/// Row counts to generate. `lesson_progress`, `attempts` and `certificates`
/// are targets: they are met exactly unless the enrolments cannot hold them
/// (the load report gives the counts written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub coes: usize,
    pub institutions: usize,
    pub learners: usize,
    pub courses: usize,
    pub enrolments: usize,
    pub lesson_progress: usize,
    pub attempts: usize,
    pub certificates: usize,
}

/// Why a scale was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("the scale must be a number above 0 and at most {MAX_SCALE}, not {0}")]
    Scale(f64),
    #[error("give at least {MIN_ENROLMENTS} enrolments, not {0}")]
    TooFewEnrolments(usize),
}

impl Plan {
    /// The full network multiplied by `factor` (e.g. 0.01 for a hundredth).
    pub fn scaled(factor: f64) -> Result<Plan, PlanError> {
        if !(factor.is_finite() && factor > 0.0 && factor <= MAX_SCALE) {
            return Err(PlanError::Scale(factor));
        }
        let scale = |count: usize| (count as f64 * factor).round() as usize;
        let coes = scale(FULL.coes).max(MIN_COES);
        let plan = Plan {
            coes,
            institutions: scale(FULL.institutions).max(2 * coes),
            learners: scale(FULL.learners).max(MIN_LEARNERS),
            courses: scale(FULL.courses).max(MIN_COURSES),
            enrolments: scale(FULL.enrolments),
            lesson_progress: scale(FULL.lesson_progress),
            attempts: scale(FULL.attempts),
            certificates: scale(FULL.certificates),
        };
        if plan.enrolments < MIN_ENROLMENTS {
            return Err(PlanError::TooFewEnrolments(plan.enrolments));
        }
        Ok(plan)
    }

    /// The full network scaled to exactly `enrolments` enrolments.
    pub fn for_enrolments(enrolments: usize) -> Result<Plan, PlanError> {
        if enrolments < MIN_ENROLMENTS {
            return Err(PlanError::TooFewEnrolments(enrolments));
        }
        let factor = enrolments as f64 / FULL.enrolments as f64;
        Plan::scaled(factor).map(|plan| Plan { enrolments, ..plan })
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} CoEs, {} institutions, {} learners, {} courses, {} enrolments, \
             {} lesson completions, {} assessment attempts, {} certificates",
            self.coes,
            self.institutions,
            self.learners,
            self.courses,
            self.enrolments,
            self.lesson_progress,
            self.attempts,
            self.certificates
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_one_is_the_full_network() {
        assert_eq!(Plan::scaled(1.0), Ok(FULL));
        assert_eq!(Plan::for_enrolments(1_000_000), Ok(FULL));
    }

    #[test]
    fn small_scales_keep_their_floors_and_proportions() {
        let plan = Plan::for_enrolments(10_000).unwrap();
        assert_eq!(plan.enrolments, 10_000);
        assert_eq!(plan.learners, 1_000);
        assert_eq!(plan.lesson_progress, 100_000);
        assert_eq!(plan.attempts, 5_000);
        assert_eq!(plan.certificates, 3_000);
        assert_eq!(plan.coes, MIN_COES);
        assert_eq!(plan.institutions, 4);
        assert_eq!(plan.courses, MIN_COURSES);
    }

    #[test]
    fn nonsense_scales_are_refused() {
        for factor in [0.0, -1.0, f64::NAN, f64::INFINITY, 1_000.0, 0.000_01] {
            assert!(Plan::scaled(factor).is_err(), "{factor}");
        }
        assert!(Plan::for_enrolments(10).is_err());
    }
}
