//! Helpers shared by the end-to-end tests of 首页, 统计 and 设置.

pub mod seed;
pub mod select;
pub mod text;
