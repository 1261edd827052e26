//! The text a fieldless enum is stored as (its serde snake-case name), for the store's typed
//! columns (feature `sea-orm`): `ChangeKind::TransferOut` ↔ `"transfer_out"`.

/// The snake-case name `value` serialises to.
pub fn text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The value whose snake-case name is `text`.
///
/// # Errors
/// The text names no variant.
pub fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
}
