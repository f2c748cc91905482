<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Export case summary (PDF)</source>
        <translation>导出案件报告（PDF）</translation>
    </message>
    <message>
        <source>Select a case in the case list first.</source>
        <translation>请先在案件列表中选中一个案件。</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计分析</translation>
    </message>
    <message>
        <source>Call-out log</source>
        <translation>出警记录</translation>
    </message>
    <message>
        <source>Export case summary (PDF)…</source>
        <translation>导出案件报告（PDF）…</translation>
    </message>
</context>
<context>
    <name>CallOutDialog</name>
    <message>
        <source>Edit call-out</source>
        <translation>编辑出警记录</translation>
    </message>
    <message>
        <source>Record call-out</source>
        <translation>登记出警</translation>
    </message>
    <message>
        <source>case number, for hit-and-runs</source>
        <translation>案件编号（仅肇事逃逸）</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>出警时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>District</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Officers attending</source>
        <translation>出警民警</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CallOutLogView</name>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Record call-out…</source>
        <translation>登记出警…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部民警</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{shown} of {total} call-outs shown.</source>
        <translation>显示 {shown} 条，共 {total} 条出警记录。</translation>
    </message>
    <message>
        <source>Delete call-out</source>
        <translation>删除出警记录</translation>
    </message>
    <message>
        <source>Delete the call-out of {time}?</source>
        <translation>确定删除 {time} 的出警记录吗？</translation>
    </message>
</context>
<context>
    <name>PdfExportDialog</name>
    <message>
        <source>Export case summary (PDF)</source>
        <translation>导出案件报告（PDF）</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>报告章节</translation>
    </message>
    <message>
        <source>Anonymize persons and plates (copy for circulation)</source>
        <translation>隐去人员信息和号牌（脱敏版，供传阅）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Save PDF as</source>
        <translation>PDF 另存为</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Saved {path}: {pages} pages. Report digest {digest}.</source>
        <translation>已保存 {path}：共 {pages} 页。报告摘要 {digest}。</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Squad</source>
        <translation>中队</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Clearance per</source>
        <translation>破案率周期</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Hour of day</source>
        <translation>发案时段</translation>
    </message>
    <message>
        <source>Clearance table</source>
        <translation>破案率明细</translation>
    </message>
    <message>
        <source>All squads</source>
        <translation>全部中队</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部民警</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>{n} cases, {m} call-outs in the selection.</source>
        <translation>所选范围内：案件 {n} 起，出警 {m} 次。</translation>
    </message>
    <message>
        <source>Cases per month by status</source>
        <translation>每月案件数（按状态）</translation>
    </message>
    <message>
        <source>Clearance rate</source>
        <translation>破案率</translation>
    </message>
    <message>
        <source>Cohort (reported in period, solved by now)</source>
        <translation>按报案期（本期报案、至今已破）</translation>
    </message>
    <message>
        <source>Period (solved in period ÷ reported in period)</source>
        <translation>按破案期（本期破案数 ÷ 本期报案数）</translation>
    </message>
    <message>
        <source>Cases per month by vehicle kind</source>
        <translation>每月案件数（按肇事车型）</translation>
    </message>
    <message>
        <source>Time to solve</source>
        <translation>破案用时</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计结果</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export CSV into folder</source>
        <translation>导出 CSV 到文件夹</translation>
    </message>
</context>
</TS>
