# The emails: subject lines and bodies (text and HTML versions share the
# messages). Names, course and certificate titles, codes, places, dates
# and email addresses come in as variables and are not translated.
# The emails end with the site name (site-name in shell.ftl).

# The greeting at the top of every email; { $name } is the person's name.
email-greeting = Bonjour { $name },
# The greeting of the sign-in email (the person's name is not known).
email-greeting-anonymous = Bonjour,

## Subject lines

email-subject-enrolment-confirmed = Votre inscription est confirmée : { $course }
# To a coordinator who must approve or decline an enrolment request.
email-subject-approval-requested = Demande d'inscription à examiner : { $course }
email-subject-approval-approved = Votre place est confirmée : { $course }
email-subject-approval-declined = Votre demande d'inscription a été refusée : { $course }
# { $session } is the title of a hands-on training session.
email-subject-waitlist-promoted = Une place vous est attribuée : { $session }
# Sent the day before a hands-on training session.
email-subject-session-reminder = Demain : { $session }
email-subject-course-completed = Cours terminé : { $course }
email-subject-certificate-issued = Votre certificat : { $title }
# { $date } is the expiry date, already written out.
email-subject-certificate-expiring = Votre certificat expire le { $date } : { $title }
# The one-time code for signing a controlled document (e.g. an SOP).
email-subject-signature-code = Votre code de signature
# A new version of the course requires everyone certified on an older one to train again.
email-subject-retraining-required = Nouvelle formation requise : { $title }
email-subject-sign-in-link = Votre lien de connexion à ATMP Academy

## Enrolment confirmed

email-enrolment-confirmed-body = Votre inscription au cours « { $course } » est confirmée.
# Link text.
email-enrolment-confirmed-link = Commencer ou poursuivre le cours
# In the plain-text email, followed by the link on the next line.
email-enrolment-confirmed-here = Commencez ou poursuivez le cours ici :
# { $my_learning } is the name of the "My learning" page in the site's menu.
email-enrolment-confirmed-progress = Votre progression est enregistrée au fur et à mesure ; la page « { $my_learning } » présente tous vos cours.

## Enrolment request (to the coordinator)

# { $learner } is a person's name, { $email } their email address.
email-approval-requested-body = { $learner } ({ $email }) demande une place dans le cours « { $course } ».
# Link text.
email-approval-requested-link = Accepter ou refuser la demande
# In the plain-text email, followed by the link on the next line.
email-approval-requested-here = Acceptez ou refusez la demande ici :

## Enrolment request decided

email-approval-approved-body = Votre place dans le cours « { $course } » est confirmée.
# Link text.
email-approval-approved-link = Commencer le cours
# In the plain-text email, followed by the link on the next line.
email-approval-approved-here = Commencez ici :
email-approval-declined-body = Votre demande de place dans le cours « { $course } » a été refusée.
# { $reason } is the coordinator's own text.
email-approval-declined-reason = Motif indiqué par la coordination : { $reason }
# In the plain-text email, followed by the link on the next line.
email-approval-declined-here = Vous pouvez consulter le cours et renouveler votre demande ici :
# Link text (several emails).
email-see-course = Voir le cours

## Waiting list: a place became free

# { $starts_at } is the date and time, already written out; { $location } a place.
email-waitlist-promoted-body = Une place s'est libérée et elle vous est attribuée : « { $session } », { $starts_at }, lieu : { $location }.
# Followed by a link (email-waitlist-promoted-give-up) or, in plain text, the address.
email-waitlist-promoted-cannot-come = Si vous ne pouvez plus venir, veuillez libérer la place afin que la personne suivante puisse en bénéficier :
# Link text.
email-waitlist-promoted-give-up = Libérer la place

## Reminder the day before a session

# { $starts_at } is the date and time, already written out; { $location } a place.
email-session-reminder-body = Pour rappel : « { $session } » a lieu le { $starts_at }, lieu : { $location }.
# Link text.
email-session-reminder-link = Détails, ou libérer votre place
# In the plain-text email, followed by the link on the next line.
email-session-reminder-here = Pour les détails, ou pour libérer votre place :

## Course completed

email-course-completed-body = Félicitations : vous avez terminé le cours « { $course } ».

## Certificate issued

email-certificate-issued-body = Votre certificat pour « { $title } » a été délivré.
# Followed by the certificate's code.
email-certificate-code = Code du certificat :
# { $date } is the expiry date, already written out.
email-certificate-valid-until = Valable jusqu'au { $date }
email-certificate-no-expiry = Il n'a pas de date d'expiration.
# Link text. Open Badges is the name of a standard for digital credentials.
email-certificate-download-link = Télécharger votre certificat (PDF et attestation Open Badges)
# In the plain-text email, followed by the link on the next line.
email-certificate-download-here = Téléchargez-le (PDF et attestation Open Badges) :
# Followed by the address of the public verification page.
email-certificate-verify = Toute personne peut le vérifier ici, sans compte :

## Certificate expiring

# { $date } is the expiry date, already written out; { $days } the number of days (60, 30 or 7).
email-certificate-expiring-body = Votre certificat pour « { $title } » ({ $code }) expire le { $date }, soit { $days ->
        [one] dans un jour au plus
       *[other] dans { $days } jours au plus
    }.
# “Requalify” is the button on the certificate page: use its translation there.
email-certificate-expiring-requalify = Pour conserver votre qualification, requalifiez-vous avant cette date : ouvrez le certificat et choisissez « Se requalifier ».
# Link text.
email-certificate-open = Ouvrir le certificat

## Retraining required (a new course version)

# { $version } is the version number of the course.
email-retraining-body = La version { $version } de « { $title } » a été publiée et exige une nouvelle formation de toutes les personnes certifiées sur une version antérieure.
# { $reason } is the author's own text.
email-retraining-reason = Motif : { $reason }
# Link text.
email-retraining-requalify-link = Vous requalifier depuis votre certificat
# In the plain-text email, followed by the link on the next line.
email-retraining-requalify-here = Requalifiez-vous depuis votre certificat :
# Followed by the address of the course.
email-retraining-course = Le cours :

## Sign-in link

email-sign-in-intro = Utilisez ce lien pour vous connecter à ATMP Academy :
# Link text.
email-sign-in-link = Se connecter à ATMP Academy
email-sign-in-validity = Le lien fonctionne une seule fois, pendant { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }, dans le navigateur où vous l'avez demandé.
email-sign-in-ignore = Si vous n'avez pas demandé à vous connecter, vous pouvez ignorer cet e-mail : personne ne peut se connecter sans le lien.

## Signature code (signing a controlled document as read and understood)

# { $id } is the document's identifier (e.g. SOP-QA-012), { $version } its version, { $title } its title.
email-signature-code-intro = Votre code pour signer « { $id } (version { $version }) : { $title } » comme lu et compris :
email-signature-code-validity = Il est valable { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }. Si vous n'avez pas demandé à signer ce document, ignorez cet e-mail et prévenez votre coordinateur ou coordinatrice.
