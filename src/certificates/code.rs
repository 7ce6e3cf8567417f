//! Certificate codes: 12 symbols of Crockford's base32 (digits and capital
//! letters without I, L, O and U, so nothing reads as something else), the
//! last a Luhn mod 32 check symbol that catches every single mistyped symbol
//! and most swapped neighbours. The 11 payload symbols are random (55 bits):
//! codes say nothing about order or count. Shown in three groups of four, e.g. `7K3Q-M9PX-2RWT`.

use rand::Rng;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PAYLOAD_LENGTH: usize = 11;

/// A well-formed certificate code (check symbol verified), stored without dashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateCode(String);

impl CertificateCode {
    /// A fresh random code.
    pub fn generate() -> Self {
        Self::generate_with(&mut rand::rng())
    }

    /// A code drawn from `rng` (a seeded generator gives repeatable codes).
    pub fn generate_with(rng: &mut impl Rng) -> Self {
        let payload: Vec<u8> = (0..PAYLOAD_LENGTH)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())])
            .collect();
        let check = check_symbol(&payload);
        let mut code = String::from_utf8_lossy(&payload).into_owned();
        code.push(char::from(check));
        CertificateCode(code)
    }

    /// Reads a code as a person may type it: any case, with dashes or
    /// spaces, O for 0 and I or L for 1. `None` when it is not a code.
    pub fn parse(input: &str) -> Option<Self> {
        if input.len() > 40 {
            return None;
        }
        let mut symbols = Vec::with_capacity(PAYLOAD_LENGTH + 1);
        for character in input.chars() {
            let symbol = match character.to_ascii_uppercase() {
                '-' | ' ' => continue,
                'O' => b'0',
                'I' | 'L' => b'1',
                other if other.is_ascii() && ALPHABET.contains(&(other as u8)) => other as u8,
                _ => return None,
            };
            symbols.push(symbol);
        }
        let (payload, check) = symbols.split_at_checked(PAYLOAD_LENGTH)?;
        (check.len() == 1 && check[0] == check_symbol(payload))
            .then(|| CertificateCode(String::from_utf8_lossy(&symbols).into_owned()))
    }

    /// The code as stored (12 symbols, no dashes).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as printed, in groups of four (`7K3Q-M9PX-2RWT`).
    pub fn display(&self) -> String {
        display(&self.0)
    }
}

/// Groups a stored code in fours for people.
pub fn display(stored: &str) -> String {
    stored
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

fn value_of(symbol: u8) -> usize {
    ALPHABET
        .iter()
        .position(|candidate| *candidate == symbol)
        .unwrap_or(0)
}

/// Luhn mod N (N = 32): the symbol that makes the whole code check.
fn check_symbol(payload: &[u8]) -> u8 {
    let n = ALPHABET.len();
    let mut factor = 2;
    let mut sum = 0;
    for symbol in payload.iter().rev() {
        let addend = factor * value_of(*symbol);
        sum += addend / n + addend % n;
        factor = if factor == 2 { 1 } else { 2 };
    }
    ALPHABET[(n - sum % n) % n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_parse_back_in_any_typed_form() {
        for _ in 0..500 {
            let code = CertificateCode::generate();
            assert_eq!(code.as_str().len(), 12);
            assert_eq!(CertificateCode::parse(code.as_str()), Some(code.clone()));
            assert_eq!(CertificateCode::parse(&code.display()), Some(code.clone()));
            let typed = code
                .display()
                .to_lowercase()
                .replace('0', "o")
                .replace('1', "l");
            assert_eq!(CertificateCode::parse(&typed), Some(code.clone()));
        }
    }

    #[test]
    fn every_single_symbol_mistake_is_caught() {
        let code = CertificateCode::generate();
        let symbols = code.as_str().as_bytes().to_vec();
        for position in 0..symbols.len() {
            for replacement in ALPHABET.iter() {
                if *replacement == symbols[position] {
                    continue;
                }
                let mut wrong = symbols.clone();
                wrong[position] = *replacement;
                let wrong = String::from_utf8_lossy(&wrong).into_owned();
                assert_eq!(CertificateCode::parse(&wrong), None, "{wrong} passed");
            }
        }
    }

    #[test]
    fn malformed_input_is_not_a_code() {
        for input in [
            "",
            "ABC",
            "ÅÅÅÅ-ÅÅÅÅ-ÅÅÅÅ",
            "UUUU-UUUU-UUUU",
            "../../etc/passwd",
            &"A".repeat(500),
        ] {
            assert_eq!(CertificateCode::parse(input), None, "{input}");
        }
    }

    #[test]
    fn codes_are_distinct_and_not_in_sequence() {
        let codes: Vec<String> = (0..2000)
            .map(|_| CertificateCode::generate().as_str().to_owned())
            .collect();
        let distinct: std::collections::BTreeSet<&String> = codes.iter().collect();
        assert_eq!(distinct.len(), codes.len());
        let mut sorted = codes.clone();
        sorted.sort();
        assert_ne!(sorted, codes, "issue order says nothing about the codes");
        let first_symbols: std::collections::BTreeSet<char> = codes
            .iter()
            .filter_map(|code| code.chars().next())
            .collect();
        assert_eq!(
            first_symbols.len(),
            32,
            "every symbol appears in the first position"
        );
    }
}
