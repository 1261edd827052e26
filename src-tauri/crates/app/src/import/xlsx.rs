//! Reading the first sheet of an .xlsx file with bounded memory (issue 15 item 7).
//!
//! A workbook is a zip of XML parts. calamine loads some parts whole when it opens the file (the
//! shared-strings table, the styles, the workbook and relationship parts) and, through
//! `worksheet_range`, allocates the bounding box of the used cells: one cell at A1 and one at
//! XFD1048576 asked for ~1.7e10 cells, an allocation failure that aborts the process
//! (`catch_unwind` cannot catch it). So, before calamine sees the bytes, the package is checked
//! against the caps below (file size, number of parts, each part's and all parts' declared
//! uncompressed sizes, the shared-string and style counts), and the sheet is then streamed cell by
//! cell, keeping only non-empty cells and refusing at the first cell past a cap.
//!
//! The `zip` crate (the version calamine uses) stops reading an entry that inflates past the size
//! its central directory declares ("File is larger than its declared uncompressed size"), so a
//! part that lies about its size is refused too and a declared size is a real bound.
//!
//! Parts are told apart by name, as calamine finds them: `worksheets/sheetN.xml` may be larger
//! (it is streamed); every other part, loaded whole, gets the smaller cap. A hostile package could
//! name its workbook part like a sheet to get the larger cap; the workbook becomes a short list of
//! sheet names in memory (a few times its size at most), so that stays bounded too.

use std::collections::BTreeMap;
use std::io::{BufReader, Cursor, Read, Seek};

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};
use quick_xml::events::Event;
use zip::ZipArchive;

use super::sheet::{Cell, cell};
use crate::error::{AppError, Result};

/// Largest .xlsx file accepted: a 20,000-student list is a few MB.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// Most parts (zip entries) in the package: a list has about ten.
pub const MAX_ZIP_ENTRIES: usize = 10_000;
/// Largest declared uncompressed size of one worksheet part (streamed, never held whole).
pub const MAX_SHEET_PART_BYTES: u64 = 128 * 1024 * 1024;
/// Largest declared uncompressed size of any other part: calamine loads those whole.
pub const MAX_LOADED_PART_BYTES: u64 = 32 * 1024 * 1024;
/// Largest declared uncompressed size of all parts together.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// Most shared strings (declared `uniqueCount`, which calamine reserves up front, and actual).
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;
/// Most elements in the styles part (each `xf` becomes a full style record in memory; Excel
/// itself allows 64,000 cell formats).
pub const MAX_STYLE_ELEMENTS: u64 = 500_000;
/// Rows of a student list: the sheet may use rows 1 to 20,000 (a header and 19,999 students).
pub const MAX_ROWS: u32 = 20_000;
/// Columns of a student list: columns A to GR (the template has 22).
pub const MAX_COLUMNS: u32 = 200;
/// Most non-empty cells kept from the sheet.
pub const MAX_CELLS: usize = 1_000_000;
/// Most bytes of cell text kept from the sheet (a shared string can be referenced by every cell).
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

fn unreadable() -> AppError {
    AppError::validation("file", "无法读取该文件：请使用 Excel 工作簿（.xlsx）格式")
}

fn too_large(what: &str) -> AppError {
    AppError::validation(
        "file",
        format!(
            "文件内容过大，不像学生名单（{what}），已拒绝导入：请只保留学生名单工作表后重新保存"
        ),
    )
}

/// Refuses, before calamine opens it, a package whose size, number of parts or declared
/// uncompressed sizes pass the caps, or whose shared-strings table or styles are oversized.
pub(super) fn check_package(bytes: &[u8]) -> Result<()> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(AppError::validation(
            "file",
            format!(
                "文件过大（超过 {} MB），不像学生名单：请只保留学生名单工作表后重新保存",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| unreadable())?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(too_large("压缩包中的部件过多"));
    }
    let mut total: u64 = 0;
    let mut scans = Vec::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| unreadable())?;
        // As calamine looks parts up: backslashes as slashes, any case.
        let name = entry
            .name()
            .map_err(|_| unreadable())?
            .replace('\\', "/")
            .to_ascii_lowercase();
        let size = entry.size();
        let file = name.rsplit('/').next().unwrap_or_default();
        // `worksheets/sheetN.xml` (the name is lowercased above), streamed by calamine.
        let is_sheet = name.contains("worksheets/")
            && file
                .strip_prefix("sheet")
                .and_then(|n| n.strip_suffix(".xml"))
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        let cap = if is_sheet {
            MAX_SHEET_PART_BYTES
        } else {
            MAX_LOADED_PART_BYTES
        };
        if size > cap {
            return Err(too_large(&format!(
                "其中一个部件解压后超过 {} MB",
                cap / 1024 / 1024
            )));
        }
        total = total.saturating_add(size);
        if total > MAX_TOTAL_BYTES {
            return Err(too_large(&format!(
                "解压后总计超过 {} MB",
                MAX_TOTAL_BYTES / 1024 / 1024
            )));
        }
        match file {
            "sharedstrings.xml" => scans.push((i, Scan::SharedStrings)),
            "styles.xml" => scans.push((i, Scan::Styles)),
            _ => {}
        }
    }
    for (i, scan) in scans {
        let entry = zip.by_index(i).map_err(|_| unreadable())?;
        scan.run(entry)?;
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Scan {
    SharedStrings,
    Styles,
}

impl Scan {
    /// Streams the part (bounded by its declared size) counting what calamine would keep.
    fn run(self, part: impl Read) -> Result<()> {
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
        let config = xml.config_mut();
        config.check_end_names = false;
        config.check_comments = false;
        config.expand_empty_elements = true;
        let mut buf = Vec::new();
        let mut count: u64 = 0;
        loop {
            buf.clear();
            // A part that inflates past its declared size fails here (see the module comment).
            let Ok(event) = xml.read_event_into(&mut buf) else {
                return Err(AppError::validation("file", "文件已损坏，无法读取"));
            };
            let Event::Start(e) = event else {
                if matches!(event, Event::Eof) {
                    return Ok(());
                }
                continue;
            };
            match self {
                Scan::SharedStrings => match e.local_name().as_ref() {
                    "sst" => {
                        let declared = e
                            .try_get_attribute("uniqueCount")
                            .ok()
                            .flatten()
                            .and_then(|a| a.value.trim().parse::<u64>().ok());
                        if declared.is_some_and(|n| n > MAX_SHARED_STRINGS) {
                            return Err(too_large("共享字符串过多"));
                        }
                    }
                    "si" => count += 1,
                    _ => {}
                },
                Scan::Styles => count += 1,
            }
            let cap = match self {
                Scan::SharedStrings => MAX_SHARED_STRINGS,
                Scan::Styles => MAX_STYLE_ELEMENTS,
            };
            if count > cap {
                return Err(too_large(match self {
                    Scan::SharedStrings => "共享字符串过多",
                    Scan::Styles => "单元格格式过多",
                }));
            }
        }
    }
}

/// The rows of a sheet that have a non-empty cell, in order: (Excel row number, cells from the
/// first used column), every row as wide as the used columns (as calamine's range was).
pub(super) type Rows = Vec<(u32, Vec<Cell>)>;

/// Reads the first sheet of a checked package (see [`check_package`]) cell by cell.
pub(super) fn read_first_sheet<RS: Read + Seek>(book: &mut Xlsx<RS>) -> Result<Rows> {
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(AppError::validation("file", "文件中没有工作表"));
    };
    let mut reader = match book.worksheet_cells_reader(&name) {
        Ok(r) => r,
        // calamine's range read a chart sheet as empty.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(_) => return Err(sheet_unreadable()),
    };
    // The declared `<dimension>` is not trusted or used: cells are checked as they come.
    let mut rows: BTreeMap<u32, Vec<(u32, Data)>> = BTreeMap::new();
    let (mut kept, mut text) = (0usize, 0usize);
    let mut first_col = u32::MAX;
    let mut last_col = 0u32;
    loop {
        let c = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(_) => return Err(sheet_unreadable()),
        };
        let value = c.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        let (row, col) = c.get_position();
        if row >= MAX_ROWS {
            return Err(AppError::validation(
                "file",
                format!(
                    "第一个工作表超过 {MAX_ROWS} 行（第 {} 行有内容）：学生名单最多 {MAX_ROWS} 行，请分批导入",
                    u64::from(row) + 1
                ),
            ));
        }
        if col >= MAX_COLUMNS {
            return Err(AppError::validation(
                "file",
                format!(
                    "第一个工作表超过 {MAX_COLUMNS} 列（第 {} 行第 {} 列有内容）：请删除学生名单以外的列后重新导入",
                    u64::from(row) + 1,
                    u64::from(col) + 1
                ),
            ));
        }
        kept += 1;
        text += match value {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
            DataRef::SharedString(s) => s.len(),
            _ => 16,
        };
        if kept > MAX_CELLS || text > MAX_TEXT_BYTES {
            return Err(AppError::validation(
                "file",
                "第一个工作表的内容过多，不像学生名单：请只保留学生名单后重新导入",
            ));
        }
        first_col = first_col.min(col);
        last_col = last_col.max(col);
        rows.entry(row)
            .or_default()
            .push((col, Data::from(value.clone())));
    }
    let width = if first_col == u32::MAX {
        0
    } else {
        (last_col - first_col + 1) as usize
    };
    Ok(rows
        .into_iter()
        .filter_map(|(row, cells)| {
            let mut line: Vec<Data> = vec![Data::Empty; width];
            for (col, v) in cells {
                // A repeated position keeps the last value, as calamine's range did.
                line[(col - first_col) as usize] = v;
            }
            let line: Vec<Cell> = line.iter().map(cell).collect();
            line.iter()
                .any(|c| !c.text.is_empty())
                .then_some((row + 1, line))
        })
        .collect())
}

fn sheet_unreadable() -> AppError {
    AppError::validation("file", "无法读取第一个工作表，文件可能已损坏")
}
