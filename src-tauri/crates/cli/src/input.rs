//! Reading secrets from standard input, one per line (never from arguments, which other users
//! of the machine can see).

use std::io::BufRead;

use crate::error::{CliError, Result};

/// Reads the next line without its line ending; `MissingInput` at end of input.
pub fn line(input: &mut impl BufRead, what: &'static str) -> Result<String> {
    let mut text = String::new();
    let n = input.read_line(&mut text).map_err(CliError::Stdin)?;
    if n == 0 {
        return Err(CliError::MissingInput(what));
    }
    while text.ends_with('\n') || text.ends_with('\r') {
        text.pop();
    }
    Ok(text)
}

/// The password twice; they must match.
pub fn password_twice(input: &mut impl BufRead) -> Result<String> {
    let first = line(input, "管理员密码")?;
    let second = line(input, "再次输入的管理员密码")?;
    if first != second {
        return Err(CliError::PasswordMismatch);
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_must_match() {
        let mut ok = "secret pw\r\nsecret pw\n".as_bytes();
        assert_eq!(password_twice(&mut ok).expect("match"), "secret pw");
        let mut bad = "a\nb\n".as_bytes();
        assert!(matches!(
            password_twice(&mut bad),
            Err(CliError::PasswordMismatch)
        ));
        let mut short = "a\n".as_bytes();
        assert!(matches!(
            password_twice(&mut short),
            Err(CliError::MissingInput(_))
        ));
    }
}
