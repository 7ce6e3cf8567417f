//! Hands-on training sessions at a CoE's facilities: seat-limited, with a
//! waitlist served in arrival order. No overbooking, ever: bookings lock the
//! session row, so parallel requests are counted one after another.

pub mod queries;
pub mod service;
