# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_xueji_global_optspecs
    string join \n data-dir= json user= V/version h/help
end

function __fish_xueji_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_xueji_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_xueji_using_subcommand
    set -l cmd (__fish_xueji_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c xueji -n "__fish_xueji_needs_command" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_needs_command" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_needs_command" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_needs_command" -s V -l version -d '显示版本'
complete -c xueji -n "__fish_xueji_needs_command" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "init" -d '创建加密数据库（管理员密码从标准输入读取两次），只显示一次恢复码'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "recover" -d '用恢复码（从标准输入读取）解锁数据库，并把密钥重新存入钥匙串； 新电脑上加 --from-backup FILE：用备份文件和当时的恢复码重建数据文件夹'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "backup" -d '备份'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "audit" -d '审计日志'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "db" -d '数据库'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "print" -d '打印文书：xueji print <种类> --student <学籍号> --out FILE；样张：xueji print sample'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "promote" -d '年末升级（R12.1）：先用 --dry-run 查看例外名单'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "graduate" -d '毕业（R25）：按成绩结果计算毕业、结业、肄业；先用 --dry-run 预览'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "student" -d '学生：登记、查看、查询、修改'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "user" -d '账户：新增、停用、启用、列表'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "change" -d '学籍变动：提交申请、记录审批、列表、查看'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "import" -d '导入：学生名单 Excel（默认只检查；--commit 在没有问题时写入）'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "export" -d '导出 Excel（须填写主管教育行政部门的批准文号和用途，记入审计日志）'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "package" -d '学籍档案包：转学包、全校档案包、随迁子女辍学档案移交包（签名并加密，籍随人走）'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "keys" -d '本校公钥与信任学校'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "calendar" -d '工作日历：国务院节假日安排通知（未载入的年份按法定节假日暂定计算）'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "document" -d '文书发放登记：查看、作废、登记发放'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "hardship" -d '家庭经济困难学生认定与资助：申请、评议、认定、异议、资助、打印认定表'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "settings" -d '设置：学校信息、规则版本、学期、空闲锁定、资助公示期'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "todo" -d '待办：等待本校办理的申请和未完成的期限，按到期日排序（工作日）'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "deadlines" -d '期限：未完成的法定期限（建档、辍学报告、注销 …），按到期日排序（工作日）'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "findings" -d '合规检查（第三十二条）：逾期未办、档案不全等问题，及应去哪里处理'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "completions" -d '输出 shell 补全脚本（bash、zsh、fish），如 xueji completions bash > /etc/bash_completion.d/xueji'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "man" -d '输出 man 手册页（roff），如 xueji man > xueji.1'
complete -c xueji -n "__fish_xueji_needs_command" -f -a "schema" -d '输出 JSON 输入文件与 --json 输出的 JSON Schema，如 xueji schema change-submit'
complete -c xueji -n "__fish_xueji_using_subcommand init" -l school-name -d '学校名称' -r
complete -c xueji -n "__fish_xueji_using_subcommand init" -l school-kind -d '学校类型：小学、初中、九年一贯制、特殊教育' -r
complete -c xueji -n "__fish_xueji_using_subcommand init" -l admin -d '管理员用户名' -r
complete -c xueji -n "__fish_xueji_using_subcommand init" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand init" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand init" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand init" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand recover" -l from-backup -d '备份文件（新电脑、数据文件夹为空时）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand recover" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand recover" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand recover" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand recover" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and not __fish_seen_subcommand_from create restore verify" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand backup; and not __fish_seen_subcommand_from create restore verify" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand backup; and not __fish_seen_subcommand_from create restore verify" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and not __fish_seen_subcommand_from create restore verify" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and not __fish_seen_subcommand_from create restore verify" -f -a "create" -d '在线创建加密备份'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and not __fish_seen_subcommand_from create restore verify" -f -a "restore" -d '校验后从备份恢复（当前数据库先另存）'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and not __fish_seen_subcommand_from create restore verify" -f -a "verify" -d '校验备份文件（完整性、加密页校验、审计链）'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from create" -l to -d '备份文件（不得已存在）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from create" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from create" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from create" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from create" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from restore" -l from -d '备份文件' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from restore" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from restore" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from restore" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from restore" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from verify" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from verify" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from verify" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand backup; and __fish_seen_subcommand_from verify" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and not __fish_seen_subcommand_from verify list actions" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand audit; and not __fish_seen_subcommand_from verify list actions" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and not __fish_seen_subcommand_from verify list actions" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and not __fish_seen_subcommand_from verify list actions" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and not __fish_seen_subcommand_from verify list actions" -f -a "verify" -d '校验审计日志哈希链'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and not __fish_seen_subcommand_from verify list actions" -f -a "list" -d '查看审计日志（最新的在前），可按用户、操作、日期、学生筛选'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and not __fish_seen_subcommand_from verify list actions" -f -a "actions" -d '列出审计日志的操作类型及其中文名称'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from verify" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from verify" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from verify" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l user -d '操作用户名' -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l action -d '操作类型（如 change_decide、print；可用的见 audit actions）' -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l from -d '起始日期 YYYY-MM-DD（含，UTC）' -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l to -d '截止日期 YYYY-MM-DD（含，UTC）' -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l student -d '只列记录了这个学生的条目（学籍号、身份证件号或学生编号）' -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l page -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l page-size -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from list" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from actions" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from actions" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from actions" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand audit; and __fish_seen_subcommand_from actions" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand db; and not __fish_seen_subcommand_from info" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand db; and not __fish_seen_subcommand_from info" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand db; and not __fish_seen_subcommand_from info" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand db; and not __fish_seen_subcommand_from info" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand db; and not __fish_seen_subcommand_from info" -f -a "info" -d '结构版本、加密版本与各表行数（不含个人信息）'
complete -c xueji -n "__fish_xueji_using_subcommand db; and __fish_seen_subcommand_from info" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand db; and __fish_seen_subcommand_from info" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand db; and __fish_seen_subcommand_from info" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand db; and __fish_seen_subcommand_from info" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l student -d '学生（学籍号、身份证件号或学生编号）；可重复' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l grade -d '按年级选学生' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l class -d '按班级选学生' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l receiver -d '移交清单的接收方：升入的初中，或户籍所在地县级教育行政部门' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l out -d '输出的 PDF 文件' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l approval-ref -d '主管教育行政部门书面核准的批准文号，如 西教籍〔2026〕5号（第三十条；统计表和报送教育局的查重名单无需）' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l approved-on -d '核准日期（批准文件的落款日期）YYYY-MM-DD' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l list -d '列出全部文书种类'
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand print; and not __fish_seen_subcommand_from sample" -a "sample" -d '用内置示例数据生成文书样张（不需要数据库），用于预览每一种模板'
complete -c xueji -n "__fish_xueji_using_subcommand print; and __fish_seen_subcommand_from sample" -l kind -d '文书种类（见 --list）' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and __fish_seen_subcommand_from sample" -l variant -d '同一种类的另一份样张：record_card 的 graduated、certificate 的 batch' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and __fish_seen_subcommand_from sample" -l out -d '输出的 PDF 文件' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand print; and __fish_seen_subcommand_from sample" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand print; and __fish_seen_subcommand_from sample" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand print; and __fish_seen_subcommand_from sample" -l list -d '列出全部文书种类（与 xueji print --list 相同）'
complete -c xueji -n "__fish_xueji_using_subcommand print; and __fish_seen_subcommand_from sample" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand print; and __fish_seen_subcommand_from sample" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand promote" -l into -d '升入的学年（起始年份，如 2026 表示 2026—2027 学年）' -r
complete -c xueji -n "__fish_xueji_using_subcommand promote" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand promote" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand promote" -l dry-run -d '只预览，不写入'
complete -c xueji -n "__fish_xueji_using_subcommand promote" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand promote" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -l grade -d '毕业年级（6 或 9）' -r
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -l results -d '成绩结果 JSON 文件：[{"student": "学籍号", "programmeCompleted": true, "overallQualityPassed": true, "failedSubjectsAfterMakeup": 0, "auxNumber": "…"}]（student 也可写学生编号 studentId）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -l on -d '毕业日期（YYYY-MM-DD，默认今天）' -r
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -l reference -d '主管教育行政部门核准文号' -r
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -l dry-run -d '只预览，不写入'
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand graduate" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand student; and not __fish_seen_subcommand_from add show search edit" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand student; and not __fish_seen_subcommand_from add show search edit" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and not __fish_seen_subcommand_from add show search edit" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand student; and not __fish_seen_subcommand_from add show search edit" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand student; and not __fish_seen_subcommand_from add show search edit" -f -a "add" -d '登记新生（一年级）或经全国查重的非一年级学生'
complete -c xueji -n "__fish_xueji_using_subcommand student; and not __fish_seen_subcommand_from add show search edit" -f -a "show" -d '查看一个学生的学籍档案'
complete -c xueji -n "__fish_xueji_using_subcommand student; and not __fish_seen_subcommand_from add show search edit" -f -a "search" -d '查询学生（姓名、拼音首字母、身份证件号、学籍号）'
complete -c xueji -n "__fish_xueji_using_subcommand student; and not __fish_seen_subcommand_from add show search edit" -f -a "edit" -d '修改日常信息（现住址、班级、随迁子女、留守儿童、孤儿）'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l from -d '从 JSON 文件读取完整的登记信息（字段同桌面程序的登记表）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l name -d '姓名' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l id-number -d '居民身份证号' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l grade -d '年级（1–9）' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l class -d '班级' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l entry-date -d '入学日期（YYYY-MM-DD，默认今天）' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l national-check -d '非一年级无学籍学生的全国查重结果：passed、failed、not_done' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l ethnicity -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l hukou-kind -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l hukou-address -d '户口所在地' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l current-address -d '现住址' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l guardian -d '监护人姓名' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l guardian-relation -d '监护人与学生关系' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l guardian-phone -d '监护人电话' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from add" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from show" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from show" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from show" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from show" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l grade -d '年级（1–9）' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l class -d '班级' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l status -d '学籍状态（enrolled、on_leave …），可重复' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l page -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l page-size -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l all -d '包括已归档（毕业、转出等）学生'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from search" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from edit" -l set -d '字段=值，如 current_address=杭州市…；可重复' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from edit" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from edit" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from edit" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand student; and __fish_seen_subcommand_from edit" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand user; and not __fish_seen_subcommand_from add lock unlock list" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand user; and not __fish_seen_subcommand_from add lock unlock list" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand user; and not __fish_seen_subcommand_from add lock unlock list" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand user; and not __fish_seen_subcommand_from add lock unlock list" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand user; and not __fish_seen_subcommand_from add lock unlock list" -f -a "add" -d '新增账户（新账户的密码取自 XUEJI_NEW_PASSWORD，否则从标准输入读下一行）'
complete -c xueji -n "__fish_xueji_using_subcommand user; and not __fish_seen_subcommand_from add lock unlock list" -f -a "lock" -d '停用账户'
complete -c xueji -n "__fish_xueji_using_subcommand user; and not __fish_seen_subcommand_from add lock unlock list" -f -a "unlock" -d '启用账户并解除密码错误锁定'
complete -c xueji -n "__fish_xueji_using_subcommand user; and not __fish_seen_subcommand_from add lock unlock list" -f -a "list" -d '列出账户'
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from add" -l name -d '姓名' -r
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from add" -l role -d '角色：registrar（学籍管理员）、approver（学校审核人）、moral_education（德育处）、read_only（只读查询）' -r
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from add" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from add" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from lock" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from lock" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from lock" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from lock" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from unlock" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from unlock" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from unlock" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from unlock" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from list" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from list" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -f -a "submit" -d '提交学籍变动申请（无需审批的变动立即生效）'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -f -a "decide" -d '记录一个审批环节的决定（必须写明 --approve、--reject 或 --skip 其中之一）'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -f -a "list" -d '列出申请'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -f -a "show" -d '查看一项申请的各环节与材料'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -f -a "withdraw" -d '撤回尚未办结的申请（须写明原因），之后可重新申请'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -f -a "appeal" -d '处分决定的申诉（第二十二条）：登记申诉、登记教育局的复查决定'
complete -c xueji -n "__fish_xueji_using_subcommand change; and not __fish_seen_subcommand_from submit decide list show withdraw appeal proof" -f -a "proof" -d '证明材料：给办理中的申请补交材料'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from submit" -l student -d '学生（学籍号、身份证件号或学生编号）；转入申请省略' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from submit" -l from -d '变动内容 JSON 文件：{"change": {"type": "leave", …}, "effectiveOn": "2025-10-08", "note": …}' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from submit" -l proof -d '证明材料：种类=文件，如 written_application=申请书.pdf；可重复' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from submit" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from submit" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from submit" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from submit" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l step -d '环节序号（从 0 开始，见 change show）' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l reject -d '不同意，并说明理由' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l on -d '决定日期（YYYY-MM-DD，默认今天）' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l reference -d '文号' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l proof -d '决定文书扫描件，或审批时补交的证明材料（同时给出 --proof-kind）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l proof-kind -d '--proof 是哪一种证明材料（如 household_register）；省略则为决定文书' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l approve -d '同意'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l skip -d '跳过可选环节（如未申请听证）'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from decide" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l student -d '学生（学籍号、身份证件号或学生编号）' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l kind -d '变动类型（leave、transfer_out、transfer_in …）' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l state -d '状态：open、approved、rejected、withdrawn、applied' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l page -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l page-size -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l overdue -d '只列逾期未办的（R13.3）'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from list" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from show" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from show" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from show" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from show" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from withdraw" -l reason -d '撤回原因' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from withdraw" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from withdraw" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from withdraw" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from withdraw" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from appeal" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from appeal" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from appeal" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from appeal" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from appeal" -f -a "file" -d '登记学生或家长对处分决定的申诉（R22.2）'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from appeal" -f -a "decide" -d '登记主管教育行政部门对申诉的复查决定：--upheld 维持处分，--revoked 撤销处分'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from proof" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from proof" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from proof" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from proof" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand change; and __fish_seen_subcommand_from proof" -f -a "add" -d '给办理中的申请补交一份证明材料（PDF、JPG、PNG，不超过 20MB）'
complete -c xueji -n "__fish_xueji_using_subcommand import; and not __fish_seen_subcommand_from students" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand import; and not __fish_seen_subcommand_from students" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand import; and not __fish_seen_subcommand_from students" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand import; and not __fish_seen_subcommand_from students" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand import; and not __fish_seen_subcommand_from students" -f -a "students" -d '导入学生名单（.xlsx 第一个工作表，中文表头）'
complete -c xueji -n "__fish_xueji_using_subcommand import; and __fish_seen_subcommand_from students" -l report -d '把检查报告（问题单元格标红）另存为 .xlsx' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand import; and __fish_seen_subcommand_from students" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand import; and __fish_seen_subcommand_from students" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand import; and __fish_seen_subcommand_from students" -l commit -d '检查无误后写入（一个事务；有任何问题则不写入）'
complete -c xueji -n "__fish_xueji_using_subcommand import; and __fish_seen_subcommand_from students" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand import; and __fish_seen_subcommand_from students" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand export" -l approval-ref -d '主管教育行政部门书面核准的批准文号，如 西教籍〔2026〕5号（第三十条；统计表和报送教育局的查重名单无需）' -r
complete -c xueji -n "__fish_xueji_using_subcommand export" -l approved-on -d '核准日期（批准文件的落款日期）YYYY-MM-DD' -r
complete -c xueji -n "__fish_xueji_using_subcommand export" -l purpose -d '用途' -r
complete -c xueji -n "__fish_xueji_using_subcommand export" -l out -d '输出的 .xlsx 文件' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand export" -l grade -d '花名册：只导出该年级（1–9）' -r
complete -c xueji -n "__fish_xueji_using_subcommand export" -l class -d '花名册：只导出该班级，如 2班' -r
complete -c xueji -n "__fish_xueji_using_subcommand export" -l from -d '变动清单：起始日期 YYYY-MM-DD' -r
complete -c xueji -n "__fish_xueji_using_subcommand export" -l to -d '变动清单：截止日期 YYYY-MM-DD' -r
complete -c xueji -n "__fish_xueji_using_subcommand export" -l candidates -d '查重名单：候选学生名单 Excel（学生名单模板）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand export" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand export" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand export" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand export" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -f -a "create" -d '为转出已办结的学生生成转学包'
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -f -a "school-archive" -d '全校学籍档案包：学校合并或撤销时整体移交（第九条）'
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -f -a "handover" -d '学期末移交随迁子女辍学学籍档案到户籍所在地（第十八条）'
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -f -a "inspect" -d '解密、验证并查看转学包内容'
complete -c xueji -n "__fish_xueji_using_subcommand package; and not __fish_seen_subcommand_from create school-archive handover inspect import" -f -a "import" -d '验证后导入转学包，学生在原年级续读'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from create" -l student -d '学生（学籍号、身份证件号或学生编号）' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from create" -l to -d '接收学校的信任编号（见 keys trust）' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from create" -l out -d '输出文件' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from create" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from create" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from create" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from create" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from school-archive" -l to -d '接收单位的信任编号（见 keys trust）' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from school-archive" -l out -d '输出文件' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from school-archive" -l approval-ref -d '主管教育行政部门书面核准的批准文号，如 西教籍〔2026〕5号（第三十条；统计表和报送教育局的查重名单无需）' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from school-archive" -l approved-on -d '核准日期（批准文件的落款日期）YYYY-MM-DD' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from school-archive" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from school-archive" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from school-archive" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from school-archive" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from handover" -l to -d '接收单位的信任编号（见 keys trust）' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from handover" -l out -d '输出文件' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from handover" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from handover" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from handover" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from handover" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from inspect" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from inspect" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from inspect" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from inspect" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from import" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from import" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from import" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand package; and __fish_seen_subcommand_from import" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand keys; and not __fish_seen_subcommand_from show trust" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand keys; and not __fish_seen_subcommand_from show trust" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand keys; and not __fish_seen_subcommand_from show trust" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand keys; and not __fish_seen_subcommand_from show trust" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand keys; and not __fish_seen_subcommand_from show trust" -f -a "show" -d '显示本校公钥文本（交给其他学校）'
complete -c xueji -n "__fish_xueji_using_subcommand keys; and not __fish_seen_subcommand_from show trust" -f -a "trust" -d '信任另一所学校的公钥文本'
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from show" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from show" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from show" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from show" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from trust" -l name -d '对方学校名称' -r
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from trust" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from trust" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from trust" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand keys; and __fish_seen_subcommand_from trust" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and not __fish_seen_subcommand_from show load remove" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and not __fish_seen_subcommand_from show load remove" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and not __fish_seen_subcommand_from show load remove" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and not __fish_seen_subcommand_from show load remove" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and not __fish_seen_subcommand_from show load remove" -f -a "show" -d '显示已载入的通知和暂定计算的年份'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and not __fish_seen_subcommand_from show load remove" -f -a "load" -d '载入通知：文件为国务院办公厅通知的原文（《国务院办公厅关于20XX年部分节假日安排的通知》）； 同名通知被替换，未完成的期限按新日历重新计算'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and not __fish_seen_subcommand_from show load remove" -f -a "remove" -d '删除本校载入的某年通知（该年重新按法定节假日暂定计算，或恢复软件自带的通知）'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from show" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from show" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from show" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from show" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from load" -l from -d '通知原文的文本文件（UTF-8）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from load" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from load" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from load" -l dry-run -d '只读取并显示放假、上班日期，不保存'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from load" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from load" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from remove" -l title -d '只删除这一份通知（通知名称）；省略时删除该年全部' -r
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from remove" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from remove" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from remove" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand calendar; and __fish_seen_subcommand_from remove" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand document; and not __fish_seen_subcommand_from list void hand-out" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand document; and not __fish_seen_subcommand_from list void hand-out" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and not __fish_seen_subcommand_from list void hand-out" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand document; and not __fish_seen_subcommand_from list void hand-out" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand document; and not __fish_seen_subcommand_from list void hand-out" -f -a "list" -d '列出已打印的文书（编号、种类、学生、作废与发放情况）'
complete -c xueji -n "__fish_xueji_using_subcommand document; and not __fish_seen_subcommand_from list void hand-out" -f -a "void" -d '作废一份文书（须写明原因；证书只能在发放前因印错作废，第二十六条）'
complete -c xueji -n "__fish_xueji_using_subcommand document; and not __fish_seen_subcommand_from list void hand-out" -f -a "hand-out" -d '登记证书或证明书已发放（发放后证书不再作废、重印，第二十六条）'
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l kind -d '文书种类（certificate、record_card、completion_proof …）' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l student -d '学生（学籍号、身份证件号或学生编号）' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l year -d '打印年份' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l page -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l page-size -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l include-voided -d '也列出已作废的'
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from list" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from void" -l reason -d '作废原因' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from void" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from void" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from void" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from void" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from hand-out" -l on -d '发放日期（YYYY-MM-DD，默认今天）' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from hand-out" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from hand-out" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from hand-out" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand document; and __fish_seen_subcommand_from hand-out" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "list" -d '列出一个学年的认定（默认本学年）'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "show" -d '查看一项认定：申请、班级评议、学校认定、公示、异议与资助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "apply" -d '登记监护人的认定申请（JSON 文件，字段同桌面程序的申请表）'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "assess" -d '记录班级评议（认定小组意见和建议等级）'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "decide" -d '学校认定（学校审核人）：认定等级后开始公示；not_recognised 则办结'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "object" -d '登记公示期内提出的异议'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "objection-decide" -d '学校处理异议（学校审核人；必须写明 --sustain 或 --dismiss）'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "aid" -d '按学期登记资助（认定生效后，在其学年内）'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and not __fish_seen_subcommand_from list show apply assess decide object objection-decide aid form" -f -a "form" -d '打印家庭经济困难学生认定申请表（PDF）'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l year -d '学年（起始年份，如 2026 表示 2026—2027 学年；默认本学年）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l status -d '状态：applied、class_assessed、in_notice、objection_pending、effective、expired、not_recognised；可重复' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l level -d '认定等级：special、hardship、ordinary、not_recognised' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l grade -d '年级（1–9）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l class -d '班级' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l student -d '学生（学籍号、身份证件号或学生编号）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l page -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l page-size -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from list" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from show" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from show" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from show" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from show" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from apply" -l student -d '学生（学籍号、身份证件号或学生编号）；省略时取文件中的 studentId' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from apply" -l from -d '申请 JSON 文件（字段同桌面程序的申请表：guardianName、members、householdSize、factors、groups、reason …）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from apply" -l on -d '申请日期（YYYY-MM-DD，默认今天；给出时取代文件中的 appliedOn）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from apply" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from apply" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from apply" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from apply" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from assess" -l result -d '建议等级：special、hardship、ordinary、not_recognised' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from assess" -l note -d '班级认定小组意见' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from assess" -l on -d '评议日期（YYYY-MM-DD，默认今天）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from assess" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from assess" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from assess" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from assess" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from decide" -l level -d '认定等级：special、hardship、ordinary、not_recognised' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from decide" -l note -d '认定意见' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from decide" -l on -d '认定日期（YYYY-MM-DD，默认今天）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from decide" -l notice-from -d '公示开始日期（YYYY-MM-DD，默认认定当天，非工作日顺延）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from decide" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from decide" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from decide" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from decide" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from object" -l content -d '异议内容' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from object" -l by -d '提出人（默认匿名）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from object" -l on -d '提出日期（YYYY-MM-DD，默认今天；须在公示期内）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from object" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from object" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from object" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from object" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from objection-decide" -l number -d '异议序号（从 1 开始，见 hardship show）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from objection-decide" -l note -d '处理意见' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from objection-decide" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from objection-decide" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from objection-decide" -l sustain -d '异议成立：原认定作废，学校重新认定'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from objection-decide" -l dismiss -d '异议不成立：公示继续'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from objection-decide" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from objection-decide" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -l semester -d '学期：first（第一学期）、second（第二学期）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -l kind -d '资助项目，如 生活补助' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -l amount -d '金额（元，最多两位小数），如 1250 或 1250.50' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -l on -d '发放日期（YYYY-MM-DD，默认今天）' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -l note -d '备注' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from aid" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from form" -l out -d '输出的 PDF 文件' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from form" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from form" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from form" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand hardship; and __fish_seen_subcommand_from form" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and not __fish_seen_subcommand_from show set term rule-profile" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand settings; and not __fish_seen_subcommand_from show set term rule-profile" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and not __fish_seen_subcommand_from show set term rule-profile" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and not __fish_seen_subcommand_from show set term rule-profile" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and not __fish_seen_subcommand_from show set term rule-profile" -f -a "show" -d '查看设置：学校信息、适用的规则版本、学期、工作日历、空闲锁定、资助公示期、备份计划'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and not __fish_seen_subcommand_from show set term rule-profile" -f -a "set" -d '修改学校信息与安全设置：只改给出的项；--dry-run 只显示将修改什么'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and not __fish_seen_subcommand_from show set term rule-profile" -f -a "term" -d '设置一个学期的开学和结束日期（该学期已设置则替换），--remove 删除该学期'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and not __fish_seen_subcommand_from show set term rule-profile" -f -a "rule-profile" -d '更改适用的规则版本（学校审核人；须写明理由，如主管教育行政部门的通知）'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from show" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from show" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from show" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from show" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l school-code -d '学校标识码' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l county-bureau -d '主管教育行政部门，如 杭州市西湖区教育局' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l township -d '乡镇人民政府（街道办事处）' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l graduating-grades -d '毕业年级，逗号分隔，如 6 或 6,9' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l may-admit-foreign -d '具有招收外籍学生资质（第六条）：true 或 false' -r -f -a "true\t''
false\t''"
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l home-teaching -d '开展送教上门（第七条）：true 或 false' -r -f -a "true\t''
false\t''"
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l idle-lock -d '空闲多少分钟后锁定（1–60，第三十条）' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l hardship-notice-days -d '家庭经济困难认定的公示期（工作日）' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l dry-run -d '只显示将修改什么，不保存'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from set" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -l school-year -d '学年的起始年份（2026 表示 2026—2027 学年）' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -l semester -d '学期：first（第一学期）或 second（第二学期）' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -l start -d '开学日期 YYYY-MM-DD' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -l end -d '学期结束日期 YYYY-MM-DD' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -l remove -d '删除该学期'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from term" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from rule-profile" -l reason -d '理由' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from rule-profile" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from rule-profile" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from rule-profile" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand settings; and __fish_seen_subcommand_from rule-profile" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand todo" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand todo" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand todo" -l overdue -d '只列已逾期的'
complete -c xueji -n "__fish_xueji_using_subcommand todo" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand todo" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand deadlines" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand deadlines" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand deadlines" -l overdue -d '只列已逾期的'
complete -c xueji -n "__fish_xueji_using_subcommand deadlines" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand deadlines" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand findings" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand findings" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand findings" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand findings" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand completions" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand completions" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand completions" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand completions" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand man" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand man" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand man" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand man" -l json -d '以 JSON 输出结果'
complete -c xueji -n "__fish_xueji_using_subcommand schema" -l data-dir -d '数据目录（默认：环境变量 XUEJI_DATA_DIR，否则为桌面程序的数据目录）' -r -F
complete -c xueji -n "__fish_xueji_using_subcommand schema" -l user -d '操作用户（默认：环境变量 XUEJI_USER）；密码取自 XUEJI_PASSWORD，否则从标准输入读第一行' -r
complete -c xueji -n "__fish_xueji_using_subcommand schema" -l list -d '列出全部'
complete -c xueji -n "__fish_xueji_using_subcommand schema" -s h -l help -d '显示帮助'
complete -c xueji -n "__fish_xueji_using_subcommand schema" -l json -d '以 JSON 输出结果'
