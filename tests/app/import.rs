//! Importing `courses/`: idempotence, versioning, archiving, every kind of
//! bad input (named file, line, fix; database untouched), atomicity,
//! immutability of published versions, and concurrent imports.

use std::path::Path;

use atmp_academy::course_files::{SyncError, load_tree};
use diesel::{PgConnection, RunQueryDsl};

use crate::fixtures::{self, standard_tree, write};
use crate::helpers::{TestDb, count, import, shipped_courses};

/// A fingerprint of every table the import writes: equal fingerprints mean
/// the database holds exactly the same rows.
fn snapshot(connection: &mut PgConnection) -> String {
    #[derive(diesel::QueryableByName)]
    struct Fingerprint {
        #[diesel(sql_type = diesel::sql_types::Text)]
        fingerprint: String,
    }
    let tables = [
        "coes",
        "facilities",
        "institutions",
        "courses",
        "course_versions",
        "course_modules",
        "lessons",
        "course_prerequisites",
        "audit_events",
    ];
    let parts: Vec<String> = tables
        .iter()
        .map(|table| {
            format!("(SELECT '{table}:' || count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM {table} t)")
        })
        .collect();
    let sql = format!("SELECT {} AS fingerprint", parts.join(" || ' ' || "));
    diesel::sql_query(sql)
        .get_result::<Fingerprint>(connection)
        .expect("snapshot")
        .fingerprint
}

fn problems_of(result: Result<impl std::fmt::Debug, SyncError>) -> String {
    match result {
        Err(SyncError::Problems(problems)) => problems.to_string(),
        other => panic!("expected problems with the files, got {other:?}"),
    }
}

#[test]
fn shipped_courses_import_cleanly_with_at_least_five_coes() {
    let db = TestDb::new();
    let report = import(&db, &shipped_courses()).expect("the shipped courses are valid");
    assert!(report.coes_created.len() >= 5, "{report:?}");
    assert!(report.versions_published.len() >= 2, "{report:?}");
    let mut connection = db.connect();
    assert!(count(&mut connection, "SELECT count(*) AS n FROM lessons") > 20);
}

#[test]
fn second_import_of_unchanged_files_writes_nothing() {
    let db = TestDb::new();
    let tree = standard_tree();
    let first = import(&db, tree.path()).expect("first import");
    assert_eq!(first.versions_published.len(), 3);
    let before = snapshot(&mut db.connect());
    let second = import(&db, tree.path()).expect("second import");
    assert!(!second.wrote_anything(), "{second:?}");
    assert_eq!(second.courses_unchanged, 3);
    assert_eq!(snapshot(&mut db.connect()), before);
}

#[test]
fn changed_lesson_publishes_a_new_version_and_keeps_the_old_one() {
    let db = TestDb::new();
    let tree = standard_tree();
    import(&db, tree.path()).expect("first import");
    let mut connection = db.connect();
    let old_version_rows = snapshot(&mut connection);
    fixtures::lesson(
        tree.path(),
        "cleanroom-basics",
        "01-grades",
        "01-grade-a",
        "Grade A zones",
        "Revised: unidirectional airflow at 0.36 to 0.54 m/s.",
    );
    let report = import(&db, tree.path()).expect("second import");
    assert_eq!(
        report.versions_published,
        vec![("cleanroom-basics".to_owned(), 2)]
    );
    assert_eq!(report.courses_unchanged, 2);
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE c.slug = 'cleanroom-basics'"
        ),
        2
    );
    // Version 1's lesson text is still there, unchanged.
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM lessons l JOIN course_versions v ON v.id = l.course_version_id
             WHERE v.version_number = 1 AND l.body_markdown = 'Unidirectional airflow protects open aseptic operations.'"
        ),
        1
    );
    assert_ne!(snapshot(&mut connection), old_version_rows);
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM audit_events WHERE action = 'course.version_published'"
        ),
        4
    );
}

#[test]
fn removed_course_is_archived_and_restored_when_it_returns() {
    let db = TestDb::new();
    let tree = standard_tree();
    import(&db, tree.path()).expect("first import");
    let moved = tree.path().join("vector-safety");
    let aside = tempfile::tempdir().expect("tempdir");
    std::fs::rename(&moved, aside.path().join("vector-safety")).expect("move the course away");
    let report = import(&db, tree.path()).expect("import without the course");
    assert_eq!(report.courses_archived, vec!["vector-safety".to_owned()]);
    let mut connection = db.connect();
    assert_eq!(
        count(
            &mut connection,
            "SELECT count(*) AS n FROM courses WHERE status = 'archived'"
        ),
        1
    );
    assert_eq!(
        count(&mut connection, "SELECT count(*) AS n FROM course_versions"),
        3,
        "no version is deleted"
    );
    std::fs::rename(aside.path().join("vector-safety"), &moved).expect("move it back");
    let report = import(&db, tree.path()).expect("import with the course back");
    assert_eq!(report.courses_restored, vec!["vector-safety".to_owned()]);
    assert!(
        report.versions_published.is_empty(),
        "same content: no new version"
    );
}

/// Breaks one file of a valid, already imported tree and checks that the
/// import names the file (and line), says how to fix it, and changes nothing.
fn assert_rejected(
    break_tree: impl FnOnce(&Path),
    expected_file: &str,
    expected_line: Option<usize>,
    expected_words: &str,
) {
    let db = TestDb::new();
    let tree = standard_tree();
    import(&db, tree.path()).expect("valid tree imports");
    let before = snapshot(&mut db.connect());
    break_tree(tree.path());
    let message = problems_of(import(&db, tree.path()));
    let location = match expected_line {
        Some(line) => format!("{expected_file}:{line}:"),
        None => expected_file.to_owned(),
    };
    assert!(
        message.contains(&location),
        "expected {location} in:\n{message}"
    );
    assert!(
        message.contains(expected_words),
        "expected \"{expected_words}\" in:\n{message}"
    );
    assert!(message.contains("fix:"), "{message}");
    assert_eq!(
        snapshot(&mut db.connect()),
        before,
        "the database must be left exactly as before"
    );
}

#[test]
fn toml_syntax_error_names_file_and_line() {
    assert_rejected(
        |root| {
            write(
                root,
                "cleanroom-basics/course.toml",
                "title = \"Cleanroom basics\"\nsummary = \"x\ndescription = \"y\"\n",
            )
        },
        "cleanroom-basics/course.toml",
        Some(2),
        "",
    );
}

#[test]
fn unknown_field_is_rejected_with_the_allowed_keys() {
    assert_rejected(
        |root| {
            let path = root.join("cleanroom-basics/course.toml");
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(
                &path,
                text.replace("language = \"en\"", "langauge = \"en\""),
            )
            .expect("write");
        },
        "cleanroom-basics/course.toml",
        Some(7),
        "unknown field `langauge`",
    );
}

#[test]
fn missing_title_is_rejected() {
    assert_rejected(
        |root| {
            let path = root.join("public-intro/course.toml");
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(
                &path,
                text.replace("title = \"Advanced therapies for everyone\"\n", ""),
            )
            .expect("write");
        },
        "public-intro/course.toml",
        None,
        "missing field `title`",
    );
}

#[test]
fn empty_lesson_title_in_front_matter_names_the_line() {
    assert_rejected(
        |root| {
            write(
                root,
                "public-intro/modules/01-basics/01-what-is-a-gene.md",
                "+++\nminutes = 5\ntitle = \"  \"\n+++\nBody\n",
            )
        },
        "01-what-is-a-gene.md",
        Some(3),
        "must not be empty",
    );
}

#[test]
fn module_without_lessons_is_rejected() {
    assert_rejected(
        |root| {
            write(
                root,
                "public-intro/modules/02-empty/module.toml",
                "title = \"Empty\"\n",
            )
        },
        "public-intro/modules/02-empty",
        None,
        "the module has no lessons",
    );
}

#[test]
fn duplicate_coe_slug_is_rejected() {
    let line_of_second_slug = fixtures::NETWORK.matches('\n').count() + 3;
    assert_rejected(
        |root| {
            let doubled = format!(
                "{}\n[[coe]]\nslug = \"coe-beta\"\nname = \"Again\"\ncity = \"X\"\ncountry = \"DE\"\nsummary = \"S\"\n",
                fixtures::NETWORK
            );
            write(root, "network.toml", &doubled);
        },
        "network.toml",
        Some(line_of_second_slug),
        "used twice",
    );
}

#[test]
fn duplicate_lesson_slug_in_a_module_is_rejected() {
    assert_rejected(
        |root| {
            fixtures::lesson(
                root,
                "public-intro",
                "01-basics",
                "03-what-is-a-gene",
                "Again",
                "Same slug.",
            )
        },
        "03-what-is-a-gene.md",
        None,
        "is used by both",
    );
}

#[test]
fn prerequisite_naming_a_missing_course_is_rejected() {
    assert_rejected(
        |root| {
            let path = root.join("cleanroom-basics/course.toml");
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(
                &path,
                text.replace("[\"public-intro\"]", "[\"no-such-course\"]"),
            )
            .expect("write");
        },
        "cleanroom-basics/course.toml",
        Some(11),
        "\"no-such-course\" is not a course",
    );
}

#[test]
fn unknown_coe_is_rejected_with_the_known_ones() {
    assert_rejected(
        |root| {
            let path = root.join("vector-safety/course.toml");
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(
                &path,
                text.replace("coe = \"coe-beta\"", "coe = \"coe-gamma\""),
            )
            .expect("write");
        },
        "vector-safety/course.toml",
        Some(4),
        "known: coe-alpha, coe-beta",
    );
}

#[test]
fn prerequisite_cycle_is_rejected() {
    assert_rejected(
        |root| {
            let path = root.join("public-intro/course.toml");
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(
                &path,
                text.replace(
                    "certificate = false",
                    "certificate = false\nprerequisites = [\"cleanroom-basics\"]",
                ),
            )
            .expect("write");
        },
        "course.toml",
        None,
        "cycle",
    );
}

#[test]
fn non_utf8_lesson_is_rejected() {
    assert_rejected(
        |root| {
            std::fs::write(
                root.join("public-intro/modules/01-basics/02-what-is-a-cell.md"),
                b"+++\ntitle = \"x\"\nminutes = 3\n+++\n\xff\xfe bad",
            )
            .expect("write")
        },
        "02-what-is-a-cell.md",
        Some(5),
        "not valid UTF-8",
    );
}

#[test]
fn a_bad_new_course_among_good_ones_imports_nothing() {
    let db = TestDb::new();
    let tree = standard_tree();
    import(&db, tree.path()).expect("valid tree imports");
    let before = snapshot(&mut db.connect());
    // One good new course and one broken one.
    fixtures::course(
        tree.path(),
        "good-new-course",
        "title = \"Good\"\nsummary = \"S\"\ndescription = \"D\"\ncoe = \"coe-alpha\"\naudience = \"clinicians\"\nlevel = \"advanced\"\nlanguage = \"en\"\ncertificate = false\n",
    );
    fixtures::lesson(
        tree.path(),
        "good-new-course",
        "01-module",
        "01-lesson",
        "Lesson",
        "Text",
    );
    fixtures::course(tree.path(), "broken-course", "title = \"Broken\"\n");
    let message = problems_of(import(&db, tree.path()));
    assert!(message.contains("broken-course/course.toml"), "{message}");
    assert!(!message.contains("good-new-course"), "{message}");
    assert_eq!(snapshot(&mut db.connect()), before);
}

#[test]
fn every_problem_is_reported_at_once() {
    let tree = standard_tree();
    fixtures::course(tree.path(), "broken-one", "title = \"Broken\"\n");
    fixtures::course(tree.path(), "broken-two", "title = 3\n");
    let problems = load_tree(tree.path()).expect_err("two broken courses");
    assert_eq!(problems.0.len(), 2, "{problems}");
}

#[test]
fn published_versions_are_immutable_in_the_database() {
    let db = TestDb::new();
    import(&db, standard_tree().path()).expect("import");
    let mut connection = db.connect();
    for statement in [
        "UPDATE course_versions SET title = 'Tampered'",
        "DELETE FROM course_versions",
        "UPDATE lessons SET body_markdown = 'Tampered'",
        "DELETE FROM lessons",
        "DELETE FROM course_modules",
        "DELETE FROM course_prerequisites",
        "INSERT INTO lessons (id, module_id, course_version_id, position, slug, title, minutes, required, body_markdown, body_html)
         SELECT gen_random_uuid(), module_id, course_version_id, 99, 'sneaked-in', 'Sneaked in', 1, true, 'x', 'x' FROM lessons LIMIT 1",
        "UPDATE audit_events SET reason = 'rewritten'",
        "DELETE FROM audit_events",
    ] {
        let error = diesel::sql_query(statement).execute(&mut connection).expect_err(statement);
        let text = error.to_string();
        assert!(text.contains("immutable") || text.contains("append-only"), "{statement}: {text}");
    }
}

#[test]
fn concurrent_imports_publish_each_version_once() {
    let db = TestDb::new();
    let tree = standard_tree();
    let path = tree.path().to_path_buf();
    let url = db.url.clone();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            let url = url.clone();
            std::thread::spawn(move || {
                use diesel::Connection;
                let mut connection = PgConnection::establish(&url).expect("connect");
                atmp_academy::course_files::import_directory(
                    &mut connection,
                    &path,
                    &crate::helpers::test_attachment_store(),
                    &indicatif::ProgressBar::hidden(),
                )
            })
        })
        .collect();
    let reports: Vec<_> = handles
        .into_iter()
        .map(|handle| handle.join().expect("thread").expect("import"))
        .collect();
    let published: usize = reports
        .iter()
        .map(|report| report.versions_published.len())
        .sum();
    assert_eq!(published, 3, "{reports:?}");
    assert_eq!(
        count(
            &mut db.connect(),
            "SELECT count(*) AS n FROM course_versions"
        ),
        3
    );
}

#[test]
fn import_command_prints_problems_and_fails() {
    let tree = standard_tree();
    fixtures::course(
        tree.path(),
        "broken-course",
        "title = \"Broken\"\nsumary = \"typo\"\n",
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_atmp-academy"))
        .arg("--courses-dir")
        .arg(tree.path())
        .args(["import", "--check"])
        .output()
        .expect("run the binary");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken-course/course.toml:2: unknown field `sumary`"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
}

#[test]
fn a_quiz_with_a_gift_error_names_the_file_and_line() {
    assert_rejected(
        |root| {
            write(
                root,
                "public-intro/modules/01-basics/module.toml",
                "title = \"Basics\"\n[assessment]\ntitle = \"Check\"\npass_mark_percent = 60\nquestions_per_attempt = 1\n",
            );
            write(
                root,
                "public-intro/modules/01-basics/quiz.gift",
                "::Q1::Fine?{T}\n\n::Q2::Broken {=yes ~no\n",
            );
        },
        "public-intro/modules/01-basics/quiz.gift",
        Some(3),
        "never closed",
    );
}

#[test]
fn an_attempt_cannot_draw_more_questions_than_the_bank_holds() {
    assert_rejected(
        |root| {
            write(
                root,
                "public-intro/modules/01-basics/module.toml",
                "title = \"Basics\"\n[assessment]\ntitle = \"Check\"\npass_mark_percent = 60\nquestions_per_attempt = 5\n",
            );
            write(
                root,
                "public-intro/modules/01-basics/quiz.gift",
                "::Q1::Fine?{T}\n\n::Q2::Also fine?{F}\n",
            );
        },
        "public-intro/modules/01-basics/module.toml",
        None,
        "quiz.gift has only 2 questions",
    );
}
