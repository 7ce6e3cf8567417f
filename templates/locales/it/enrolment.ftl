# Enrolment: "My learning", the coordinators' page (requests, enrolled
# learners, cohort upload, hands-on sessions) and a session's bookings.

## My learning (pages/learning)

learning-heading = Il mio apprendimento
# Followed by a link to the certificates page.
learning-certificates-note = I certificati che ha conseguito hanno una pagina dedicata:
learning-certificates-link = I miei certificati
learning-version = Versione { $version }
learning-status-active = In corso
learning-status-pending = In attesa di approvazione
learning-status-completed = Completato
learning-status-completed-on = Completato il { $date }
learning-status-withdrawn = Ritirato
learning-status-declined = Richiesta respinta
# After the status: the date the coordinator wants the course finished by.
learning-due = scadenza il { $date }
learning-progress = Avanzamento
# How much of the course is done, e.g. "50%".
learning-percent = { $percent } %
# Followed by the title of the next lesson.
learning-next = Prossima:
learning-empty = Non è ancora iscritto ad alcun corso.
learning-browse = Sfogli il catalogo

## Coordinating a Centre of Excellence (pages/coordinate)

# The browser tab; { $coe } is the name of a Centre of Excellence.
coordinate-title = Coordinamento { $coe }
coordinate-heading = Coordinamento: { $coe }
coordinate-matrix-link = Matrice di formazione
coordinate-reports-link = Rapporti
coordinate-pending-heading = Richieste di posto
coordinate-pending-caption = In attesa di decisione, dalla più vecchia
coordinate-column-learner = Discente
coordinate-column-course = Corso
coordinate-column-asked-on = Richiesta il
coordinate-column-decision = Decisione
coordinate-decline-reason = Motivazione (necessaria per respingere)
coordinate-approve = Approva
coordinate-decline = Respingi
coordinate-no-pending = Nessuna richiesta in attesa.
coordinate-enrolled-heading = Discenti iscritti
coordinate-enrolled-caption = Iscrizioni attive, dalla più vecchia
coordinate-column-withdraw = Ritiro
coordinate-withdraw-reason = Motivazione (obbligatoria)
coordinate-withdraw = Ritira
coordinate-no-enrolled = Al momento nessuno è iscritto ai corsi di questo centro di eccellenza.

## Enrolling a cohort from a CSV file (pages/coordinate, pages/cohort_result)
# The CSV header "email,name,institution" stays in English: the file must use it.

cohort-form-heading = Iscrizione di una coorte
# Followed by the header line, "email,name,institution".
cohort-form-header = Un file CSV (UTF-8) con questa riga di intestazione:
cohort-form-rules = L’istituzione (nome o nome breve) può essere vuota. Ogni riga viene prima controllata: se una riga presenta un problema, nessuno viene iscritto e ogni problema viene elencato con la sua riga.
cohort-form-course = Corso
cohort-form-due = Data di scadenza (facoltativa)
cohort-form-file = File CSV
cohort-form-submit = Iscrivi la coorte
# { $course } is the course's slug (the short name in its address).
cohort-result-heading = Iscrizione di una coorte: { $course }
cohort-result-enrolled = { $enrolled ->
        [one] { $enrolled } discente iscritto
       *[other] { $enrolled } discenti iscritti
    } ({ $created ->
        [one] { $created } nuovo account
       *[other] { $created } nuovi account
    }).
# { $lines } lists line numbers of the file, e.g. "3, 7".
cohort-result-already-enrolled = { $count ->
        [one] Già iscritto, lasciato invariato: riga { $lines }.
       *[other] Già iscritti, lasciati invariati: righe { $lines }.
    }
cohort-result-problems-caption = Righe da correggere (la riga 1 è l’intestazione)
cohort-result-column-line = Riga
cohort-result-column-problem = Problema
cohort-result-back = Torna al coordinamento
cohort-rows-have-problems = { $count ->
        [one] { $count } riga presenta un problema; nessuno è stato iscritto.
       *[other] { $count } righe presentano problemi; nessuno è stato iscritto.
    }
# Problems with the whole file.
cohort-file-too-large = Il file supera { $megabytes } MB: suddivida la coorte in più file.
cohort-file-not-utf8 = Il file non è testo UTF-8 (primo byte non valido alla posizione { $offset }): lo salvi come «CSV UTF-8».
# { $error } is a technical description, in English.
cohort-file-header-unreadable = La riga di intestazione non è leggibile: { $error }.
cohort-file-wrong-header = La prima riga deve essere l’intestazione email,name,institution (trovata: { $found }).
cohort-file-too-many-rows = Il file ha più di { $rows } righe: lo suddivida.
cohort-file-no-learners = Il file ha un’intestazione ma nessun discente.
cohort-file-no-course = Non esiste alcun corso «{ $course }».
cohort-file-account-race = Riga { $line }: l’account di { $email } è stato creato nel frattempo; riprovi.
# Problems with one row (shown next to its line number).
cohort-problem-unreadable-row = la riga non è leggibile: { $error }
cohort-problem-field-count = attesi 3 campi (email, name, institution), trovati { $count }
cohort-problem-not-an-email = «{ $value }» non è un indirizzo e-mail
cohort-problem-name-length = il nome deve avere da 1 a 200 caratteri
cohort-problem-duplicate = { $email } è già presente alla riga { $first }
cohort-problem-unknown-institution = istituzione sconosciuta «{ $institution }» (usi un nome o un nome breve dell’elenco della rete)
# { $reason } is the enrolment rules' reason, in English.
cohort-problem-not-enrolled = iscrizione impossibile: { $reason }

## Hands-on sessions (pages/coordinate, pages/session)

session-form-heading = Programmazione di una sessione pratica
session-form-course = Corso
session-form-title = Titolo
session-form-location = Luogo (struttura, sala)
session-form-starts = Inizio (UTC)
session-form-ends = Fine (UTC)
session-form-seats = Posti
session-form-submit = Programma
session-seats = { $count ->
        [one] { $count } posto
       *[other] { $count } posti
    }
session-bookings-caption = Posti, nell’ordine delle richieste
session-column-learner = Discente
session-column-status = Stato
session-column-attendance = Presenza
session-booking-status = { $status ->
        [booked] prenotato
        [waitlisted] in lista d’attesa
        [attended] presente
        [absent] assente
       *[cancelled] annullato
    }
session-attended = Presente
session-absent = Assente
session-no-bookings = Nessuno ha ancora prenotato.
