//! Grading one answer to one question: a fraction of the question's marks
//! from 0 to 1, the feedback the answer earns, and whether a person must
//! grade it (essays). Pure rules, no database.
//!
//! - single choice and true/false: all or nothing;
//! - multiple choice: the sum of the chosen options' weights, floored at 0
//!   and capped at 100 %;
//! - short answer: the best weight among accepted answers, comparing without
//!   case and with runs of white space folded to one space;
//! - matching: the share of pairs matched correctly;
//! - numeric: the best weight among answers whose tolerance or range holds
//!   the number (bounds included);
//! - essay: graded by an instructor.

use serde::{Deserialize, Serialize};

use super::gift::{NumericValue, QuestionKind};

/// What a learner answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Nothing was answered.
    Blank,
    /// The index of the chosen option (single choice).
    Choice(usize),
    /// The indexes of the chosen options (multiple choice).
    Choices(Vec<usize>),
    Bool(bool),
    /// Typed text (short answer, numeric, essay).
    Text(String),
    /// For each left-hand item (by index), the chosen right-hand text.
    Matches(Vec<Option<String>>),
}

/// The result of grading one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// 0.0 to 1.0 of the question's marks.
    pub fraction: f64,
    pub feedback: Vec<String>,
    /// An instructor must grade it (the fraction is 0 until then).
    pub needs_review: bool,
}

/// An answer that does not fit its question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("this question has no option {0}")]
    NoSuchOption(usize),
    #[error("\"{0}\" is not a number: write digits, with a point or a comma for decimals")]
    NotANumber(String),
    #[error("this kind of answer does not fit this question")]
    WrongKind,
    #[error("the answer names {given} pairs but the question has {expected}")]
    WrongPairCount { given: usize, expected: usize },
}

fn graded(fraction: f64, feedback: Vec<String>) -> Grade {
    Grade {
        fraction: fraction.clamp(0.0, 1.0),
        feedback,
        needs_review: false,
    }
}

/// Folds case and white space for comparing typed answers.
pub fn normalise_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Reads a typed number: `3.14`, `3,14`, ` -2 `.
pub fn parse_number(text: &str) -> Result<f64, AnswerError> {
    let cleaned = text.trim().replace(',', ".");
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|number| number.is_finite())
        .ok_or_else(|| AnswerError::NotANumber(text.trim().chars().take(40).collect()))
}

fn within(value: &NumericValue, number: f64) -> bool {
    // A tiny allowance so that 2.5 with tolerance 0.5 accepts 3.0 despite
    // binary floating point.
    let slack = 1e-9 * number.abs().max(1.0);
    match *value {
        NumericValue::Tolerance { value, tolerance } => (number - value).abs() <= tolerance + slack,
        NumericValue::Range { min, max } => number >= min - slack && number <= max + slack,
    }
}

/// Grades `answer` against a question.
pub fn grade(kind: &QuestionKind, answer: &Answer) -> Result<Grade, AnswerError> {
    if *answer == Answer::Blank {
        return Ok(match kind {
            QuestionKind::Essay => Grade {
                fraction: 0.0,
                feedback: Vec::new(),
                needs_review: false,
            },
            _ => graded(0.0, Vec::new()),
        });
    }
    match (kind, answer) {
        (QuestionKind::Description, _) => Ok(graded(0.0, Vec::new())),
        (QuestionKind::Essay, Answer::Text(_)) => Ok(Grade {
            fraction: 0.0,
            feedback: Vec::new(),
            needs_review: true,
        }),
        (
            QuestionKind::TrueFalse {
                answer: right,
                feedback_wrong,
                feedback_right,
            },
            Answer::Bool(given),
        ) => {
            let correct = given == right;
            let feedback = if correct {
                feedback_right
            } else {
                feedback_wrong
            };
            Ok(graded(
                if correct { 1.0 } else { 0.0 },
                feedback.iter().cloned().collect(),
            ))
        }
        (QuestionKind::SingleChoice { options }, Answer::Choice(index)) => {
            let option = options
                .get(*index)
                .ok_or(AnswerError::NoSuchOption(*index))?;
            Ok(graded(
                option.weight / 100.0,
                option.feedback.iter().cloned().collect(),
            ))
        }
        (QuestionKind::MultipleChoice { options }, Answer::Choices(indexes)) => {
            let mut chosen = indexes.clone();
            chosen.sort_unstable();
            chosen.dedup();
            let mut total = 0.0;
            let mut feedback = Vec::new();
            for index in chosen {
                let option = options.get(index).ok_or(AnswerError::NoSuchOption(index))?;
                total += option.weight;
                feedback.extend(option.feedback.iter().cloned());
            }
            Ok(graded(total / 100.0, feedback))
        }
        (QuestionKind::ShortAnswer { answers }, Answer::Text(text)) => {
            let given = normalise_text(text);
            let best = answers
                .iter()
                .filter(|accepted| normalise_text(&accepted.text) == given)
                .max_by(|a, b| a.weight.total_cmp(&b.weight));
            Ok(match best {
                Some(accepted) => graded(
                    accepted.weight / 100.0,
                    accepted.feedback.iter().cloned().collect(),
                ),
                None => graded(0.0, Vec::new()),
            })
        }
        (QuestionKind::Numeric { answers }, Answer::Text(text)) => {
            let number = parse_number(text)?;
            let best = answers
                .iter()
                .filter(|candidate| within(&candidate.value, number))
                .max_by(|a, b| a.weight.total_cmp(&b.weight));
            Ok(match best {
                Some(candidate) => graded(
                    candidate.weight / 100.0,
                    candidate.feedback.iter().cloned().collect(),
                ),
                None => graded(0.0, Vec::new()),
            })
        }
        (QuestionKind::Matching { pairs }, Answer::Matches(chosen)) => {
            if chosen.len() != pairs.len() {
                return Err(AnswerError::WrongPairCount {
                    given: chosen.len(),
                    expected: pairs.len(),
                });
            }
            let right = pairs
                .iter()
                .zip(chosen)
                .filter(|((_, answer), given)| given.as_deref() == Some(answer.as_str()))
                .count();
            Ok(graded(right as f64 / pairs.len() as f64, Vec::new()))
        }
        _ => Err(AnswerError::WrongKind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::gift::{Choice, NumericAnswer};

    fn choice(text: &str, weight: f64) -> Choice {
        Choice {
            text: text.to_owned(),
            weight,
            feedback: Some(format!("about {text}")),
        }
    }

    #[test]
    fn single_choice_is_all_or_nothing_with_the_options_feedback() {
        let kind = QuestionKind::SingleChoice {
            options: vec![choice("right", 100.0), choice("wrong", 0.0)],
        };
        assert_eq!(grade(&kind, &Answer::Choice(0)).unwrap().fraction, 1.0);
        let wrong = grade(&kind, &Answer::Choice(1)).unwrap();
        assert_eq!(
            (wrong.fraction, wrong.feedback),
            (0.0, vec!["about wrong".to_owned()])
        );
        assert_eq!(
            grade(&kind, &Answer::Choice(7)),
            Err(AnswerError::NoSuchOption(7))
        );
    }

    #[test]
    fn multiple_choice_sums_weights_floored_at_zero_and_capped_at_full_marks() {
        let kind = QuestionKind::MultipleChoice {
            options: vec![
                choice("a", 50.0),
                choice("b", 50.0),
                choice("c", -100.0),
                choice("d", 60.0),
            ],
        };
        assert_eq!(
            grade(&kind, &Answer::Choices(vec![0, 1])).unwrap().fraction,
            1.0
        );
        assert_eq!(
            grade(&kind, &Answer::Choices(vec![0])).unwrap().fraction,
            0.5
        );
        assert_eq!(
            grade(&kind, &Answer::Choices(vec![0, 2])).unwrap().fraction,
            0.0,
            "floored at 0"
        );
        assert_eq!(
            grade(&kind, &Answer::Choices(vec![0, 1, 3]))
                .unwrap()
                .fraction,
            1.0,
            "weights over 100% are capped"
        );
        assert_eq!(
            grade(&kind, &Answer::Choices(vec![0, 0, 0]))
                .unwrap()
                .fraction,
            0.5,
            "an option counts once"
        );
        assert_eq!(
            grade(&kind, &Answer::Choices(vec![])).unwrap().fraction,
            0.0
        );
    }

    #[test]
    fn true_false_gives_right_or_wrong_feedback() {
        let kind = QuestionKind::TrueFalse {
            answer: false,
            feedback_wrong: Some("no".to_owned()),
            feedback_right: Some("yes".to_owned()),
        };
        let right = grade(&kind, &Answer::Bool(false)).unwrap();
        assert_eq!(
            (right.fraction, right.feedback),
            (1.0, vec!["yes".to_owned()])
        );
        assert_eq!(
            grade(&kind, &Answer::Bool(true)).unwrap().feedback,
            vec!["no".to_owned()]
        );
        assert_eq!(
            grade(&kind, &Answer::Text("true".to_owned())),
            Err(AnswerError::WrongKind)
        );
    }

    #[test]
    fn short_answers_ignore_case_and_extra_spaces_and_take_the_best_weight() {
        let kind = QuestionKind::ShortAnswer {
            answers: vec![
                choice("Committee for Advanced Therapies", 50.0),
                choice("CAT", 100.0),
            ],
        };
        assert_eq!(
            grade(&kind, &Answer::Text("  cat ".to_owned()))
                .unwrap()
                .fraction,
            1.0
        );
        assert_eq!(
            grade(
                &kind,
                &Answer::Text("committee  for\tadvanced therapies".to_owned())
            )
            .unwrap()
            .fraction,
            0.5
        );
        assert_eq!(
            grade(&kind, &Answer::Text("CHMP".to_owned()))
                .unwrap()
                .fraction,
            0.0
        );
        assert_eq!(
            grade(&kind, &Answer::Text(String::new())).unwrap().fraction,
            0.0
        );
    }

    #[test]
    fn numeric_tolerances_include_their_bounds_and_reject_non_numbers() {
        let kind = QuestionKind::Numeric {
            answers: vec![
                NumericAnswer {
                    value: NumericValue::Tolerance {
                        value: 2.5,
                        tolerance: 0.5,
                    },
                    weight: 100.0,
                    feedback: None,
                },
                NumericAnswer {
                    value: NumericValue::Range { min: 3.0, max: 4.0 },
                    weight: 50.0,
                    feedback: None,
                },
            ],
        };
        assert_eq!(
            grade(&kind, &Answer::Text("3.0".to_owned()))
                .unwrap()
                .fraction,
            1.0,
            "upper tolerance bound, best weight"
        );
        assert_eq!(
            grade(&kind, &Answer::Text("2".to_owned()))
                .unwrap()
                .fraction,
            1.0,
            "lower tolerance bound"
        );
        assert_eq!(
            grade(&kind, &Answer::Text("1,99".to_owned()))
                .unwrap()
                .fraction,
            0.0,
            "just outside"
        );
        assert_eq!(
            grade(&kind, &Answer::Text("4".to_owned()))
                .unwrap()
                .fraction,
            0.5,
            "range bound"
        );
        assert_eq!(
            grade(&kind, &Answer::Text("3,5".to_owned()))
                .unwrap()
                .fraction,
            0.5,
            "a decimal comma"
        );
        assert_eq!(
            grade(&kind, &Answer::Text("four".to_owned())),
            Err(AnswerError::NotANumber("four".to_owned()))
        );
        assert_eq!(
            grade(&kind, &Answer::Blank).unwrap().fraction,
            0.0,
            "an empty answer scores nothing"
        );
    }

    #[test]
    fn matching_scores_the_share_of_right_pairs() {
        let kind = QuestionKind::Matching {
            pairs: vec![
                ("A".to_owned(), "1".to_owned()),
                ("B".to_owned(), "2".to_owned()),
                ("C".to_owned(), "3".to_owned()),
                ("D".to_owned(), "4".to_owned()),
            ],
        };
        let answer = Answer::Matches(vec![
            Some("1".to_owned()),
            Some("2".to_owned()),
            Some("4".to_owned()),
            None,
        ]);
        assert_eq!(grade(&kind, &answer).unwrap().fraction, 0.5);
        assert!(matches!(
            grade(&kind, &Answer::Matches(vec![None])),
            Err(AnswerError::WrongPairCount {
                given: 1,
                expected: 4
            })
        ));
    }

    #[test]
    fn essays_wait_for_an_instructor() {
        let graded = grade(
            &QuestionKind::Essay,
            &Answer::Text("My investigation would...".to_owned()),
        )
        .unwrap();
        assert!(graded.needs_review);
        assert_eq!(graded.fraction, 0.0);
        assert!(
            !grade(&QuestionKind::Essay, &Answer::Blank)
                .unwrap()
                .needs_review,
            "a blank essay has nothing to review"
        );
    }
}
