//! A number and its noun, in the right form: "1 week", "2 weeks", "0 entries".

/// `n` followed by `one` when it is exactly one, or by `many` otherwise.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(0, "week", "weeks"), "0 weeks");
        assert_eq!(count(1, "week", "weeks"), "1 week");
        assert_eq!(count(2, "entry", "entries"), "2 entries");
    }
}
