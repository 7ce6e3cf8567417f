# GxP records: the audit trail, the training matrix (which role holders are
# qualified for their job roles) and the network reports.

## The audit trail

audit-heading = Audit trail
audit-explained = Every change to a training record or to the configuration, newest first. Entries are append-only and hash-chained.
# Followed by the command that checks the chain (not translated).
audit-verify = This command checks the chain:
audit-filter-label = Filter the audit trail
audit-field-actor = Person (email contains)
# The kind of record an entry is about (course, enrolment, certificate…).
audit-field-type = Record type
audit-field-id = Record id
# The action's stored name, or its beginning (e.g. "certificate.").
audit-field-action = Action (or its start)
audit-field-from = From (date)
audit-field-until = Until (date, inclusive)
audit-filter = Filter
audit-export-csv = Export as CSV
audit-caption = Entries (newest first)
audit-column-when = When (UTC)
audit-column-who = Who
audit-column-what = What
audit-column-record = Record
audit-column-old = Old value
audit-column-new = New value
audit-column-reason = Reason
audit-older = Older entries
audit-none = No entry matches.

## The training matrix

matrix-heading = Training matrix
matrix-back = Back to coordination
matrix-export-csv = Export as CSV
matrix-export-pdf = Export as PDF
matrix-states-intro = The states of a required course:
# The states of a requirement, shown in the matrix and explained above it.
matrix-state-current = current
matrix-state-due-soon = due soon
matrix-state-overdue = overdue
matrix-state-expired = expired
# { $days } is a number of days (30).
matrix-state-current-means = valid, more than { $days } days left
matrix-state-due-soon-means = expiring within { $days } days, or newly assigned and not yet done
matrix-state-overdue-means = assigned more than { $days } days ago and never done
matrix-state-expired-means = the certificate has expired
matrix-equivalents-count = Certificates of courses recognised as equivalent count.
matrix-caption = Role holders and their required courses, today
matrix-column-person = Person
matrix-column-role = Role
matrix-column-requirements = Requirements
matrix-column-qualified = Qualified
# After a requirement's state: the certificate's code and the date it expires.
matrix-evidence-until = ({ $code }, until { $date })
matrix-qualified-yes = Yes
matrix-qualified-no = No
matrix-no-holders = Nobody holds a role yet.
matrix-roles = Roles
matrix-no-roles = No roles yet.
matrix-new-role = New role
matrix-field-title = Title
matrix-field-courses = Required courses (slugs, separated by commas)
matrix-create-role = Create role
matrix-assign-heading = Give a person a role
matrix-field-role = Role
matrix-field-email = Email
matrix-assign = Assign

## Reports

reports-heading-network = Reports: the network
# { $coe } is the name of a Centre of Excellence.
reports-heading-coe = Reports: { $coe }
reports-export-csv = Export the monthly figures as CSV
reports-total-learners = Learners enrolled (ever)
reports-total-valid-certificates = Valid certificates
reports-total-expiring = Expiring within 90 days
reports-total-outreach = Outreach reach (learners of public courses)
reports-chart-enrolments = Enrolments per month
reports-chart-completions = Completions per month
reports-chart-pass-rate = Assessment pass rate per month (%)
reports-chart-certificates = Certificates issued per month
reports-chart-outreach = Outreach enrolments per month
# What a screen reader hears for one bar of a chart: { $month } is a month
# with its year (reports-month-year), { $value } a number (perhaps with %).
reports-chart-point = { $month }: { $value }
# A month and its year, e.g. "November 2026"; { $month } is one of month-1 … month-12.
reports-month-year = { $month } { $year }
# Short month names, written under a chart's bars (little room: at most 5 letters).
reports-month-short-1 = Jan
reports-month-short-2 = Feb
reports-month-short-3 = Mar
reports-month-short-4 = Apr
reports-month-short-5 = May
reports-month-short-6 = Jun
reports-month-short-7 = Jul
reports-month-short-8 = Aug
reports-month-short-9 = Sep
reports-month-short-10 = Oct
reports-month-short-11 = Nov
reports-month-short-12 = Dec
reports-months-caption = The last twelve months (UTC)
reports-column-month = Month
reports-column-enrolments = Enrolments
reports-column-completions = Completions
reports-column-graded = Graded attempts
reports-column-pass-rate = Pass rate
reports-column-certificates = Certificates issued
reports-column-outreach = Outreach enrolments
