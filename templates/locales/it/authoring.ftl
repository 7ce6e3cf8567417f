# Authoring: the course editor (list of courses, a draft's overview, the
# lesson and question-bank editors, the version history and its list of
# changes). "Draft": the next version of a course while it is being written.

author-heading = Creazione corsi
author-title-editing = Modifica: { $title }
author-title-editing-lesson = Modifica della lezione: { $title }
# { $module } is the module's title.
author-title-assessment = Valutazione: { $module }
# { $slug } is the course's address name, e.g. gmp-basics.
author-title-history = Cronologia di { $slug }

## The list of courses

author-courses-caption = Corsi che può modificare o revisionare
author-column-course = Corso
author-column-coe = Centro di eccellenza
author-column-managed = Gestito
author-column-actions = Azioni
# A course never published has no title yet; { $slug } is its address name.
author-course-unpublished = { $slug } (non ancora pubblicato)
author-managed-files = dai file del corso (qui in sola lettura)
author-managed-web = nell'editor web
# Link to the editor; screen readers hear the course title after it.
author-edit = Modifica
# Link to the version history; screen readers hear the course title after it.
author-history = Cronologia
author-no-courses = Non ha corsi da modificare o revisionare. I docenti e i coordinatori di un centro di eccellenza vedono qui i suoi corsi.
author-new-course = Nuovo corso
author-owning-coe = Centro di eccellenza responsabile
author-field-slug = Nome dell'indirizzo (facoltativo; se vuoto, ricavato dal titolo)
author-create-course = Crea il corso

## A draft's overview

author-course-heading = Modifica: { $title }
author-status-label = Stato:
author-status-draft = Bozza
author-status-in-review = In revisione
author-status-published = Pubblicato (nessuna bozza aperta)
author-version-history = Cronologia delle versioni
author-start-explained = Per modificare il corso, avvii una nuova versione: una bozza copiata dalla versione pubblicata, che i discenti non vedono finché non è stata revisionata e pubblicata.
author-start = Avvia una nuova versione
# Followed by the reviewer's note.
author-sent-back = Rinviato dal revisore:
author-review = Revisione
author-review-explained = Controlli la bozza qui sotto, poi la pubblichi come versione successiva oppure la rinvii indicando cosa va cambiato. I discenti già iscritti mantengono la loro versione.
author-approve = Approva e pubblica
author-review-note = Cosa va cambiato
author-send-back = Rinvia in bozza
author-waits-for-review = Questa bozza attende la revisione da parte di un docente o di un coordinatore del centro di eccellenza che non l'ha scritta; nel frattempo non può essere modificata.
author-course-details = Dati del corso
author-details = Dati
author-field-title = Titolo
author-field-summary = Sintesi
author-field-description = Descrizione (Markdown)
author-field-audience = Destinatari
author-field-level = Livello
author-field-language = Lingua (codice, ad es. it)
author-field-credits = Crediti (facoltativo)
# The unit of the credits (ECTS or CPD hours).
author-field-credit-unit = unità
# No credit unit chosen.
author-credit-unit-none = nessuna
author-field-topics = Argomenti (separati da virgole)
author-field-certificate = Il completamento dà diritto a un certificato
author-field-validity = Certificato valido per (mesi; vuoto: senza scadenza)
author-field-enrolment = Iscrizione
author-enrolment-open = Aperta
author-enrolment-approval = Su approvazione
author-field-retraining = Questa versione richiede una riqualificazione (i titolari di certificati di versioni precedenti devono riqualificarsi)
author-field-change-note = Nota di modifica: cosa è cambiato e perché
author-field-change-note-required = Nota di modifica: cosa è cambiato e perché (obbligatoria per l'invio)
author-save-details = Salva i dati
author-modules-and-lessons = Moduli e lezioni
author-module-title = Titolo del modulo
# Label of the module's summary field, next to its title.
author-module-summary = sintesi
author-save-module = Salva il modulo
# Buttons; screen readers hear the module's title after them.
author-module-up = Sposta il modulo in alto
author-module-down = Sposta il modulo in basso
author-module-delete = Elimina il modulo
# Link to the module's question bank; the assessment's title follows.
author-assessment = Valutazione
author-assessment-none = Valutazione (nessuna)
# After a lesson's title in the list of lessons.
# Same as English: the same word (or name, or abbreviation) in this language.
author-lesson-minutes = ({ $minutes } min)
author-lesson-minutes-optional = ({ $minutes } min, facoltativa)
# Buttons that move or delete a lesson; screen readers hear its title after them.
author-lesson-up = Su
author-lesson-down = Giù
author-lesson-delete = Elimina
author-new-lesson-title = Titolo della nuova lezione
author-add-lesson = Aggiungi lezione
author-no-modules = Ancora nessun modulo.
author-new-module-title = Titolo del nuovo modulo
author-add-module = Aggiungi modulo
author-submit-heading = Invia in revisione
author-submit-explained = Un secondo docente o un coordinatore del centro di eccellenza revisiona la bozza e la pubblica.
author-submit = Invia in revisione

## The lesson editor

author-back-to-draft = Torna alla bozza
author-lesson-heading = Lezione: { $title }
author-lesson-preview-only = Solo anteprima: non ancora salvata.
# Follows the reason why the text could not be saved.
author-lesson-text-kept = Il Suo testo è conservato qui sotto: lo copi prima di ricaricare la pagina.
author-lesson-legend = Lezione
author-field-minutes = Minuti
author-field-required = Obbligatoria per il completamento
author-field-text = Testo (Markdown)
author-preview = Anteprima
author-save = Salva
author-files = File
# After an attached file's name; { $type } is its file type (e.g. application/pdf),
# { $size } its size in kilobytes. Its address follows.
author-attachment-details = ({ $type }, { $size } KB): i discenti lo vedono sotto la lezione. Il suo indirizzo dopo la pubblicazione:
# Button; screen readers hear the file name after it.
author-attachment-remove = Rimuovi
author-no-files = Nessun file allegato.
author-attach-label = Alleghi un PDF o un'immagine (PNG, JPEG, GIF, WebP; al massimo 10 MB)
author-attach = Allega

## The question-bank editor

# { $module } is the module's title.
author-quiz-heading = Valutazione di «{ $module }»
author-quiz-explained = Scriva la banca di domande nel formato GIFT di Moodle (o incolli un'esportazione GIFT). Il salvataggio controlla ogni domanda; una banca vuota rimuove la valutazione.
author-field-pass-mark = Soglia di superamento (%)
author-field-questions-per-attempt = Domande per tentativo
author-field-attempts = Tentativi consentiti (vuoto: illimitati)
author-field-time-limit = Limite di tempo in minuti (vuoto: nessuno)
author-field-gift = Banca di domande (GIFT)
author-save-assessment = Salva la valutazione

## The version history

author-history-heading = Cronologia delle versioni: { $slug }
author-version = Versione { $number }
# { $date } is a date, { $publisher } the name of the person who published.
author-published-by = Pubblicata da { $publisher } il { $date }
author-published-from-files = Pubblicata dall'importazione dei file del corso il { $date }
author-published = Pubblicata il { $date }
author-requires-retraining = richiede una riqualificazione
# Followed by the author's change note.
author-change-note-why = Perché:
author-no-versions = Nessuna versione è stata ancora pubblicata.

## What changed between two versions. { $old } and { $new } are the values
## before and after; { $module } and { $lesson } are titles.

author-change-first-version = Prima versione
author-change-title = Titolo: «{ $old }» → «{ $new }»
author-change-summary = Sintesi: «{ $old }» → «{ $new }»
author-change-description = Descrizione modificata
author-change-audience = Destinatari: «{ $old }» → «{ $new }»
author-change-level = Livello: «{ $old }» → «{ $new }»
author-change-language = Lingua: «{ $old }» → «{ $new }»
author-change-credits = Crediti: «{ $old }» → «{ $new }»
# A course without credits, as a value of author-change-credits.
author-change-credits-none = nessuno
author-change-tags = Argomenti: «{ $old }» → «{ $new }»
author-change-prerequisites = Prerequisiti: «{ $old }» → «{ $new }»
author-change-certificate = Certificato: «{ $old }» → «{ $new }»
# Values of author-change-certificate.
author-change-certificate-none = nessun certificato
author-change-certificate-no-expiry = certificato senza scadenza
author-change-certificate-months = certificato valido { $months ->
        [one] { $months } mese
       *[other] { $months } mesi
    }
author-change-enrolment = Iscrizione: «{ $old }» → «{ $new }»
author-change-module-added = Modulo «{ $module }» aggiunto con { $count ->
        [one] { $count } lezione
       *[other] { $count } lezioni
    }
author-change-module-removed = Modulo «{ $module }» rimosso
author-change-modules-reordered = Moduli riordinati
author-change-module-title = Modulo «{ $module }»: titolo: «{ $old }» → «{ $new }»
author-change-module-summary = Modulo «{ $module }»: sintesi: «{ $old }» → «{ $new }»
author-change-assessment-added = Modulo «{ $module }»: valutazione aggiunta
author-change-assessment-removed = Modulo «{ $module }»: valutazione rimossa
author-change-assessment-settings = Modulo «{ $module }»: impostazioni della valutazione modificate
author-change-question-bank = Modulo «{ $module }»: banca di domande modificata
author-change-lesson-added = Modulo «{ $module }»: lezione «{ $lesson }» aggiunta
author-change-lesson-removed = Modulo «{ $module }»: lezione «{ $lesson }» rimossa
author-change-lessons-reordered = Modulo «{ $module }»: lezioni riordinate
author-change-lesson-title = Modulo «{ $module }», lezione «{ $lesson }»: titolo: «{ $old }» → «{ $new }»
author-change-lesson-minutes = Modulo «{ $module }», lezione «{ $lesson }»: minuti: «{ $old }» → «{ $new }»
author-change-lesson-now-required = Modulo «{ $module }», lezione «{ $lesson }»: ora obbligatoria
author-change-lesson-now-optional = Modulo «{ $module }», lezione «{ $lesson }»: ora facoltativa
author-change-lesson-text = Modulo «{ $module }», lezione «{ $lesson }»: testo modificato
