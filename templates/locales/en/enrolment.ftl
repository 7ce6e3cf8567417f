# Enrolment: "My learning", the coordinators' page (requests, enrolled
# learners, cohort upload, hands-on sessions) and a session's bookings.

## My learning (pages/learning)

learning-heading = My learning
# Followed by a link to the certificates page.
learning-certificates-note = Certificates you have earned are on their own page:
learning-certificates-link = My certificates
learning-version = Version { $version }
learning-status-active = In progress
learning-status-pending = Waiting for approval
learning-status-completed = Completed
learning-status-completed-on = Completed on { $date }
learning-status-withdrawn = Withdrawn
learning-status-declined = Request declined
# After the status: the date the coordinator wants the course finished by.
learning-due = due { $date }
learning-progress = Progress
# How much of the course is done, e.g. "50%".
learning-percent = { $percent }%
# Followed by the title of the next lesson.
learning-next = Next:
learning-empty = You are not enrolled in any course yet.
learning-browse = Browse the catalogue

## Coordinating a Centre of Excellence (pages/coordinate)

# The browser tab; { $coe } is the name of a Centre of Excellence.
coordinate-title = Coordinate { $coe }
coordinate-heading = Coordinate: { $coe }
coordinate-matrix-link = Training matrix
coordinate-reports-link = Reports
coordinate-pending-heading = Requests for a place
coordinate-pending-caption = Waiting for a decision, oldest first
coordinate-column-learner = Learner
coordinate-column-course = Course
coordinate-column-asked-on = Asked on
coordinate-column-decision = Decision
coordinate-decline-reason = Reason (needed to decline)
coordinate-approve = Approve
coordinate-decline = Decline
coordinate-no-pending = No request is waiting.
coordinate-enrolled-heading = Enrolled learners
coordinate-enrolled-caption = Active enrolments, oldest first
coordinate-column-withdraw = Withdraw
coordinate-withdraw-reason = Reason (required)
coordinate-withdraw = Withdraw
coordinate-no-enrolled = Nobody is enrolled in this CoE's courses right now.

## Enrolling a cohort from a CSV file (pages/coordinate, pages/cohort_result)
# The CSV header "email,name,institution" stays in English: the file must use it.

cohort-form-heading = Enrol a cohort
# Followed by the header line, "email,name,institution".
cohort-form-header = A CSV file (UTF-8) with this header:
cohort-form-rules = The institution (name or slug) may be empty. Every row is checked first: if any row has a problem, nobody is enrolled and each problem is listed with its line.
cohort-form-course = Course
cohort-form-due = Due date (optional)
cohort-form-file = CSV file
cohort-form-submit = Enrol the cohort
# { $course } is the course's slug (the short name in its address).
cohort-result-heading = Cohort enrolment: { $course }
cohort-result-enrolled = { $enrolled ->
        [one] { $enrolled } learner enrolled
       *[other] { $enrolled } learners enrolled
    } ({ $created ->
        [one] { $created } new account
       *[other] { $created } new accounts
    }).
# { $lines } lists line numbers of the file, e.g. "3, 7".
cohort-result-already-enrolled = { $count ->
        [one] Already enrolled, left as they were: line { $lines }.
       *[other] Already enrolled, left as they were: lines { $lines }.
    }
cohort-result-problems-caption = Rows to correct (line 1 is the header)
cohort-result-column-line = Line
cohort-result-column-problem = Problem
cohort-result-back = Back to coordination
cohort-rows-have-problems = { $count ->
        [one] { $count } row has a problem; nobody was enrolled.
       *[other] { $count } rows have problems; nobody was enrolled.
    }
# Problems with the whole file.
cohort-file-too-large = The file is larger than { $megabytes } MB: split the cohort into several files.
cohort-file-not-utf8 = The file is not UTF-8 text (first bad byte at offset { $offset }): save it as "CSV UTF-8".
# { $error } is a technical description, in English.
cohort-file-header-unreadable = The header line cannot be read: { $error }.
cohort-file-wrong-header = The first line must be the header email,name,institution (found: { $found }).
cohort-file-too-many-rows = The file has more than { $rows } rows: split it.
cohort-file-no-learners = The file has a header but no learners.
cohort-file-no-course = There is no course "{ $course }".
cohort-file-account-race = Line { $line }: the account for { $email } appeared meanwhile; try again.
# Problems with one row (shown next to its line number).
cohort-problem-unreadable-row = the row cannot be read: { $error }
cohort-problem-field-count = expected 3 fields (email, name, institution), found { $count }
cohort-problem-not-an-email = "{ $value }" is not an email address
cohort-problem-name-length = the name must be 1 to 200 characters
cohort-problem-duplicate = { $email } is already on line { $first }
cohort-problem-unknown-institution = unknown institution "{ $institution }" (use a name or slug from the network list)
# { $reason } is the enrolment rules' reason, in English.
cohort-problem-not-enrolled = cannot be enrolled: { $reason }

## Hands-on sessions (pages/coordinate, pages/session)

session-form-heading = Schedule a hands-on session
session-form-course = Course
session-form-title = Title
session-form-location = Place (facility, room)
session-form-starts = Starts (UTC)
session-form-ends = Ends (UTC)
session-form-seats = Seats
session-form-submit = Schedule
session-seats = { $count ->
        [one] { $count } seat
       *[other] { $count } seats
    }
session-bookings-caption = Places, in the order they were asked for
session-column-learner = Learner
session-column-status = Status
session-column-attendance = Attendance
session-booking-status = { $status ->
        [booked] booked
        [waitlisted] waitlisted
        [attended] attended
        [absent] absent
       *[cancelled] cancelled
    }
session-attended = Attended
session-absent = Absent
session-no-bookings = Nobody has booked yet.
