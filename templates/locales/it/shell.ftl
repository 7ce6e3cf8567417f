# The page shell: header, navigation, footer, language switcher, error
# pages, page titles, and how dates are written.

# Same as English: the same word (or name, or abbreviation) in this language.
site-name = ATMP Academy
skip-to-main = Vai al contenuto principale
nav-main = Navigazione principale
nav-courses = Corsi
nav-programmes = Percorsi
nav-network = La rete
nav-my-learning = Il mio apprendimento
nav-certificates = Certificati
nav-authoring = Creazione corsi
nav-administration = Amministrazione
nav-profile = Il Suo profilo: { $name }
sign-out = Disconnettersi
sign-in = Accedere
footer-about = ATMP Academy è la piattaforma di apprendimento della rete europea dei centri di eccellenza per i medicinali per terapie avanzate (ATMP): terapie geniche, terapie cellulari e prodotti di ingegneria tissutale.
footer-links = Link del sito
footer-coes = Centri di eccellenza
footer-catalogue = Catalogo dei corsi
footer-verify = Verifica di un certificato
# Same as English: the same word (or name, or abbreviation) in this language.
footer-api = API (OpenAPI)
language-switcher = Lingua
language-switch-to = Mostrare il sito in { $language }

# Error pages
error-heading-not-found = Pagina non trovata
error-heading-bad-request = Non è stato possibile interpretare la richiesta
error-heading-unauthorized = Effettui l'accesso
error-heading-forbidden = Non ha accesso a questa pagina
error-heading-conflict = L'operazione non è possibile in questo momento
error-heading-too-many-requests = Troppe richieste
error-heading-unavailable = Il servizio è sovraccarico
error-heading-internal = Si è verificato un problema
error-heading-other = Non è stato possibile completare la richiesta
error-message-internal = Si è verificato un problema da parte nostra; l'errore è stato registrato.
error-reference = Se ci contatta a questo proposito, indichi il riferimento { $reference }.
error-home = Andare alla pagina iniziale
error-browse = Sfogli i corsi

# Dates: { $day } and { $year } are numbers, { $month } one of month-1 … month-12.
date-long = { $day } { $month } { $year }
date-moment = { $day } { $month } { $year } alle { $time } UTC
month-1 = gennaio
month-2 = febbraio
month-3 = marzo
month-4 = aprile
month-5 = maggio
month-6 = giugno
month-7 = luglio
month-8 = agosto
month-9 = settembre
month-10 = ottobre
month-11 = novembre
month-12 = dicembre

# Page titles (the browser tab)
# Same as English: the same word (or name, or abbreviation) in this language.
title-atmp-academy = ATMP Academy
title-audit-trail = Registro di audit
title-authoring = Creazione corsi
title-certificates = Certificati
title-check-your-email = Controlli la Sua e-mail
title-cohort-enrolment = Iscrizione di una coorte
title-course-catalogue = Catalogo dei corsi
title-course-equivalences = Equivalenze tra corsi
title-email-outbox = Posta in uscita
title-essays-to-grade = Risposte aperte da valutare
title-gift-check = Verifica GIFT
title-identity-providers = Provider di identità
title-lesson-preview = Anteprima della lezione
title-my-certificates = I miei certificati
title-my-learning = Il mio apprendimento
title-not-saved = Non salvato
title-programmes = Percorsi
title-regrade = Rivalutazione
title-sign-in = Accesso
title-the-network = La rete
title-training-matrix = Matrice della formazione
title-verify-a-certificate = Verifica di un certificato
title-your-profile = Il Suo profilo
