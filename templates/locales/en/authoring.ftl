# Authoring: the course editor (list of courses, a draft's overview, the
# lesson and question-bank editors, the version history and its list of
# changes). "Draft": the next version of a course while it is being written.

author-heading = Authoring
author-title-editing = Editing: { $title }
author-title-editing-lesson = Editing lesson: { $title }
# { $module } is the module's title.
author-title-assessment = Assessment: { $module }
# { $slug } is the course's address name, e.g. gmp-basics.
author-title-history = History of { $slug }

## The list of courses

author-courses-caption = Courses you can edit or review
author-column-course = Course
author-column-coe = CoE
author-column-managed = Managed
author-column-actions = Actions
# A course never published has no title yet; { $slug } is its address name.
author-course-unpublished = { $slug } (not yet published)
author-managed-files = from course files (read-only here)
author-managed-web = in the web editor
# Link to the editor; screen readers hear the course title after it.
author-edit = Edit
# Link to the version history; screen readers hear the course title after it.
author-history = History
author-no-courses = You have no courses to edit or review. Instructors and coordinators of a CoE see its courses here.
author-new-course = New course
author-owning-coe = Owning CoE
author-field-slug = Address name (optional; from the title if empty)
author-create-course = Create course

## A draft's overview

author-course-heading = Editing: { $title }
author-status-label = Status:
author-status-draft = Draft
author-status-in-review = In review
author-status-published = Published (no draft open)
author-version-history = Version history
author-start-explained = To change the course, start a new version: a draft copied from the published version, which learners do not see until it is reviewed and published.
author-start = Start a new version
# Followed by the reviewer's note.
author-sent-back = Sent back by the reviewer:
author-review = Review
author-review-explained = Check the draft below, then publish it as the next version, or send it back with what must change. Learners already enrolled keep their version.
author-approve = Approve and publish
author-review-note = What must change
author-send-back = Send back to draft
author-waits-for-review = This draft waits for review by an instructor or a coordinator of the CoE who did not write it; it cannot be edited meanwhile.
author-course-details = Course details
author-details = Details
author-field-title = Title
author-field-summary = Summary
author-field-description = Description (Markdown)
author-field-audience = Audience
author-field-level = Level
author-field-language = Language (code, e.g. en)
author-field-credits = Credits (optional)
# The unit of the credits (ECTS or CPD hours).
author-field-credit-unit = unit
# No credit unit chosen.
author-credit-unit-none = none
author-field-topics = Topics (comma-separated)
author-field-certificate = Completion gives a certificate
author-field-validity = Certificate valid for (months; empty: no expiry)
author-field-enrolment = Enrolment
author-enrolment-open = Open
author-enrolment-approval = By approval
author-field-retraining = This version requires retraining (holders of certificates from earlier versions must requalify)
author-field-change-note = Change note: what changed and why
author-field-change-note-required = Change note: what changed and why (required to submit)
author-save-details = Save details
author-modules-and-lessons = Modules and lessons
author-module-title = Module title
# Label of the module's summary field, next to its title.
author-module-summary = summary
author-save-module = Save module
# Buttons; screen readers hear the module's title after them.
author-module-up = Move module up
author-module-down = Move module down
author-module-delete = Delete module
# Link to the module's question bank; the assessment's title follows.
author-assessment = Assessment
author-assessment-none = Assessment (none)
# After a lesson's title in the list of lessons.
author-lesson-minutes = ({ $minutes } min)
author-lesson-minutes-optional = ({ $minutes } min, optional)
# Buttons that move or delete a lesson; screen readers hear its title after them.
author-lesson-up = Up
author-lesson-down = Down
author-lesson-delete = Delete
author-new-lesson-title = New lesson title
author-add-lesson = Add lesson
author-no-modules = No modules yet.
author-new-module-title = New module title
author-add-module = Add module
author-submit-heading = Submit for review
author-submit-explained = A second instructor or a coordinator of the CoE reviews the draft and publishes it.
author-submit = Submit for review

## The lesson editor

author-back-to-draft = Back to the draft
author-lesson-heading = Lesson: { $title }
author-lesson-preview-only = Preview only: not saved yet.
# Follows the reason why the text could not be saved.
author-lesson-text-kept = Your text is kept below: copy it before reloading.
author-lesson-legend = Lesson
author-field-minutes = Minutes
author-field-required = Required for completion
author-field-text = Text (Markdown)
author-preview = Preview
author-save = Save
author-files = Files
# After an attached file's name; { $type } is its file type (e.g. application/pdf),
# { $size } its size in kilobytes. Its address follows.
author-attachment-details = ({ $type }, { $size } KB): learners see it under the lesson. Its address after publication:
# Button; screen readers hear the file name after it.
author-attachment-remove = Remove
author-no-files = No files attached.
author-attach-label = Attach a PDF or an image (PNG, JPEG, GIF, WebP; at most 10 MB)
author-attach = Attach

## The question-bank editor

# { $module } is the module's title.
author-quiz-heading = Assessment of “{ $module }”
author-quiz-explained = Write the question bank in Moodle's GIFT format (or paste a GIFT export). Saving checks every question; an empty bank removes the assessment.
author-field-pass-mark = Pass mark (%)
author-field-questions-per-attempt = Questions per attempt
author-field-attempts = Attempts allowed (empty: unlimited)
author-field-time-limit = Time limit in minutes (empty: none)
author-field-gift = Question bank (GIFT)
author-save-assessment = Save assessment

## The version history

author-history-heading = Version history: { $slug }
author-version = Version { $number }
# { $date } is a date, { $publisher } the name of the person who published.
author-published-by = Published by { $publisher } on { $date }
author-published-from-files = Published by the course files import on { $date }
author-published = Published on { $date }
author-requires-retraining = requires retraining
# Followed by the author's change note.
author-change-note-why = Why:
author-no-versions = No version has been published yet.

## What changed between two versions. { $old } and { $new } are the values
## before and after; { $module } and { $lesson } are titles.

author-change-first-version = First version
author-change-title = Title: “{ $old }” → “{ $new }”
author-change-summary = Summary: “{ $old }” → “{ $new }”
author-change-description = Description changed
author-change-audience = Audience: “{ $old }” → “{ $new }”
author-change-level = Level: “{ $old }” → “{ $new }”
author-change-language = Language: “{ $old }” → “{ $new }”
author-change-credits = Credits: “{ $old }” → “{ $new }”
# A course without credits, as a value of author-change-credits.
author-change-credits-none = none
author-change-tags = Tags: “{ $old }” → “{ $new }”
author-change-prerequisites = Prerequisites: “{ $old }” → “{ $new }”
author-change-certificate = Certificate: “{ $old }” → “{ $new }”
# Values of author-change-certificate.
author-change-certificate-none = no certificate
author-change-certificate-no-expiry = certificate, no expiry
author-change-certificate-months = certificate valid { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
author-change-enrolment = Enrolment: “{ $old }” → “{ $new }”
author-change-module-added = Module “{ $module }” added with { $count ->
        [one] { $count } lesson
       *[other] { $count } lessons
    }
author-change-module-removed = Module “{ $module }” removed
author-change-modules-reordered = Modules reordered
author-change-module-title = Module “{ $module }”: title: “{ $old }” → “{ $new }”
author-change-module-summary = Module “{ $module }”: summary: “{ $old }” → “{ $new }”
author-change-assessment-added = Module “{ $module }”: assessment added
author-change-assessment-removed = Module “{ $module }”: assessment removed
author-change-assessment-settings = Module “{ $module }”: assessment settings changed
author-change-question-bank = Module “{ $module }”: question bank changed
author-change-lesson-added = Module “{ $module }”: lesson “{ $lesson }” added
author-change-lesson-removed = Module “{ $module }”: lesson “{ $lesson }” removed
author-change-lessons-reordered = Module “{ $module }”: lessons reordered
author-change-lesson-title = Module “{ $module }”, lesson “{ $lesson }”: title: “{ $old }” → “{ $new }”
author-change-lesson-minutes = Module “{ $module }”, lesson “{ $lesson }”: minutes: “{ $old }” → “{ $new }”
author-change-lesson-now-required = Module “{ $module }”, lesson “{ $lesson }”: now required
author-change-lesson-now-optional = Module “{ $module }”, lesson “{ $lesson }”: now optional
author-change-lesson-text = Module “{ $module }”, lesson “{ $lesson }”: text changed
