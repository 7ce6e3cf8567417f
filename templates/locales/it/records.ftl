# GxP records: the audit trail, the training matrix (which role holders are
# qualified for their job roles) and the network reports.

## The audit trail

audit-heading = Registro di audit
audit-explained = Ogni modifica a una registrazione della formazione o alla configurazione, dalla più recente. Le voci possono solo essere aggiunte e sono concatenate tramite hash.
# Followed by the command that checks the chain (not translated).
audit-verify = Questo comando verifica la catena:
audit-filter-label = Filtra l'audit trail
audit-field-actor = Persona (l'e-mail contiene)
# The kind of record an entry is about (course, enrolment, certificate…).
audit-field-type = Tipo di registrazione
audit-field-id = ID della registrazione
# The action's stored name, or its beginning (e.g. "certificate.").
audit-field-action = Azione (o il suo inizio)
audit-field-from = Dal (data)
audit-field-until = Al (data, inclusa)
audit-filter = Filtra
audit-export-csv = Esporta in CSV
audit-caption = Voci (dalla più recente)
audit-column-when = Quando (UTC)
audit-column-who = Chi
audit-column-what = Cosa
audit-column-record = Registrazione
audit-column-old = Valore precedente
audit-column-new = Nuovo valore
audit-column-reason = Motivazione
audit-older = Voci precedenti
audit-none = Nessuna voce corrisponde.

## The training matrix

matrix-heading = Matrice della formazione
matrix-back = Torna al coordinamento
matrix-export-csv = Esporta in CSV
matrix-export-pdf = Esporta in PDF
matrix-states-intro = Gli stati di un corso richiesto:
# The states of a requirement, shown in the matrix and explained above it.
matrix-state-current = in regola
matrix-state-due-soon = in scadenza
matrix-state-overdue = in ritardo
matrix-state-expired = scaduto
# { $days } is a number of days (30).
matrix-state-current-means = valido, più di { $days } giorni rimanenti
matrix-state-due-soon-means = scade entro { $days } giorni, oppure assegnato di recente e non ancora svolto
matrix-state-overdue-means = assegnato più di { $days } giorni fa e mai svolto
matrix-state-expired-means = il certificato è scaduto
matrix-equivalents-count = Contano anche i certificati dei corsi riconosciuti come equivalenti.
matrix-caption = Titolari dei ruoli e i loro corsi richiesti, oggi
matrix-column-person = Persona
matrix-column-role = Ruolo
matrix-column-requirements = Requisiti
matrix-column-qualified = Qualificato
# After a requirement's state: the certificate's code and the date it expires.
matrix-evidence-until = ({ $code }, fino al { $date })
matrix-qualified-yes = Sì
# Same as English: the same word (or name, or abbreviation) in this language.
matrix-qualified-no = No
matrix-no-holders = Nessuno ricopre ancora un ruolo.
matrix-roles = Ruoli
matrix-no-roles = Ancora nessun ruolo.
matrix-new-role = Nuovo ruolo
matrix-field-title = Denominazione
matrix-field-courses = Corsi richiesti (nomi brevi, separati da virgole)
matrix-create-role = Crea il ruolo
matrix-assign-heading = Assegna un ruolo a una persona
matrix-field-role = Ruolo
matrix-field-email = E-mail
matrix-assign = Assegna

## Reports

reports-heading-network = Rapporti: la rete
# { $coe } is the name of a Centre of Excellence.
reports-heading-coe = Rapporti: { $coe }
reports-export-csv = Esporta i dati mensili in CSV
reports-total-learners = Discenti iscritti (in totale)
reports-total-valid-certificates = Certificati validi
reports-total-expiring = In scadenza entro 90 giorni
reports-total-outreach = Portata della divulgazione (discenti dei corsi pubblici)
reports-chart-enrolments = Iscrizioni al mese
reports-chart-completions = Completamenti al mese
reports-chart-pass-rate = Tasso di superamento delle valutazioni al mese (%)
reports-chart-certificates = Certificati rilasciati al mese
reports-chart-outreach = Iscrizioni ai corsi divulgativi al mese
# What a screen reader hears for one bar of a chart: { $month } is a month
# with its year (reports-month-year), { $value } a number (perhaps with %).
reports-chart-point = { $month }: { $value }
# A month and its year, e.g. "November 2026"; { $month } is one of month-1 … month-12.
reports-month-year = { $month } { $year }
# Short month names, written under a chart's bars (little room: at most 5 letters).
reports-month-short-1 = gen
reports-month-short-2 = feb
reports-month-short-3 = mar
reports-month-short-4 = apr
reports-month-short-5 = mag
reports-month-short-6 = giu
reports-month-short-7 = lug
reports-month-short-8 = ago
reports-month-short-9 = set
reports-month-short-10 = ott
reports-month-short-11 = nov
reports-month-short-12 = dic
reports-months-caption = Gli ultimi dodici mesi (UTC)
reports-column-month = Mese
reports-column-enrolments = Iscrizioni
reports-column-completions = Completamenti
reports-column-graded = Tentativi valutati
reports-column-pass-rate = Tasso di superamento
reports-column-certificates = Certificati rilasciati
reports-column-outreach = Iscrizioni ai corsi divulgativi
