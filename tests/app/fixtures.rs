//! Small course trees written to temporary directories, so each test states
//! the files it needs and can break exactly one of them.

use std::fs;
use std::path::Path;

pub const NETWORK: &str = r#"
[[coe]]
slug = "coe-alpha"
name = "Alpha Centre of Excellence"
city = "Leiden"
country = "NL"
summary = "Cell therapy manufacturing."
expertise = ["cell therapy"]

[[coe.facility]]
name = "GMP suite"
kind = "gmp_suite"
description = "Grade B cleanrooms."

[[coe]]
slug = "coe-beta"
name = "Beta Centre of Excellence"
city = "Milan"
country = "IT"
summary = "Gene therapy vectors."
expertise = ["gene therapy"]

[[institution]]
slug = "alpha-hospital"
name = "Alpha Hospital"
country = "NL"
kind = "hospital"
email_domains = ["alpha.example"]
coe = "coe-alpha"
"#;

/// A complete tree: `public-intro` (public, coe-beta, English),
/// `cleanroom-basics` (gmp_staff, coe-alpha, requires public-intro) and
/// `vector-safety` (scientists, coe-beta, German).
pub fn standard_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "network.toml", NETWORK);
    course(
        dir.path(),
        "public-intro",
        r#"title = "Advanced therapies for everyone"
summary = "What gene and cell therapies are."
description = "An open course for **patients** and the public."
coe = "coe-beta"
audience = "public"
level = "introductory"
language = "en"
tags = ["Outreach", "gene therapy"]
certificate = false
"#,
    );
    lesson(
        dir.path(),
        "public-intro",
        "01-basics",
        "01-what-is-a-gene",
        "What is a gene?",
        "Genes carry **instructions**.",
    );
    lesson(
        dir.path(),
        "public-intro",
        "01-basics",
        "02-what-is-a-cell",
        "What is a cell?",
        "Cells are the units of life.",
    );
    course(
        dir.path(),
        "cleanroom-basics",
        r#"title = "Cleanroom basics"
summary = "Grades A to D and how to behave in them."
description = "For GMP operators."
coe = "coe-alpha"
audience = "gmp_staff"
level = "intermediate"
language = "en"
credits = 1.5
credit_type = "ects"
tags = ["gmp", "cleanrooms"]
prerequisites = ["public-intro"]
certificate = true
certificate_validity_months = 24
"#,
    );
    lesson(
        dir.path(),
        "cleanroom-basics",
        "01-grades",
        "01-grade-a",
        "Grade A zones",
        "Unidirectional airflow protects open aseptic operations.",
    );
    lesson(
        dir.path(),
        "cleanroom-basics",
        "02-gowning",
        "01-gowning",
        "Gowning",
        "Gowning is qualified.",
    );
    course(
        dir.path(),
        "vector-safety",
        r#"title = "Sicherheit viraler Vektoren"
summary = "Biologische Sicherheit im Labor."
description = "Für Laborwissenschaftler."
coe = "coe-beta"
audience = "scientists"
level = "advanced"
language = "de"
tags = ["biosafety"]
certificate = true
enrolment = "approval"
"#,
    );
    lesson(
        dir.path(),
        "vector-safety",
        "01-vectors",
        "01-lentivirus",
        "Lentivirale Vektoren",
        "Lentiviren integrieren.",
    );
    dir
}

/// Writes `text` to `relative` under `root`, creating folders.
pub fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, text).expect("write");
}

/// Writes a course's course.toml.
pub fn course(root: &Path, slug: &str, toml: &str) {
    write(root, &format!("{slug}/course.toml"), toml);
}

/// Writes a lesson (and its module.toml, titled after the module folder).
pub fn lesson(root: &Path, course: &str, module: &str, lesson: &str, title: &str, body: &str) {
    let module_toml = format!("{course}/modules/{module}/module.toml");
    if !root.join(&module_toml).exists() {
        write(
            root,
            &module_toml,
            &format!("title = \"Module {module}\"\nsummary = \"About {module}.\"\n"),
        );
    }
    write(
        root,
        &format!("{course}/modules/{module}/{lesson}.md"),
        &format!("+++\ntitle = \"{title}\"\nminutes = 10\n+++\n\n{body}\n"),
    );
}
