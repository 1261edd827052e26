//! Batches over many records: the year-end promotion (R12.1), the graduation batch with its
//! certificates (R24–R26, R23.3), the 肄业 of an early leaver (R25.3), the semester review (R29.1) and the bureau's semester check (R4.1).

pub mod bureau_check;
pub mod early_leaver;
mod finish;
pub mod graduation;
pub mod promotion;
pub mod review;

pub use bureau_check::{BureauCheckInput, BureauCheckView, BureauFindingView, BureauResolveInput};
pub use early_leaver::{EarlyLeaverCheck, EarlyLeaverInput, EarlyLeaverResult};
pub use graduation::{
    CertificatesInput, GraduationInput, GraduationPreview, GraduationResult, GraduationResultInput,
    GraduationRow,
};
pub use promotion::{GradeCountView, PromotionExceptionView, PromotionPreview, PromotionResult};
pub use review::{ReviewItemView, ReviewOpenInput, ReviewProgress};
