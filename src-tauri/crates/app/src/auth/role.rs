//! Roles and what each may do. The check is data: one table from permission to roles, tested by
//! enumerating every pair.

/// A user's role.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 学籍管理员: keeps the records, submits changes, records outside decisions, prints, manages accounts.
    Registrar,
    /// 学校审核人 (principal or designated leader): decides the school's steps, signs off reviews.
    Approver,
    /// 德育处: proposes sanctions and awards.
    MoralEducation,
    /// 只读查询: looks records up, nothing else.
    ReadOnly,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Self::Registrar,
        Self::Approver,
        Self::MoralEducation,
        Self::ReadOnly,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Registrar => "学籍管理员",
            Self::Approver => "学校审核人",
            Self::MoralEducation => "德育处",
            Self::ReadOnly => "只读查询",
        }
    }

    /// The stored name (`registrar` …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Registrar => "registrar",
            Self::Approver => "approver",
            Self::MoralEducation => "moral_education",
            Self::ReadOnly => "read_only",
        }
    }

    /// Parses the stored name or the Chinese label.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|r| r.name() == text.trim() || r.label_zh() == text.trim())
    }

    pub fn may(self, permission: Permission) -> bool {
        permission.roles().contains(&self)
    }
}

/// Something a use case needs the user to be allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Search and open records, see the dashboard.
    ViewStudents,
    /// Enrol and edit students.
    EditStudents,
    /// Submit, withdraw and apply changes; record outside parties' decisions (bureau, guardian,
    /// other schools) and the national system's recheck of a key-field change (R11.2).
    SubmitChanges,
    /// Decide the school's own steps (核办, 校务会议, 校长签署).
    DecideSchoolSteps,
    /// Propose a sanction (德育部门).
    ProposeSanctions,
    /// Record awards.
    RecordAwards,
    /// Run the promotion and graduation batches.
    RunBatches,
    /// Check records in the semester review.
    ReviewRecords,
    /// Sign the semester review off.
    SignOffReview,
    /// See hardship applications and aid (personal financial data).
    ViewHardship,
    /// Enter hardship applications, assessments and aid.
    EditHardship,
    /// Print and export documents.
    PrintDocuments,
    /// Create, lock and unlock accounts; keep the registrar register.
    ManageUsers,
    /// Change the school's settings and calendar.
    ManageSettings,
    /// Read and verify the audit log.
    ViewAudit,
}

impl Permission {
    pub const ALL: [Permission; 15] = [
        Self::ViewStudents,
        Self::EditStudents,
        Self::SubmitChanges,
        Self::DecideSchoolSteps,
        Self::ProposeSanctions,
        Self::RecordAwards,
        Self::RunBatches,
        Self::ReviewRecords,
        Self::SignOffReview,
        Self::ViewHardship,
        Self::EditHardship,
        Self::PrintDocuments,
        Self::ManageUsers,
        Self::ManageSettings,
        Self::ViewAudit,
    ];

    /// The roles allowed (the permission table).
    pub fn roles(self) -> &'static [Role] {
        use Role::{Approver, MoralEducation, ReadOnly, Registrar};
        match self {
            Self::ViewStudents => &[Registrar, Approver, MoralEducation, ReadOnly],
            Self::EditStudents
            | Self::SubmitChanges
            | Self::RunBatches
            | Self::ReviewRecords
            | Self::EditHardship
            | Self::ManageUsers
            | Self::ManageSettings => &[Registrar],
            Self::DecideSchoolSteps | Self::SignOffReview => &[Approver],
            Self::ProposeSanctions => &[MoralEducation],
            Self::RecordAwards => &[Registrar, MoralEducation],
            Self::ViewHardship | Self::PrintDocuments | Self::ViewAudit => &[Registrar, Approver],
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::ViewStudents => "查询学籍",
            Self::EditStudents => "登记和修改学生信息",
            Self::SubmitChanges => "办理学籍变动",
            Self::DecideSchoolSteps => "学校审核决定",
            Self::ProposeSanctions => "提出处分意见",
            Self::RecordAwards => "登记奖励",
            Self::RunBatches => "升级、毕业批处理",
            Self::ReviewRecords => "学期学籍复核",
            Self::SignOffReview => "复核签字确认",
            Self::ViewHardship => "查看家庭经济困难认定与资助",
            Self::EditHardship => "办理家庭经济困难认定与资助",
            Self::PrintDocuments => "打印和导出文书",
            Self::ManageUsers => "管理账户",
            Self::ManageSettings => "修改系统设置",
            Self::ViewAudit => "查看审计日志",
        }
    }

    /// The stored name (`view_students` …), used in audit rows.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_permission_has_a_role_and_read_only_may_only_view() {
        for p in Permission::ALL {
            assert!(!p.roles().is_empty(), "{p:?}");
            assert_eq!(
                Role::ReadOnly.may(p),
                p == Permission::ViewStudents,
                "{p:?}"
            );
        }
    }

    #[test]
    fn the_school_decides_and_the_registrar_records() {
        assert!(Role::Approver.may(Permission::DecideSchoolSteps));
        assert!(!Role::Registrar.may(Permission::DecideSchoolSteps));
        assert!(Role::MoralEducation.may(Permission::ProposeSanctions));
        assert!(!Role::MoralEducation.may(Permission::ViewHardship));
    }

    #[test]
    fn roles_parse_from_name_and_label() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.name()), Some(r));
            assert_eq!(Role::parse(r.label_zh()), Some(r));
        }
        assert_eq!(Role::parse("admin"), None);
    }
}
