//! `courses/programmes.toml`: the network's programmes, each a list of
//! required and elective courses (by slug) owned by a CoE. Read and checked
//! with the course files; every problem names the file, the programme and
//! how to fix it.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use crate::course_files::FileProblem;
use crate::course_files::format::{Text, is_slug};

/// A programme as the file describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeSource {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description_markdown: String,
    pub coe: String,
    pub required: Vec<String>,
    pub electives: Vec<String>,
    pub electives_required: u32,
    pub certificate: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgrammesFile {
    #[serde(default)]
    programme: Vec<ProgrammeEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgrammeEntry {
    slug: String,
    title: Text,
    summary: Text,
    description: Text,
    coe: String,
    #[serde(default)]
    required: Vec<String>,
    #[serde(default)]
    electives: Vec<String>,
    #[serde(default)]
    electives_required: u32,
    #[serde(default = "yes")]
    certificate: bool,
}

fn yes() -> bool {
    true
}

/// Reads `root/programmes.toml` (absent: no programmes), checking slugs,
/// CoEs and courses; returns the programmes or every problem found.
pub fn load(
    root: &Path,
    courses: &BTreeSet<String>,
    coes: &BTreeSet<String>,
) -> Result<Vec<ProgrammeSource>, Vec<FileProblem>> {
    let path = root.join("programmes.toml");
    if !path.exists() {
        return Ok(Vec::new());
    }
    let problem = |message: String, fix: &str| FileProblem {
        path: path.clone(),
        line: None,
        message,
        fix: fix.to_owned(),
    };
    let text = std::fs::read_to_string(&path).map_err(|error| {
        vec![problem(
            format!("cannot read the file: {error}"),
            "check that it is readable UTF-8",
        )]
    })?;
    let file: ProgrammesFile = toml::from_str(&text).map_err(|error| {
        vec![FileProblem {
            path: path.clone(),
            line: error
                .span()
                .map(|span| text[..span.start.min(text.len())].lines().count().max(1)),
            message: error.message().to_owned(),
            fix: "see courses/README.md, \"programmes.toml\"".to_owned(),
        }]
    })?;
    let mut problems = Vec::new();
    let mut seen_slugs = BTreeSet::new();
    let mut programmes = Vec::new();
    for entry in file.programme {
        let name = entry.slug.clone();
        if !is_slug(&entry.slug) {
            problems.push(problem(
                format!("programme \"{name}\": the slug is not valid"),
                "use 3-64 lower-case letters, digits and single hyphens",
            ));
        }
        if !seen_slugs.insert(entry.slug.clone()) {
            problems.push(problem(
                format!("programme \"{name}\" is defined twice"),
                "keep one [[programme]] per slug",
            ));
        }
        if !coes.contains(&entry.coe) {
            problems.push(problem(
                format!("programme \"{name}\": unknown CoE \"{}\"", entry.coe),
                "use the slug of a [[coe]] in network.toml",
            ));
        }
        if entry.required.is_empty() && entry.electives.is_empty() {
            problems.push(problem(
                format!("programme \"{name}\" has no courses"),
                "list courses under required = [...] or electives = [...]",
            ));
        }
        let mut listed = BTreeSet::new();
        for course in entry.required.iter().chain(&entry.electives) {
            if !listed.insert(course.clone()) {
                problems.push(problem(
                    format!("programme \"{name}\" lists the course \"{course}\" twice"),
                    "list each course once, either as required or as an elective",
                ));
            }
            if !courses.contains(course) {
                problems.push(problem(
                    format!("programme \"{name}\": there is no course \"{course}\""),
                    "use the folder name of a course in courses/",
                ));
            }
        }
        if entry.electives_required as usize > entry.electives.len() {
            problems.push(problem(
                format!(
                    "programme \"{name}\" asks for {} electives but lists {}",
                    entry.electives_required,
                    entry.electives.len()
                ),
                "lower electives_required or list more electives",
            ));
        }
        programmes.push(ProgrammeSource {
            slug: entry.slug,
            title: entry.title.0,
            summary: entry.summary.0,
            description_markdown: entry.description.0,
            coe: entry.coe,
            required: entry.required,
            electives: entry.electives,
            electives_required: entry.electives_required,
            certificate: entry.certificate,
        });
    }
    if problems.is_empty() {
        Ok(programmes)
    } else {
        Err(problems)
    }
}
