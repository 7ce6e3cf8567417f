# The emails: subject lines and bodies (text and HTML versions share the
# messages). Names, course and certificate titles, codes, places, dates
# and email addresses come in as variables and are not translated.
# The emails end with the site name (site-name in shell.ftl).

# The greeting at the top of every email; { $name } is the person's name.
email-greeting = Guten Tag { $name },
# The greeting of the sign-in email (the person's name is not known).
email-greeting-anonymous = Guten Tag,

## Subject lines

email-subject-enrolment-confirmed = Sie sind eingeschrieben: { $course }
# To a coordinator who must approve or decline an enrolment request.
email-subject-approval-requested = Einschreibungsanfrage zur Bearbeitung: { $course }
email-subject-approval-approved = Ihr Platz ist bestätigt: { $course }
email-subject-approval-declined = Ihre Einschreibungsanfrage wurde abgelehnt: { $course }
# { $session } is the title of a hands-on training session.
email-subject-waitlist-promoted = Ein Platz ist für Sie frei geworden: { $session }
# Sent the day before a hands-on training session.
email-subject-session-reminder = Morgen: { $session }
email-subject-course-completed = Kurs abgeschlossen: { $course }
email-subject-certificate-issued = Ihr Zertifikat: { $title }
# { $date } is the expiry date, already written out.
email-subject-certificate-expiring = Ihr Zertifikat läuft am { $date } ab: { $title }
# The one-time code for signing a controlled document (e.g. an SOP).
email-subject-signature-code = Ihr Signaturcode
# A new version of the course requires everyone certified on an older one to train again.
email-subject-retraining-required = Nachschulung erforderlich: { $title }
email-subject-sign-in-link = Ihr Anmeldelink für ATMP Academy

## Enrolment confirmed

email-enrolment-confirmed-body = Sie sind in den Kurs „{ $course }“ eingeschrieben.
# Link text.
email-enrolment-confirmed-link = Kurs beginnen oder fortsetzen
# In the plain-text email, followed by the link on the next line.
email-enrolment-confirmed-here = Hier können Sie den Kurs beginnen oder fortsetzen:
# { $my_learning } is the name of the "My learning" page in the site's menu.
email-enrolment-confirmed-progress = Ihr Fortschritt wird laufend gespeichert; unter „{ $my_learning }“ finden Sie alle Ihre Kurse.

## Enrolment request (to the coordinator)

# { $learner } is a person's name, { $email } their email address.
email-approval-requested-body = { $learner } ({ $email }) bittet um einen Platz im Kurs „{ $course }“.
# Link text.
email-approval-requested-link = Anfrage annehmen oder ablehnen
# In the plain-text email, followed by the link on the next line.
email-approval-requested-here = Hier können Sie die Anfrage annehmen oder ablehnen:

## Enrolment request decided

email-approval-approved-body = Ihr Platz im Kurs „{ $course }“ ist bestätigt.
# Link text.
email-approval-approved-link = Kurs beginnen
# In the plain-text email, followed by the link on the next line.
email-approval-approved-here = Hier können Sie beginnen:
email-approval-declined-body = Ihre Anfrage für einen Platz im Kurs „{ $course }“ wurde abgelehnt.
# { $reason } is the coordinator's own text.
email-approval-declined-reason = Begründung der Koordination: { $reason }
# In the plain-text email, followed by the link on the next line.
email-approval-declined-here = Hier können Sie den Kurs ansehen und erneut anfragen:
# Link text (several emails).
email-see-course = Zum Kurs

## Waiting list: a place became free

# { $starts_at } is the date and time, already written out; { $location } a place.
email-waitlist-promoted-body = Ein Platz ist frei geworden und gehört Ihnen: „{ $session }“, { $starts_at }, Ort: { $location }.
# Followed by a link (email-waitlist-promoted-give-up) or, in plain text, the address.
email-waitlist-promoted-cannot-come = Falls Sie nicht mehr teilnehmen können, geben Sie den Platz bitte frei, damit die nächste Person ihn erhalten kann:
# Link text.
email-waitlist-promoted-give-up = Platz freigeben

## Reminder the day before a session

# { $starts_at } is the date and time, already written out; { $location } a place.
email-session-reminder-body = Zur Erinnerung: „{ $session }“ findet am { $starts_at } statt, Ort: { $location }.
# Link text.
email-session-reminder-link = Details ansehen oder Platz freigeben
# In the plain-text email, followed by the link on the next line.
email-session-reminder-here = Details ansehen oder Ihren Platz freigeben:

## Course completed

email-course-completed-body = Herzlichen Glückwunsch: Sie haben den Kurs „{ $course }“ abgeschlossen.

## Certificate issued

email-certificate-issued-body = Ihr Zertifikat für „{ $title }“ wurde ausgestellt.
# Followed by the certificate's code.
email-certificate-code = Zertifikatscode:
# { $date } is the expiry date, already written out.
email-certificate-valid-until = Gültig bis: { $date }
email-certificate-no-expiry = Es hat kein Ablaufdatum.
# Link text. Open Badges is the name of a standard for digital credentials.
email-certificate-download-link = Ihr Zertifikat herunterladen (PDF und Open-Badges-Nachweis)
# In the plain-text email, followed by the link on the next line.
email-certificate-download-here = Hier können Sie es herunterladen (PDF und Open-Badges-Nachweis):
# Followed by the address of the public verification page.
email-certificate-verify = Jede Person kann es hier ohne Konto prüfen:

## Certificate expiring

# { $date } is the expiry date, already written out; { $days } the number of days (60, 30 or 7).
email-certificate-expiring-body = Ihr Zertifikat für „{ $title }“ ({ $code }) läuft am { $date } ab, { $days ->
        [one] also in höchstens einem Tag
       *[other] also in höchstens { $days } Tagen
    }.
# “Requalify” is the button on the certificate page: use its translation there.
email-certificate-expiring-requalify = Um qualifiziert zu bleiben, qualifizieren Sie sich bitte vorher erneut: Öffnen Sie das Zertifikat und wählen Sie „Erneut qualifizieren“.
# Link text.
email-certificate-open = Zertifikat öffnen

## Retraining required (a new course version)

# { $version } is the version number of the course.
email-retraining-body = Version { $version } von „{ $title }“ wurde veröffentlicht und erfordert eine Nachschulung aller Personen, die auf einer früheren Version zertifiziert wurden.
# { $reason } is the author's own text.
email-retraining-reason = Grund: { $reason }
# Link text.
email-retraining-requalify-link = Über Ihr Zertifikat erneut qualifizieren
# In the plain-text email, followed by the link on the next line.
email-retraining-requalify-here = Qualifizieren Sie sich über Ihr Zertifikat erneut:
# Followed by the address of the course.
email-retraining-course = Der Kurs:

## Sign-in link

email-sign-in-intro = Mit diesem Link melden Sie sich bei ATMP Academy an:
# Link text.
email-sign-in-link = Bei ATMP Academy anmelden
email-sign-in-validity = Der Link funktioniert ein einziges Mal, { $minutes ->
        [one] eine Minute
       *[other] { $minutes } Minuten
    } lang, in dem Browser, in dem Sie ihn angefordert haben.
email-sign-in-ignore = Falls Sie keine Anmeldung angefordert haben, können Sie diese E-Mail ignorieren: Ohne den Link kann sich niemand anmelden.

## Signature code (signing a controlled document as read and understood)

# { $id } is the document's identifier (e.g. SOP-QA-012), { $version } its version, { $title } its title.
email-signature-code-intro = Ihr Code, um „{ $id } (Version { $version }): { $title }“ als gelesen und verstanden zu unterzeichnen:
email-signature-code-validity = Er ist { $minutes ->
        [one] eine Minute
       *[other] { $minutes } Minuten
    } gültig. Falls Sie nicht darum gebeten haben, dieses Dokument zu unterzeichnen, ignorieren Sie diese E-Mail und informieren Sie Ihre Koordinatorin oder Ihren Koordinator.
