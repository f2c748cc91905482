<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Reported</source>
        <translation>已报案</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>侦查中</translation>
    </message>
    <message>
        <source>Suspect identified</source>
        <translation>已锁定嫌疑人</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>已破案</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>挂起</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>受害人</translation>
    </message>
    <message>
        <source>Suspect</source>
        <translation>嫌疑人</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>证人</translation>
    </message>
    <message>
        <source>Reporting party</source>
        <translation>报案人</translation>
    </message>
    <message>
        <source>Three-wheeled motorcycle</source>
        <translation>三轮摩托车</translation>
    </message>
    <message>
        <source>Two-wheeled e-bike</source>
        <translation>两轮电动车</translation>
    </message>
    <message>
        <source>Motorcycle</source>
        <translation>摩托车</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>小汽车</translation>
    </message>
    <message>
        <source>SUV</source>
        <translation>越野车</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>面包车</translation>
    </message>
    <message>
        <source>Truck</source>
        <translation>货车</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>客车</translation>
    </message>
    <message>
        <source>Bicycle</source>
        <translation>自行车</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Suspect vehicle 1</source>
        <translation>嫌疑车辆1</translation>
    </message>
    <message>
        <source>Suspect vehicle 2</source>
        <translation>嫌疑车辆2</translation>
    </message>
    <message>
        <source>Suspect vehicle 3</source>
        <translation>嫌疑车辆3</translation>
    </message>
    <message>
        <source>Victim&apos;s vehicle</source>
        <translation>被害人车辆</translation>
    </message>
    <message>
        <source>Witness vehicle</source>
        <translation>证人车辆</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待开展</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Call-out</source>
        <translation>接警出警</translation>
    </message>
    <message>
        <source>Accident</source>
        <translation>事故发生</translation>
    </message>
    <message>
        <source>Scene examination</source>
        <translation>现场勘查</translation>
    </message>
    <message>
        <source>Case-analysis meeting</source>
        <translation>案情分析会</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>Sighting</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>研判推断</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>侦查措施</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜查</translation>
    </message>
    <message>
        <source>Canvassing</source>
        <translation>摸排走访</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>身份确认</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>抓获</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>讯问</translation>
    </message>
    <message>
        <source>Confession</source>
        <translation>供述</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <source>Verification FAILED</source>
        <translation>校验失败</translation>
    </message>
    <message>
        <source>Readable copy made</source>
        <translation>已生成可播放副本</translation>
    </message>
    <message>
        <source>DVR seized on site</source>
        <translation>现场调取 DVR</translation>
    </message>
    <message>
        <source>Sent by owner</source>
        <translation>业主提供</translation>
    </message>
    <message>
        <source>City video platform export</source>
        <translation>市视频平台导出</translation>
    </message>
    <message>
        <source>To ask</source>
        <translation>待调取</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>已调取</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已查看</translation>
    </message>
    <message>
        <source>Nothing relevant</source>
        <translation>无有关画面</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>书证</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>证人证言</translation>
    </message>
    <message>
        <source>Physical trace</source>
        <translation>痕迹物证</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>录音</translation>
    </message>
    <message>
        <source>Recording as received</source>
        <translation>原始录像（原样）</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>公安</translation>
    </message>
    <message>
        <source>City management</source>
        <translation>城管</translation>
    </message>
    <message>
        <source>Water and power</source>
        <translation>水利水电</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <source>Housing estate</source>
        <translation>小区物业</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Traffic police checkpoint</source>
        <translation>交警卡口</translation>
    </message>
    <message>
        <source>Grid search</source>
        <translation>地毯式搜查</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>待执行</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>已分派</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Property damage</source>
        <translation>财产损失</translation>
    </message>
    <message>
        <source>Injury</source>
        <translation>伤人</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>亡人</translation>
    </message>
    <message>
        <source>Hit-and-run</source>
        <translation>肇事逃逸</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>号牌</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Make/model</source>
        <translation>品牌型号</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Damage</source>
        <translation>损坏情况</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>体貌特征</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>身份已确认</translation>
    </message>
    <message>
        <source>Unlicensed</source>
        <translation>无牌</translation>
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
        <source>Narrative</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Identified at</source>
        <translation>确认身份时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Occurred at</source>
        <translation>案发时间</translation>
    </message>
    <message>
        <source>Reported at</source>
        <translation>报案时间</translation>
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
        <source>Light</source>
        <translation>光线</translation>
    </message>
    <message>
        <source>Weather</source>
        <translation>天气</translation>
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
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Casualties</source>
        <translation>伤亡情况</translation>
    </message>
    <message>
        <source>Direction of travel</source>
        <translation>行驶方向</translation>
    </message>
    <message>
        <source>Lead officer</source>
        <translation>主办民警</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Squad</source>
        <translation>中队</translation>
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
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决定事项</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>案情分析会</translation>
    </message>
    <message>
        <source>Line of inquiry</source>
        <translation>侦查方向</translation>
    </message>
    <message>
        <source>Solved at</source>
        <translation>破案时间</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>empty while unidentified</source>
        <translation>身份不明时留空</translation>
    </message>
    <message>
        <source>Identity established</source>
        <translation>身份已查明</translation>
    </message>
    <message>
        <source>appearance, clothing, estimated age…</source>
        <translation>体貌、衣着、估计年龄…</translation>
    </message>
    <message>
        <source>Vehicle role</source>
        <translation>涉案角色</translation>
    </message>
    <message>
        <source>empty while unknown</source>
        <translation>不明时留空</translation>
    </message>
    <message>
        <source>Unlicensed (no plate)</source>
        <translation>无牌（未悬挂号牌）</translation>
    </message>
    <message>
        <source>Distinguishing features</source>
        <translation>识别特征</translation>
    </message>
    <message>
        <source>Attendees (one per line)</source>
        <translation>参会人员（每行一人）</translation>
    </message>
    <message>
        <source>e.g. team 1</source>
        <translation>例如 第一组</translation>
    </message>
    <message>
        <source>Members (one per line)</source>
        <translation>成员（每行一人）</translation>
    </message>
    <message>
        <source>Deployed at meeting</source>
        <translation>部署于案情分析会</translation>
    </message>
    <message>
        <source>e.g. 石峰-2023-0117</source>
        <translation>例如 石峰-2023-0117</translation>
    </message>
    <message>
        <source>Case title</source>
        <translation>案件名称</translation>
    </message>
    <message>
        <source>e.g. north → south</source>
        <translation>例如 由北向南</translation>
    </message>
    <message>
        <source>e.g. dark, no street lights</source>
        <translation>例如 夜间无路灯</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
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
        <source>Rests on (observations, inferences)</source>
        <translation>依据（观察、推断）</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>观察记录</translation>
    </message>
</context>
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
