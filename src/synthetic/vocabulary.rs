//! The words synthetic data is made of: European cities, CoE specialties,
//! facilities, institution kinds, personal names, and course topics with
//! their module themes and key terms, plus the sentence templates lessons,
//! descriptions and question banks are written from. Nothing here touches
//! the database.

use rand::Rng;
use rand::seq::IndexedRandom;

/// A city: its name, a slug-safe form and its ISO country code.
pub struct City {
    pub name: &'static str,
    pub slug: &'static str,
    pub country: &'static str,
}

macro_rules! cities {
    ($(($name:literal, $slug:literal, $country:literal)),+ $(,)?) => {
        &[$(City { name: $name, slug: $slug, country: $country }),+]
    };
}

pub const CITIES: &[City] = cities![
    ("Amsterdam", "amsterdam", "NL"),
    ("Rotterdam", "rotterdam", "NL"),
    ("Utrecht", "utrecht", "NL"),
    ("Leuven", "leuven", "BE"),
    ("Ghent", "ghent", "BE"),
    ("Brussels", "brussels", "BE"),
    ("Paris", "paris", "FR"),
    ("Marseille", "marseille", "FR"),
    ("Toulouse", "toulouse", "FR"),
    ("Lille", "lille", "FR"),
    ("Nantes", "nantes", "FR"),
    ("Munich", "munich", "DE"),
    ("Hamburg", "hamburg", "DE"),
    ("Heidelberg", "heidelberg", "DE"),
    ("Dresden", "dresden", "DE"),
    ("Frankfurt", "frankfurt", "DE"),
    ("Tübingen", "tuebingen", "DE"),
    ("Graz", "graz", "AT"),
    ("Innsbruck", "innsbruck", "AT"),
    ("Zürich", "zurich", "CH"),
    ("Basel", "basel", "CH"),
    ("Geneva", "geneva", "CH"),
    ("Rome", "rome", "IT"),
    ("Bologna", "bologna", "IT"),
    ("Turin", "turin", "IT"),
    ("Naples", "naples", "IT"),
    ("Padua", "padua", "IT"),
    ("Madrid", "madrid", "ES"),
    ("Valencia", "valencia", "ES"),
    ("Seville", "seville", "ES"),
    ("Pamplona", "pamplona", "ES"),
    ("Lisbon", "lisbon", "PT"),
    ("Porto", "porto", "PT"),
    ("Copenhagen", "copenhagen", "DK"),
    ("Aarhus", "aarhus", "DK"),
    ("Gothenburg", "gothenburg", "SE"),
    ("Uppsala", "uppsala", "SE"),
    ("Oslo", "oslo", "NO"),
    ("Bergen", "bergen", "NO"),
    ("Helsinki", "helsinki", "FI"),
    ("Dublin", "dublin", "IE"),
    ("Galway", "galway", "IE"),
    ("Warsaw", "warsaw", "PL"),
    ("Kraków", "krakow", "PL"),
    ("Prague", "prague", "CZ"),
    ("Brno", "brno", "CZ"),
    ("Budapest", "budapest", "HU"),
    ("Athens", "athens", "GR"),
    ("Ljubljana", "ljubljana", "SI"),
    ("Tallinn", "tallinn", "EE"),
    ("Vilnius", "vilnius", "LT"),
    ("Leeds", "leeds", "GB"),
    ("Edinburgh", "edinburgh", "GB"),
];

/// What a CoE is a Centre of Excellence for, with its expertise keywords.
pub const SPECIALTIES: &[(&str, &[&str])] = &[
    (
        "Gene Therapy and Viral Vectors",
        &["gene therapy", "viral vectors", "AAV", "lentivirus"],
    ),
    (
        "Cell Therapy Manufacturing",
        &["cell therapy", "GMP manufacturing", "quality assurance"],
    ),
    (
        "Immune Cell Therapies",
        &["CAR-T", "immune effector cells", "clinical trials"],
    ),
    (
        "Regulatory Science in Advanced Therapies",
        &[
            "regulatory science",
            "ATMP classification",
            "scientific advice",
        ],
    ),
    (
        "Tissue Engineering",
        &["tissue engineering", "scaffolds", "bioreactors"],
    ),
    (
        "Genome Editing",
        &["genome editing", "CRISPR", "off-target analysis"],
    ),
    (
        "Haematopoietic Stem Cell Therapies",
        &[
            "stem cell transplantation",
            "gene-modified HSCs",
            "apheresis",
        ],
    ),
    (
        "Translational Regenerative Medicine",
        &[
            "regenerative medicine",
            "first-in-human trials",
            "preclinical models",
        ],
    ),
    (
        "ATMP Quality Control",
        &["quality control", "potency assays", "release testing"],
    ),
    (
        "Clinical Development of Advanced Therapies",
        &[
            "early-phase trials",
            "long-term follow-up",
            "pharmacovigilance",
        ],
    ),
];

/// Facilities a CoE may run: (name, kind, description).
pub const FACILITIES: &[(&str, &str, &str)] = &[
    (
        "Cell therapy GMP suite",
        "gmp_suite",
        "Grade B cleanrooms with grade A biosafety cabinets for autologous and allogeneic cell products.",
    ),
    (
        "Viral vector core",
        "vector_core",
        "Containment level 2 laboratories for lentiviral and AAV vector production and titration.",
    ),
    (
        "Early-phase clinical trial unit",
        "clinical_trial_unit",
        "Beds, apheresis and pharmacy support for first-in-human ATMP trials.",
    ),
    (
        "QC laboratory",
        "laboratory",
        "Sterility, mycoplasma, flow cytometry and potency testing under GMP.",
    ),
    (
        "Cleanroom training centre",
        "training_centre",
        "A non-GMP replica cleanroom for gowning qualification and aseptic technique.",
    ),
    (
        "Cryostorage facility",
        "other",
        "Monitored vapour-phase liquid nitrogen storage with an alarm call-out rota.",
    ),
];

/// An institution kind and the patterns of its names (`{city}` is replaced).
pub const INSTITUTION_KINDS: &[(&str, &[&str])] = &[
    (
        "university",
        &[
            "University of {city}",
            "{city} University",
            "{city} Technical University",
        ],
    ),
    (
        "hospital",
        &[
            "{city} University Hospital",
            "{city} General Hospital",
            "{city} Children's Hospital",
        ],
    ),
    (
        "research_institute",
        &[
            "{city} Institute for Regenerative Medicine",
            "{city} Centre for Molecular Medicine",
        ],
    ),
    (
        "company",
        &[
            "{city} Biologics",
            "{city} Cell Therapeutics",
            "{city} Vector Services",
        ],
    ),
    (
        "patient_organisation",
        &[
            "{city} Rare Disease Patient Alliance",
            "{city} Association for Blood Cancer Patients",
        ],
    ),
    ("regulator", &["{city} Office of the Medicines Agency"]),
    ("other", &["{city} Academy of Laboratory Medicine"]),
];

/// How often each institution kind occurs (same order as `INSTITUTION_KINDS`).
pub const INSTITUTION_KIND_WEIGHTS: &[f64] = &[0.3, 0.3, 0.15, 0.15, 0.04, 0.03, 0.03];

pub const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Lukas",
    "Sofia",
    "Matteo",
    "Emma",
    "Noah",
    "Lea",
    "Jan",
    "Marta",
    "Pieter",
    "Chiara",
    "Hugo",
    "Ines",
    "Tomasz",
    "Ingrid",
    "Mikko",
    "Aoife",
    "Dimitris",
    "Eva",
    "Jakub",
    "Clara",
    "Nils",
    "Elena",
    "Mateusz",
    "Julia",
    "Louis",
    "Freya",
    "Pablo",
    "Zofia",
    "Andrea",
    "Katarina",
    "Oliver",
    "Amira",
    "Luca",
    "Sara",
    "Jonas",
    "Maja",
    "Diego",
    "Hanna",
    "Rui",
    "Camille",
    "Stefan",
    "Nora",
    "Bram",
    "Giulia",
    "Emil",
    "Laura",
    "Vojtěch",
    "Aylin",
    "Finn",
    "Yasmin",
    "Sebastian",
    "Ewa",
    "Arturo",
    "Lotte",
    "Ciarán",
    "Irene",
    "Mehmet",
    "Agnes",
    "Björn",
];

pub const LAST_NAMES: &[&str] = &[
    "Müller",
    "Rossi",
    "García",
    "Janssen",
    "Nowak",
    "Dubois",
    "Silva",
    "Nielsen",
    "Virtanen",
    "Murphy",
    "Papadopoulos",
    "Novák",
    "Horvat",
    "Schmidt",
    "Bianchi",
    "Martínez",
    "de Vries",
    "Kowalski",
    "Lefebvre",
    "Santos",
    "Andersson",
    "Hansen",
    "Korhonen",
    "O'Brien",
    "Georgiou",
    "Svoboda",
    "Kovač",
    "Fischer",
    "Romano",
    "López",
    "van Dijk",
    "Wiśniewski",
    "Moreau",
    "Ferreira",
    "Johansson",
    "Larsen",
    "Mäkinen",
    "Walsh",
    "Nikolaidis",
    "Dvořák",
    "Weber",
    "Colombo",
    "Fernández",
    "Bakker",
    "Wójcik",
    "Laurent",
    "Pereira",
    "Karlsson",
    "Pedersen",
    "Lehtonen",
    "Kelly",
    "Dimitriou",
    "Černý",
    "Novak",
    "Wagner",
    "Ricci",
    "Sánchez",
    "Visser",
    "Kamińska",
    "Girard",
    "Costa",
    "Nilsson",
    "Berg",
    "Heikkinen",
    "Byrne",
    "Petrou",
    "Procházka",
    "Becker",
    "Marino",
    "Gómez",
    "Smit",
    "Lewandowski",
    "Bonnet",
    "Oliveira",
    "Eriksson",
    "Jensen",
    "Laine",
    "Ryan",
    "Angelou",
    "Kuča",
];

/// The interface languages a learner may have chosen (most have not).
pub const LOCALES: &[&str] = &["en", "de", "fr", "it"];

/// A course subject: its name, slug, tags, module themes (title, slug),
/// key terms and the audience it is usually written for.
pub struct Topic {
    pub name: &'static str,
    pub slug: &'static str,
    pub tags: &'static [&'static str],
    pub themes: &'static [(&'static str, &'static str)],
    pub terms: &'static [&'static str],
    pub audience: &'static str,
}

pub const TOPICS: &[Topic] = &[
    Topic {
        name: "GMP for cell therapy manufacturing",
        slug: "gmp-cell-manufacturing",
        tags: &["GMP", "cell therapy", "quality assurance", "manufacturing"],
        themes: &[
            ("The pharmaceutical quality system", "quality-system"),
            ("Premises and cleanrooms", "premises-and-cleanrooms"),
            ("Personnel and gowning", "personnel-and-gowning"),
            ("Starting and raw materials", "starting-materials"),
            ("Process validation", "process-validation"),
            ("Batch records and release", "batch-release"),
            ("Deviations and CAPA", "deviations-and-capa"),
            ("Change control", "change-control"),
        ],
        terms: &[
            "batch record",
            "environmental monitoring",
            "aseptic process simulation",
            "raw material qualification",
            "deviation report",
            "corrective and preventive action",
            "line clearance",
            "QP certification",
        ],
        audience: "gmp_staff",
    },
    Topic {
        name: "Viral vector production",
        slug: "viral-vector-production",
        tags: &["viral vectors", "AAV", "lentivirus", "process development"],
        themes: &[
            ("Vector design", "vector-design"),
            ("Upstream production", "upstream-production"),
            ("Downstream purification", "downstream-purification"),
            ("Titration and characterisation", "titration"),
            ("Biosafety and containment", "biosafety"),
            ("Release testing", "release-testing"),
            ("Stability", "stability"),
            ("Technology transfer", "technology-transfer"),
        ],
        terms: &[
            "transient transfection",
            "functional titre",
            "empty-full capsid ratio",
            "replication-competent virus testing",
            "residual host cell DNA",
            "plasmid quality",
            "fill and finish",
            "stability study",
        ],
        audience: "scientists",
    },
    Topic {
        name: "CAR-T cell therapy in the clinic",
        slug: "car-t-clinic",
        tags: &[
            "CAR-T",
            "immune effector cells",
            "cytokine release syndrome",
            "ICANS",
        ],
        themes: &[
            ("Patient selection", "patient-selection"),
            ("Apheresis", "apheresis"),
            ("Bridging therapy", "bridging-therapy"),
            (
                "Lymphodepletion and infusion",
                "lymphodepletion-and-infusion",
            ),
            ("Cytokine release syndrome", "crs"),
            ("Neurotoxicity", "icans"),
            ("Infections and cytopenias", "infections-and-cytopenias"),
            ("Long-term follow-up", "long-term-follow-up"),
        ],
        terms: &[
            "chain of identity",
            "ICE score",
            "tocilizumab availability",
            "CRS grading",
            "vein-to-vein time",
            "lymphodepleting chemotherapy",
            "patient alert card",
            "registry reporting",
        ],
        audience: "clinicians",
    },
    Topic {
        name: "The EU regulatory framework for ATMPs",
        slug: "eu-atmp-regulation",
        tags: &[
            "regulation",
            "EMA",
            "clinical trials",
            "marketing authorisation",
        ],
        themes: &[
            ("The ATMP Regulation", "atmp-regulation"),
            ("Classification", "classification"),
            (
                "Clinical trial authorisation",
                "clinical-trial-authorisation",
            ),
            ("GMO requirements", "gmo-requirements"),
            ("The hospital exemption", "hospital-exemption"),
            ("Marketing authorisation", "marketing-authorisation"),
            ("Expedited pathways", "expedited-pathways"),
            ("Post-authorisation obligations", "post-authorisation"),
        ],
        terms: &[
            "CAT classification",
            "CTIS submission",
            "investigational medicinal product dossier",
            "PRIME eligibility",
            "conditional marketing authorisation",
            "risk management plan",
            "environmental risk assessment",
            "scientific advice",
        ],
        audience: "scientists",
    },
    Topic {
        name: "Quality control and potency assays",
        slug: "qc-potency-assays",
        tags: &[
            "quality control",
            "potency",
            "analytical methods",
            "release testing",
        ],
        themes: &[
            ("The assay lifecycle", "assay-lifecycle"),
            ("Potency", "potency"),
            ("Sterility and mycoplasma", "sterility-and-mycoplasma"),
            ("Identity and purity", "identity-and-purity"),
            ("Method validation", "method-validation"),
            ("Out-of-specification investigations", "oos-investigations"),
            ("Reference standards", "reference-standards"),
            ("Data integrity in the QC laboratory", "qc-data-integrity"),
        ],
        terms: &[
            "potency assay",
            "rapid sterility test",
            "mycoplasma testing",
            "flow cytometry panel",
            "method validation report",
            "out-of-specification result",
            "reference standard",
            "audit trail review",
        ],
        audience: "gmp_staff",
    },
    Topic {
        name: "Genome editing for therapy",
        slug: "genome-editing",
        tags: &["genome editing", "CRISPR", "gene therapy", "safety"],
        themes: &[
            ("Editing platforms", "editing-platforms"),
            ("Guide design", "guide-design"),
            ("Delivery", "delivery"),
            ("Off-target assessment", "off-target-assessment"),
            ("Repair outcomes", "repair-outcomes"),
            ("Characterising edited cells", "edited-cells"),
            ("Preclinical safety", "preclinical-safety"),
            ("Clinical translation", "clinical-translation"),
        ],
        terms: &[
            "guide RNA",
            "off-target analysis",
            "ribonucleoprotein delivery",
            "editing efficiency",
            "karyotype analysis",
            "base editor",
            "long-read sequencing",
            "genotoxicity study",
        ],
        audience: "scientists",
    },
    Topic {
        name: "Tissue-engineered products",
        slug: "tissue-engineering",
        tags: &[
            "tissue engineering",
            "scaffolds",
            "bioreactors",
            "combined ATMPs",
        ],
        themes: &[
            ("Scaffolds and biomaterials", "scaffolds"),
            ("Cell sourcing", "cell-sourcing"),
            ("Bioreactors", "bioreactors"),
            ("Product characterisation", "product-characterisation"),
            ("Biocompatibility", "biocompatibility"),
            ("Shelf life and transport", "shelf-life"),
            ("Surgical use", "surgical-use"),
            ("Follow-up of implanted products", "implant-follow-up"),
        ],
        terms: &[
            "scaffold characterisation",
            "bioreactor parameters",
            "cell seeding density",
            "mechanical testing",
            "biocompatibility testing",
            "shelf life",
            "surgical handling instructions",
            "explant analysis",
        ],
        audience: "scientists",
    },
    Topic {
        name: "Cryopreservation and cold-chain logistics",
        slug: "cryopreservation-logistics",
        tags: &[
            "cryopreservation",
            "logistics",
            "chain of custody",
            "cold chain",
        ],
        themes: &[
            ("Formulation", "formulation"),
            ("Controlled-rate freezing", "controlled-rate-freezing"),
            ("Storage", "storage"),
            ("Shipping", "shipping"),
            ("Receipt and thaw", "receipt-and-thaw"),
            ("Temperature excursions", "temperature-excursions"),
            ("Chain of custody", "chain-of-custody"),
            ("Returns and destruction", "returns"),
        ],
        terms: &[
            "freezing profile",
            "dry shipper",
            "temperature logger",
            "cryoprotectant",
            "chain of custody",
            "thaw procedure",
            "excursion assessment",
            "courier qualification",
        ],
        audience: "gmp_staff",
    },
    Topic {
        name: "Clinical trials with advanced therapies",
        slug: "atmp-clinical-trials",
        tags: &[
            "clinical trials",
            "GCP",
            "safety reporting",
            "first-in-human",
        ],
        themes: &[
            ("Trial design", "trial-design"),
            ("Dose finding", "dose-finding"),
            ("Informed consent", "informed-consent"),
            ("Safety reporting", "safety-reporting"),
            ("Monitoring", "monitoring"),
            ("Handling the investigational product", "imp-handling"),
            ("Long-term follow-up", "follow-up"),
            ("Data management", "data-management"),
        ],
        terms: &[
            "dose escalation",
            "informed consent form",
            "SUSAR report",
            "data safety monitoring board",
            "source data verification",
            "IMP accountability",
            "protocol deviation",
            "electronic case report form",
        ],
        audience: "clinicians",
    },
    Topic {
        name: "Biosafety in ATMP laboratories",
        slug: "laboratory-biosafety",
        tags: &["biosafety", "containment", "GMO", "occupational health"],
        themes: &[
            ("Risk groups", "risk-groups"),
            ("Containment levels", "containment-levels"),
            ("Biological safety cabinets", "safety-cabinets"),
            ("Decontamination", "decontamination"),
            ("Waste", "waste"),
            ("Spills and exposures", "spills"),
            ("Occupational health", "occupational-health"),
            ("GMO notifications", "gmo-notifications"),
        ],
        terms: &[
            "biological safety cabinet",
            "containment level",
            "spill kit",
            "validated decontamination",
            "waste inactivation",
            "exposure incident",
            "GMO notification",
            "risk group classification",
        ],
        audience: "scientists",
    },
    Topic {
        name: "Advanced therapies explained",
        slug: "advanced-therapies-explained",
        tags: &["patients", "public", "gene therapy", "cell therapy"],
        themes: &[
            ("What advanced therapies are", "what-they-are"),
            ("How clinical trials work", "how-trials-work"),
            ("Benefits and risks", "benefits-and-risks"),
            ("Getting access", "access"),
            ("Costs and reimbursement", "costs"),
            ("Patient organisations", "patient-organisations"),
            ("Life after treatment", "after-treatment"),
            ("Questions to ask your doctor", "questions-to-ask"),
        ],
        terms: &[
            "clinical trial",
            "informed consent",
            "side effects",
            "long-term follow-up",
            "patient registry",
            "reimbursement",
            "second opinion",
            "patient organisation",
        ],
        audience: "public",
    },
    Topic {
        name: "Health technology assessment and market access",
        slug: "hta-market-access",
        tags: &["HTA", "market access", "real-world evidence", "pricing"],
        themes: &[
            ("Value frameworks", "value-frameworks"),
            ("Evidence gaps", "evidence-gaps"),
            ("Outcomes-based agreements", "outcomes-based-agreements"),
            ("Budget impact", "budget-impact"),
            ("Real-world evidence", "real-world-evidence"),
            ("The EU HTA Regulation", "eu-hta-regulation"),
            ("Hospital pharmacy", "hospital-pharmacy"),
            ("Horizon scanning", "horizon-scanning"),
        ],
        terms: &[
            "joint clinical assessment",
            "outcomes-based agreement",
            "budget impact model",
            "real-world evidence",
            "registry data",
            "managed entry agreement",
            "cost-effectiveness threshold",
            "horizon scanning",
        ],
        audience: "stakeholders",
    },
    Topic {
        name: "Data integrity in GxP environments",
        slug: "gxp-data-integrity",
        tags: &["data integrity", "GxP", "computerised systems", "ALCOA+"],
        themes: &[
            ("ALCOA+", "alcoa"),
            ("Computerised systems", "computerised-systems"),
            ("Audit trails", "audit-trails"),
            ("Electronic signatures", "electronic-signatures"),
            ("The data lifecycle", "data-lifecycle"),
            ("Periodic review", "periodic-review"),
            ("Supplier systems", "supplier-systems"),
            ("Inspections", "inspections"),
        ],
        terms: &[
            "ALCOA+ principle",
            "audit trail",
            "electronic signature",
            "user access review",
            "system validation",
            "raw data",
            "backup and restore test",
            "data governance",
        ],
        audience: "gmp_staff",
    },
    Topic {
        name: "Aseptic processing and cleanroom behaviour",
        slug: "aseptic-processing",
        tags: &[
            "aseptic processing",
            "Annex 1",
            "cleanrooms",
            "contamination control",
        ],
        themes: &[
            (
                "The contamination control strategy",
                "contamination-control",
            ),
            ("Cleanroom grades", "cleanroom-grades"),
            ("Gowning", "gowning"),
            ("Aseptic technique", "aseptic-technique"),
            ("Aseptic process simulation", "process-simulation"),
            ("Environmental monitoring", "environmental-monitoring"),
            ("Cleaning and disinfection", "cleaning"),
            ("Interventions", "interventions"),
        ],
        terms: &[
            "contamination control strategy",
            "grade A zone",
            "gowning qualification",
            "first air",
            "media fill",
            "settle plate",
            "disinfectant rotation",
            "critical intervention",
        ],
        audience: "gmp_staff",
    },
];

/// Who does what, for sentences.
pub const ROLES: &[&str] = &[
    "the Qualified Person",
    "quality assurance",
    "the production supervisor",
    "the principal investigator",
    "the study nurse",
    "the QC analyst",
    "the sponsor",
    "the cell processing facility",
    "the hospital pharmacy",
    "the biosafety officer",
    "the course coordinator",
    "the data manager",
];

/// Things that belong to no advanced-therapy process (wrong answers).
pub const DISTRACTORS: &[&str] = &[
    "the canteen menu",
    "the marketing budget",
    "the office seating plan",
    "the conference travel policy",
    "the colour of the logo",
    "the social media calendar",
    "the parking permit scheme",
    "the summer holiday rota",
];

/// Sentences of lesson and description text. `{theme}`, `{topic}`,
/// `{term}`, `{term2}` and `{role}` are filled in; a capitalised
/// placeholder starts a sentence.
const SENTENCES: &[&str] = &[
    "{Theme} is where many {topic} projects succeed or fail, because small gaps in the {term} add up over a long process.",
    "Before you start, agree with {role} who owns the {term} and how it is recorded.",
    "A useful test is whether a new colleague could reconstruct what happened from the {term} alone.",
    "{Role} reviews the {term} against the approved specification before the next step begins.",
    "Most inspection findings in {topic} concern the {term}, not the science itself.",
    "Write down the rationale for every decision about the {term}: an undocumented decision cannot be defended later.",
    "Where the {term} and the {term2} meet, describe the interface explicitly in the procedure.",
    "Trend the results of the {term} over time, since a single value rarely shows whether a process is in control.",
    "Training on {theme} is refreshed whenever the procedure changes, and the training record shows who was trained on which version.",
    "Small academic facilities often combine roles, so the separation between doing and checking the {term} needs particular care.",
    "Patients and their advocates increasingly ask how the {term} is handled, and a clear answer builds trust.",
    "A risk assessment decides how much control the {term} needs, and the assessment itself is reviewed periodically.",
    "{Role} keeps the {term} current and tells the team when it changes.",
    "When something goes wrong with the {term}, record it first and investigate second, so that nothing is lost.",
    "Centres across the network compare their approach to {theme} at the yearly exchange, and the differences are often instructive.",
    "The {term2} only makes sense together with the {term}, so the two are reviewed side by side.",
];

/// Lesson kinds within a module: (title pattern, slug). `{theme}` is the
/// module's theme in lower case.
pub const LESSON_PATTERNS: &[(&str, &str)] = &[
    ("Why {theme} matters", "why-it-matters"),
    ("Key principles", "key-principles"),
    ("{Theme} in practice", "in-practice"),
    ("Roles and responsibilities", "roles-and-responsibilities"),
    ("Records and documentation", "records-and-documentation"),
    ("Common pitfalls and how to avoid them", "common-pitfalls"),
    ("A case from the network", "case-study"),
    ("Checklist and self-assessment", "checklist"),
];

/// Reasons given when a coordinator declines a request.
pub const DECLINE_REASONS: &[&str] = &[
    "The course is full for this term; please apply again for the next intake.",
    "This course is reserved for staff of the network's GMP facilities.",
    "Please complete the introductory course first.",
];

/// Reasons learners give when they withdraw (often none).
pub const WITHDRAWAL_REASONS: &[&str] = &[
    "Changed role",
    "No time this term",
    "Enrolled by mistake",
    "Will retake with my team next year",
];

/// Facts with a numeric answer, for question banks: (question, answer).
pub const NUMERIC_FACTS: &[(&str, u32)] = &[
    (
        "For at least how many years after the expiry date must traceability data for an ATMP be kept? Answer with a number.",
        30,
    ),
    (
        "How many cleanroom grades does the EU GMP guide define? Answer with a number.",
        4,
    ),
    (
        "What is the highest possible score of the ICE assessment? Answer with a number.",
        10,
    ),
    (
        "How many grades of cytokine release syndrome does the ASTCT consensus define? Answer with a number.",
        4,
    ),
];

/// The first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// The first letter in lower case, unless the word is an acronym.
pub fn lowered(text: &str) -> String {
    let mut characters = text.chars();
    match (characters.next(), characters.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

/// What a sentence is about.
pub struct Subject<'a> {
    pub topic: &'a Topic,
    pub theme: &'a str,
}

impl Subject<'_> {
    /// One sentence with its placeholders filled in.
    pub fn sentence(&self, rng: &mut impl Rng) -> String {
        let template = SENTENCES.choose(rng).copied().unwrap_or(SENTENCES[0]);
        let term = self.term(rng);
        let mut term2 = self.term(rng);
        if term2 == term {
            term2 = self.topic.terms.last().copied().unwrap_or(term);
        }
        let role = ROLES.choose(rng).copied().unwrap_or(ROLES[0]);
        let theme = lowered(self.theme);
        template
            .replace("{Theme}", &capitalised(&theme))
            .replace("{theme}", &theme)
            .replace("{topic}", &lowered(self.topic.name))
            .replace("{term}", term)
            .replace("{term2}", term2)
            .replace("{Role}", &capitalised(role))
            .replace("{role}", role)
    }

    /// A paragraph of `sentences` sentences.
    pub fn paragraph(&self, sentences: usize, rng: &mut impl Rng) -> String {
        (0..sentences)
            .map(|_| self.sentence(rng))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A key term of the topic.
    pub fn term(&self, rng: &mut impl Rng) -> &'static str {
        self.topic.terms.choose(rng).copied().unwrap_or("procedure")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course_files::format::is_slug;

    #[test]
    fn slugs_and_codes_are_valid() {
        for city in CITIES {
            assert!(is_slug(city.slug), "{}", city.slug);
            assert!(
                city.country.len() == 2 && city.country.chars().all(|c| c.is_ascii_uppercase())
            );
        }
        for topic in TOPICS {
            assert!(is_slug(topic.slug), "{}", topic.slug);
            assert!(
                topic.themes.len() >= 6 && topic.terms.len() >= 4,
                "{}",
                topic.slug
            );
            for (_, slug) in topic.themes {
                assert!(is_slug(slug), "{slug}");
            }
            assert!(crate::catalog::Audience::parse(topic.audience).is_some());
        }
        for (_, slug) in LESSON_PATTERNS {
            assert!(is_slug(slug), "{slug}");
        }
        assert_eq!(INSTITUTION_KINDS.len(), INSTITUTION_KIND_WEIGHTS.len());
    }

    #[test]
    fn question_text_is_free_of_gift_syntax() {
        let special = ['~', '=', '#', '{', '}', ':', '\\'];
        let texts = TOPICS
            .iter()
            .flat_map(|topic| {
                topic
                    .terms
                    .iter()
                    .chain(topic.themes.iter().map(|(title, _)| title))
            })
            .chain(DISTRACTORS)
            .chain(NUMERIC_FACTS.iter().map(|(question, _)| question));
        for text in texts {
            assert!(!text.contains(special), "{text}");
        }
    }
}
