<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else — merge</source>
        <translation>已被他人修改 — 合并</translation>
    </message>
    <message>
        <source>Green: only you changed it (yours is kept) · blue: only the other person changed it (theirs is taken) · yellow: both changed it differently — pick one.</source>
        <translation>绿色：只有你修改（保留你的）· 蓝色：只有对方修改（采用对方的）· 黄色：双方都改且不同——请选择一方。</translation>
    </message>
    <message>
        <source>{n} field(s) were changed by both of you to different values: choose per field which to keep (yours is preselected). Fields only one of you changed are merged automatically.</source>
        <translation>有 {n} 个字段双方都改了且不一致：请逐项选择保留哪一方（默认保留我的）。只有一方修改的字段已自动合并。</translation>
    </message>
    <message>
        <source>You changed different fields: merging keeps your changes and theirs.</source>
        <translation>双方修改的是不同字段：合并后同时保留你的和对方的修改。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>Will be saved</source>
        <translation>保存结果</translation>
    </message>
    <message>
        <source>Select a row to read the full values below.</source>
        <translation>选中一行，可在下方查看完整内容。</translation>
    </message>
    <message>
        <source>mine (default)</source>
        <translation>我的（默认）</translation>
    </message>
    <message>
        <source>theirs (your pick)</source>
        <translation>对方的（你的选择）</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>same on both</source>
        <translation>双方相同</translation>
    </message>
    <message>
        <source>Merge and save</source>
        <translation>合并并保存</translation>
    </message>
    <message>
        <source>Save their changes together with yours, using your pick where both changed the same field.</source>
        <translation>把对方的修改与你的修改一起保存；双方都改过的字段按你的选择保存。</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>以我的为准覆盖</translation>
    </message>
    <message>
        <source>Save all your values; changes the other person made to these fields are replaced (they stay in the history).</source>
        <translation>全部按你的内容保存，对方对这些字段的修改将被替换（仍保留在修改记录中）。</translation>
    </message>
    <message>
        <source>Discard mine and reload</source>
        <translation>放弃我的修改</translation>
    </message>
    <message>
        <source>Drop your unsaved changes and show the case as now saved.</source>
        <translation>丢弃你未保存的修改，显示当前已保存的内容。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Nothing is saved; keep editing.</source>
        <translation>不保存，继续编辑。</translation>
    </message>
</context>
<context>
    <name>FormWidget</name>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeEdit</name>
    <message>
        <source>Known</source>
        <translation>已知</translation>
    </message>
</context>
<context>
    <name>ValueText</name>
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
</context>
</TS>
