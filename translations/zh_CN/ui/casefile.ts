<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseEditor</name>
    <message>
        <source>Facts</source>
        <translation>基本案情</translation>
    </message>
    <message>
        <source>Inquiries &amp;&amp; meetings</source>
        <translation>侦查方向与案情分析会</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the case facts (Ctrl+S)</source>
        <translation>保存基本案情（Ctrl+S）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>撤销未保存修改</translation>
    </message>
    <message>
        <source>No case selected</source>
        <translation>未选择案件</translation>
    </message>
    <message>
        <source>Occurred {when}</source>
        <translation>案发 {when}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Not saved: please correct the marked fields.</source>
        <translation>未保存：请更正标红的字段。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Edit case {no}</source>
        <translation>修改案件 {no}</translation>
    </message>
    <message>
        <source>Case {no} saved together with the other workstation&apos;s changes.</source>
        <translation>案件 {no} 已保存，并已合并其他工作站的修改。</translation>
    </message>
    <message>
        <source>Case {no} saved.</source>
        <translation>案件 {no} 已保存。</translation>
    </message>
    <message>
        <source>Status {a} → {b}</source>
        <translation>状态 {a} → {b}</translation>
    </message>
    <message>
        <source>Undo of the status change ({reason})</source>
        <translation>撤销状态变更（{reason}）</translation>
    </message>
    <message>
        <source>Status changed to {b}; this step of the workflow cannot be undone.</source>
        <translation>状态已变更为{b}；此流程步骤不能撤销。</translation>
    </message>
</context>
<context>
    <name>CaseFactsTab</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Read-only: a training case cannot be changed.</source>
        <translation>只读：教学案例不能修改。</translation>
    </message>
    <message>
        <source>Read-only: your role cannot change this case.</source>
        <translation>只读：你的角色不能修改此案件。</translation>
    </message>
</context>
<context>
    <name>CaseFieldSpecs</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>CaseHistoryTab</name>
    <message>
        <source>Status changes</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Changes to the case file</source>
        <translation>案卷修改记录</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <source>Search number, title, narrative, persons, vehicles… (Ctrl+F)</source>
        <translation>搜索案件编号、名称、案情、人员、车辆…（Ctrl+F）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>from: any</source>
        <translation>起：不限</translation>
    </message>
    <message>
        <source>to: any</source>
        <translation>止：不限</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部民警</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>案发</translation>
    </message>
    <message>
        <source>{shown} of {total} cases</source>
        <translation>显示 {shown} 件，共 {total} 件</translation>
    </message>
</context>
<context>
    <name>CaseRestore</name>
    <message>
        <source>Undo of delete: case restored</source>
        <translation>撤销删除：恢复案件</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Case title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>案发</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Lead officer</source>
        <translation>主办民警</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>侦查方向</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source> (training)</source>
        <translation>（教学）</translation>
    </message>
    <message>
        <source>{open} open or active of {total} lines of inquiry</source>
        <translation>{total} 个侦查方向中 {open} 个未完成</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>保存案件(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Find cases</source>
        <translation>查找案件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete case…</source>
        <translation>删除案件(&amp;D)…</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>变更状态(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>This case was changed elsewhere; saving will show both versions.</source>
        <translation>此案件已在别处被修改；保存时将显示双方的版本。</translation>
    </message>
    <message>
        <source>New case {no}</source>
        <translation>新建案件 {no}</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Delete case {no}</source>
        <translation>删除案件 {no}</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>删除案件</translation>
    </message>
    <message>
        <source>Delete case {no} “{title}” with all its persons, vehicles, inquiries and timeline? Edit ▸ Undo can restore it.</source>
        <translation>删除案件 {no}“{title}”及其全部人员、车辆、侦查方向和时间线？可用 编辑 ▸ 撤销 恢复。</translation>
    </message>
</context>
<context>
    <name>ChangeReason</name>
    <message>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>This case is {status}. Why is it changed?</source>
        <translation>此案件{status}。为什么要修改？</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Reason / source of the change</source>
        <translation>修改原因 / 信息来源</translation>
    </message>
    <message>
        <source>Known since</source>
        <translation>获知时间</translation>
    </message>
    <message>
        <source>For the history: why the facts changed and since when the investigation knew it (empty = now).</source>
        <translation>用于修改记录：事实为何改变，以及侦查中何时获知（留空 = 现在）。</translation>
    </message>
</context>
<context>
    <name>HistoryTexts</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Known since</source>
        <translation>获知时间</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReasoningPanel</name>
    <message>
        <source>Select an event to see what it rests on (observation → inference → action).</source>
        <translation>选择一个事件，查看它的依据（观察 → 推断 → 措施）。</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>研判链条</translation>
    </message>
    <message>
        <source>rests on no recorded event</source>
        <translation>无记录的依据</translation>
    </message>
    <message>
        <source>Rests on it:</source>
        <translation>以此为依据：</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <source>Add {noun} {label}</source>
        <translation>添加{noun} {label}</translation>
    </message>
    <message>
        <source>Edit {noun} {label}</source>
        <translation>修改{noun} {label}</translation>
    </message>
    <message>
        <source>Delete {noun} {label}</source>
        <translation>删除{noun} {label}</translation>
    </message>
    <message>
        <source>Add {noun}</source>
        <translation>添加{noun}</translation>
    </message>
    <message>
        <source>Edit {noun}</source>
        <translation>修改{noun}</translation>
    </message>
    <message>
        <source>This {noun} was deleted by someone else meanwhile; your changes were not saved.</source>
        <translation>该{noun}已被他人删除，你的修改未保存。</translation>
    </message>
    <message>
        <source>Delete {noun}</source>
        <translation>删除{noun}</translation>
    </message>
    <message>
        <source>Delete {noun} “{label}”? (Edit ▸ Undo brings it back.)</source>
        <translation>删除{noun}“{label}”？（可用 编辑 ▸ 撤销 恢复。）</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>History of the selected record</source>
        <translation>所选记录的修改记录</translation>
    </message>
    <message>
        <source>({n})</source>
        <translation>（{n}）</translation>
    </message>
</context>
<context>
    <name>RecordSpecs</name>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Name / description</source>
        <translation>姓名 / 体貌特征</translation>
    </message>
    <message>
        <source>(unidentified) {0}</source>
        <translation>（身份不明）{0}</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>身份已确认</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Vehicle role</source>
        <translation>涉案角色</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>号牌</translation>
    </message>
    <message>
        <source>unlicensed</source>
        <translation>无牌</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Held at</source>
        <translation>召开时间</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决定事项</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Lines of inquiry</source>
        <translation>侦查方向</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>案情分析会</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>案情分析会</translation>
    </message>
    <message>
        <source>meeting of {0}</source>
        <translation>{0} 案情分析会</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
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
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>line of inquiry</source>
        <translation>侦查方向</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Line of inquiry</source>
        <translation>侦查方向</translation>
    </message>
    <message>
        <source>Rests on</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>event</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change the case status</source>
        <translation>变更案件状态</translation>
    </message>
    <message>
        <source>Why: e.g. suspect caught and confessed</source>
        <translation>原因：例如 嫌疑人已抓获并供述</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <source>This step cannot be undone; it is recorded in the case history.</source>
        <translation>此步骤不能撤销，将记入案件记录。</translation>
    </message>
    <message>
        <source>No status change is possible from here.</source>
        <translation>当前状态无法再变更。</translation>
    </message>
    <message>
        <source>Please give a reason; it is kept in the case history.</source>
        <translation>请填写原因；它将记入案件记录。</translation>
    </message>
</context>
<context>
    <name>UnsavedTexts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>The case {what} has unsaved changes.</source>
        <translation>案件 {what} 有未保存的修改。</translation>
    </message>
    <message>
        <source>Save them before leaving?</source>
        <translation>离开前是否保存？</translation>
    </message>
</context>
<context>
    <name>tab</name>
    <message>
        <source>Edit {fields}</source>
        <translation>修改{fields}</translation>
    </message>
</context>
</TS>
