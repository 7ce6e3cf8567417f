//! Page numbers for lists: `page` starts at 1, `per_page` is 1 to 100
//! (default 20). Anything else is a 400 that says so: never clamped
//! silently, never a 500.

use serde::Serialize;

use super::AppError;

/// The largest page size a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// The page size when none is asked for.
pub const DEFAULT_PER_PAGE: u32 = 20;

/// A validated page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    /// Parses the raw `page` and `per_page` query values.
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Result<Self, AppError> {
        let page = match page.map(str::trim).filter(|value| !value.is_empty()) {
            None => 1,
            Some(raw) => match raw.parse::<u32>() {
                Ok(number) if (1..=1_000_000).contains(&number) => number,
                _ => {
                    return Err(AppError::BadRequest(format!(
                        "`page` must be a whole number from 1 to 1000000 (got \"{}\").",
                        shorten(raw)
                    )));
                }
            },
        };
        let per_page = match per_page.map(str::trim).filter(|value| !value.is_empty()) {
            None => DEFAULT_PER_PAGE,
            Some(raw) => match raw.parse::<u32>() {
                Ok(number) if (1..=MAX_PER_PAGE).contains(&number) => number,
                _ => {
                    return Err(AppError::BadRequest(format!(
                        "`per_page` must be a whole number from 1 to {MAX_PER_PAGE} (got \"{}\").",
                        shorten(raw)
                    )));
                }
            },
        };
        Ok(PageRequest { page, per_page })
    }

    /// Rows to skip.
    pub fn offset(&self) -> i64 {
        (i64::from(self.page) - 1) * i64::from(self.per_page)
    }

    /// Rows to return.
    pub fn limit(&self) -> i64 {
        i64::from(self.per_page)
    }
}

/// One page of results and where it sits in the whole.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PageInfo {
    pub page: u32,
    pub per_page: u32,
    pub total: i64,
    pub total_pages: i64,
}

impl PageInfo {
    pub fn new(request: PageRequest, total: i64) -> Self {
        let per_page = i64::from(request.per_page);
        PageInfo {
            page: request.page,
            per_page: request.per_page,
            total,
            total_pages: (total + per_page - 1) / per_page,
        }
    }
}

/// At most 40 characters of what a client sent, for error messages.
fn shorten(raw: &str) -> String {
    raw.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_when_absent_or_blank() {
        assert_eq!(
            PageRequest::parse(None, Some("")).ok(),
            Some(PageRequest {
                page: 1,
                per_page: 20
            })
        );
    }

    #[test]
    fn out_of_range_and_non_numbers_are_rejected_with_the_bounds() {
        for (page, per_page) in [
            ("-1", "10"),
            ("abc", "10"),
            ("0", "10"),
            ("1", "100000"),
            ("1", "0"),
            ("1", "1.5"),
        ] {
            let error = PageRequest::parse(Some(page), Some(per_page))
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("must be a whole number"),
                "{page}/{per_page}: {error}"
            );
        }
    }

    #[test]
    fn total_pages_rounds_up() {
        let request = PageRequest {
            page: 1,
            per_page: 20,
        };
        assert_eq!(PageInfo::new(request, 41).total_pages, 3);
        assert_eq!(PageInfo::new(request, 0).total_pages, 0);
        assert_eq!(request.offset(), 0);
    }
}
