//! The JSON Schemas of the command line's JSON (issue 18 item 4): every `--from` / `--results`
//! input file, the object a failure prints with `--json`, and the change commands' output.
//! Generated from the Rust types the CLI reads and prints (`convert.rs`), printed by
//! `xueji schema NAME` and kept in `dist/schema/` (a test keeps them equal).

mod convert;
mod output;

use serde_json::Value;

/// One schema: its name on the command line, what it describes, how it is made.
pub struct Named {
    pub name: &'static str,
    pub describes: &'static str,
    /// The subcommands whose `--json` output it describes (none for an input file; every
    /// subcommand's failure is `error`).
    pub commands: &'static [&'static str],
    make: fn() -> Value,
}

impl Named {
    pub fn schema(&self) -> Value {
        (self.make)()
    }
}

/// One schema of `schema --list` (schema `schemas`).
#[derive(serde::Serialize, specta::Type)]
pub struct SchemaItem {
    /// The name `xueji schema NAME` takes.
    pub name: &'static str,
    pub describes: &'static str,
    /// The subcommands whose `--json` output it describes (none for an input file).
    pub commands: &'static [&'static str],
}

/// Every schema, in the order `xueji schema --list` shows them.
pub const ALL: [Named; 49] = [
    Named {
        name: "student-add",
        describes: "xueji student add --from FILE：完整的登记信息",
        commands: &[],
        make: student_add,
    },
    Named {
        name: "change-submit",
        describes: "xueji change submit --from FILE：变动内容",
        commands: &[],
        make: change_submit,
    },
    Named {
        name: "graduate-results",
        describes: "xueji graduate --results FILE：成绩结果",
        commands: &[],
        make: graduate_results,
    },
    Named {
        name: "hardship-apply",
        describes: "xueji hardship apply --from FILE：家庭经济困难认定申请",
        commands: &[],
        make: hardship_apply,
    },
    Named {
        name: "error",
        describes: "--json 输出：任何失败（参数错误、法规不允许、无权限、完整性问题）",
        commands: &[],
        make: error,
    },
    Named {
        name: "application",
        describes: "--json 输出：change submit、decide、show、withdraw、proof add、appeal 的结果",
        commands: &[
            "change submit",
            "change decide",
            "change show",
            "change withdraw",
            "change proof add",
            "change appeal file",
            "change appeal decide",
        ],
        make: application,
    },
    Named {
        name: "application-page",
        describes: "--json 输出：change list",
        commands: &["change list"],
        make: output::application_page,
    },
    Named {
        name: "enrolment",
        describes: "--json 输出：student add",
        commands: &["student add"],
        make: output::enrolment,
    },
    Named {
        name: "archive",
        describes: "--json 输出：student show",
        commands: &["student show"],
        make: output::archive,
    },
    Named {
        name: "student",
        describes: "--json 输出：student edit",
        commands: &["student edit"],
        make: output::student,
    },
    Named {
        name: "student-page",
        describes: "--json 输出：student search",
        commands: &["student search"],
        make: output::student_page,
    },
    Named {
        name: "todo",
        describes: "--json 输出：todo、deadlines",
        commands: &["todo", "deadlines"],
        make: output::todo,
    },
    Named {
        name: "findings",
        describes: "--json 输出：findings",
        commands: &["findings"],
        make: output::findings,
    },
    Named {
        name: "settings",
        describes: "--json 输出：settings show",
        commands: &["settings show"],
        make: output::settings,
    },
    Named {
        name: "audit-page",
        describes: "--json 输出：audit list",
        commands: &["audit list"],
        make: output::audit_page,
    },
    Named {
        name: "documents",
        describes: "--json 输出：document list",
        commands: &["document list"],
        make: output::documents,
    },
    Named {
        name: "document",
        describes: "--json 输出：document void、hand-out",
        commands: &["document void", "document hand-out"],
        make: output::document,
    },
    Named {
        name: "user",
        describes: "--json 输出：user add、lock、unlock",
        commands: &["user add", "user lock", "user unlock"],
        make: output::user,
    },
    Named {
        name: "users",
        describes: "--json 输出：user list",
        commands: &["user list"],
        make: output::users,
    },
    Named {
        name: "hardship",
        describes: "--json 输出：hardship apply、assess、decide、object、objection-decide、show",
        commands: &[
            "hardship apply",
            "hardship assess",
            "hardship decide",
            "hardship object",
            "hardship objection-decide",
            "hardship show",
        ],
        make: output::hardship,
    },
    Named {
        name: "init",
        describes: "--json 输出：init（恢复码只显示这一次）",
        commands: &["init"],
        make: output::init,
    },
    Named {
        name: "settings-set",
        describes: "--json 输出：settings set",
        commands: &["settings set"],
        make: output::settings_set,
    },
    Named {
        name: "terms",
        describes: "--json 输出：settings term",
        commands: &["settings term"],
        make: output::terms,
    },
    Named {
        name: "school",
        describes: "--json 输出：settings rule-profile",
        commands: &["settings rule-profile"],
        make: output::school,
    },
    Named {
        name: "calendar",
        describes: "--json 输出：calendar show",
        commands: &["calendar show"],
        make: output::calendar,
    },
    Named {
        name: "calendar-load",
        describes: "--json 输出：calendar load（--dry-run 时 saved 为 null）",
        commands: &["calendar load"],
        make: output::calendar_load,
    },
    Named {
        name: "calendar-saved",
        describes: "--json 输出：calendar remove",
        commands: &["calendar remove"],
        make: output::calendar_saved,
    },
    Named {
        name: "keys",
        describes: "--json 输出：keys show",
        commands: &["keys show"],
        make: output::keys,
    },
    Named {
        name: "trusted",
        describes: "--json 输出：keys trust",
        commands: &["keys trust"],
        make: output::trusted,
    },
    Named {
        name: "promotion",
        describes: "--json 输出：promote（--dry-run 时为 preview）",
        commands: &["promote"],
        make: output::promotion,
    },
    Named {
        name: "graduation",
        describes: "--json 输出：graduate（--dry-run 时为 preview）",
        commands: &["graduate"],
        make: output::graduation,
    },
    Named {
        name: "aid",
        describes: "--json 输出：hardship aid",
        commands: &["hardship aid"],
        make: output::aid,
    },
    Named {
        name: "hardship-page",
        describes: "--json 输出：hardship list",
        commands: &["hardship list"],
        make: output::hardship_page,
    },
    Named {
        name: "pdf",
        describes: "--json 输出：hardship form",
        commands: &["hardship form"],
        make: output::pdf,
    },
    Named {
        name: "print",
        describes: "--json 输出：print KIND（--list 时为文书种类表）",
        commands: &["print"],
        make: output::print,
    },
    Named {
        name: "print-sample",
        describes: "--json 输出：print sample（--list 时为文书种类表）",
        commands: &["print sample"],
        make: output::print_sample,
    },
    Named {
        name: "db-info",
        describes: "--json 输出：db info",
        commands: &["db info"],
        make: output::db_info,
    },
    Named {
        name: "package",
        describes: "--json 输出：package inspect",
        commands: &["package inspect"],
        make: output::package,
    },
    Named {
        name: "package-import",
        describes: "--json 输出：package import",
        commands: &["package import"],
        make: output::package_import,
    },
    Named {
        name: "import",
        describes: "--json 输出：import students（检查或 --commit 导入）",
        commands: &["import students"],
        make: output::import,
    },
    Named {
        name: "recover",
        describes: "--json 输出：recover（新的数据库所在位置）",
        commands: &["recover"],
        make: output::recover,
    },
    Named {
        name: "schemas",
        describes: "--json 输出：schema --list（schema NAME 输出 schema 本身）",
        commands: &["schema"],
        make: output::schemas,
    },
    Named {
        name: "file",
        describes: "--json 输出：package create、school-archive、handover",
        commands: &[
            "package create",
            "package school-archive",
            "package handover",
        ],
        make: output::file,
    },
    Named {
        name: "export",
        describes: "--json 输出：export",
        commands: &["export"],
        make: output::export,
    },
    Named {
        name: "backup",
        describes: "--json 输出：backup create",
        commands: &["backup create"],
        make: output::backup,
    },
    Named {
        name: "backup-check",
        describes: "--json 输出：backup verify",
        commands: &["backup verify"],
        make: output::backup_check,
    },
    Named {
        name: "restore",
        describes: "--json 输出：backup restore",
        commands: &["backup restore"],
        make: output::restore,
    },
    Named {
        name: "audit-actions",
        describes: "--json 输出：audit actions",
        commands: &["audit actions"],
        make: output::audit_actions,
    },
    Named {
        name: "audit-verify",
        describes: "--json 输出：audit verify",
        commands: &["audit verify"],
        make: output::audit_verify,
    },
];

/// What the schema `name` describes.
pub(crate) fn describes(name: &str) -> &'static str {
    find(name).map_or("", |n| n.describes)
}

/// The schema named `name`.
pub fn find(name: &str) -> Option<&'static Named> {
    ALL.iter().find(|n| n.name == name)
}

fn student_add() -> Value {
    convert::schema_of::<xueji_app::students::EnrolInput>("student-add", describes("student-add"))
}

fn change_submit() -> Value {
    convert::schema_of::<crate::commands::change::SubmitFile>(
        "change-submit",
        describes("change-submit"),
    )
}

fn graduate_results() -> Value {
    convert::schema_of::<Vec<crate::commands::batch::ResultRow>>(
        "graduate-results",
        describes("graduate-results"),
    )
}

fn hardship_apply() -> Value {
    let mut schema = convert::schema_of::<xueji_app::hardship::HardshipApplyInput>(
        "hardship-apply",
        describes("hardship-apply"),
    );
    // `--student` fills `studentId`, so the file may leave it out.
    if let Some(required) = schema.get_mut("required").and_then(Value::as_array_mut) {
        required.retain(|r| r != "studentId");
    }
    schema
}

fn application() -> Value {
    convert::schema_of::<crate::commands::change::ApplicationOut>(
        "application",
        describes("application"),
    )
}

fn error() -> Value {
    convert::schema_of::<crate::output::Failure>("error", describes("error"))
}
