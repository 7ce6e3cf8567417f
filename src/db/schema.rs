// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::query_builder::QueryId, Clone, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "tsvector", schema = "pg_catalog"))]
    pub struct Tsvector;
}

diesel::table! {
    api_tokens (id) {
        id -> Uuid,
        coe_id -> Uuid,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    assessment_attempts (id) {
        id -> Uuid,
        enrolment_id -> Uuid,
        module_id -> Uuid,
        number -> Int4,
        status -> Text,
        question_ids -> Array<Uuid>,
        started_at -> Timestamptz,
        deadline_at -> Nullable<Timestamptz>,
        submitted_at -> Nullable<Timestamptz>,
        graded_at -> Nullable<Timestamptz>,
        score -> Nullable<Float8>,
        passed -> Nullable<Bool>,
    }
}

diesel::table! {
    assessment_questions (id) {
        id -> Uuid,
        module_id -> Uuid,
        position -> Int4,
        category -> Nullable<Text>,
        title -> Nullable<Text>,
        question -> Jsonb,
        gradable -> Bool,
    }
}

diesel::table! {
    attempt_answers (attempt_id, question_id) {
        attempt_id -> Uuid,
        question_id -> Uuid,
        answer -> Jsonb,
        saved_at -> Timestamptz,
        fraction -> Nullable<Float8>,
        feedback -> Nullable<Jsonb>,
        needs_review -> Bool,
        reviewed_by -> Nullable<Uuid>,
        reviewed_at -> Nullable<Timestamptz>,
        review_comment -> Nullable<Text>,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Int8,
        occurred_at -> Timestamptz,
        actor_id -> Nullable<Uuid>,
        actor_label -> Text,
        action -> Text,
        entity_type -> Text,
        entity_id -> Text,
        old_value -> Nullable<Jsonb>,
        new_value -> Nullable<Jsonb>,
        reason -> Nullable<Text>,
        request_id -> Nullable<Text>,
    }
}

diesel::table! {
    audit_links (event_id) {
        event_id -> Int8,
        chain -> Int2,
        chain_seq -> Int8,
        previous_hash -> Text,
        entry_hash -> Text,
    }
}

diesel::table! {
    catalogue_generation (singleton) {
        singleton -> Bool,
        generation -> Int8,
    }
}

diesel::table! {
    certificate_reminders (certificate_id, days_before) {
        certificate_id -> Uuid,
        days_before -> Int4,
        queued_at -> Timestamptz,
    }
}

diesel::table! {
    certificates (id) {
        id -> Uuid,
        code -> Text,
        kind -> Text,
        user_id -> Uuid,
        enrolment_id -> Nullable<Uuid>,
        course_id -> Nullable<Uuid>,
        course_version_id -> Nullable<Uuid>,
        programme_id -> Nullable<Uuid>,
        coe_id -> Uuid,
        learner_name -> Text,
        title -> Text,
        summary -> Text,
        coe_name -> Text,
        version_number -> Nullable<Int4>,
        credits -> Nullable<Float8>,
        credit_type -> Nullable<Text>,
        completed_at -> Timestamptz,
        issued_at -> Timestamptz,
        expires_at -> Nullable<Timestamptz>,
        renews_certificate_id -> Nullable<Uuid>,
        revoked_at -> Nullable<Timestamptz>,
        revoked_by -> Nullable<Uuid>,
        revocation_reason -> Nullable<Text>,
    }
}

diesel::table! {
    coes (id) {
        id -> Uuid,
        slug -> Text,
        name -> Text,
        city -> Text,
        #[max_length = 2]
        country -> Bpchar,
        summary -> Text,
        expertise -> Array<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    course_drafts (id) {
        id -> Uuid,
        course_id -> Uuid,
        base_version_id -> Nullable<Uuid>,
        content -> Jsonb,
        status -> Text,
        lock_version -> Int4,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_by -> Uuid,
        updated_at -> Timestamptz,
        editors -> Array<Uuid>,
        submitted_by -> Nullable<Uuid>,
        submitted_at -> Nullable<Timestamptz>,
        reviewed_by -> Nullable<Uuid>,
        reviewed_at -> Nullable<Timestamptz>,
        review_note -> Nullable<Text>,
        published_version_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    course_equivalences (course_a, course_b) {
        course_a -> Uuid,
        course_b -> Uuid,
        reason -> Text,
        recorded_by -> Nullable<Uuid>,
        recorded_at -> Timestamptz,
    }
}

diesel::table! {
    course_modules (id) {
        id -> Uuid,
        course_version_id -> Uuid,
        position -> Int4,
        slug -> Text,
        title -> Text,
        summary -> Text,
        assessment -> Nullable<Jsonb>,
        quiz_gift -> Nullable<Text>,
    }
}

diesel::table! {
    course_prerequisites (course_version_id, required_course_id) {
        course_version_id -> Uuid,
        required_course_id -> Uuid,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Tsvector;

    course_versions (id) {
        id -> Uuid,
        course_id -> Uuid,
        version_number -> Int4,
        status -> Text,
        content_hash -> Text,
        title -> Text,
        summary -> Text,
        description_markdown -> Text,
        description_html -> Text,
        audience -> Text,
        level -> Text,
        language -> Text,
        credits -> Nullable<Float8>,
        credit_type -> Nullable<Text>,
        tags -> Array<Text>,
        certificate -> Bool,
        certificate_validity_months -> Nullable<Int4>,
        enrolment_method -> Text,
        requires_retraining -> Bool,
        change_note -> Nullable<Text>,
        source_path -> Nullable<Text>,
        search_text -> Text,
        search_document -> Nullable<Tsvector>,
        created_at -> Timestamptz,
        published_at -> Nullable<Timestamptz>,
        published_by -> Nullable<Uuid>,
        enrolment_opens_at -> Nullable<Timestamptz>,
        enrolment_closes_at -> Nullable<Timestamptz>,
        ranking_document -> Nullable<Tsvector>,
    }
}

diesel::table! {
    courses (id) {
        id -> Uuid,
        slug -> Text,
        coe_id -> Uuid,
        source -> Text,
        status -> Text,
        current_version_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        archived_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    document_signatures (id) {
        id -> Uuid,
        user_id -> Uuid,
        lesson_id -> Uuid,
        document_id -> Text,
        document_version -> Text,
        meaning -> Text,
        method -> Text,
        signer_name -> Text,
        signer_email -> Text,
        signed_at -> Timestamptz,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> Int8,
        kind -> Text,
        to_address -> Text,
        payload -> Jsonb,
        created_at -> Timestamptz,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        sent_at -> Nullable<Timestamptz>,
        dead_at -> Nullable<Timestamptz>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    email_sign_in_links (id) {
        id -> Uuid,
        email -> Text,
        token_hash -> Text,
        browser_hash -> Text,
        client_ip -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    enrolments (id) {
        id -> Uuid,
        user_id -> Uuid,
        course_id -> Uuid,
        course_version_id -> Uuid,
        method -> Text,
        status -> Text,
        requested_at -> Timestamptz,
        decided_at -> Nullable<Timestamptz>,
        decided_by -> Nullable<Uuid>,
        decision_reason -> Nullable<Text>,
        due_at -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
        withdrawn_at -> Nullable<Timestamptz>,
        withdrawn_by -> Nullable<Uuid>,
        withdrawal_reason -> Nullable<Text>,
        last_lesson_id -> Nullable<Uuid>,
        renews_certificate_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    facilities (id) {
        id -> Uuid,
        coe_id -> Uuid,
        position -> Int4,
        name -> Text,
        kind -> Text,
        description -> Text,
    }
}

diesel::table! {
    identity_provider_institutions (provider_id, institution_id) {
        provider_id -> Uuid,
        institution_id -> Uuid,
    }
}

diesel::table! {
    identity_providers (id) {
        id -> Uuid,
        slug -> Text,
        display_name -> Text,
        issuer_url -> Text,
        client_id -> Text,
        client_secret -> Text,
        institution_claim -> Text,
        enabled -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    institutions (id) {
        id -> Uuid,
        slug -> Text,
        name -> Text,
        #[max_length = 2]
        country -> Bpchar,
        kind -> Text,
        email_domains -> Array<Text>,
        coe_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    lesson_progress (enrolment_id, lesson_id) {
        enrolment_id -> Uuid,
        lesson_id -> Uuid,
        completed_at -> Timestamptz,
    }
}

diesel::table! {
    credential_keys (kid) {
        kid -> Text,
        x -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    job_role_assignments (role_id, user_id) {
        role_id -> Uuid,
        user_id -> Uuid,
        assigned_at -> Timestamptz,
        assigned_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    job_role_courses (role_id, course_id) {
        role_id -> Uuid,
        course_id -> Uuid,
    }
}

diesel::table! {
    job_roles (id) {
        id -> Uuid,
        coe_id -> Uuid,
        slug -> Text,
        title -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    lesson_attachments (lesson_id, file_name) {
        lesson_id -> Uuid,
        position -> Int4,
        file_name -> Text,
        sha256 -> Text,
        content_type -> Text,
        size_bytes -> Int8,
    }
}

diesel::table! {
    lessons (id) {
        id -> Uuid,
        module_id -> Uuid,
        course_version_id -> Uuid,
        position -> Int4,
        slug -> Text,
        title -> Text,
        minutes -> Int4,
        required -> Bool,
        body_markdown -> Text,
        body_html -> Text,
        document_id -> Nullable<Text>,
        document_version -> Nullable<Text>,
    }
}

diesel::table! {
    programme_courses (programme_id, course_id) {
        programme_id -> Uuid,
        course_id -> Uuid,
        track -> Text,
        position -> Int4,
    }
}

diesel::table! {
    programme_enrolments (id) {
        id -> Uuid,
        programme_id -> Uuid,
        user_id -> Uuid,
        enrolled_at -> Timestamptz,
        completed_at -> Nullable<Timestamptz>,
        certificate_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    programmes (id) {
        id -> Uuid,
        slug -> Text,
        coe_id -> Uuid,
        title -> Text,
        summary -> Text,
        description_html -> Text,
        electives_required -> Int4,
        certificate -> Bool,
        status -> Text,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    requalifications (id) {
        id -> Uuid,
        certificate_id -> Uuid,
        course_version_id -> Uuid,
        reason -> Text,
        assigned_at -> Timestamptz,
    }
}

diesel::table! {
    role_grants (id) {
        id -> Uuid,
        user_id -> Uuid,
        role -> Text,
        coe_id -> Nullable<Uuid>,
        course_id -> Nullable<Uuid>,
        granted_at -> Timestamptz,
        granted_by -> Nullable<Uuid>,
        revoked_at -> Nullable<Timestamptz>,
        revoked_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    session_bookings (id) {
        id -> Uuid,
        session_id -> Uuid,
        user_id -> Uuid,
        status -> Text,
        requested_seq -> Int8,
        requested_at -> Timestamptz,
        promoted_at -> Nullable<Timestamptz>,
        cancelled_at -> Nullable<Timestamptz>,
        cancellation_reason -> Nullable<Text>,
        attendance_marked_by -> Nullable<Uuid>,
        reminder_sent_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    signature_challenges (id) {
        id -> Uuid,
        user_id -> Uuid,
        lesson_id -> Uuid,
        code_hash -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        attempts -> Int4,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    training_sessions (id) {
        id -> Uuid,
        course_id -> Uuid,
        coe_id -> Uuid,
        facility_id -> Nullable<Uuid>,
        title -> Text,
        location -> Text,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        seats -> Int4,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        cancelled_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    user_identities (id) {
        id -> Uuid,
        user_id -> Uuid,
        provider_id -> Uuid,
        issuer -> Text,
        subject -> Text,
        created_at -> Timestamptz,
        last_used_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        email -> Text,
        display_name -> Text,
        institution_id -> Nullable<Uuid>,
        locale -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        deletion_requested_at -> Nullable<Timestamptz>,
        session_epoch -> Int4,
    }
}

diesel::joinable!(assessment_attempts -> course_modules (module_id));
diesel::joinable!(assessment_attempts -> enrolments (enrolment_id));
diesel::joinable!(assessment_questions -> course_modules (module_id));
diesel::joinable!(attempt_answers -> assessment_attempts (attempt_id));
diesel::joinable!(attempt_answers -> assessment_questions (question_id));
diesel::joinable!(attempt_answers -> users (reviewed_by));
diesel::joinable!(audit_events -> users (actor_id));
diesel::joinable!(audit_links -> audit_events (event_id));
diesel::joinable!(certificate_reminders -> certificates (certificate_id));
diesel::joinable!(certificates -> coes (coe_id));
diesel::joinable!(certificates -> course_versions (course_version_id));
diesel::joinable!(certificates -> courses (course_id));
diesel::joinable!(course_drafts -> courses (course_id));
diesel::joinable!(course_modules -> course_versions (course_version_id));
diesel::joinable!(course_prerequisites -> course_versions (course_version_id));
diesel::joinable!(course_prerequisites -> courses (required_course_id));
diesel::joinable!(course_versions -> users (published_by));
diesel::joinable!(courses -> coes (coe_id));
diesel::joinable!(enrolments -> course_versions (course_version_id));
diesel::joinable!(enrolments -> courses (course_id));
diesel::joinable!(enrolments -> lessons (last_lesson_id));
diesel::joinable!(facilities -> coes (coe_id));
diesel::joinable!(identity_provider_institutions -> identity_providers (provider_id));
diesel::joinable!(identity_provider_institutions -> institutions (institution_id));
diesel::joinable!(institutions -> coes (coe_id));
diesel::joinable!(job_role_assignments -> job_roles (role_id));
diesel::joinable!(job_role_courses -> courses (course_id));
diesel::joinable!(job_role_courses -> job_roles (role_id));
diesel::joinable!(job_roles -> coes (coe_id));
diesel::joinable!(lesson_attachments -> lessons (lesson_id));
diesel::joinable!(lesson_progress -> enrolments (enrolment_id));
diesel::joinable!(lesson_progress -> lessons (lesson_id));
diesel::joinable!(lessons -> course_modules (module_id));
diesel::joinable!(lessons -> course_versions (course_version_id));
diesel::joinable!(programme_courses -> courses (course_id));
diesel::joinable!(programme_courses -> programmes (programme_id));
diesel::joinable!(programme_enrolments -> programmes (programme_id));
diesel::joinable!(programme_enrolments -> users (user_id));
diesel::joinable!(programmes -> coes (coe_id));
diesel::joinable!(requalifications -> certificates (certificate_id));
diesel::joinable!(requalifications -> course_versions (course_version_id));
diesel::joinable!(role_grants -> coes (coe_id));
diesel::joinable!(role_grants -> courses (course_id));
diesel::joinable!(session_bookings -> training_sessions (session_id));
diesel::joinable!(training_sessions -> coes (coe_id));
diesel::joinable!(training_sessions -> courses (course_id));
diesel::joinable!(training_sessions -> facilities (facility_id));
diesel::joinable!(training_sessions -> users (created_by));
diesel::joinable!(user_identities -> identity_providers (provider_id));
diesel::joinable!(user_identities -> users (user_id));
diesel::joinable!(users -> institutions (institution_id));

diesel::allow_tables_to_appear_in_same_query!(
    document_signatures,
    signature_challenges,
    api_tokens,
    job_role_assignments,
    job_role_courses,
    job_roles,
    certificate_reminders,
    certificates,
    course_drafts,
    course_equivalences,
    programme_courses,
    programme_enrolments,
    programmes,
    credential_keys,
    lesson_attachments,
    requalifications,
    assessment_attempts,
    assessment_questions,
    attempt_answers,
    audit_events,
    audit_links,
    catalogue_generation,
    coes,
    course_modules,
    course_prerequisites,
    course_versions,
    courses,
    email_outbox,
    email_sign_in_links,
    enrolments,
    facilities,
    identity_provider_institutions,
    identity_providers,
    institutions,
    lesson_progress,
    lessons,
    role_grants,
    session_bookings,
    training_sessions,
    user_identities,
    users,
);
