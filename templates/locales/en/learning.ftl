# The public and learner pages: home, catalogue, course and lesson pages,
# the network and its Centres of Excellence, programmes, signing in and
# the profile. Course titles, lesson titles, CoE names and people's names
# come in as variables and are never translated.

## Course cards (home, catalogue, CoE pages) and the facts of a course

card-for = For
card-level = Level
card-study-time = Study time
card-credits = Credits
# A study time: { $hours } whole hours and { $minutes } minutes left over
# (0–59). "h" and "min" are the usual abbreviations.
card-duration = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
 }
# A course's credits: { $amount } is a number (may have decimals, e.g. 1.5);
# { $unit } is "ects", "cpd_hours" or empty.
card-credits-amount = { $unit ->
    [ects] { $amount } ECTS
    [cpd_hours] { $amount } CPD hours
   *[other] { $amount } credits
 }

## Syllabus (course page, lesson page)

# A module heading: its number and its title (in the course's language).
syllabus-module = Module { $position }: { $title }
# After a lesson's title in the syllabus.
syllabus-lesson-minutes = ({ $minutes } min)
syllabus-lesson-minutes-optional = ({ $minutes } min, optional)
# Followed by the title of the module's assessment.
syllabus-assessment = Assessment:

## Home page

home-heading = Learn advanced therapies with Europe's Centres of Excellence
home-lead = Shared courses on gene therapies, cell therapies and tissue-engineered products — for scientists, clinicians and GMP staff across the network, and open courses for patients and the public.
home-search-label = { $count ->
    [one] Search { $count } course
   *[other] Search { $count } courses
 }
home-search-placeholder = e.g. cleanroom grades, CAR-T, hospital exemption
home-search-button = Search
# Heading above the list of audiences (Public & patients, Scientists, …).
home-courses-for = Courses for
home-courses = Courses
home-all-courses = { $count ->
    [one] The only course in the catalogue
   *[other] All { $count } courses in the catalogue
 }
home-all-coes = { $count ->
    [one] The Centre of Excellence behind it
   *[other] The { $count } Centres of Excellence behind them
 }

## Course catalogue

catalogue-heading = Course catalogue
catalogue-filters = Search and filter courses
catalogue-search = Search
catalogue-audience = Audience
catalogue-any-audience = Any audience
catalogue-coe = Centre of Excellence
catalogue-any-coe = Any CoE
catalogue-topic = Topic
catalogue-any-topic = Any topic
catalogue-level = Level
catalogue-any-level = Any level
catalogue-language = Language
catalogue-any-language = Any language
catalogue-show-courses = Show courses
catalogue-clear-filters = Clear filters
# The results heading, e.g. "Showing 11–20 of 34 courses".
catalogue-showing = Showing { $first }–{ $last } of { $total } courses
catalogue-no-match = No courses match
catalogue-no-match-hint = Try fewer words or another spelling.
catalogue-clear-the-filters = Clear the filters
catalogue-pages = Pages of results
catalogue-previous-page = Previous page
catalogue-next-page = Next page
catalogue-page-of = Page { $page } of { $pages }

## Course page

course-breadcrumb = Breadcrumb
course-breadcrumb-courses = Courses
course-archived = This course has been archived: it is no longer open for new learners.
course-about = About this course
course-before-you-start = Before you start
# Followed by a list of the courses this one builds on.
course-builds-on = This course builds on:
course-syllabus = Syllabus
course-lessons-public = Everyone can read these lessons, without an account.
course-lessons-sign-in = Sign in with your institution's account or an email link to study the lessons.
course-your-place = Your place
# { $version } is the number of the course version the learner is enrolled in.
course-enrolled-version = You are enrolled (version { $version }).
course-progress = Progress
# A button; { $lesson } is the title of the next lesson.
course-continue-lesson = Continue: { $lesson }
course-start-lesson = Start: { $lesson }
# { $assessments } is a comma-separated list of assessment titles.
course-still-to-pass = Still to pass: { $assessments }.
course-withdraw = Withdraw from the course
course-pending = Your request for a place is waiting for the coordinator's decision. You will get an email.
course-withdraw-request = Withdraw the request
course-completed = You completed this course.
course-completed-on = You completed this course on { $date }.
course-withdrawn = You withdrew from this course.
course-declined = Your last request for a place was declined.
course-enrol-again = Enrol again
course-ask-for-place = Ask for a place
course-enrol = Enrol
course-sign-in-to-enrol = Sign in to enrol
course-at-a-glance = At a glance
course-fact-offered-by = Offered by
course-fact-language = Language
# { $duration } is a study time such as "2 h 15 min".
course-study-time = { $count ->
    [one] { $duration } in { $count } lesson
   *[other] { $duration } in { $count } lessons
 }
course-fact-certificate = Certificate
course-certificate-yes = Yes
course-certificate-no = No
course-certificate-valid = { $months ->
    [one] Yes, valid { $months } month
   *[other] Yes, valid { $months } months
 }
course-fact-enrolment = Enrolment
course-fact-version = Version
# { $version } is a version number, { $date } a date.
course-version-published = { $version }, published { $date }
course-sessions = Hands-on sessions
course-session-seats = { $seats ->
    [one] { $left } of { $seats } seat free
   *[other] { $left } of { $seats } seats free
 }
course-session-booked = You are booked.
course-session-waitlisted = You are on the waitlist.
course-session-give-up = Give up my place
course-session-book = Book a seat
course-session-join-waitlist = Join the waitlist
course-topics = Topics

## Lesson page and the page asking to sign in or enrol

# The browser tab of a lesson a visitor may not read; { $course } is its title.
lesson-title-sign-in-to-study = Sign in to study { $course }
lesson-title-enrol-to-study = Enrol to study { $course }
lesson-minutes = { $minutes ->
    [one] About { $minutes } minute
   *[other] About { $minutes } minutes
 }
lesson-position = lesson { $position } of { $count }
lesson-optional = optional
# { $document } is a document id such as SOP-QA-012, { $version } its version.
lesson-controlled-document = Controlled document { $document }, version { $version }
# { $name } is the signer's name, { $moment } a date and time.
lesson-signed = Signed as read and understood by { $name } on { $moment } (version { $version }).
lesson-signature-code = The code from the email we sent you
lesson-signature-statement = By signing, you state that you have read and understood version { $version } of this document. Your name, the time and the version are recorded.
lesson-sign = Sign: read and understood
lesson-signature-explained = When you have read the document, sign it as read and understood. We email you a one-time code to confirm it is you.
lesson-email-code = Email me a code to sign
# A link to the sign-in page.
lesson-sign-in-to-sign = Sign in to sign this document
lesson-files = Files
# After a file's name; { $size } is in kilobytes.
lesson-file-size = ({ $size } KB)
lesson-file-image-size = (image, { $size } KB)
lesson-completed = You have completed this lesson.
lesson-mark-complete = Mark as complete
lesson-mark-complete-continue = Mark as complete and continue
lesson-pager = Lessons
lesson-back-to-course = Back to the course
lesson-enrol-to-study = Enrol to study this lesson
lesson-for-enrolled-learners = The lessons of { $course } are for learners enrolled in the course.
lesson-go-to-course-to-enrol = Go to the course to enrol
lesson-sign-in-to-study = Sign in to study this lesson
lesson-for-signed-in-learners = The lessons of { $course } are for signed-in learners of the network. Lessons of the open courses for the public and patients need no account.
lesson-sign-in-to-continue = Sign in to continue
lesson-what-course-covers = What this course covers
lesson-back-to-course-page = Back to the course page

## The network and one Centre of Excellence

network-heading = The network's Centres of Excellence
network-lead = Each Centre of Excellence brings its own expertise and facilities, and teaches what it knows best.
network-expertise = Expertise
coe-breadcrumb-network = The network
coe-facilities = Facilities
coe-no-facilities = No facilities are listed yet.
coe-courses = Courses
coe-no-courses = This Centre offers no courses yet.
# Kinds of facility, shown after a facility's name.
coe-facility-gmp_suite = GMP manufacturing suite
coe-facility-vector_core = Viral vector core
coe-facility-clinical_trial_unit = Clinical trial unit
coe-facility-laboratory = Laboratory
coe-facility-training_centre = Training centre
coe-facility-other = Other facility

## Programmes

programme-list-heading = Programmes
programme-list-intro = Curricula that combine courses from several Centres of Excellence. Completing every required course (or a course recognised as equivalent) and the electives asked for earns a programme certificate.
# { $credits } is a sum such as "3.5 ECTS + 8 CPD hours".
programme-list-required-credits = Required courses: { $credits }
programme-list-none = No programme is offered yet.
programme-required-credits = Required courses carry { $credits }.
programme-completed-on = Completed on { $date }.
# A link to the certificates page, after "Completed on …".
programme-certificate-link = See your programme certificate
# The caption of the table of a programme's courses.
programme-courses = Courses
programme-courses-electives = { $count ->
    [one] Courses ({ $count } elective needed)
   *[other] Courses ({ $count } electives needed)
 }
programme-column-course = Course
programme-column-offered-by = Offered by
programme-column-track = Track
programme-column-credits = Credits
# The column with the signed-in person's progress.
programme-column-you = You
programme-track-required = Required
programme-track-elective = Elective
programme-done = Done
# { $course } is the short name (slug) of the equivalent course.
programme-done-through = Done (through the equivalent course { $course })
programme-not-yet = Not yet
programme-enrol-explained = Enrolling enrols you in the required courses you have not completed, as each course allows (some need a coordinator's approval).
programme-enrol = Enrol in this programme
programme-enrolled = You are enrolled; your progress is shown above.
# A link to the sign-in page.
programme-sign-in-to-enrol = Sign in to enrol and follow your progress

## Signing in

login-heading = Sign in
login-institution-heading = With your institution
login-institution-intro = Use the account of your university, hospital or company.
login-find-institution = Find your institution
login-find = Find
# After an institution's name; { $provider } is the sign-in service.
login-via = via { $provider }
login-no-institution-matches = No institution matches. Try another name, or sign in with an email link.
login-no-institutions = No institution has institutional sign-in set up yet: use an email link.
login-choose-service = Or choose a sign-in service
login-email-heading = With an email link
login-email-intro = For patients, the public and anyone without an institutional account. We email you a link that signs you in; no password needed.
login-email-address = Email address
login-email-send = Email me a sign-in link
login-check-email-heading = Check your email
login-check-email-sent = { $minutes ->
    [one] If the address you entered can receive email, a sign-in link is on its way. It works once, for { $minutes } minute, in this browser.
   *[other] If the address you entered can receive email, a sign-in link is on its way. It works once, for { $minutes } minutes, in this browser.
 }
login-check-email-nothing-arrived = Nothing arrived? Check your spam folder.
login-check-email-another-link = Ask for another link
login-confirm-heading = Sign in to ATMP Academy
login-confirm-intro = You followed a sign-in link. Press the button to finish signing in.
login-confirm-button = Sign in

## Profile

profile-heading = Your profile
profile-deletion-requested = You asked for your account to be deleted on { $date }. An administrator will delete it after checking which training records must be kept.
profile-name = Name
profile-email = Email
profile-institution = Home institution
profile-no-institution = None recorded
profile-language = Language
# The interface language when the person has not chosen one.
profile-language-browser = As my browser says
profile-member-since = Member since
profile-sign-in-services = Sign-in services
profile-email-link = Email link
profile-language-heading = Language of the site
profile-language-explained = Menus, buttons and the emails we send you use this language. Courses stay in the language they were written in.
profile-language-label = Show the site in
profile-language-save = Save the language
profile-roles = Roles
# After a role held for one course; { $course } is the course's id.
profile-role-course = course { $course }
profile-your-data = Your data
profile-download-data = Download all your data (JSON)
profile-deletion-explained = You can ask for your account to be deleted. Training records that regulations require us to keep are retained for their retention period.
profile-deletion-button = Ask for my account to be deleted
