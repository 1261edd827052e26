//! The crate's error type. Messages are Simplified Chinese for the registrar.

/// Everything that can stop a document from printing.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PrintError {
    /// A character the embedded font cannot draw (a rare character, 生僻字). Never printed as a blank.
    #[error("“{field}”中的字符“{ch}”（U+{code:04X}）在打印字体中没有字形，无法打印；请核对该字或联系技术支持补充字体", code = u32::from(*ch))]
    MissingGlyph { field: String, ch: char },
    /// The embedded font could not be parsed (a build defect, not a user error).
    #[error("打印字体无法加载：{0}")]
    Font(String),
    /// A photo that is neither a readable JPEG nor PNG.
    #[error("“{field}”的图片无法读取：{message}")]
    Image { field: String, message: String },
    /// Built-in sample data that the domain refuses (a defect in `samples`, not a user error).
    #[error("样例数据“{field}”无效：{message}")]
    InvalidSample { field: String, message: String },
    /// An unknown sample kind was asked for.
    #[error("没有名为“{0}”的样例文书")]
    UnknownSample(String),
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, PrintError>;
