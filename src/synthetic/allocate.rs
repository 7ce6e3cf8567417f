//! Dividing a total among slots with capacities and weights, exactly:
//! how many enrolments each learner has, how many lessons each enrolment
//! has done, how many attempts each assessment took. Random weights make
//! the spread uneven, as real activity is; the sum is the total asked for
//! whenever the capacities can hold it.

use rand::Rng;

/// Gives each slot a share of `total` proportional to its weight, never
/// more than its capacity, with random rounding. The shares add up to
/// `total`, or to the sum of the capacities when that is smaller.
pub fn distribute(total: u64, capacities: &[u32], weights: &[f64], rng: &mut impl Rng) -> Vec<u32> {
    let mut capacity_left: u64 = capacities.iter().map(|&capacity| u64::from(capacity)).sum();
    let mut weight_left: f64 = weights.iter().sum();
    let mut remaining = total.min(capacity_left);
    let mut shares = Vec::with_capacity(capacities.len());
    for (&capacity, &weight) in capacities.iter().zip(weights) {
        capacity_left -= u64::from(capacity);
        let capacity = u64::from(capacity);
        let ideal = if weight_left > 0.0 {
            remaining as f64 * (weight / weight_left)
        } else {
            0.0
        };
        weight_left -= weight;
        let rounded = (ideal + rng.random::<f64>()).floor() as u64;
        // Take at least what the slots after this one cannot hold.
        let least = remaining.saturating_sub(capacity_left);
        let share = rounded.clamp(least, capacity.min(remaining));
        remaining -= share;
        shares.push(u32::try_from(share).unwrap_or(u32::MAX));
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn the_shares_add_up_and_respect_capacities() {
        let mut rng = StdRng::seed_from_u64(7);
        let capacities: Vec<u32> = (0..1_000).map(|index| index % 13 + 1).collect();
        let weights: Vec<f64> = (0..1_000).map(|_| rng.random::<f64>()).collect();
        let capacity: u64 = capacities.iter().map(|&c| u64::from(c)).sum();
        for total in [0, 1, 500, 3_000, capacity - 1, capacity, capacity + 100] {
            let shares = distribute(total, &capacities, &weights, &mut rng);
            let sum: u64 = shares.iter().map(|&share| u64::from(share)).sum();
            assert_eq!(sum, total.min(capacity), "total {total}");
            assert!(
                shares
                    .iter()
                    .zip(&capacities)
                    .all(|(share, cap)| share <= cap)
            );
        }
    }

    #[test]
    fn heavier_slots_get_more() {
        let mut rng = StdRng::seed_from_u64(1);
        let capacities = vec![1_000; 200];
        let weights: Vec<f64> = (0..200)
            .map(|index| if index < 100 { 1.0 } else { 3.0 })
            .collect();
        let shares = distribute(20_000, &capacities, &weights, &mut rng);
        let light: u32 = shares[..100].iter().sum();
        let heavy: u32 = shares[100..].iter().sum();
        assert!(heavy > 2 * light, "{light} {heavy}");
    }
}
