# The page shell: header, navigation, footer, language switcher, error
# pages, page titles, and how dates are written.

site-name = ATMP Academy
skip-to-main = Skip to main content
nav-main = Main
nav-courses = Courses
nav-programmes = Programmes
nav-network = The network
nav-my-learning = My learning
nav-certificates = Certificates
nav-authoring = Authoring
nav-administration = Administration
nav-profile = Your profile: { $name }
sign-out = Sign out
sign-in = Sign in
footer-about = ATMP Academy is the learning platform of the European network of Centres of Excellence for Advanced Therapy Medicinal Products: gene therapies, cell therapies and tissue-engineered products.
footer-links = Site links
footer-coes = Centres of Excellence
footer-catalogue = Course catalogue
footer-verify = Verify a certificate
footer-api = API (OpenAPI)
language-switcher = Language
language-switch-to = Show this site in { $language }

# Error pages
error-heading-not-found = Page not found
error-heading-bad-request = That request could not be understood
error-heading-unauthorized = Please sign in
error-heading-forbidden = You do not have access to this page
error-heading-conflict = That could not be done now
error-heading-too-many-requests = Too many requests
error-heading-unavailable = The service is busy
error-heading-internal = Something went wrong
error-heading-other = The request could not be completed
error-message-internal = Something went wrong on our side; the error has been logged.
error-reference = If you contact us about this, quote the reference { $reference }.
error-home = Go to the home page
error-browse = Browse the courses

# Dates: { $day } and { $year } are numbers, { $month } one of month-1 … month-12.
date-long = { $day } { $month } { $year }
date-moment = { $day } { $month } { $year }, { $time } UTC
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# Page titles (the browser tab)
title-atmp-academy = ATMP Academy
title-audit-trail = Audit trail
title-authoring = Authoring
title-certificates = Certificates
title-check-your-email = Check your email
title-cohort-enrolment = Cohort enrolment
title-course-catalogue = Course catalogue
title-course-equivalences = Course equivalences
title-email-outbox = Email outbox
title-essays-to-grade = Essays to grade
title-gift-check = GIFT check
title-identity-providers = Identity providers
title-lesson-preview = Lesson preview
title-my-certificates = My certificates
title-my-learning = My learning
title-not-saved = Not saved
title-programmes = Programmes
title-regrade = Regrade
title-sign-in = Sign in
title-the-network = The network
title-training-matrix = Training matrix
title-verify-a-certificate = Verify a certificate
title-your-profile = Your profile
