// Chinese labels of the 设置 page.

export const schoolKinds = [
  { value: 'primary', label: '小学', grades: [1, 2, 3, 4, 5, 6] },
  { value: 'junior', label: '初中', grades: [7, 8, 9] },
  { value: 'nine_year', label: '九年一贯制学校', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
  { value: 'special_education', label: '特殊教育学校', grades: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
]

export const roles = [
  { value: 'registrar', label: '学籍管理员' },
  { value: 'approver', label: '学校审核人' },
  { value: 'moral_education', label: '德育处' },
  { value: 'read_only', label: '只读查询' },
] as const

/** What each audit action is called. */
export const auditActions: Record<string, string> = {
  init: '建立数据库',
  login: '登录',
  login_failed: '登录失败',
  login_refused: '拒绝登录',
  account_locked: '账户锁定',
  logout: '退出登录',
  denied: '无权操作',
  view: '查看',
  search: '查询',
  print: '打印',
  export: '导出',
  change: '学籍变动',
  settings_change: '修改设置',
  user_lock: '停用账户',
  user_unlock: '启用账户',
  user_add: '新增账户',
  user_create: '新增账户',
  password_change: '修改密码',
  registrar_appoint: '登记学籍管理员',
  backup: '备份',
  backup_verify: '校验备份',
  backup_restore: '恢复备份',
  backup_restore_refused: '拒绝恢复',
  restore: '恢复数据库',
  verify: '校验审计日志',
  migrate: '升级数据库',
  review_open: '开始学期核查',
  review_check: '核查学生',
  review_sign_off: '核查签字',
  school_create: '建立学校信息',
  student_create: '建立学籍',
  student_import: '导入学生',
  change_submit: '提交变动申请',
  change_decide: '记录审批',
  change_apply: '变动生效',
  change_withdraw: '撤回申请',
  archive_establish: '建立档案',
  archive_add: '补充档案',
  family_change: '修改家庭成员',
  document_void: '作废文书',
  promotion: '年末升级',
  graduation: '毕业批处理',
  purge_sanctions: '处分材料清理',
  sanction_revoke: '撤销处分',
  hardship_apply: '困难认定申请',
  hardship_class_assess: '班级评议',
  hardship_decide: '困难认定决定',
  hardship_object: '公示异议',
  hardship_objection_decide: '异议处理',
  hardship_effective: '认定生效',
  hardship_aid: '资助发放',
  package_create: '生成转学数据包',
  package_inspect: '查看转学数据包',
  package_import: '导入转学数据包',
  keys_show: '查看本校公钥',
  keys_trust: '信任学校公钥',
  rekey: '更换数据库密钥',
  recovery_code_renew: '更换恢复码',
}

export function actionLabel(action: string): string {
  return auditActions[action] ?? action
}

export const backupKinds: Record<string, string> = {
  auto: '自动备份',
  manual: '手动备份',
  pre_restore: '恢复前的数据库',
  pre_migration: '升级前的数据库',
  damaged: '无法打开的原数据库',
  other: '其他备份',
}

/** `12.3 MB` */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** An RFC 3339 time as `2026-03-02 08:15:00` in local time. */
export function localTime(rfc3339: string): string {
  const d = new Date(rfc3339)
  if (Number.isNaN(d.getTime())) return rfc3339
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}
