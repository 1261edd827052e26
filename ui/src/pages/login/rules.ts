/** What is missing before the login form can be sent, or null. */
export function loginProblem(form: { username: string; password: string }): string | null {
  if (!form.username.trim()) return '请输入用户名'
  if (!form.password) return '请输入密码'
  return null
}

/** What the login page says on arrival, after a recovery. */
export function arrivalNotice(from: unknown): string {
  if (from === 'recover') return '数据库已用恢复码打开，密钥已重新存入本机钥匙串。请登录。'
  if (from === 'restore') return '已从备份恢复数据库，密钥已存入本机钥匙串。请用备份中的账号登录。'
  return ''
}
