//! The synthetic network: CoEs (each hosted by an institution, with its
//! facilities and a coordinator), institutions with their email domains,
//! and learners spread over the institutions, large ones first. Built in
//! memory from the seed, then written with COPY.

use diesel::PgConnection;
use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};

use super::clock::{Clock, DAY, between, id_at};
use super::copy::copy_rows;
use super::plan::Plan;
use super::vocabulary::{
    CITIES, City, FACILITIES, FIRST_NAMES, INSTITUTION_KIND_WEIGHTS, INSTITUTION_KINDS, LAST_NAMES,
    LOCALES, SPECIALTIES,
};
use super::{SLUG_PREFIX, SyntheticError};
use crate::db::schema::{coes, facilities, institutions, role_grants, users};
use uuid::Uuid;

/// How much larger the largest institution is than the smallest: learners
/// per institution fall off as 1 / rank^this.
const INSTITUTION_SIZE_SKEW: f64 = 0.7;

/// A person with an account.
pub struct Person {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub institution: usize,
    pub locale: Option<&'static str>,
    pub created_at: i64,
}

pub struct Coe {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub city: &'static City,
    pub summary: String,
    pub expertise: &'static [&'static str],
    pub facilities: Vec<&'static (&'static str, &'static str, &'static str)>,
    pub coordinator: Person,
    pub created_at: i64,
}

pub struct Institution {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub country: &'static str,
    pub kind: &'static str,
    pub domain: String,
    /// The CoE this institution hosts.
    pub coe: Option<usize>,
    pub created_at: i64,
}

pub struct Network {
    pub coes: Vec<Coe>,
    pub institutions: Vec<Institution>,
    pub learners: Vec<Person>,
}

impl Network {
    /// The network of `plan`, drawn from `rng`.
    pub fn build(plan: &Plan, clock: &Clock, rng: &mut StdRng) -> Network {
        let founded = clock.days_ago(800);
        let mut cities: Vec<&'static City> = CITIES.iter().collect();
        cities.shuffle(rng);
        let institutions: Vec<Institution> = (0..plan.institutions)
            .map(|index| {
                let hosts = (index < plan.coes).then_some(index);
                let city = if hosts.is_some() {
                    cities[index % cities.len()]
                } else {
                    cities.choose(rng).copied().unwrap_or(&CITIES[0])
                };
                institution(index, hosts, city, founded, rng)
            })
            .collect();
        let coes: Vec<Coe> = (0..plan.coes)
            .map(|index| {
                coe(
                    index,
                    &institutions[index],
                    cities[index % cities.len()],
                    founded,
                    rng,
                )
            })
            .collect();
        let weights: Vec<f64> = (0..institutions.len())
            .map(|rank| 1.0 / ((rank + 1) as f64).powf(INSTITUTION_SIZE_SKEW))
            .collect();
        let cumulative = cumulative(&weights);
        let learners = (0..plan.learners)
            .map(|index| {
                let institution = pick(&cumulative, rng);
                let created_at = between(clock.days_ago(730), clock.days_ago(1), 0.7, rng);
                Person {
                    id: id_at(created_at, rng),
                    email: format!(
                        "learner{:06}@{}",
                        index + 1,
                        institutions[institution].domain
                    ),
                    name: person_name(rng),
                    institution,
                    locale: rng
                        .random_bool(0.25)
                        .then(|| LOCALES.choose(rng).copied())
                        .flatten(),
                    created_at,
                }
            })
            .collect();
        Network {
            coes,
            institutions,
            learners,
        }
    }

    /// Everyone with an account: coordinators, then learners.
    pub fn people(&self) -> impl Iterator<Item = &Person> {
        self.coes
            .iter()
            .map(|coe| &coe.coordinator)
            .chain(&self.learners)
    }
}

fn institution(
    index: usize,
    hosts: Option<usize>,
    city: &'static City,
    founded: i64,
    rng: &mut StdRng,
) -> Institution {
    let kind_index = match hosts {
        Some(_) => rng.random_range(0..2),
        None => pick(&cumulative(INSTITUTION_KIND_WEIGHTS), rng),
    };
    let (kind, patterns) = INSTITUTION_KINDS[kind_index];
    let pattern = patterns.choose(rng).copied().unwrap_or("{city} Institute");
    let short = match kind {
        "university" => "uni",
        "hospital" => "hospital",
        "research_institute" => "institute",
        "company" => "bio",
        "patient_organisation" => "patients",
        "regulator" => "agency",
        _ => "academy",
    };
    let number = index + 1;
    Institution {
        id: id_at(founded, rng),
        slug: format!("{SLUG_PREFIX}{short}-{}-{number:03}", city.slug),
        name: pattern.replace("{city}", city.name),
        country: city.country,
        kind,
        domain: format!("{short}-{}-{number:03}.example", city.slug),
        coe: hosts,
        created_at: founded,
    }
}

fn coe(
    index: usize,
    host: &Institution,
    city: &'static City,
    founded: i64,
    rng: &mut StdRng,
) -> Coe {
    let (specialty, expertise) = SPECIALTIES[index % SPECIALTIES.len()];
    let count = rng.random_range(2..=3);
    let facilities: Vec<_> = FACILITIES.choose_multiple(rng, count).collect();
    let facility_names: Vec<String> = facilities
        .iter()
        .map(|(name, _, _)| name.to_lowercase())
        .collect();
    let coordinator_since = founded + rng.random_range(1..30) * DAY;
    Coe {
        id: id_at(founded, rng),
        slug: format!("{SLUG_PREFIX}coe-{:02}-{}", index + 1, city.slug),
        name: format!("{} Centre of Excellence for {specialty}", city.name),
        city,
        summary: format!(
            "Hosted by {}, the centre trains researchers, clinicians and GMP staff in {} and runs a {} for the network.",
            host.name,
            expertise.join(", "),
            facility_names.join(" and a "),
        ),
        expertise,
        facilities,
        coordinator: Person {
            id: id_at(coordinator_since, rng),
            email: format!("coordinator.{:02}@{}", index + 1, host.domain),
            name: person_name(rng),
            institution: index,
            locale: None,
            created_at: coordinator_since,
        },
        created_at: founded,
    }
}

fn person_name(rng: &mut StdRng) -> String {
    format!(
        "{} {}",
        FIRST_NAMES.choose(rng).copied().unwrap_or("Alex"),
        LAST_NAMES.choose(rng).copied().unwrap_or("Smith")
    )
}

/// Running totals of `weights`, for `pick`.
pub fn cumulative(weights: &[f64]) -> Vec<f64> {
    weights
        .iter()
        .scan(0.0, |total, weight| {
            *total += weight;
            Some(*total)
        })
        .collect()
}

/// An index drawn with probability proportional to its weight.
pub fn pick(cumulative: &[f64], rng: &mut impl Rng) -> usize {
    let total = cumulative.last().copied().unwrap_or(0.0);
    let target = rng.random::<f64>() * total;
    cumulative
        .partition_point(|&running| running <= target)
        .min(cumulative.len().saturating_sub(1))
}

pub fn copy_coes(
    connection: &mut PgConnection,
    network: &Network,
) -> Result<usize, SyntheticError> {
    use coes::dsl as c;
    copy_rows(
        connection,
        coes::table,
        (
            c::id,
            c::slug,
            c::name,
            c::city,
            c::country,
            c::summary,
            c::expertise,
            c::created_at,
            c::updated_at,
        ),
        |writer| {
            for coe in &network.coes {
                writer
                    .uuid(coe.id)
                    .text(&coe.slug)
                    .text(&coe.name)
                    .text(coe.city.name)
                    .text(coe.city.country)
                    .text(&coe.summary)
                    .text_array(coe.expertise)
                    .timestamp(coe.created_at)
                    .timestamp(coe.created_at);
                writer.end_row()?;
            }
            Ok(())
        },
    )
}

pub fn copy_facilities(
    connection: &mut PgConnection,
    network: &Network,
    rng_seed: u64,
) -> Result<usize, SyntheticError> {
    use facilities::dsl as f;
    copy_rows(
        connection,
        facilities::table,
        (
            f::id,
            f::coe_id,
            f::position,
            f::name,
            f::kind,
            f::description,
        ),
        |writer| {
            let mut rng = <StdRng as rand::SeedableRng>::seed_from_u64(rng_seed);
            for coe in &network.coes {
                for (position, (name, kind, description)) in coe.facilities.iter().enumerate() {
                    writer
                        .uuid(id_at(coe.created_at, &mut rng))
                        .uuid(coe.id)
                        .int(position as i64)
                        .text(name)
                        .text(kind)
                        .text(description);
                    writer.end_row()?;
                }
            }
            Ok(())
        },
    )
}

pub fn copy_institutions(
    connection: &mut PgConnection,
    network: &Network,
) -> Result<usize, SyntheticError> {
    use institutions::dsl as i;
    copy_rows(
        connection,
        institutions::table,
        (
            i::id,
            i::slug,
            i::name,
            i::country,
            i::kind,
            i::email_domains,
            i::coe_id,
            i::created_at,
            i::updated_at,
        ),
        |writer| {
            for institution in &network.institutions {
                writer
                    .uuid(institution.id)
                    .text(&institution.slug)
                    .text(&institution.name)
                    .text(institution.country)
                    .text(institution.kind)
                    .text_array(&[institution.domain.as_str()])
                    .opt_uuid(institution.coe.map(|coe| network.coes[coe].id))
                    .timestamp(institution.created_at)
                    .timestamp(institution.created_at);
                writer.end_row()?;
            }
            Ok(())
        },
    )
}

pub fn copy_users(
    connection: &mut PgConnection,
    network: &Network,
) -> Result<usize, SyntheticError> {
    use users::dsl as u;
    copy_rows(
        connection,
        users::table,
        (
            u::id,
            u::email,
            u::display_name,
            u::institution_id,
            u::locale,
            u::created_at,
            u::updated_at,
        ),
        |writer| {
            for person in network.people() {
                writer
                    .uuid(person.id)
                    .text(&person.email)
                    .text(&person.name)
                    .uuid(network.institutions[person.institution].id)
                    .opt_text(person.locale)
                    .timestamp(person.created_at)
                    .timestamp(person.created_at);
                writer.end_row()?;
            }
            Ok(())
        },
    )
}

/// Each CoE's coordinator role (granted when the account was created).
pub fn copy_role_grants(
    connection: &mut PgConnection,
    network: &Network,
    rng_seed: u64,
) -> Result<usize, SyntheticError> {
    use role_grants::dsl as g;
    copy_rows(
        connection,
        role_grants::table,
        (g::id, g::user_id, g::role, g::coe_id, g::granted_at),
        |writer| {
            let mut rng = <StdRng as rand::SeedableRng>::seed_from_u64(rng_seed);
            for coe in &network.coes {
                let granted_at = coe.coordinator.created_at;
                writer
                    .uuid(id_at(granted_at, &mut rng))
                    .uuid(coe.coordinator.id)
                    .text(crate::identity::models::Role::Coordinator.as_str())
                    .uuid(coe.id)
                    .timestamp(granted_at);
                writer.end_row()?;
            }
            Ok(())
        },
    )
}
