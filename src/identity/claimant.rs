//! Whom a unit of work acts for: the person a session claims, confirmed
//! from their account as the work's own first statement reads it (see
//! [`claimed_person_columns!`](crate::claimed_person_columns); no round trip
//! of its own), or a person the caller has confirmed already.

use super::queries::ClaimedPerson;
use crate::ids::UserId;

/// The person a unit of work acts for. A service reads the person with the
/// rows it locks or reads for [`id`](Self::id), and goes on only if
/// [`accept`](Self::accept) says so; until then nothing it read is theirs
/// to see and nothing may be written.
pub struct Claimant<'a> {
    id: UserId,
    /// Decides from the person as read (None: no such account); None when
    /// the caller confirmed the person already.
    confirm: Option<Box<dyn FnOnce(Option<ClaimedPerson>) -> bool + 'a>>,
}

impl<'a> Claimant<'a> {
    /// A person the caller has confirmed already (the API's signed-in
    /// person, whose session was checked before the work began).
    pub fn confirmed(id: UserId) -> Self {
        Claimant { id, confirm: None }
    }

    /// The person a session claims; `confirm` decides from the person as
    /// the work's statement read them.
    pub fn claimed(id: UserId, confirm: impl FnOnce(Option<ClaimedPerson>) -> bool + 'a) -> Self {
        Claimant {
            id,
            confirm: Some(Box::new(confirm)),
        }
    }

    /// Whose rows to read.
    pub fn id(&self) -> UserId {
        self.id
    }

    /// Whether the work may go on for the person, as read now.
    pub fn accept(self, person: Option<ClaimedPerson>) -> bool {
        match self.confirm {
            Some(confirm) => confirm(person),
            None => true,
        }
    }
}
