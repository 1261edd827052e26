//! Batches over many records: the year-end promotion (R12.1), the graduation batch with its
//! certificates (R24–R26, R23.3), the 肄业 of an early leaver (R25.3), and the semester review (R4.1, R29.1).

pub mod early_leaver;
mod finish;
pub mod graduation;
pub mod promotion;
pub mod review;

pub use early_leaver::{EarlyLeaverCheck, EarlyLeaverInput, EarlyLeaverResult};
pub use graduation::{
    CertificatesInput, GraduationInput, GraduationPreview, GraduationResult, GraduationResultInput,
    GraduationRow,
};
pub use promotion::{GradeCountView, PromotionExceptionView, PromotionPreview, PromotionResult};
pub use review::{ReviewItemView, ReviewOpenInput, ReviewProgress};
