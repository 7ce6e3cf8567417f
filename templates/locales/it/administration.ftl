# Network administration: identity providers, the email outbox and course
# equivalences.

## Links between the administration pages

admin-link-outbox = Posta in uscita ed e-mail non recapitabili
admin-link-certificates = Certificati (cerca, revoca)
admin-link-audit = Registro di audit
admin-link-equivalences = Equivalenze tra corsi
admin-link-reports = Rapporti della rete

## Identity providers (OpenID Connect sign-in)

providers-heading = Provider di identità
providers-explained = Gli istituti accedono tramite questi provider OpenID Connect. Un proxy di federazione (come Life Science Login) è un unico provider al servizio di molti istituti. I segreti dei client vengono memorizzati e non sono mai più mostrati.
providers-caption = Provider configurati
providers-column-name = Nome
# The provider's short name used in web addresses.
providers-column-slug = Nome breve
providers-column-issuer = Emittente
providers-column-client-id = ID client
# Where a person's home institution is read from (a claim of the sign-in).
providers-column-institution-from = Istituto ricavato da
providers-column-status = Stato
providers-enabled = Attivo
providers-disabled = Disattivato
providers-none = Nessun provider è ancora configurato.
providers-add-heading = Aggiungi un provider
providers-field-name = Nome visualizzato
providers-field-slug = Nome breve (usato negli URL)
# { $callback } is a web address with <slug> standing for the provider's slug.
providers-slug-hint = Lettere minuscole, cifre e trattini, ad es. life-science-login. L'URL di callback è { $callback }.
providers-field-issuer = URL dell'emittente
providers-field-client-id = ID client
providers-field-client-secret = Segreto del client
providers-field-institution-from = Istituto di appartenenza ricavato da
# "schac_home_organization" is the technical name of the claim: keep it as it is.
providers-claim-schac = il claim schac_home_organization
providers-claim-email-domain = il dominio dell'indirizzo e-mail
providers-field-institutions = Istituti serviti (nomi brevi, separati da virgole)
# { $list } is a list of institutions' slugs.
providers-known-institutions = Istituti noti: { $list }.
providers-add = Aggiungi il provider

## The email outbox

outbox-heading = Posta in uscita
# Emails not sent yet.
outbox-waiting = In attesa
outbox-sent = Inviate
# Emails that failed every attempt to send them.
outbox-dead = E-mail non recapitabili
outbox-dead-caption = E-mail per cui ogni tentativo è fallito, dalla più recente
outbox-column-kind = Tipo
outbox-column-to = Destinatario
outbox-column-queued = In coda dal
outbox-column-attempts = Tentativi
outbox-column-last-error = Ultimo errore
outbox-no-dead = Nessuna: ogni e-mail è stata inviata o è ancora in corso di invio.

## Course equivalences (a course at one CoE recognised as equivalent to one at another)

equivalence-heading = Equivalenze tra corsi
equivalence-explained = Riconosca un corso di un centro di eccellenza come equivalente a un corso di un altro: completare l'uno o l'altro soddisfa un requisito di programma che nomina l'altro. Ogni coppia è decisa singolarmente; una coppia che chiuderebbe un ciclo viene rifiutata.
equivalence-add-heading = Registra un'equivalenza
equivalence-field-course = Corso (nome breve)
# Continues the label above: "Course (slug) … is equivalent to (slug)".
equivalence-field-other = è equivalente a (nome breve)
equivalence-field-reason = Motivazione (conservata nell'audit trail)
equivalence-record = Registra
equivalence-caption = Equivalenze registrate
equivalence-column-course = Corso
equivalence-column-why = Motivazione
equivalence-column-recorded = Registrata il
equivalence-none = Ancora nessuna.
