# The emails: subject lines and bodies (text and HTML versions share the
# messages). Names, course and certificate titles, codes, places, dates
# and email addresses come in as variables and are not translated.
# The emails end with the site name (site-name in shell.ftl).

# The greeting at the top of every email; { $name } is the person's name.
email-greeting = Gentile { $name },
# The greeting of the sign-in email (the person's name is not known).
email-greeting-anonymous = Buongiorno,

## Subject lines

email-subject-enrolment-confirmed = Iscrizione confermata: { $course }
# To a coordinator who must approve or decline an enrolment request.
email-subject-approval-requested = Richiesta di iscrizione da esaminare: { $course }
email-subject-approval-approved = Il Suo posto è confermato: { $course }
email-subject-approval-declined = La Sua richiesta di iscrizione è stata respinta: { $course }
# { $session } is the title of a hands-on training session.
email-subject-waitlist-promoted = Un posto è disponibile per Lei: { $session }
# Sent the day before a hands-on training session.
email-subject-session-reminder = Domani: { $session }
email-subject-course-completed = Corso completato: { $course }
email-subject-certificate-issued = Il Suo certificato: { $title }
# { $date } is the expiry date, already written out.
email-subject-certificate-expiring = Il Suo certificato scade il { $date }: { $title }
# The one-time code for signing a controlled document (e.g. an SOP).
email-subject-signature-code = Il Suo codice di firma
# A new version of the course requires everyone certified on an older one to train again.
email-subject-retraining-required = Nuova formazione richiesta: { $title }
email-subject-sign-in-link = Il Suo link di accesso ad ATMP Academy

## Enrolment confirmed

email-enrolment-confirmed-body = La Sua iscrizione al corso «{ $course }» è confermata.
# Link text.
email-enrolment-confirmed-link = Iniziare o proseguire il corso
# In the plain-text email, followed by the link on the next line.
email-enrolment-confirmed-here = Può iniziare o proseguire il corso qui:
# { $my_learning } is the name of the "My learning" page in the site's menu.
email-enrolment-confirmed-progress = I Suoi progressi vengono salvati man mano; nella pagina «{ $my_learning }» trova tutti i Suoi corsi.

## Enrolment request (to the coordinator)

# { $learner } is a person's name, { $email } their email address.
email-approval-requested-body = { $learner } ({ $email }) chiede un posto nel corso «{ $course }».
# Link text.
email-approval-requested-link = Approvare o respingere la richiesta
# In the plain-text email, followed by the link on the next line.
email-approval-requested-here = Può approvare o respingere la richiesta qui:

## Enrolment request decided

email-approval-approved-body = Il Suo posto nel corso «{ $course }» è confermato.
# Link text.
email-approval-approved-link = Iniziare il corso
# In the plain-text email, followed by the link on the next line.
email-approval-approved-here = Può iniziare qui:
email-approval-declined-body = La Sua richiesta di un posto nel corso «{ $course }» è stata respinta.
# { $reason } is the coordinator's own text.
email-approval-declined-reason = Motivazione indicata dal coordinamento: { $reason }
# In the plain-text email, followed by the link on the next line.
email-approval-declined-here = Qui può consultare il corso e presentare una nuova richiesta:
# Link text (several emails).
email-see-course = Vai al corso

## Waiting list: a place became free

# { $starts_at } is the date and time, already written out; { $location } a place.
email-waitlist-promoted-body = Si è liberato un posto ed è Suo: «{ $session }», { $starts_at }, presso { $location }.
# Followed by a link (email-waitlist-promoted-give-up) or, in plain text, the address.
email-waitlist-promoted-cannot-come = Se non può più partecipare, La preghiamo di liberare il posto affinché possa averlo la persona successiva:
# Link text.
email-waitlist-promoted-give-up = Liberare il posto

## Reminder the day before a session

# { $starts_at } is the date and time, already written out; { $location } a place.
email-session-reminder-body = Promemoria: «{ $session }» si terrà il { $starts_at }, presso { $location }.
# Link text.
email-session-reminder-link = Dettagli, o liberare il Suo posto
# In the plain-text email, followed by the link on the next line.
email-session-reminder-here = Per i dettagli, o per liberare il Suo posto:

## Course completed

email-course-completed-body = Congratulazioni: ha completato il corso «{ $course }».

## Certificate issued

email-certificate-issued-body = Il Suo certificato per «{ $title }» è stato rilasciato.
# Followed by the certificate's code.
email-certificate-code = Codice del certificato:
# { $date } is the expiry date, already written out.
email-certificate-valid-until = Valido fino al { $date }
email-certificate-no-expiry = Non ha scadenza.
# Link text. Open Badges is the name of a standard for digital credentials.
email-certificate-download-link = Scaricare il Suo certificato (PDF e credenziale Open Badges)
# In the plain-text email, followed by the link on the next line.
email-certificate-download-here = Può scaricarlo qui (PDF e credenziale Open Badges):
# Followed by the address of the public verification page.
email-certificate-verify = Chiunque può verificarlo qui, senza un account:

## Certificate expiring

# { $date } is the expiry date, already written out; { $days } the number of days (60, 30 or 7).
email-certificate-expiring-body = Il Suo certificato per «{ $title }» ({ $code }) scade il { $date }, { $days ->
        [one] cioè entro un giorno
       *[other] cioè entro { $days } giorni
    }.
# “Requalify” is the button on the certificate page: use its translation there.
email-certificate-expiring-requalify = Per mantenere la qualifica, si riqualifichi prima di tale data: apra il certificato e scelga «Riqualificarsi».
# Link text.
email-certificate-open = Aprire il certificato

## Retraining required (a new course version)

# { $version } is the version number of the course.
email-retraining-body = È stata pubblicata la versione { $version } di «{ $title }», che richiede una nuova formazione di tutte le persone certificate su una versione precedente.
# { $reason } is the author's own text.
email-retraining-reason = Motivo: { $reason }
# Link text.
email-retraining-requalify-link = Riqualificarsi dal Suo certificato
# In the plain-text email, followed by the link on the next line.
email-retraining-requalify-here = Si riqualifichi dal Suo certificato:
# Followed by the address of the course.
email-retraining-course = Il corso:

## Sign-in link

email-sign-in-intro = Utilizzi questo link per accedere ad ATMP Academy:
# Link text.
email-sign-in-link = Accedere ad ATMP Academy
email-sign-in-validity = Il link funziona una sola volta, per { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    }, nel browser in cui lo ha richiesto.
email-sign-in-ignore = Se non ha richiesto l'accesso, può ignorare questa e-mail: nessuno può accedere senza il link.

## Signature code (signing a controlled document as read and understood)

# { $id } is the document's identifier (e.g. SOP-QA-012), { $version } its version, { $title } its title.
email-signature-code-intro = Il Suo codice per firmare «{ $id } (versione { $version }): { $title }» come letto e compreso:
email-signature-code-validity = È valido per { $minutes ->
        [one] un minuto
       *[other] { $minutes } minuti
    }. Se non ha chiesto di firmare questo documento, ignori questa e-mail e informi il Suo coordinatore o la Sua coordinatrice.
