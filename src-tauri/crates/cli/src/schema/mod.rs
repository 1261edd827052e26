//! The JSON Schemas of the command line's JSON (issue 18 item 4): every `--from` / `--results`
//! input file, the object a failure prints with `--json`, and the change commands' output.
//! Generated from the Rust types the CLI reads and prints (`convert.rs`), printed by
//! `xueji schema NAME` and kept in `dist/schema/` (a test keeps them equal).

mod convert;

use serde_json::Value;

/// One schema: its name on the command line, what it describes, how it is made.
pub struct Named {
    pub name: &'static str,
    pub describes: &'static str,
    make: fn() -> Value,
}

impl Named {
    pub fn schema(&self) -> Value {
        (self.make)()
    }
}

/// Every schema, in the order `xueji schema --list` shows them.
pub const ALL: [Named; 6] = [
    Named {
        name: "student-add",
        describes: "xueji student add --from FILE：完整的登记信息",
        make: student_add,
    },
    Named {
        name: "change-submit",
        describes: "xueji change submit --from FILE：变动内容",
        make: change_submit,
    },
    Named {
        name: "graduate-results",
        describes: "xueji graduate --results FILE：成绩结果",
        make: graduate_results,
    },
    Named {
        name: "hardship-apply",
        describes: "xueji hardship apply --from FILE：家庭经济困难认定申请",
        make: hardship_apply,
    },
    Named {
        name: "application",
        describes: "--json 输出：change submit、decide、show、withdraw、proof add、appeal 的结果",
        make: application,
    },
    Named {
        name: "error",
        describes: "--json 输出：任何失败（参数错误、法规不允许、无权限、完整性问题）",
        make: error,
    },
];

/// The schema named `name`.
pub fn find(name: &str) -> Option<&'static Named> {
    ALL.iter().find(|n| n.name == name)
}

fn student_add() -> Value {
    convert::schema_of::<xueji_app::students::EnrolInput>("student-add", ALL[0].describes)
}

fn change_submit() -> Value {
    convert::schema_of::<crate::commands::change::SubmitFile>("change-submit", ALL[1].describes)
}

fn graduate_results() -> Value {
    convert::schema_of::<Vec<crate::commands::batch::ResultRow>>(
        "graduate-results",
        ALL[2].describes,
    )
}

fn hardship_apply() -> Value {
    let mut schema = convert::schema_of::<xueji_app::hardship::HardshipApplyInput>(
        "hardship-apply",
        ALL[3].describes,
    );
    // `--student` fills `studentId`, so the file may leave it out.
    if let Some(required) = schema.get_mut("required").and_then(Value::as_array_mut) {
        required.retain(|r| r != "studentId");
    }
    schema
}

fn application() -> Value {
    convert::schema_of::<crate::commands::change::ApplicationOut>("application", ALL[4].describes)
}

fn error() -> Value {
    convert::schema_of::<crate::output::Failure>("error", ALL[5].describes)
}
