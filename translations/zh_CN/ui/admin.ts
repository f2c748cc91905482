<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminMenu</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Trainer replay</source>
        <translation>案件复盘教学</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <source>Review comments…</source>
        <translation>审核意见…</translation>
    </message>
    <message>
        <source>Verify data…</source>
        <translation>数据校验…</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Security settings…</source>
        <translation>安全设置…</translation>
    </message>
    <message>
        <source>Squads…</source>
        <translation>中队管理…</translation>
    </message>
    <message>
        <source>Export training package…</source>
        <translation>导出教学包…</translation>
    </message>
    <message>
        <source>Import training package…</source>
        <translation>导入教学包…</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>立即锁定</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
</context>
<context>
    <name>AdminSettingsDialog</name>
    <message>
        <source>Security settings</source>
        <translation>安全设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Lock the workstation after inactivity of:</source>
        <translation>无操作多久后锁定工作站：</translation>
    </message>
    <message>
        <source>Remind administrators to back up every:</source>
        <translation>提醒管理员备份的间隔：</translation>
    </message>
    <message>
        <source>These settings apply to this workstation.</source>
        <translation>这些设置只对本工作站生效。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Row hash: {hash}</source>
        <translation>记录哈希：{hash}</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>action, e.g. evidence.</source>
        <translation>操作，如 evidence.</translation>
    </message>
    <message>
        <source>text in details</source>
        <translation>详情中的文字</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>{shown} of {total} entries</source>
        <translation>显示 {shown} / 共 {total} 条</translation>
    </message>
    <message>
        <source>Entry #{id} · code {action} · row hash {hash}</source>
        <translation>第 {id} 条 · 代码 {action} · 行哈希 {hash}</translation>
    </message>
</context>
<context>
    <name>BackupTexts</name>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Choose where to put the backup folder</source>
        <translation>选择备份文件夹的存放位置</translation>
    </message>
    <message>
        <source>Backing up the database and the evidence files…</source>
        <translation>正在备份数据库和证据文件…</translation>
    </message>
    <message>
        <source>Backup written to {path} ({n} evidence files).</source>
        <translation>备份已写入 {path}（{n} 个证据文件）。</translation>
    </message>
    <message>
        <source>No backup was made recently. Back up the database and the evidence files now? (Restore: casedesk-cli --data-dir EMPTY_DIR restore FOLDER)</source>
        <translation>近期没有备份。现在备份数据库和证据文件吗？（恢复：casedesk-cli --data-dir 空目录 restore 备份文件夹）</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose your own password before you continue.</source>
        <translation>您的密码由管理员设置，请先设置自己的密码再继续。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>At least {n} characters, mixing letters with digits or symbols.</source>
        <translation>至少 {n} 个字符，须包含字母以及数字或符号。</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ExportPackageDialog</name>
    <message>
        <source>Export training package</source>
        <translation>导出教学包</translation>
    </message>
    <message>
        <source>Names, ID numbers, phone numbers and plates are replaced by consistent pseudonyms; marked regions (faces, plates) are blurred on the exported frames.</source>
        <translation>姓名、身份证号、电话号码和号牌将统一替换为化名；导出画面中标记的区域（人脸、号牌）将被模糊处理。</translation>
    </message>
    <message>
        <source>Frames to include:</source>
        <translation>包含的画面：</translation>
    </message>
    <message>
        <source>Blur every marked region (not only faces and plates)</source>
        <translation>模糊所有标记区域（不仅是人脸和号牌）</translation>
    </message>
    <message>
        <source>Save training package</source>
        <translation>保存教学包</translation>
    </message>
    <message>
        <source>Training package (*.zip)</source>
        <translation>教学包 (*.zip)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Training package saved: {path}</source>
        <translation>教学包已保存：{path}</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>CaseDesk · First start</source>
        <translation>CaseDesk · 首次启动</translation>
    </message>
    <message>
        <source>No administrator account exists yet. Create it now; the administrator then adds the officers, reviewers and trainers.</source>
        <translation>尚无管理员账号。请现在创建；之后由管理员添加民警、审核员和教官账号。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>At least {n} characters, mixing letters with digits or symbols.</source>
        <translation>至少 {n} 个字符，须包含字母以及数字或符号。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <source>Import training package</source>
        <translation>导入教学包</translation>
    </message>
    <message>
        <source>Training package (*.zip)</source>
        <translation>教学包 (*.zip)</translation>
    </message>
    <message>
        <source>Checking and importing the package…</source>
        <translation>正在校验并导入教学包…</translation>
    </message>
    <message>
        <source>Imported as a read-only training case: {title} ({frames} frames, {events} steps).</source>
        <translation>已导入为只读教学案例：{title}（{frames} 个画面，{events} 个步骤）。</translation>
    </message>
</context>
<context>
    <name>KnownThenPanel</name>
    <message>
        <source>Case file as known at this step</source>
        <translation>此时掌握的案情</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>体貌特征</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>号牌</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>工作组</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>工作成果</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Lines of inquiry</source>
        <translation>侦查方向</translation>
    </message>
    <message>
        <source>Case status then: {status}</source>
        <translation>当时案件状态：{status}</translation>
    </message>
    <message>
        <source>Unidentified</source>
        <translation>身份不明</translation>
    </message>
    <message>
        <source>Unlicensed</source>
        <translation>无牌</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>CaseDesk · Sign in</source>
        <translation>CaseDesk · 登录</translation>
    </message>
    <message>
        <source>CaseDesk · Locked</source>
        <translation>CaseDesk · 已锁定</translation>
    </message>
    <message>
        <source>Sign in with your CaseDesk account.</source>
        <translation>请使用 CaseDesk 账号登录。</translation>
    </message>
    <message>
        <source>The workstation was locked after a period of inactivity. Enter your password to continue.</source>
        <translation>长时间无操作，工作站已锁定。请输入密码继续。</translation>
    </message>
    <message>
        <source>The workstation is locked. Enter your password to continue.</source>
        <translation>工作站已锁定。请输入密码继续。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>ReplayView</name>
    <message>
        <source>Start replay</source>
        <translation>开始复盘</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Set a question…</source>
        <translation>设置思考题…</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>删除思考题</translation>
    </message>
    <message>
        <source>Closed case:</source>
        <translation>已结案件：</translation>
    </message>
    <message>
        <source>Reveal this step</source>
        <translation>揭晓本步骤</translation>
    </message>
    <message>
        <source>Your role may not run replays.</source>
        <translation>您的角色无权进行案件复盘。</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>案件复盘</translation>
    </message>
    <message>
        <source>Skip ahead?</source>
        <translation>跳过未讨论的步骤？</translation>
    </message>
    <message>
        <source>{n} steps have not been discussed yet. Show the outcome anyway?</source>
        <translation>还有 {n} 步尚未讨论。仍要直接显示案件结果吗？</translation>
    </message>
    <message>
        <source>{n}. Outcome</source>
        <translation>{n}. 案件结果</translation>
    </message>
    <message>
        <source>{n}. Outcome (hidden)</source>
        <translation>{n}. 案件结果（未揭晓）</translation>
    </message>
    <message>
        <source>{n}. {time} · not reached yet</source>
        <translation>{n}. {time} · 尚未进行到</translation>
    </message>
    <message>
        <source>{n}. {time} [Question]</source>
        <translation>{n}. {time}【思考题】</translation>
    </message>
    <message>
        <source>Pick a closed case and start the replay.</source>
        <translation>请选择一个已结案件并开始复盘。</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>第 {n} / {total} 步</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>思考题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>案件结果</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>地点：{place}</translation>
    </message>
    <message>
        <source>Rests on: {items}</source>
        <translation>依据：{items}</translation>
    </message>
    <message>
        <source>Teams deployed:</source>
        <translation>部署的工作组：</translation>
    </message>
    <message>
        <source>Question: {q}
Answer: {a}</source>
        <translation>思考题：{q}
参考答案：{a}</translation>
    </message>
    <message>
        <source>Loading frame {i}…</source>
        <translation>正在加载第 {i} 帧…</translation>
    </message>
    <message>
        <source>{camera} · frame {i} · {sha}… · {note}</source>
        <translation>{camera} · 第 {i} 帧 · {sha}… · {note}</translation>
    </message>
    <message>
        <source>Cannot show this frame: {error}</source>
        <translation>无法显示该画面：{error}</translation>
    </message>
    <message>
        <source>Question before this step</source>
        <translation>本步骤前的思考题</translation>
    </message>
    <message>
        <source>What should the trainees answer before they see this step?</source>
        <translation>学员在看到本步骤之前应回答什么？</translation>
    </message>
    <message>
        <source>What would you check next?</source>
        <translation>下一步你会查什么？</translation>
    </message>
    <message>
        <source>Expected answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <source>Expected answer (optional):</source>
        <translation>参考答案（可不填）：</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review comments</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Your comment on this case file…</source>
        <translation>对本案卷宗的意见…</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>添加意见</translation>
    </message>
    <message>
        <source>Approve closing</source>
        <translation>批准结案</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>approved closing</source>
        <translation>批准结案</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Closing approved.</source>
        <translation>已批准结案。</translation>
    </message>
    <message>
        <source>Closing can be approved once the case is solved.</source>
        <translation>案件破案后才能批准结案。</translation>
    </message>
    <message>
        <source>Solved: waiting for closing approval.</source>
        <translation>已破案，等待批准结案。</translation>
    </message>
</context>
<context>
    <name>SquadEditDialog</name>
    <message>
        <source>Edit squad</source>
        <translation>编辑中队</translation>
    </message>
    <message>
        <source>Add squad</source>
        <translation>新增中队</translation>
    </message>
    <message>
        <source>e.g. 石峰 (starts every case number)</source>
        <translation>如 石峰（案件编号的开头）</translation>
    </message>
    <message>
        <source>Squad code:</source>
        <translation>中队代码：</translation>
    </message>
    <message>
        <source>Squad name:</source>
        <translation>中队名称：</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <source>New cases of the squad take this zone; the case list, call-out log and new case numbers use it from the next sign-in.</source>
        <translation>本中队新建的案件采用此时区；案件列表、出警记录和新案件编号在下次登录后按此时区计算。</translation>
    </message>
</context>
<context>
    <name>SquadsDialog</name>
    <message>
        <source>Squads</source>
        <translation>中队</translation>
    </message>
    <message>
        <source>Squad code</source>
        <translation>中队代码</translation>
    </message>
    <message>
        <source>Squad name</source>
        <translation>中队名称</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>CLI token for {name}</source>
        <translation>{name} 的命令行令牌</translation>
    </message>
    <message>
        <source>Copy the token now: it is shown only this once (CaseDesk keeps only its hash). A script signs in as {name} with it in CASEDESK_TOKEN until {date}; revoke it in this dialog when it is no longer needed.</source>
        <translation>请立即复制此令牌：它只显示这一次（CaseDesk 只保存其哈希值）。脚本将它放在 CASEDESK_TOKEN 中即以 {name} 的身份登录，有效至 {date}；不再需要时请在本对话框中吊销。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Must change the password at first sign-in</source>
        <translation>首次登录时必须修改密码</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>User role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Squad:</source>
        <translation>中队：</translation>
    </message>
    <message>
        <source>First password:</source>
        <translation>初始密码：</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Squad</source>
        <translation>中队</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Scripts (casedesk-cli):</source>
        <translation>脚本（casedesk-cli）：</translation>
    </message>
    <message>
        <source>Issue CLI token…</source>
        <translation>签发命令行令牌…</translation>
    </message>
    <message>
        <source>Revoke CLI tokens</source>
        <translation>吊销命令行令牌</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Lock {name}? The account cannot sign in (nor use its CLI tokens) until an administrator unlocks it.</source>
        <translation>锁定 {name}？在管理员解锁之前，该账户不能登录，也不能使用其命令行令牌。</translation>
    </message>
    <message>
        <source>Issue CLI token</source>
        <translation>签发命令行令牌</translation>
    </message>
    <message>
        <source>Valid for how many days (1–{n})?</source>
        <translation>有效期多少天（1–{n}）？</translation>
    </message>
    <message>
        <source>Revoke every CLI token of {name}? Scripts using them stop working.</source>
        <translation>吊销 {name} 的全部命令行令牌？使用这些令牌的脚本将无法继续运行。</translation>
    </message>
    <message>
        <source>{n} CLI tokens of {name} revoked.</source>
        <translation>已吊销 {name} 的 {n} 个命令行令牌。</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Temporary password for {name}:</source>
        <translation>{name} 的临时密码：</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify data</source>
        <translation>数据校验</translation>
    </message>
    <message>
        <source>Checks the database file, the audit chain and the SHA-256 of every evidence file.</source>
        <translation>检查数据库文件、审计链以及每个证据文件的 SHA-256。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>重新校验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Verification could not run: {error}</source>
        <translation>校验无法运行：{error}</translation>
    </message>
    <message>
        <source>Verification cancelled; nothing was concluded.</source>
        <translation>校验已取消，未得出结论。</translation>
    </message>
</context>
<context>
    <name>table</name>
    <message>
        <source>Not known at this step</source>
        <translation>此时尚不掌握</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>教官</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
</TS>
