//! Newtype ids: a `CourseId` cannot be passed where a `CoeId` is expected.
//! Each id is a UUID in the database (`uuid` column) and in JSON.

/// Declares a UUID newtype usable as a Diesel `Uuid` column and in serde.
#[macro_export]
macro_rules! uuid_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            /// A fresh, time-ordered id (UUID v7: index-friendly).
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Uuid, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <uuid::Uuid as diesel::serialize::ToSql<diesel::sql_types::Uuid, diesel::pg::Pg>>::to_sql(&self.0, out)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Uuid, diesel::pg::Pg> for $name {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                <uuid::Uuid as diesel::deserialize::FromSql<diesel::sql_types::Uuid, diesel::pg::Pg>>::from_sql(bytes).map(Self)
            }
        }
    };
}

uuid_id!(
    /// A Centre of Excellence.
    CoeId
);
uuid_id!(
    /// A facility of a CoE (GMP suite, vector core, ...).
    FacilityId
);
uuid_id!(
    /// An institution (university, hospital, company, ...).
    InstitutionId
);
uuid_id!(
    /// A person with an account.
    UserId
);
uuid_id!(
    /// A course, across all its versions.
    CourseId
);
uuid_id!(
    /// One immutable version of a course.
    CourseVersionId
);
uuid_id!(
    /// A module of a course version.
    ModuleId
);
uuid_id!(
    /// A lesson of a course version.
    LessonId
);
