//! The importer never panics: random tiny workbooks and byte-mutated ones (issue 8, ≥10,000 cases).

mod common;
mod common_import;

use common_import::{C, HEADERS, row, valid, workbook};
use proptest::prelude::*;
use xueji_app::import::students::read_workbook;

fn today() -> chrono::NaiveDate {
    common::d(2025, 10, 8)
}

fn header() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(HEADERS.to_vec()).prop_map(str::to_owned),
        "[ *（）a-z姓名身份证件号/]{0,6}",
    ]
}

fn cell() -> impl Strategy<Value = C> {
    prop_oneof![
        "[0-9Xx]{0,19}".prop_map(C::T),
        "[汉族农业户口是否三年级男女 -/]{0,8}".prop_map(C::T),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(C::N),
        (0.0..3e17f64).prop_map(C::N),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_workbooks_do_not_panic(
        headers in proptest::collection::vec(header(), 0..16),
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..16), 0..4),
    ) {
        let names: Vec<&str> = headers.iter().map(String::as_str).collect();
        let _ = read_workbook(&workbook(&names, &rows), today());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_workbooks_do_not_panic(
        flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<proptest::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        thread_local!(static BASE: Vec<u8> = valid(3));
        let mut bytes = BASE.with(Clone::clone);
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = read_workbook(&bytes, today());
    }
}

/// The streamed read keeps what calamine's range gave: a list that starts at C3, with blank rows
/// and a cell past the header's last column, is read from its first used column and numbered
/// as Excel numbers its rows.
#[test]
fn a_list_away_from_a1_reads_as_before() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let (top, left) = (2u32, 2u16);
    for (c, h) in HEADERS.iter().enumerate() {
        let c = u16::try_from(c).expect("col");
        sheet.write_string(top, left + c, *h).expect("write");
    }
    for (i, r) in [(0u32, 4u32), (1, 6)] {
        for (c, v) in row(i).iter().enumerate() {
            let c = u16::try_from(c).expect("col");
            if let C::T(t) = v
                && !t.is_empty()
            {
                let t = if c == 4 && i == 1 {
                    "110101201601010011"
                } else {
                    t
                };
                sheet.write_string(top + r - 2, left + c, t).expect("write");
            }
        }
    }
    // a note far to the right of the header, on a row of its own
    sheet.write_string(9, left + 30, "备注").expect("write");
    let bytes = book.save_to_buffer().expect("save");
    let checked = read_workbook(&bytes, today()).expect("read");
    assert_eq!(checked.report.rows, 3, "{:?}", checked.report.problems);
    let rows: Vec<(u32, &str)> = checked
        .report
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert!(rows.contains(&(7, "身份证件号")), "{rows:?}");
    assert!(rows.iter().all(|(r, _)| *r == 7 || *r == 10), "{rows:?}");
    assert!(checked.students[0].is_some());
}

/// Hostile workbooks (issue 15 item 7): each is a real file made here, read by the importer in a
/// child process (this test binary again) whose address space is limited to 1 GiB, which must
/// exit normally having printed the Chinese refusal. A control run shows the limit bites: the
/// unbounded calamine range read of the same corner bomb does not survive it.
#[cfg(unix)]
mod bombs {
    use std::fs::File;
    use std::io::{BufWriter, Write};
    use std::path::Path;
    use std::process::Command;
    use std::time::Instant;

    use zip::ZipWriter;
    use zip::write::SimpleFileOptions;

    const FILE_VAR: &str = "XUEJI_BOMB_FILE";
    const MODE_VAR: &str = "XUEJI_BOMB_MODE";
    /// The child's address-space limit, in KiB (`ulimit -v`).
    const LIMIT_KIB: u64 = 1024 * 1024;

    type Zip = ZipWriter<BufWriter<File>>;

    fn options() -> SimpleFileOptions {
        SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
    }

    /// A minimal but complete workbook: one sheet whose XML `sheet` writes, and optionally a
    /// shared-strings part written by `strings`.
    fn xlsx(path: &Path, sheet: impl FnOnce(&mut Zip), strings: Option<&dyn Fn(&mut Zip)>) {
        let mut z = ZipWriter::new(BufWriter::new(File::create(path).expect("create")));
        let parts: [(&str, &str); 4] = [
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            (
                "xl/workbook.xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="学生名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
        ];
        for (name, text) in parts {
            z.start_file(name, options()).expect("part");
            z.write_all(text.as_bytes()).expect("write");
        }
        if let Some(strings) = strings {
            z.start_file("xl/sharedStrings.xml", options())
                .expect("strings");
            strings(&mut z);
        }
        z.start_file("xl/worksheets/sheet1.xml", options())
            .expect("sheet");
        z.write_all(
            br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        )
        .expect("write");
        sheet(&mut z);
        z.write_all(b"</sheetData></worksheet>").expect("write");
        z.finish().expect("finish").flush().expect("flush");
    }

    fn header_row(z: &mut Zip) {
        z.write_all(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>"#.as_bytes(),
        )
        .expect("write");
    }

    /// Writes `count` copies of `unit`, in 64 KiB chunks (streamed into the deflater).
    fn repeat(z: &mut Zip, unit: &[u8], count: usize) {
        let per_chunk = (64 * 1024 / unit.len()).max(1);
        let chunk = unit.repeat(per_chunk);
        let mut left = count;
        while left > 0 {
            let n = left.min(per_chunk);
            z.write_all(&chunk[..n * unit.len()]).expect("write");
            left -= n;
        }
    }

    /// Sets the uncompressed size that `name`'s local header and central directory record
    /// declare: a part that lies about its size.
    fn lie_about_size(path: &Path, name: &str, size: u32) {
        let mut bytes = std::fs::read(path).expect("read");
        let mut patched = 0;
        for (signature, name_at, size_at) in [
            (b"PK\x03\x04", 30, 22), // local file header
            (b"PK\x01\x02", 46, 24), // central directory record
        ] {
            let mut i = 0;
            while i + name_at + name.len() <= bytes.len() {
                if &bytes[i..i + 4] == signature
                    && &bytes[i + name_at..i + name_at + name.len()] == name.as_bytes()
                {
                    bytes[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
                    patched += 1;
                }
                i += 1;
            }
        }
        assert_eq!(patched, 2, "both records of {name} patched");
        std::fs::write(path, bytes).expect("write");
    }

    struct Bomb {
        name: &'static str,
        make: fn(&Path),
        /// What the refusal must say.
        expect: &'static str,
    }

    const SST: &[u8] =
        br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

    /// One cell at A1 and one at XFD1048576: calamine's range asked for ~1.7e10 cells.
    fn corner(p: &Path) {
        let far = |z: &mut Zip| {
            header_row(z);
            z.write_all(br#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#)
                .expect("write");
        };
        xlsx(p, far, None);
    }

    fn wide(p: &Path) {
        let row = |z: &mut Zip| {
            z.write_all(
                r#"<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="XFD1"><v>1</v></c></row>"#
                    .as_bytes(),
            )
            .expect("write");
        };
        xlsx(p, row, None);
    }

    /// 2 million short rows (52 MB of XML, streamed into a small deflated file).
    fn tall(p: &Path) {
        let rows = |z: &mut Zip| {
            header_row(z);
            repeat(z, b"<row><c><v>1</v></c></row>", 2_000_000);
        };
        xlsx(p, rows, None);
    }

    /// A shared-strings table that inflates to 256 MiB (declared honestly).
    fn strings(p: &Path) {
        xlsx(
            p,
            header_row,
            Some(&|z: &mut Zip| {
                z.write_all(SST).expect("write");
                repeat(z, b"<si><t>a</t></si>", (256 << 20) / 17);
                z.write_all(b"</sst>").expect("write");
            }),
        );
    }

    /// The same kind of table, 64 MiB, declaring 1,000 bytes: the zip reader stops at the lie.
    fn strings_lying(p: &Path) {
        xlsx(
            p,
            header_row,
            Some(&|z: &mut Zip| {
                z.write_all(SST).expect("write");
                repeat(z, b"<si><t>a</t></si>", (64 << 20) / 17);
                z.write_all(b"</sst>").expect("write");
            }),
        );
        lie_about_size(p, "xl/sharedStrings.xml", 1000);
    }

    /// A tiny table declaring 4e9 strings: calamine reserves the declared count up front.
    fn strings_count(p: &Path) {
        xlsx(
            p,
            header_row,
            Some(&|z: &mut Zip| {
                z.write_all(br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="4000000000"><si><t>a</t></si></sst>"#)
                    .expect("write");
            }),
        );
    }

    /// 20,000 rows of 10 cells, each referencing one 600 KB shared string: 120 GB of text from
    /// a small file.
    fn strings_reused(p: &Path) {
        let rows = |z: &mut Zip| {
            use std::fmt::Write as _;
            header_row(z);
            for r in 2..=19_999u32 {
                let mut row = format!("<row r=\"{r}\">");
                for c in ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"] {
                    let _ = write!(row, "<c r=\"{c}{r}\" t=\"s\"><v>0</v></c>");
                }
                row.push_str("</row>");
                z.write_all(row.as_bytes()).expect("write");
            }
        };
        xlsx(
            p,
            rows,
            Some(&|z: &mut Zip| {
                z.write_all(SST).expect("write");
                z.write_all(b"<si><t>").expect("write");
                z.write_all("长".repeat(200_000).as_bytes()).expect("write");
                z.write_all(b"</t></si></sst>").expect("write");
            }),
        );
    }

    fn bombs() -> [Bomb; 7] {
        [
            Bomb {
                name: "corner",
                make: corner,
                expect: "超过 20000 行",
            },
            Bomb {
                name: "wide",
                make: wide,
                expect: "超过 200 列",
            },
            Bomb {
                name: "tall",
                make: tall,
                expect: "超过 20000 行",
            },
            Bomb {
                name: "strings",
                make: strings,
                expect: "解压后超过 32 MB",
            },
            Bomb {
                name: "strings-lying",
                make: strings_lying,
                expect: "文件已损坏",
            },
            Bomb {
                name: "strings-count",
                make: strings_count,
                expect: "共享字符串过多",
            },
            Bomb {
                name: "strings-reused",
                make: strings_reused,
                expect: "内容过多",
            },
        ]
    }

    /// Runs this binary's `bombs::child` test on `file` under the address-space limit.
    fn run_child(file: &Path, mode: &str) -> (std::process::ExitStatus, String) {
        let exe = std::env::current_exe().expect("exe");
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -v {LIMIT_KIB} && exec \"$0\" \"$@\""))
            .arg(exe)
            .args(["bombs::child", "--exact", "--nocapture", "--test-threads=1"])
            .env(FILE_VAR, file)
            .env(MODE_VAR, mode)
            .output()
            .expect("run child");
        (
            out.status,
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    #[test]
    fn bombs_are_refused_in_bounded_memory() {
        let dir = tempfile::tempdir().expect("tmp");
        for bomb in &bombs() {
            let path = dir.path().join(format!("{}.xlsx", bomb.name));
            let made = Instant::now();
            (bomb.make)(&path);
            let size = std::fs::metadata(&path).expect("meta").len();
            let made = made.elapsed();
            let (status, out) = run_child(&path, "import");
            assert!(
                status.success() && out.contains("REFUSED") && out.contains(bomb.expect),
                "{}: {status}\n{out}",
                bomb.name
            );
            let figures = out
                .lines()
                .find(|l| l.starts_with("FIGURES"))
                .unwrap_or("FIGURES ?");
            println!(
                "bomb {:<15} file {:>9} B, made in {:>6.2?}: {figures}",
                bomb.name, size, made
            );
        }
        // The controls: calamine alone, on the same files under the same limit, dies (the
        // range of the corner bomb; the declared shared-string count, reserved on opening).
        for (bomb, mode) in [
            ("corner", "calamine-range"),
            ("strings-count", "calamine-open"),
        ] {
            let (status, out) = run_child(&dir.path().join(format!("{bomb}.xlsx")), mode);
            assert!(
                !status.success() && !out.contains("READ"),
                "calamine survived {bomb} under the limit: {status}\n{out}"
            );
            println!("control: calamine alone ({mode}) on {bomb} under the limit: {status}");
        }
    }

    /// The child: does nothing unless the parent set the file to read.
    #[test]
    fn child() {
        let Some(file) = std::env::var_os(FILE_VAR) else {
            return;
        };
        let bytes = std::fs::read(&file).expect("read bomb");
        let started = Instant::now();
        let mode = std::env::var(MODE_VAR).unwrap_or_default();
        if mode.starts_with("calamine-") {
            use calamine::Reader;
            let opened = calamine::Xlsx::new(std::io::Cursor::new(&bytes));
            if mode == "calamine-range" {
                let mut book: calamine::Xlsx<_> = opened.expect("open");
                println!("READ {}", book.worksheet_range_at(0).is_some());
            } else {
                println!("READ {}", opened.is_ok());
            }
            return;
        }
        match super::read_workbook(&bytes, super::today()) {
            Ok(_) => println!("ACCEPTED"),
            Err(e) => println!("REFUSED {}", e.message),
        }
        let peak = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .map(|l| l["VmHWM:".len()..].trim().to_owned())
            })
            .unwrap_or_else(|| "?".to_owned());
        println!(
            "FIGURES read in {:.2?}, peak resident {peak}",
            started.elapsed()
        );
    }
}
