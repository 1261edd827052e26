//! The crate's error type. A refusal by the law is [`DomainError::Rule`] and always names its
//! rule id; malformed input is [`DomainError::Invalid`] and names the rule that requires the
//! input to be right. A missing holiday notice is never an error: past the loaded notices the
//! calendar counts provisionally (see [`crate::calendar::Provisional`]).

use crate::rules::RuleId;

/// Result alias used by every fallible function of the crate.
pub type Result<T> = std::result::Result<T, DomainError>;

/// Everything the domain can refuse. Messages are Simplified Chinese for the registrar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum DomainError {
    /// The law refuses the action.
    #[error("{message}（{rule}）")]
    Rule { rule: RuleId, message: String },
    /// An input value is malformed (a bad ID number, an empty name …).
    #[error("{message}（{rule}）")]
    Invalid {
        /// The input field, in English code form (`id_card_number`), for the UI to highlight.
        field: String,
        rule: RuleId,
        message: String,
    },
}

impl DomainError {
    /// A refusal by the law.
    pub fn rule(rule: RuleId, message: impl Into<String>) -> Self {
        Self::Rule {
            rule,
            message: message.into(),
        }
    }

    /// A malformed input.
    pub fn invalid(field: &str, rule: RuleId, message: impl Into<String>) -> Self {
        Self::Invalid {
            field: field.to_owned(),
            rule,
            message: message.into(),
        }
    }

    /// The rule id this error names, if any.
    pub fn rule_id(&self) -> Option<&RuleId> {
        match self {
            Self::Rule { rule, .. } | Self::Invalid { rule, .. } => Some(rule),
        }
    }

    /// The Chinese message without the rule id suffix.
    pub fn message(&self) -> String {
        match self {
            Self::Rule { message, .. } | Self::Invalid { message, .. } => message.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    #[test]
    fn display_appends_rule_id() {
        let e = DomainError::rule(rules::R13_5, "休学期间不办理转学手续");
        assert_eq!(e.to_string(), "休学期间不办理转学手续（R13.5）");
        assert_eq!(e.rule_id(), Some(&rules::R13_5));
        assert_eq!(e.message(), "休学期间不办理转学手续");
    }
}
