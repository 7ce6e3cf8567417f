# The emails: subject lines and bodies (text and HTML versions share the
# messages). Names, course and certificate titles, codes, places, dates
# and email addresses come in as variables and are not translated.
# The emails end with the site name (site-name in shell.ftl).

# The greeting at the top of every email; { $name } is the person's name.
email-greeting = Hello { $name },
# The greeting of the sign-in email (the person's name is not known).
email-greeting-anonymous = Hello,

## Subject lines

email-subject-enrolment-confirmed = You are enrolled: { $course }
# To a coordinator who must approve or decline an enrolment request.
email-subject-approval-requested = Enrolment request to review: { $course }
email-subject-approval-approved = Your place is confirmed: { $course }
email-subject-approval-declined = Your enrolment request was declined: { $course }
# { $session } is the title of a hands-on training session.
email-subject-waitlist-promoted = A place is yours: { $session }
# Sent the day before a hands-on training session.
email-subject-session-reminder = Tomorrow: { $session }
email-subject-course-completed = Course completed: { $course }
email-subject-certificate-issued = Your certificate: { $title }
# { $date } is the expiry date, already written out.
email-subject-certificate-expiring = Your certificate expires on { $date }: { $title }
# The one-time code for signing a controlled document (e.g. an SOP).
email-subject-signature-code = Your signature code
# A new version of the course requires everyone certified on an older one to train again.
email-subject-retraining-required = Retraining required: { $title }
email-subject-sign-in-link = Your ATMP Academy sign-in link

## Enrolment confirmed

email-enrolment-confirmed-body = You are enrolled in “{ $course }”.
# Link text.
email-enrolment-confirmed-link = Start or continue the course
# In the plain-text email, followed by the link on the next line.
email-enrolment-confirmed-here = Start or continue here:
# { $my_learning } is the name of the "My learning" page in the site's menu.
email-enrolment-confirmed-progress = Your progress is saved as you go; “{ $my_learning }” shows every course you take.

## Enrolment request (to the coordinator)

# { $learner } is a person's name, { $email } their email address.
email-approval-requested-body = { $learner } ({ $email }) asks for a place in “{ $course }”.
# Link text.
email-approval-requested-link = Approve or decline the request
# In the plain-text email, followed by the link on the next line.
email-approval-requested-here = Approve or decline the request here:

## Enrolment request decided

email-approval-approved-body = Your place in “{ $course }” is confirmed.
# Link text.
email-approval-approved-link = Start the course
# In the plain-text email, followed by the link on the next line.
email-approval-approved-here = Start here:
email-approval-declined-body = Your request for a place in “{ $course }” was declined.
# { $reason } is the coordinator's own text.
email-approval-declined-reason = The coordinator's reason: { $reason }
# In the plain-text email, followed by the link on the next line.
email-approval-declined-here = You can see the course and ask again here:
# Link text (several emails).
email-see-course = See the course

## Waiting list: a place became free

# { $starts_at } is the date and time, already written out; { $location } a place.
email-waitlist-promoted-body = A seat has become free and it is yours: “{ $session }”, { $starts_at }, at { $location }.
# Followed by a link (email-waitlist-promoted-give-up) or, in plain text, the address.
email-waitlist-promoted-cannot-come = If you can no longer come, please give up the place so the next person can have it:
# Link text.
email-waitlist-promoted-give-up = Give up the place

## Reminder the day before a session

# { $starts_at } is the date and time, already written out; { $location } a place.
email-session-reminder-body = A reminder: “{ $session }” is on { $starts_at }, at { $location }.
# Link text.
email-session-reminder-link = Details, or give up your place
# In the plain-text email, followed by the link on the next line.
email-session-reminder-here = Details, or to give up your place:

## Course completed

email-course-completed-body = Congratulations: you have completed “{ $course }”.

## Certificate issued

email-certificate-issued-body = Your certificate for “{ $title }” has been issued.
# Followed by the certificate's code.
email-certificate-code = Certificate code:
# { $date } is the expiry date, already written out.
email-certificate-valid-until = Valid until: { $date }
email-certificate-no-expiry = It does not expire.
# Link text. Open Badges is the name of a standard for digital credentials.
email-certificate-download-link = Download your certificate (PDF and Open Badges credential)
# In the plain-text email, followed by the link on the next line.
email-certificate-download-here = Download it (PDF and Open Badges credential):
# Followed by the address of the public verification page.
email-certificate-verify = Anyone can check it here, without an account:

## Certificate expiring

# { $date } is the expiry date, already written out; { $days } the number of days (60, 30 or 7).
email-certificate-expiring-body = Your certificate for “{ $title }” ({ $code }) expires on { $date }, { $days ->
        [one] in one day or less
       *[other] in { $days } days or less
    }.
# “Requalify” is the button on the certificate page: use its translation there.
email-certificate-expiring-requalify = To stay qualified, requalify before then: open the certificate and choose “Requalify”.
# Link text.
email-certificate-open = Open the certificate

## Retraining required (a new course version)

# { $version } is the version number of the course.
email-retraining-body = Version { $version } of “{ $title }” has been published and requires retraining of everyone certified on an earlier version.
# { $reason } is the author's own text.
email-retraining-reason = Why: { $reason }
# Link text.
email-retraining-requalify-link = Requalify from your certificate
# In the plain-text email, followed by the link on the next line.
email-retraining-requalify-here = Requalify from your certificate:
# Followed by the address of the course.
email-retraining-course = The course:

## Sign-in link

email-sign-in-intro = Use this link to sign in to ATMP Academy:
# Link text.
email-sign-in-link = Sign in to ATMP Academy
email-sign-in-validity = The link works once, for { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }, in the browser where you asked for it.
email-sign-in-ignore = If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.

## Signature code (signing a controlled document as read and understood)

# { $id } is the document's identifier (e.g. SOP-QA-012), { $version } its version, { $title } its title.
email-signature-code-intro = Your code to sign “{ $id } (version { $version }): { $title }” as read and understood:
email-signature-code-validity = It is valid for { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }. If you did not ask to sign this document, ignore this email and tell your coordinator.
