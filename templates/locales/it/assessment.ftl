# Assessments: the overview of a module's assessment, an attempt and its
# result, the essay review queue, the GIFT check and regrading.

## The assessment overview (pages/assessment)

assessment-breadcrumb = Percorso di navigazione
assessment-back-to-course = Torna al corso
assessment-questions = Domande
# { $count } questions are drawn from the module's question bank.
assessment-questions-drawn = { $count }, estratte a caso per ogni tentativo
assessment-pass-mark = Soglia di superamento
# A percentage, e.g. a pass mark or a score: "60%".
assessment-percent = { $percent } %
assessment-attempts = Tentativi
# The number of attempts allowed in total, and how many are left.
assessment-attempts-limited-left = { $total } in tutto, { $left ->
        [one] { $left } rimanente
       *[other] { $left } rimanenti
    }
assessment-attempts-limited = { $total } in tutto
assessment-attempts-unlimited = Illimitati
assessment-time-limit = Limite di tempo
assessment-time-limit-minutes = { $minutes ->
        [one] { $minutes } minuto, conteggiato dal server dal momento in cui inizia
       *[other] { $minutes } minuti, conteggiati dal server dal momento in cui inizia
    }
assessment-time-limit-none = Nessuno
assessment-passed-note = Ha superato questa valutazione.
assessment-continue = Continui il suo tentativo
assessment-start = Inizi un tentativo
assessment-no-attempts-left = Ha esaurito tutti i suoi tentativi.
assessment-your-attempts = I suoi tentativi
assessment-column-attempt = Tentativo
assessment-column-status = Stato
assessment-column-score = Punteggio
assessment-column-result = Esito
assessment-attempt-number = Tentativo { $number }
assessment-status-in-progress = In corso
assessment-status-awaiting-review = In attesa di un docente
assessment-status-graded = Valutato
assessment-result-passed = Superato
assessment-result-not-passed = Non superato

## An attempt and its result (pages/attempt)

# The browser tab: the assessment's title and the attempt's number.
attempt-title = { $title } — tentativo { $number }
attempt-heading = { $title }: tentativo { $number }
attempt-time-up = Il tempo è scaduto: invii il tentativo per vedere il suo risultato. Le risposte date dopo il limite di tempo non vengono conteggiate.
# { $deadline } is a date and time, e.g. "5 June 2026, 14:30:00 UTC".
attempt-time-left = { $minutes ->
        [one] Resta circa { $minutes } minuto (il server chiude il tentativo il { $deadline }).
       *[other] Restano circa { $minutes } minuti (il server chiude il tentativo il { $deadline }).
    }
attempt-question = Domanda { $number }
attempt-choose-all = Scelga tutte le risposte pertinenti.
attempt-true = Vero
attempt-false = Falso
attempt-your-answer = La sua risposta
attempt-your-answer-number = La sua risposta (un numero)
# The empty first choice of a drop-down list.
attempt-choose = Scelga…
attempt-question-of = Domanda { $current } di { $total }
attempt-save-and-go-back = Salva e torna indietro
attempt-save-and-continue = Salva e continua
attempt-submit = Invia per la valutazione
attempt-save = Salva le mie risposte
attempt-submitted-awaiting-review = Inviato. Un docente deve ancora valutarne una parte; il suo risultato seguirà.
# Followed by the score in bold, e.g. "Your score: 80%".
attempt-your-score = Il suo punteggio:
attempt-pass-mark = (soglia di superamento { $percent } %).
attempt-passed = Ha superato la valutazione.
attempt-not-passed = Questa volta non ha superato la valutazione.
# After "Question 3 — ": the share of the question's marks earned, e.g. "50%".
attempt-question-marks = { $marks } dei punti della domanda
attempt-question-awaiting-review = in attesa di un docente
# Followed by the learner's answer.
attempt-your-answer-was = La sua risposta:
# Followed by the instructor's comment on an essay.
attempt-instructor-comment = Il suo docente:
# Followed by the right answer (True, False, a range, or text from the course).
attempt-correct-answer = Risposta corretta:
# The right answer of a numeric question: any number in a range.
attempt-answer-range = tra { $min } e { $max }
attempt-back-to-assessment = Torna alla valutazione

## Essays to grade (pages/review)

review-heading = Risposte aperte da valutare
review-submitted-on = Inviata il { $date }
# Followed by the question's text.
review-question = Domanda:
review-mark = Voto (0–100%)
review-comment = Commento per il discente
review-save-grade = Salva il voto
review-nothing-waiting = Nessuna risposta aperta è in attesa della sua valutazione.

## Checking a GIFT question bank (pages/review, pages/gift_check)
# GIFT is the name of a file format for question banks (from Moodle): keep it.

gift-check-heading = Verifica di una banca di domande GIFT
gift-check-intro = Carichi un file GIFT per vederne le domande, oppure la riga del primo problema.
# Followed by the address pattern of a module's question bank.
gift-check-download = La banca di un modulo si può scaricare all’indirizzo:
# { $folder } is the name of a folder, "courses/".
gift-check-managed = Le banche dei corsi gestiti da { $folder } si modificano tramite quei file.
gift-check-file = File GIFT
gift-check-submit = Verifica
gift-check-result-heading = Verifica GIFT
gift-check-not-utf8 = Il file non è testo UTF-8: lo salvi in UTF-8.
# Followed by the problem, described in English.
gift-check-problem-on-line = Il file presenta un problema alla riga { $line }:
gift-check-caption = Domande del file
gift-check-column-line = Riga
gift-check-column-type = Tipo
gift-check-column-question = Domanda
# The kind of a question in a GIFT file.
gift-check-type = { $type ->
        [description] Descrizione
        [essay] Risposta aperta
        [true_false] Vero/falso
        [single_choice] Scelta singola
        [multiple_choice] Scelta multipla
        [short_answer] Risposta breve
        [matching] Abbinamento
        [numeric] Numerica
       *[other] Altro tipo ({ $type })
    }
gift-check-back = Indietro

## Regrading after a question is fixed (pages/review, pages/regrade)

regrade-form-heading = Rivalutazione dopo la correzione di una domanda
regrade-form-intro = Dopo che una domanda corretta è stata pubblicata in una nuova versione del corso, le risposte già date vengono valutate con la domanda corretta (abbinata in base al titolo). I voti dati dai docenti alle risposte aperte restano invariati. Ogni voto modificato viene registrato con la sua motivazione.
# A course's slug is the short name in its address, e.g. "cleanroom-basics".
regrade-course = Corso (nome breve)
regrade-module = Modulo (nome breve)
regrade-reason = Motivazione
regrade-submit = Rivaluta
regrade-heading = Rivalutazione: { $course } / { $module }
regrade-report = { $answers ->
        [one] { $answers } risposta
       *[other] { $answers } risposte
    } in { $attempts ->
        [one] { $attempts } tentativo
       *[other] { $attempts } tentativi
    } { $answers ->
        [one] ha ricevuto un nuovo voto.
       *[other] hanno ricevuto un nuovo voto.
    }
regrade-unmatched = { $count ->
        [one] { $count } risposta non è stata abbinata ad alcuna domanda della versione attuale (le domande devono avere lo stesso titolo).
       *[other] { $count } risposte non sono state abbinate ad alcuna domanda della versione attuale (le domande devono avere lo stesso titolo).
    }
regrade-back = Torna alla valutazione delle risposte
