//! The missing-glyph check (生僻字): a character the font lacks stops the document, naming the
//! character and the field; nothing is printed as a blank or a box.

use xueji_domain::PersonName;
use xueji_print::documents::certificate::Certificate;
use xueji_print::{PrintError, batch, render, samples};

/// U+30EDE (biáng, CJK Extension G): a valid name character that Noto Serif SC lacks.
const BIANG: char = '\u{30EDE}';

fn certificate() -> Certificate {
    samples::certificate(0).expect("sample")
}

#[test]
fn a_name_with_a_character_the_font_lacks_is_refused_naming_it() {
    let mut cert = certificate();
    cert.name = PersonName::parse(&format!("王{BIANG}")).expect("the domain accepts the name");
    let err = render(&cert).expect_err("must refuse");
    assert_eq!(
        err,
        PrintError::MissingGlyph {
            field: "姓名".to_owned(),
            ch: BIANG
        }
    );
    let message = err.to_string();
    assert!(
        message.contains("姓名") && message.contains(BIANG),
        "{message}"
    );
}

#[test]
fn a_batch_is_refused_before_any_page_is_drawn() {
    let good = certificate();
    let mut bad = certificate();
    bad.school = format!("{BIANG}{BIANG}镇中心学校");
    let mut calls = 0;
    let err = batch::render_all(&[good, bad], &mut |_, _| calls += 1).expect_err("must refuse");
    assert_eq!(
        err,
        PrintError::MissingGlyph {
            field: "学校名称".to_owned(),
            ch: BIANG
        }
    );
    assert_eq!(calls, 0);
}

#[test]
fn a_rare_character_the_font_has_is_printed() {
    let cert = certificate();
    assert!(cert.name.as_str().contains('䶮'));
    assert!(render(&cert).is_ok());
}
