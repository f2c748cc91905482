<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangeWatcher</name>
    <message>
        <source>Cannot reach the database to look for changes made on other workstations: {reason}</source>
        <translation>无法连接数据库，不能查看其他工作站所做的修改：{reason}</translation>
    </message>
</context>
<context>
    <name>DemoFootage</name>
    <message>
        <source>Preparing the demo CCTV footage…</source>
        <translation>正在准备演示监控录像…</translation>
    </message>
    <message>
        <source>The demo footage could not be prepared: {error}</source>
        <translation>演示监控录像未能准备好：{error}</translation>
    </message>
    <message>
        <source>Demo CCTV footage ready.</source>
        <translation>演示监控录像已就绪。</translation>
    </message>
</context>
<context>
    <name>ErrorTexts</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Another program (perhaps a second CaseDesk window) is using the database. Close it and start CaseDesk again.</source>
        <translation>另一个程序（可能是另一个 CaseDesk 窗口）正在使用数据库。请关闭它后重新启动 CaseDesk。</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a CaseDesk database. Restore it from a backup, or start with another data directory (--data-dir).</source>
        <translation>数据库文件已损坏，或不是 CaseDesk 数据库。请从备份恢复，或换用其他数据目录（--data-dir）启动。</translation>
    </message>
    <message>
        <source>The database was written by a newer version of CaseDesk. Install the newer version to open it; nothing was changed.</source>
        <translation>该数据库由更新版本的 CaseDesk 创建。请安装新版本后再打开；数据未作任何改动。</translation>
    </message>
    <message>
        <source>The database has a schema version this program does not know. Nothing was changed.</source>
        <translation>数据库的结构版本无法识别。数据未作任何改动。</translation>
    </message>
    <message>
        <source>The database server or file cannot be reached. Check the path or the network and try again.</source>
        <translation>无法访问数据库服务器或文件。请检查路径或网络后重试。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>数据未作任何改动。</translation>
    </message>
    <message>
        <source>Please correct the input</source>
        <translation>请更正输入</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>Status change refused</source>
        <translation>状态变更被拒绝</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Operation failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that CaseDesk did not expect. Your saved data is safe; unsaved input in the current form may need to be entered again.</source>
        <translation>CaseDesk 遇到了意外问题。已保存的数据是安全的；当前表单中未保存的内容可能需要重新输入。</translation>
    </message>
    <message>
        <source>Technical details were written to the log file:
{path}</source>
        <translation>技术细节已写入日志文件：
{path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CaseDesk · Hit-and-Run Case Workbench</source>
        <translation>CaseDesk · 肇事逃逸案件工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About CaseDesk</source>
        <translation>关于 CaseDesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>编辑历史</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>Edit &amp;history</source>
        <translation>编辑历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of CaseDesk.</source>
        <translation>新语言将在下次启动 CaseDesk 时生效。</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>用户：{name}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>About CaseDesk</source>
        <translation>关于 CaseDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;CaseDesk {version}&lt;/b&gt;&lt;br&gt;Hit-and-run case file, CCTV review bench and reports for traffic-police accident squads.&lt;br&gt;&lt;br&gt;Data directory: {data}</source>
        <translation>&lt;b&gt;CaseDesk {version}&lt;/b&gt;&lt;br&gt;交警事故中队肇事逃逸案件卷宗、视频研判台与报表。&lt;br&gt;&lt;br&gt;数据目录：{data}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Save the case</source>
        <translation>保存案件</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Delete the selected item</source>
        <translation>删除所选项</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Switch view</source>
        <translation>切换视图</translation>
    </message>
    <message>
        <source>Previous/next editor tab</source>
        <translation>上一个/下一个标签页</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>CCTV review</source>
        <translation>视频研判</translation>
    </message>
</context>
<context>
    <name>StartupTexts</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Preparing the demo cases…</source>
        <translation>正在准备演示案例…</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
