//! The learners' activity: enrolments, lesson progress, assessment attempts
//! and certificates, planned in memory so that every row is consistent with
//! the others and with the rules the application enforces:
//!
//! - a learner enrols in distinct courses, after the course was published,
//!   after their account was created and before the course was archived;
//! - statuses are mixed (most active or completed); pending and declined
//!   requests only for courses that need approval, whose other enrolments
//!   carry the coordinator's decision;
//! - a completed enrolment has done every lesson and passed every required
//!   assessment (its last passing attempt is the moment of completion); an
//!   active or withdrawn one has done the first lessons, never the last
//!   required one, so the application would not have completed it;
//! - attempts draw their questions from the module's bank, keep within the
//!   attempt limit and time limit, and at most the last one is in progress;
//! - a completed enrolment in a certificate course has exactly one
//!   certificate, with a valid code, issued at completion.
//!
//! Totals follow the plan exactly where the enrolments can hold them
//! (`allocate::distribute`). Rows are written in enrolment order, which is
//! time order and so id order, in COPY batches.

use std::collections::HashSet;
use std::ops::Range;

use chrono::Months;
use diesel::PgConnection;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, index};
use rand::{Rng, SeedableRng};
use uuid::Uuid;

use super::allocate::distribute;
use super::catalogue::{Assessment, Course};
use super::clock::{Clock, DAY, HOUR, MINUTE, between, id_at};
use super::copy::{RowWriter, copy_rows};
use super::network::{Network, cumulative, pick};
use super::plan::Plan;
use super::vocabulary::{DECLINE_REASONS, WITHDRAWAL_REASONS};
use super::{SyntheticError, Tracker, stream_seed};
use crate::certificates::code::CertificateCode;
use crate::db::schema::{assessment_attempts, certificates, enrolments, lesson_progress};

/// Most courses one learner takes.
const MAX_COURSES_PER_LEARNER: usize = 30;
/// Share of enrolments made by a coordinator for a cohort.
const COHORT_SHARE: f64 = 0.1;
/// Share of enrolments in courses without a certificate that are completed
/// (in certificate courses the plan's certificate count decides).
const COMPLETION_SHARE: f64 = 0.4;
/// Share of certificates later revoked.
const REVOKED_SHARE: f64 = 0.003;
/// Rows per COPY statement (progress is reported after each).
const BATCH_ROWS: usize = 1_000_000;

/// Streams of the seeded generator, one per table written in batches.
const ENROLMENT_STREAM: u64 = 11;
const PROGRESS_STREAM: u64 = 12;
const ATTEMPT_STREAM: u64 = 13;
const CERTIFICATE_STREAM: u64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Active,
    Completed,
    Withdrawn,
    Declined,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Active => "active",
            Status::Completed => "completed",
            Status::Withdrawn => "withdrawn",
            Status::Declined => "declined",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    SelfService,
    Approval,
    Cohort,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::SelfService => "self",
            Method::Approval => "approval",
            Method::Cohort => "cohort",
        }
    }
}

/// One enrolment and everything that follows from it.
pub struct Enrolment {
    pub id: Uuid,
    pub learner: u32,
    pub course: u32,
    pub status: Status,
    pub method: Method,
    pub requested_at: i64,
    /// A coordinator's decision (approval courses).
    pub decided_at: Option<i64>,
    pub due_at: Option<i64>,
    /// When completed or withdrawn; for an active enrolment its latest activity.
    pub end: i64,
    /// The first `lessons_done` lessons of the syllabus are done.
    pub lessons_done: u16,
    /// Attempts at each of the course's assessments.
    pub attempts: [u8; 2],
}

impl Enrolment {
    /// When learning began (after the decision, if there was one).
    fn start(&self) -> i64 {
        self.decided_at.unwrap_or(self.requested_at)
    }

    fn learning(&self) -> bool {
        matches!(
            self.status,
            Status::Active | Status::Completed | Status::Withdrawn
        )
    }
}

/// Plans every enrolment of `plan`, in time order.
pub fn plan_enrolments(
    plan: &Plan,
    network: &Network,
    courses: &[Course],
    clock: &Clock,
    rng: &mut StdRng,
) -> Vec<Enrolment> {
    let mut enrolments = choose_courses(plan, network, courses, clock, rng);
    enrolments.sort_by_key(|enrolment| enrolment.requested_at);
    for enrolment in &mut enrolments {
        enrolment.id = id_at(enrolment.requested_at, rng);
    }
    assign_statuses(plan, courses, &mut enrolments, rng);
    for enrolment in &mut enrolments {
        assign_times(enrolment, &courses[enrolment.course as usize], clock, rng);
    }
    assign_progress(plan, courses, &mut enrolments, rng);
    assign_attempts(plan, courses, &mut enrolments, rng);
    enrolments
}

/// Who takes which course, and when they asked.
fn choose_courses(
    plan: &Plan,
    network: &Network,
    courses: &[Course],
    clock: &Clock,
    rng: &mut StdRng,
) -> Vec<Enrolment> {
    let cap = u32::try_from((courses.len() / 2).min(MAX_COURSES_PER_LEARNER)).unwrap_or(1);
    let capacities = vec![cap; network.learners.len()];
    // A few learners take many courses; many take a few.
    let weights: Vec<f64> = (0..network.learners.len())
        .map(|_| 0.15 + rng.random::<f64>().powi(2))
        .collect();
    let counts = distribute(plan.enrolments as u64, &capacities, &weights, rng);
    let popularity = cumulative(
        &courses
            .iter()
            .map(|course| course.popularity)
            .collect::<Vec<_>>(),
    );
    let mut enrolments = Vec::with_capacity(plan.enrolments);
    let mut chosen: Vec<usize> = Vec::with_capacity(MAX_COURSES_PER_LEARNER);
    for (learner_index, (learner, &count)) in network.learners.iter().zip(&counts).enumerate() {
        let window = |course: &Course| {
            let from = course.published_at.max(learner.created_at) + MINUTE;
            let to = course.archived_at.unwrap_or(clock.now).min(clock.now) - HOUR;
            (to > from + HOUR).then_some((from, to))
        };
        let wanted = count as usize;
        chosen.clear();
        let mut tries = 0;
        while chosen.len() < wanted && tries < wanted * 40 {
            tries += 1;
            let course = pick(&popularity, rng);
            if !chosen.contains(&course) && window(&courses[course]).is_some() {
                chosen.push(course);
            }
        }
        // Rarely (few courses open to a late learner): take any open one.
        let offset = rng.random_range(0..courses.len());
        for step in 0..courses.len() {
            if chosen.len() >= wanted {
                break;
            }
            let course = (offset + step) % courses.len();
            if !chosen.contains(&course) && window(&courses[course]).is_some() {
                chosen.push(course);
            }
        }
        for &course in &chosen {
            let Some((from, to)) = window(&courses[course]) else {
                continue;
            };
            enrolments.push(Enrolment {
                id: Uuid::nil(),
                learner: u32::try_from(learner_index).unwrap_or(u32::MAX),
                course: u32::try_from(course).unwrap_or(u32::MAX),
                status: Status::Active,
                method: Method::SelfService,
                requested_at: between(from, to, 0.8, rng),
                decided_at: None,
                due_at: None,
                end: 0,
                lessons_done: 0,
                attempts: [0; 2],
            });
        }
    }
    enrolments
}

/// Methods and statuses; exactly `plan.certificates` enrolments in
/// certificate courses are completed (when there are that many).
fn assign_statuses(
    plan: &Plan,
    courses: &[Course],
    enrolments: &mut [Enrolment],
    rng: &mut StdRng,
) {
    let in_certificate_courses: Vec<usize> = (0..enrolments.len())
        .filter(|&index| courses[enrolments[index].course as usize].certificate)
        .collect();
    let mut completed = vec![false; enrolments.len()];
    let certified = plan.certificates.min(in_certificate_courses.len());
    for chosen in index::sample(rng, in_certificate_courses.len(), certified) {
        completed[in_certificate_courses[chosen]] = true;
    }
    for (enrolment, completed) in enrolments.iter_mut().zip(completed) {
        let course = &courses[enrolment.course as usize];
        enrolment.method = if rng.random_bool(COHORT_SHARE) {
            Method::Cohort
        } else if course.approval {
            Method::Approval
        } else {
            Method::SelfService
        };
        let completes = completed || (!course.certificate && rng.random_bool(COMPLETION_SHARE));
        enrolment.status = if completes {
            Status::Completed
        } else {
            match (rng.random_range(0..100), enrolment.method) {
                (0..80, _) => Status::Active,
                (80..92, _) => Status::Withdrawn,
                (92..97, Method::Approval) => Status::Pending,
                (97.., Method::Approval) => Status::Declined,
                _ => Status::Active,
            }
        };
    }
}

/// Decision, due date and end of an enrolment.
fn assign_times(enrolment: &mut Enrolment, course: &Course, clock: &Clock, rng: &mut StdRng) {
    let latest = clock.now - MINUTE;
    if enrolment.method == Method::Approval && enrolment.status != Status::Pending {
        let decided = enrolment.requested_at + rng.random_range(10 * MINUTE..72 * HOUR);
        enrolment.decided_at = Some(decided.min(clock.now - 30 * MINUTE));
    }
    if enrolment.method == Method::Cohort {
        enrolment.due_at = Some(enrolment.requested_at + rng.random_range(60..180) * DAY);
    }
    let start = enrolment.start();
    let lessons = course.lessons.len() as i64;
    enrolment.end = match enrolment.status {
        Status::Completed => {
            let duration = between(lessons * HOUR, 120 * DAY, 1.5, rng);
            (start + duration).min(latest)
        }
        Status::Withdrawn => (start + between(HOUR, 90 * DAY, 1.0, rng)).min(latest),
        Status::Active => (start + between(HOUR, 150 * DAY, 1.0, rng)).min(latest),
        Status::Pending | Status::Declined => start,
    };
}

/// Lessons done: all of them when completed; the remaining target spread
/// over active and withdrawn enrolments, short of their last required lesson.
fn assign_progress(
    plan: &Plan,
    courses: &[Course],
    enrolments: &mut [Enrolment],
    rng: &mut StdRng,
) {
    let mut mandatory: u64 = 0;
    let mut capacities = Vec::with_capacity(enrolments.len());
    let mut weights = Vec::with_capacity(enrolments.len());
    for enrolment in enrolments.iter_mut() {
        let course = &courses[enrolment.course as usize];
        let (capacity, weight) = match enrolment.status {
            Status::Completed => {
                enrolment.lessons_done = u16::try_from(course.lessons.len()).unwrap_or(u16::MAX);
                mandatory += u64::from(enrolment.lessons_done);
                (0, 0.0)
            }
            Status::Active => (course.last_required, 1.0),
            Status::Withdrawn => (course.last_required, 0.4),
            Status::Pending | Status::Declined => (0, 0.0),
        };
        capacities.push(u32::try_from(capacity).unwrap_or(0));
        weights.push(weight * capacity as f64 * rng.random::<f64>());
    }
    let target = (plan.lesson_progress as u64).saturating_sub(mandatory);
    let shares = distribute(target, &capacities, &weights, rng);
    for (enrolment, share) in enrolments.iter_mut().zip(shares) {
        if enrolment.status != Status::Completed {
            enrolment.lessons_done = u16::try_from(share).unwrap_or(u16::MAX);
        }
    }
}

/// Attempts: one passing attempt per required assessment of a completed
/// enrolment, and the rest of the target spread as earlier failures and as
/// attempts of learners still studying, more for those further along.
fn assign_attempts(
    plan: &Plan,
    courses: &[Course],
    enrolments: &mut [Enrolment],
    rng: &mut StdRng,
) {
    let mut mandatory: u64 = 0;
    let mut slots = Vec::new();
    let mut capacities = Vec::new();
    let mut weights = Vec::new();
    for (position, enrolment) in enrolments.iter_mut().enumerate() {
        let course = &courses[enrolment.course as usize];
        let progress = enrolment.lessons_done as f64 / course.lessons.len().max(1) as f64;
        for (slot, assessment) in course.assessments.iter().enumerate().take(2) {
            let most = assessment.max_attempts.min(u32::from(u8::MAX));
            let (least, capacity, weight) = match enrolment.status {
                Status::Completed => (1, most.saturating_sub(1), 0.6),
                Status::Active => (0, most, progress * progress),
                Status::Withdrawn => (0, 1, 0.3 * progress),
                Status::Pending | Status::Declined => continue,
            };
            enrolment.attempts[slot] = least;
            mandatory += u64::from(least);
            slots.push((position, slot));
            capacities.push(capacity);
            weights.push(weight * rng.random::<f64>());
        }
    }
    let target = (plan.attempts as u64).saturating_sub(mandatory);
    let shares = distribute(target, &capacities, &weights, rng);
    for ((position, slot), share) in slots.into_iter().zip(shares) {
        let attempts = &mut enrolments[position].attempts[slot];
        *attempts = attempts.saturating_add(u8::try_from(share).unwrap_or(u8::MAX));
    }
}

/// Ranges of enrolments whose rows (as `rows_of` counts them) fill one COPY batch.
fn batches(enrolments: &[Enrolment], rows_of: impl Fn(&Enrolment) -> usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut rows = 0;
    for (index, enrolment) in enrolments.iter().enumerate() {
        rows += rows_of(enrolment);
        if rows >= BATCH_ROWS {
            ranges.push(start..index + 1);
            start = index + 1;
            rows = 0;
        }
    }
    if start < enrolments.len() {
        ranges.push(start..enrolments.len());
    }
    ranges
}

/// Everything the row writers read.
pub struct World<'a> {
    pub network: &'a Network,
    pub courses: &'a [Course],
    pub enrolments: &'a [Enrolment],
    pub clock: &'a Clock,
    pub seed: u64,
}

impl World<'_> {
    fn course(&self, enrolment: &Enrolment) -> &Course {
        &self.courses[enrolment.course as usize]
    }

    fn coordinator(&self, course: &Course) -> Uuid {
        self.network.coes[course.coe].coordinator.id
    }

    fn learner(&self, enrolment: &Enrolment) -> &super::network::Person {
        &self.network.learners[enrolment.learner as usize]
    }

    /// Runs one COPY per batch of `table`'s rows and reports progress.
    fn copy_in_batches(
        &self,
        connection: &mut PgConnection,
        tracker: &mut Tracker<'_>,
        table: &'static str,
        rows_of: impl Fn(&Enrolment) -> usize,
        copy_batch: impl Fn(&mut PgConnection, Range<usize>, u64) -> Result<usize, SyntheticError>,
    ) -> Result<usize, SyntheticError> {
        let mut written = 0;
        for (number, range) in batches(self.enrolments, rows_of).into_iter().enumerate() {
            written += copy_batch(connection, range, number as u64)?;
            tracker.rows(table, written);
        }
        Ok(written)
    }

    pub fn copy_enrolments(
        &self,
        connection: &mut PgConnection,
        tracker: &mut Tracker<'_>,
    ) -> Result<usize, SyntheticError> {
        use enrolments::dsl as e;
        self.copy_in_batches(
            connection,
            tracker,
            "enrolments",
            |_| 1,
            |connection, range, batch| {
                copy_rows(
                    connection,
                    enrolments::table,
                    (
                        e::id,
                        e::user_id,
                        e::course_id,
                        e::course_version_id,
                        e::method,
                        e::status,
                        e::requested_at,
                        e::decided_at,
                        e::decided_by,
                        e::decision_reason,
                        e::due_at,
                        e::completed_at,
                        e::withdrawn_at,
                        e::withdrawn_by,
                        e::withdrawal_reason,
                        e::last_lesson_id,
                    ),
                    |writer| {
                        let mut rng =
                            StdRng::seed_from_u64(stream_seed(self.seed, ENROLMENT_STREAM, batch));
                        for enrolment in &self.enrolments[range.clone()] {
                            self.enrolment_row(writer, enrolment, &mut rng)?;
                        }
                        Ok(())
                    },
                )
            },
        )
    }

    fn enrolment_row(
        &self,
        writer: &mut RowWriter<'_>,
        enrolment: &Enrolment,
        rng: &mut StdRng,
    ) -> Result<(), SyntheticError> {
        let course = self.course(enrolment);
        let learner = self.learner(enrolment);
        let completed = enrolment.status == Status::Completed;
        let withdrawn = enrolment.status == Status::Withdrawn;
        let declined = enrolment.status == Status::Declined;
        let last_lesson = (enrolment.lessons_done > 0)
            .then(|| {
                course
                    .lessons
                    .get(usize::from(enrolment.lessons_done) - 1)
                    .copied()
            })
            .flatten();
        let withdrawal_reason = (withdrawn && rng.random_bool(0.6))
            .then(|| WITHDRAWAL_REASONS.choose(rng).copied())
            .flatten();
        writer
            .uuid(enrolment.id)
            .uuid(learner.id)
            .uuid(course.id)
            .uuid(course.version_id)
            .text(enrolment.method.as_str())
            .text(enrolment.status.as_str())
            .timestamp(enrolment.requested_at)
            .opt_timestamp(enrolment.decided_at)
            .opt_uuid(enrolment.decided_at.map(|_| self.coordinator(course)))
            .opt_text(
                declined
                    .then(|| DECLINE_REASONS.choose(rng).copied())
                    .flatten(),
            )
            .opt_timestamp(enrolment.due_at)
            .opt_timestamp(completed.then_some(enrolment.end))
            .opt_timestamp(withdrawn.then_some(enrolment.end))
            .opt_uuid(withdrawn.then_some(learner.id))
            .opt_text(withdrawal_reason)
            .opt_uuid(last_lesson);
        writer.end_row()
    }

    pub fn copy_progress(
        &self,
        connection: &mut PgConnection,
        tracker: &mut Tracker<'_>,
    ) -> Result<usize, SyntheticError> {
        use lesson_progress::dsl as p;
        self.copy_in_batches(
            connection,
            tracker,
            "lesson_progress",
            |enrolment| usize::from(enrolment.lessons_done),
            |connection, range, batch| {
                copy_rows(
                    connection,
                    lesson_progress::table,
                    (p::enrolment_id, p::lesson_id, p::completed_at),
                    |writer| {
                        let mut rng =
                            StdRng::seed_from_u64(stream_seed(self.seed, PROGRESS_STREAM, batch));
                        for enrolment in &self.enrolments[range.clone()] {
                            let course = self.course(enrolment);
                            let done = usize::from(enrolment.lessons_done);
                            let start = enrolment.start();
                            let finish = lessons_finish(enrolment, course);
                            let step = (finish - start) / done.max(1) as i64;
                            for (index, lesson) in course.lessons.iter().take(done).enumerate() {
                                let at = if index + 1 == done {
                                    finish
                                } else {
                                    start + step * (index as i64 + 1)
                                        - rng.random_range(0..=step / 2)
                                };
                                writer.uuid(enrolment.id).uuid(*lesson).timestamp(at);
                                writer.end_row()?;
                            }
                        }
                        Ok(())
                    },
                )
            },
        )
    }

    pub fn copy_attempts(
        &self,
        connection: &mut PgConnection,
        tracker: &mut Tracker<'_>,
    ) -> Result<usize, SyntheticError> {
        use assessment_attempts::dsl as a;
        self.copy_in_batches(
            connection,
            tracker,
            "assessment_attempts",
            |enrolment| {
                enrolment
                    .attempts
                    .iter()
                    .map(|&count| usize::from(count))
                    .sum()
            },
            |connection, range, batch| {
                copy_rows(
                    connection,
                    assessment_attempts::table,
                    (
                        a::id,
                        a::enrolment_id,
                        a::module_id,
                        a::number,
                        a::status,
                        a::question_ids,
                        a::started_at,
                        a::deadline_at,
                        a::submitted_at,
                        a::graded_at,
                        a::score,
                        a::passed,
                    ),
                    |writer| {
                        let mut rng =
                            StdRng::seed_from_u64(stream_seed(self.seed, ATTEMPT_STREAM, batch));
                        for enrolment in &self.enrolments[range.clone()] {
                            self.attempt_rows(writer, enrolment, &mut rng)?;
                        }
                        Ok(())
                    },
                )
            },
        )
    }

    /// The attempts of one enrolment: each assessment's attempts share a
    /// stretch of the time after the lessons; all but the last fail.
    fn attempt_rows(
        &self,
        writer: &mut RowWriter<'_>,
        enrolment: &Enrolment,
        rng: &mut StdRng,
    ) -> Result<(), SyntheticError> {
        let course = self.course(enrolment);
        let assessments = course.assessments.len().min(2);
        let start = lessons_finish(enrolment, course);
        let span = enrolment.end - start;
        for (slot, assessment) in course.assessments.iter().take(2).enumerate() {
            let count = usize::from(enrolment.attempts[slot]);
            let from = start + span * slot as i64 / assessments as i64;
            let to = start + span * (slot as i64 + 1) / assessments as i64;
            for number in 1..=count {
                let last = number == count;
                let submitted = from + (to - from) * number as i64 / count as i64;
                let outcome = match (enrolment.status, last) {
                    (_, false) => Outcome::Failed,
                    (Status::Completed, true) => Outcome::Passed,
                    (Status::Active, true) => match rng.random_range(0..100) {
                        0..15 => Outcome::InProgress,
                        15..60 => Outcome::Passed,
                        _ => Outcome::Failed,
                    },
                    _ if rng.random_bool(0.5) => Outcome::Passed,
                    _ => Outcome::Failed,
                };
                attempt_row(
                    writer, enrolment, assessment, number, submitted, outcome, rng,
                )?;
            }
        }
        Ok(())
    }

    pub fn copy_certificates(
        &self,
        connection: &mut PgConnection,
        tracker: &mut Tracker<'_>,
    ) -> Result<usize, SyntheticError> {
        use certificates::dsl as c;
        let certified = |enrolment: &Enrolment| {
            usize::from(enrolment.status == Status::Completed && self.course(enrolment).certificate)
        };
        let codes = certificate_codes(self.enrolments.iter().map(certified).sum(), self.seed);
        let mut written = 0;
        let mut first_code = 0;
        for (number, range) in batches(self.enrolments, certified).into_iter().enumerate() {
            let count: usize = self.enrolments[range.clone()].iter().map(certified).sum();
            let batch_codes = &codes[first_code..first_code + count];
            first_code += count;
            written += copy_rows(
                connection,
                certificates::table,
                (
                    c::id,
                    c::code,
                    c::kind,
                    c::user_id,
                    c::enrolment_id,
                    c::course_id,
                    c::course_version_id,
                    c::coe_id,
                    c::learner_name,
                    c::title,
                    c::summary,
                    c::coe_name,
                    c::version_number,
                    c::credits,
                    c::credit_type,
                    c::completed_at,
                    c::issued_at,
                    c::expires_at,
                    c::revoked_at,
                    c::revoked_by,
                    c::revocation_reason,
                ),
                |writer| {
                    let mut rng = StdRng::seed_from_u64(stream_seed(
                        self.seed,
                        CERTIFICATE_STREAM,
                        number as u64,
                    ));
                    let holders = self.enrolments[range.clone()]
                        .iter()
                        .filter(|enrolment| certified(enrolment) == 1);
                    for (enrolment, code) in holders.zip(batch_codes) {
                        self.certificate_row(writer, enrolment, code, &mut rng)?;
                    }
                    Ok(())
                },
            )?;
            tracker.rows("certificates", written);
        }
        Ok(written)
    }

    fn certificate_row(
        &self,
        writer: &mut RowWriter<'_>,
        enrolment: &Enrolment,
        code: &CertificateCode,
        rng: &mut StdRng,
    ) -> Result<(), SyntheticError> {
        let course = self.course(enrolment);
        let coe = &self.network.coes[course.coe];
        let completed_at = enrolment.end;
        let expires_at = course.validity_months.and_then(|months| {
            chrono::DateTime::from_timestamp_millis(completed_at)
                .and_then(|completed| completed.checked_add_months(Months::new(months)))
                .map(|expires| expires.timestamp_millis())
        });
        let revoked_at = rng
            .random_bool(REVOKED_SHARE)
            .then(|| between(completed_at + DAY, self.clock.now - MINUTE, 1.0, rng))
            .filter(|revoked| *revoked > completed_at);
        writer
            .uuid(id_at(completed_at, rng))
            .text(code.as_str())
            .text("course")
            .uuid(self.learner(enrolment).id)
            .uuid(enrolment.id)
            .uuid(course.id)
            .uuid(course.version_id)
            .uuid(coe.id)
            .text(&self.learner(enrolment).name)
            .text(&course.title)
            .text(&course.summary)
            .text(&coe.name)
            .int(1)
            .opt_float(course.credits.map(|(credits, _)| credits))
            .opt_text(course.credits.map(|(_, unit)| unit))
            .timestamp(completed_at)
            .timestamp(completed_at)
            .opt_timestamp(expires_at)
            .opt_timestamp(revoked_at)
            .opt_uuid(revoked_at.map(|_| coe.coordinator.id))
            .opt_text(revoked_at.map(|_| "Issued in error: the assessment record was corrected."));
        writer.end_row()
    }
}

/// When an enrolment's lessons end: at its end when the course has no
/// assessment, else three quarters of the way (the attempts follow).
fn lessons_finish(enrolment: &Enrolment, course: &Course) -> i64 {
    let start = enrolment.start();
    if course.assessments.is_empty() || !enrolment.learning() {
        enrolment.end
    } else {
        start + (enrolment.end - start) * 3 / 4
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Passed,
    Failed,
    InProgress,
}

fn attempt_row(
    writer: &mut RowWriter<'_>,
    enrolment: &Enrolment,
    assessment: &Assessment,
    number: usize,
    submitted: i64,
    outcome: Outcome,
    rng: &mut StdRng,
) -> Result<(), SyntheticError> {
    let limit = assessment
        .time_limit_minutes
        .map(|minutes| i64::from(minutes) * MINUTE);
    let took = rng.random_range(3 * MINUTE..=limit.unwrap_or(40 * MINUTE).max(3 * MINUTE));
    let started = submitted - took;
    let drawn = index::sample(rng, assessment.questions.len(), assessment.per_attempt);
    let question_ids: Vec<Uuid> = drawn
        .iter()
        .map(|index| assessment.questions[index])
        .collect();
    let total = assessment.per_attempt.max(1) as u32;
    // Fewest correct answers that pass: correct / total * 100 >= pass mark.
    let needed = (assessment.pass_mark_percent * total).div_ceil(100);
    let correct = match outcome {
        Outcome::Passed => rng.random_range(needed..=total),
        Outcome::Failed => {
            rng.random_range((total / 3).min(needed.saturating_sub(1))..needed.max(1))
        }
        Outcome::InProgress => 0,
    };
    let graded = outcome != Outcome::InProgress;
    writer
        .uuid(id_at(started, rng))
        .uuid(enrolment.id)
        .uuid(assessment.module_id)
        .int(number as i64)
        .text(if graded { "graded" } else { "in_progress" })
        .uuid_array(&question_ids)
        .timestamp(started)
        .opt_timestamp(limit.map(|limit| started + limit))
        .opt_timestamp(graded.then_some(submitted))
        .opt_timestamp(graded.then_some(submitted))
        .opt_float(graded.then(|| f64::from(correct) / f64::from(total)))
        .opt_bool(graded.then_some(outcome == Outcome::Passed));
    writer.end_row()
}

/// `count` distinct, valid certificate codes drawn from the seed.
fn certificate_codes(count: usize, seed: u64) -> Vec<CertificateCode> {
    let mut rng = StdRng::seed_from_u64(stream_seed(seed, CERTIFICATE_STREAM, u64::MAX));
    let mut seen = HashSet::with_capacity(count);
    let mut codes = Vec::with_capacity(count);
    while codes.len() < count {
        let code = CertificateCode::generate_with(&mut rng);
        if seen.insert(code.as_str().to_owned()) {
            codes.push(code);
        }
    }
    codes
}
