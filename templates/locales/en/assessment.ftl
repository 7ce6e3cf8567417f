# Assessments: the overview of a module's assessment, an attempt and its
# result, the essay review queue, the GIFT check and regrading.

## The assessment overview (pages/assessment)

assessment-breadcrumb = Breadcrumb
assessment-back-to-course = Back to the course
assessment-questions = Questions
# { $count } questions are drawn from the module's question bank.
assessment-questions-drawn = { $count }, drawn at random for each attempt
assessment-pass-mark = Pass mark
# A percentage, e.g. a pass mark or a score: "60%".
assessment-percent = { $percent }%
assessment-attempts = Attempts
# The number of attempts allowed in total, and how many are left.
assessment-attempts-limited-left = { $total } in all, { $left } left
assessment-attempts-limited = { $total } in all
assessment-attempts-unlimited = Unlimited
assessment-time-limit = Time limit
assessment-time-limit-minutes = { $minutes ->
        [one] { $minutes } minute, counted by the server from the moment you start
       *[other] { $minutes } minutes, counted by the server from the moment you start
    }
assessment-time-limit-none = None
assessment-passed-note = You have passed this assessment.
assessment-continue = Continue your attempt
assessment-start = Start an attempt
assessment-no-attempts-left = You have used all your attempts.
assessment-your-attempts = Your attempts
assessment-column-attempt = Attempt
assessment-column-status = Status
assessment-column-score = Score
assessment-column-result = Result
assessment-attempt-number = Attempt { $number }
assessment-status-in-progress = In progress
assessment-status-awaiting-review = Waiting for an instructor
assessment-status-graded = Graded
assessment-result-passed = Passed
assessment-result-not-passed = Not passed

## An attempt and its result (pages/attempt)

# The browser tab: the assessment's title and the attempt's number.
attempt-title = { $title } — attempt { $number }
attempt-heading = { $title }: attempt { $number }
attempt-time-up = The time is up: submit the attempt to see your result. Answers given after the time limit are not counted.
# { $deadline } is a date and time, e.g. "5 June 2026, 14:30:00 UTC".
attempt-time-left = { $minutes ->
        [one] About { $minutes } minute left (the server closes the attempt at { $deadline }).
       *[other] About { $minutes } minutes left (the server closes the attempt at { $deadline }).
    }
attempt-question = Question { $number }
attempt-choose-all = Choose every answer that applies.
attempt-true = True
attempt-false = False
attempt-your-answer = Your answer
attempt-your-answer-number = Your answer (a number)
# The empty first choice of a drop-down list.
attempt-choose = Choose…
attempt-question-of = Question { $current } of { $total }
attempt-save-and-go-back = Save and go back
attempt-save-and-continue = Save and continue
attempt-submit = Submit for grading
attempt-save = Save my answers
attempt-submitted-awaiting-review = Submitted. An instructor still has to grade part of it; your result follows.
# Followed by the score in bold, e.g. "Your score: 80%".
attempt-your-score = Your score:
attempt-pass-mark = (pass mark { $percent }%).
attempt-passed = You passed.
attempt-not-passed = You did not pass this time.
# After "Question 3 — ": the share of the question's marks earned, e.g. "50%".
attempt-question-marks = { $marks } of its marks
attempt-question-awaiting-review = waiting for an instructor
# Followed by the learner's answer.
attempt-your-answer-was = Your answer:
# Followed by the instructor's comment on an essay.
attempt-instructor-comment = Your instructor:
# Followed by the right answer (True, False, a range, or text from the course).
attempt-correct-answer = Correct answer:
# The right answer of a numeric question: any number in a range.
attempt-answer-range = between { $min } and { $max }
attempt-back-to-assessment = Back to the assessment

## Essays to grade (pages/review)

review-heading = Essays to grade
review-submitted-on = Submitted { $date }
# Followed by the question's text.
review-question = Question:
review-mark = Mark (0–100 %)
review-comment = Comment for the learner
review-save-grade = Save the grade
review-nothing-waiting = No essay is waiting for you.

## Checking a GIFT question bank (pages/review, pages/gift_check)
# GIFT is the name of a file format for question banks (from Moodle): keep it.

gift-check-heading = Check a GIFT question bank
gift-check-intro = Upload a GIFT file to see its questions, or the line of the first problem.
# Followed by the address pattern of a module's question bank.
gift-check-download = A module's bank can be downloaded at:
# { $folder } is the name of a folder, "courses/".
gift-check-managed = Banks of courses managed from { $folder } change through those files.
gift-check-file = GIFT file
gift-check-submit = Check
gift-check-result-heading = GIFT check
gift-check-not-utf8 = The file is not UTF-8 text: save it as UTF-8.
# Followed by the problem, described in English.
gift-check-problem-on-line = The file has a problem on line { $line }:
gift-check-caption = Questions in the file
gift-check-column-line = Line
gift-check-column-type = Type
gift-check-column-question = Question
# The kind of a question in a GIFT file.
gift-check-type = { $type ->
        [description] Description
        [essay] Essay
        [true_false] True/false
        [single_choice] Single choice
        [multiple_choice] Multiple choice
        [short_answer] Short answer
        [matching] Matching
        [numeric] Numeric
       *[other] Other ({ $type })
    }
gift-check-back = Back

## Regrading after a question is fixed (pages/review, pages/regrade)

regrade-form-heading = Regrade after fixing a question
regrade-form-intro = After a corrected question is published in a new version of the course, grade the answers already given with the corrected question (matched by its title). Instructors' essay grades are kept. Every changed grade is recorded with your reason.
# A course's slug is the short name in its address, e.g. "cleanroom-basics".
regrade-course = Course (slug)
regrade-module = Module (slug)
regrade-reason = Reason
regrade-submit = Regrade
regrade-heading = Regrade: { $course } / { $module }
regrade-report = { $answers ->
        [one] { $answers } answer
       *[other] { $answers } answers
    } in { $attempts ->
        [one] { $attempts } attempt
       *[other] { $attempts } attempts
    } got a new grade.
regrade-unmatched = { $count ->
        [one] { $count } answer could not be matched to a question of the current version (questions need the same title).
       *[other] { $count } answers could not be matched to a question of the current version (questions need the same title).
    }
regrade-back = Back to grading
