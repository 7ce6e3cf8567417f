# The public and learner pages: home, catalogue, course and lesson pages,
# the network and its Centres of Excellence, programmes, signing in and
# the profile. Course titles, lesson titles, CoE names and people's names
# come in as variables and are never translated.

## Course cards (home, catalogue, CoE pages) and the facts of a course

card-for = Per
card-level = Livello
card-study-time = Tempo di studio
card-credits = Crediti
# A study time: { $hours } whole hours and { $minutes } minutes left over
# (0–59). "h" and "min" are the usual abbreviations.
# Same as English: the same word (or name, or abbreviation) in this language.
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
    [cpd_hours] { $amount } ore di CPD
   *[other] { $amount } crediti
 }

## Syllabus (course page, lesson page)

# A module heading: its number and its title (in the course's language).
syllabus-module = Modulo { $position }: { $title }
# After a lesson's title in the syllabus.
# Same as English: the same word (or name, or abbreviation) in this language.
syllabus-lesson-minutes = ({ $minutes } min)
syllabus-lesson-minutes-optional = ({ $minutes } min, facoltativa)
# Followed by the title of the module's assessment.
syllabus-assessment = Valutazione:

## Home page

home-heading = Impari le terapie avanzate con i centri di eccellenza europei
home-lead = Corsi condivisi su terapie geniche, terapie cellulari e prodotti di ingegneria tissutale — per ricercatori, clinici e personale GMP di tutta la rete, e corsi aperti per pazienti e pubblico.
home-search-label = { $count ->
    [one] Cerchi tra { $count } corso
   *[other] Cerchi tra { $count } corsi
 }
home-search-placeholder = ad es. classi di camere bianche, CAR-T, esenzione ospedaliera
home-search-button = Cercare
# Heading above the list of audiences (Public & patients, Scientists, …).
home-courses-for = Corsi per
home-courses = Corsi
home-all-courses = { $count ->
    [one] L'unico corso del catalogo
   *[other] Tutti i { $count } corsi del catalogo
 }
home-all-coes = { $count ->
    [one] Il centro di eccellenza che lo offre
   *[other] I { $count } centri di eccellenza che li offrono
 }

## Course catalogue

catalogue-heading = Catalogo dei corsi
catalogue-filters = Cerca e filtra i corsi
catalogue-search = Cerca
catalogue-audience = Destinatari
catalogue-any-audience = Tutti i destinatari
catalogue-coe = Centro di eccellenza
catalogue-any-coe = Tutti i centri
catalogue-topic = Argomento
catalogue-any-topic = Tutti gli argomenti
catalogue-level = Livello
catalogue-any-level = Tutti i livelli
catalogue-language = Lingua
catalogue-any-language = Tutte le lingue
catalogue-show-courses = Mostrare i corsi
catalogue-clear-filters = Cancellare i filtri
# The results heading, e.g. "Showing 11–20 of 34 courses".
catalogue-showing = Corsi { $first }–{ $last } di { $total }
catalogue-no-match = Nessun corso corrisponde
catalogue-no-match-hint = Provi con meno parole o con un'altra grafia.
catalogue-clear-the-filters = Cancellare i filtri
catalogue-pages = Pagine dei risultati
catalogue-previous-page = Pagina precedente
catalogue-next-page = Pagina successiva
catalogue-page-of = Pagina { $page } di { $pages }

## Course page

course-breadcrumb = Percorso di navigazione
course-breadcrumb-courses = Corsi
course-archived = Questo corso è stato archiviato: non è più aperto a nuovi discenti.
course-about = Informazioni sul corso
course-before-you-start = Prima di iniziare
# Followed by a list of the courses this one builds on.
course-builds-on = Questo corso si basa su:
course-syllabus = Programma
course-lessons-public = Chiunque può leggere queste lezioni, senza un account.
course-lessons-sign-in = Acceda con l'account del Suo ente o con un link via e-mail per studiare le lezioni.
course-your-place = Il Suo posto
# { $version } is the number of the course version the learner is enrolled in.
course-enrolled-version = Lei è iscritto (versione { $version }).
course-progress = Avanzamento
# A button; { $lesson } is the title of the next lesson.
course-continue-lesson = Continuare: { $lesson }
course-start-lesson = Iniziare: { $lesson }
# { $assessments } is a comma-separated list of assessment titles.
course-still-to-pass = Ancora da superare: { $assessments }.
course-withdraw = Ritirarsi dal corso
course-pending = La Sua richiesta di un posto attende la decisione del coordinatore. Riceverà un'e-mail.
course-withdraw-request = Ritirare la richiesta
course-completed = Ha completato questo corso.
course-completed-on = Ha completato questo corso il { $date }.
course-withdrawn = Si è ritirato da questo corso.
course-declined = La Sua ultima richiesta di un posto è stata rifiutata.
course-enrol-again = Iscriversi di nuovo
course-ask-for-place = Chiedere un posto
course-enrol = Iscriversi
course-sign-in-to-enrol = Accedere per iscriversi
course-at-a-glance = In sintesi
course-fact-offered-by = Offerto da
course-fact-language = Lingua
# { $duration } is a study time such as "2 h 15 min".
course-study-time = { $count ->
    [one] { $duration } in { $count } lezione
   *[other] { $duration } in { $count } lezioni
 }
course-fact-certificate = Certificato
course-certificate-yes = Sì
# Same as English: the same word (or name, or abbreviation) in this language.
course-certificate-no = No
course-certificate-valid = { $months ->
    [one] Sì, valido { $months } mese
   *[other] Sì, valido { $months } mesi
 }
course-fact-enrolment = Iscrizione
course-fact-version = Versione
# { $version } is a version number, { $date } a date.
course-version-published = { $version }, pubblicata il { $date }
course-sessions = Sessioni pratiche
course-session-seats = { $left ->
    [one] { $left } posto libero su { $seats }
   *[other] { $left } posti liberi su { $seats }
 }
course-session-booked = Il Suo posto è prenotato.
course-session-waitlisted = Lei è in lista d'attesa.
course-session-give-up = Rinunciare al mio posto
course-session-book = Prenotare un posto
course-session-join-waitlist = Entrare in lista d'attesa
course-topics = Argomenti

## Lesson page and the page asking to sign in or enrol

# The browser tab of a lesson a visitor may not read; { $course } is its title.
lesson-title-sign-in-to-study = Accedere per studiare { $course }
lesson-title-enrol-to-study = Iscriversi per studiare { $course }
lesson-minutes = { $minutes ->
    [one] Circa { $minutes } minuto
   *[other] Circa { $minutes } minuti
 }
lesson-position = lezione { $position } di { $count }
lesson-optional = facoltativa
# { $document } is a document id such as SOP-QA-012, { $version } its version.
lesson-controlled-document = Documento controllato { $document }, versione { $version }
# { $name } is the signer's name, { $moment } a date and time.
lesson-signed = Firmato come letto e compreso da { $name } il { $moment } (versione { $version }).
lesson-signature-code = Il codice dell'e-mail che Le abbiamo inviato
lesson-signature-statement = Firmando, Lei dichiara di aver letto e compreso la versione { $version } di questo documento. Il Suo nome, l'ora e la versione vengono registrati.
lesson-sign = Firmare: letto e compreso
lesson-signature-explained = Quando avrà letto il documento, lo firmi come letto e compreso. Le inviamo via e-mail un codice monouso per confermare la Sua identità.
lesson-email-code = Ricevere via e-mail un codice per firmare
# A link to the sign-in page.
lesson-sign-in-to-sign = Accedere per firmare questo documento
lesson-files = File
# After a file's name; { $size } is in kilobytes.
# Same as English: the same word (or name, or abbreviation) in this language.
lesson-file-size = ({ $size } KB)
lesson-file-image-size = (immagine, { $size } KB)
lesson-completed = Ha completato questa lezione.
lesson-mark-complete = Segnare come completata
lesson-mark-complete-continue = Segnare come completata e continuare
lesson-pager = Lezioni
lesson-back-to-course = Tornare al corso
lesson-enrol-to-study = Si iscriva per studiare questa lezione
lesson-for-enrolled-learners = Le lezioni di { $course } sono riservate ai discenti iscritti al corso.
lesson-go-to-course-to-enrol = Andare al corso per iscriversi
lesson-sign-in-to-study = Acceda per studiare questa lezione
lesson-for-signed-in-learners = Le lezioni di { $course } sono riservate ai discenti della rete che hanno effettuato l'accesso. Le lezioni dei corsi aperti al pubblico e ai pazienti non richiedono un account.
lesson-sign-in-to-continue = Accedere per continuare
lesson-what-course-covers = Contenuti di questo corso
lesson-back-to-course-page = Tornare alla pagina del corso

## The network and one Centre of Excellence

network-heading = I centri di eccellenza della rete
network-lead = Ogni centro di eccellenza mette a disposizione le proprie competenze e strutture e insegna ciò che conosce meglio.
network-expertise = Competenze
coe-breadcrumb-network = La rete
coe-facilities = Strutture
coe-no-facilities = Non è ancora elencata alcuna struttura.
coe-courses = Corsi
coe-no-courses = Questo centro non offre ancora corsi.
# Kinds of facility, shown after a facility's name.
coe-facility-gmp_suite = Area di produzione GMP
coe-facility-vector_core = Piattaforma per vettori virali
coe-facility-clinical_trial_unit = Unità per sperimentazioni cliniche
coe-facility-laboratory = Laboratorio
coe-facility-training_centre = Centro di formazione
coe-facility-other = Altra struttura

## Programmes

programme-list-heading = Percorsi
programme-list-intro = Curricula che combinano corsi di diversi centri di eccellenza. Completando tutti i corsi obbligatori (o un corso riconosciuto come equivalente) e i corsi a scelta richiesti si ottiene un certificato di percorso.
# { $credits } is a sum such as "3.5 ECTS + 8 CPD hours".
programme-list-required-credits = Corsi obbligatori: { $credits }
programme-list-none = Non è ancora offerto alcun percorso.
programme-required-credits = I corsi obbligatori valgono { $credits }.
programme-completed-on = Completato il { $date }.
# A link to the certificates page, after "Completed on …".
programme-certificate-link = Vedere il Suo certificato di percorso
# The caption of the table of a programme's courses.
programme-courses = Corsi
programme-courses-electives = { $count ->
    [one] Corsi ({ $count } corso a scelta richiesto)
   *[other] Corsi ({ $count } corsi a scelta richiesti)
 }
programme-column-course = Corso
programme-column-offered-by = Offerto da
programme-column-track = Tipo
programme-column-credits = Crediti
# The column with the signed-in person's progress.
programme-column-you = Il Suo stato
programme-track-required = Obbligatorio
programme-track-elective = A scelta
programme-done = Completato
# { $course } is the short name (slug) of the equivalent course.
programme-done-through = Completato (tramite il corso equivalente { $course })
programme-not-yet = Non ancora
programme-enrol-explained = L'iscrizione La iscrive ai corsi obbligatori che non ha ancora completato, per quanto ciascun corso lo consenta (alcuni richiedono l'approvazione di un coordinatore).
programme-enrol = Iscriversi a questo percorso
programme-enrolled = Lei è iscritto; il Suo avanzamento è indicato sopra.
# A link to the sign-in page.
programme-sign-in-to-enrol = Accedere per iscriversi e seguire il Suo avanzamento

## Signing in

login-heading = Accesso
login-institution-heading = Con il Suo ente
login-institution-intro = Usi l'account della Sua università, del Suo ospedale o della Sua azienda.
login-find-institution = Cercare il Suo ente
login-find = Cercare
# After an institution's name; { $provider } is the sign-in service.
login-via = tramite { $provider }
login-no-institution-matches = Nessun ente corrisponde. Provi un altro nome o acceda con un link via e-mail.
login-no-institutions = Nessun ente ha ancora configurato l'accesso istituzionale: usi un link via e-mail.
login-choose-service = Oppure scelga un servizio di accesso
login-email-heading = Con un link via e-mail
login-email-intro = Per pazienti, pubblico e chiunque non abbia un account istituzionale. Le inviamo via e-mail un link che La fa accedere; non serve alcuna password.
login-email-address = Indirizzo e-mail
login-email-send = Ricevere un link di accesso via e-mail
login-check-email-heading = Controlli la Sua e-mail
login-check-email-sent = { $minutes ->
    [one] Se l'indirizzo inserito può ricevere e-mail, un link di accesso è in arrivo. Funziona una sola volta, per { $minutes } minuto, in questo browser.
   *[other] Se l'indirizzo inserito può ricevere e-mail, un link di accesso è in arrivo. Funziona una sola volta, per { $minutes } minuti, in questo browser.
 }
login-check-email-nothing-arrived = Non è arrivato nulla? Controlli la cartella della posta indesiderata.
login-check-email-another-link = Chiedere un altro link
login-confirm-heading = Accesso ad ATMP Academy
login-confirm-intro = Ha seguito un link di accesso. Prema il pulsante per completare l'accesso.
login-confirm-button = Accedere

## Profile

profile-heading = Il Suo profilo
profile-deletion-requested = Ha chiesto la cancellazione del Suo account il { $date }. Un amministratore lo cancellerà dopo aver verificato quali registrazioni della formazione devono essere conservate.
profile-name = Nome
profile-email = E-mail
profile-institution = Ente di appartenenza
profile-no-institution = Nessuno registrato
profile-language = Lingua
# The interface language when the person has not chosen one.
profile-language-browser = Come indica il mio browser
profile-member-since = Membro dal
profile-sign-in-services = Servizi di accesso
profile-email-link = Link via e-mail
profile-language-heading = Lingua del sito
profile-language-explained = Menu, pulsanti e le e-mail che Le inviamo usano questa lingua. I corsi restano nella lingua in cui sono stati scritti.
profile-language-label = Mostrare il sito in
profile-language-save = Salvare la lingua
profile-roles = Ruoli
# After a role held for one course; { $course } is the course's id.
profile-role-course = corso { $course }
profile-your-data = I Suoi dati
profile-download-data = Scaricare tutti i Suoi dati (JSON)
profile-deletion-explained = Può chiedere la cancellazione del Suo account. Le registrazioni della formazione che le normative ci obbligano a conservare vengono mantenute per il relativo periodo di conservazione.
profile-deletion-button = Chiedere la cancellazione del mio account
