<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name />
        <message>
            <location filename="../../ui/reports/__init__.py" line="+28" />
            <location line="+7" />
            <source>Export case summary (PDF)</source>
            <translation>导出案件报告（PDF）</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Select a case in the case list first.</source>
            <translation>请先在案件列表中选中一个案件。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Statistics</source>
            <translation>统计分析</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Call-out log</source>
            <translation>出警记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export case summary (PDF)…</source>
            <translation>导出案件报告（PDF）…</translation>
        </message>
        <message>
            <location filename="../../ui/review/import_dialog.py" line="+98" />
            <source>Import evidence into {case}</source>
            <translation>向 {case} 导入证据</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Drop video files here</source>
            <translation>把视频文件拖到这里</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(not set)</source>
            <translation>（未设置）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>e.g. copied from DVR channel 3 to USB stick by officer Li</source>
            <translation>例如：李警官从 DVR 第 3 通道拷贝到 U 盘</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the start time (camera clock) by hand</source>
            <translation>手动设置起始时间（摄像头时钟）</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+47" />
            <source>Add files with the button or drop them here.</source>
            <translation>用按钮添加文件，或把文件拖到这里。</translation>
        </message>
        <message>
            <location line="-45" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How obtained</source>
            <translation>调取方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Choose video files</source>
            <translation>选择视频文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Video files ({patterns});;All files (*)</source>
            <translation>视频文件 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>No files chosen.</source>
            <translation>未选择文件。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Copying and hashing…</source>
            <translation>正在复制并计算哈希…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Import cancelled.</source>
            <translation>导入已取消。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Copying and hashing {name}…</source>
            <translation>正在复制并计算 {name} 的哈希…</translation>
        </message>
        <message>
            <location line="+10" />
            <source>imported</source>
            <translation>已导入</translation>
        </message>
        <message>
            <location line="+0" />
            <source>already imported — double-click to open the existing item</source>
            <translation>此前已导入——双击打开已有证据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not imported</source>
            <translation>未导入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cancelled, nothing imported</source>
            <translation>已取消，未导入任何内容</translation>
        </message>
        <message>
            <location line="+14" />
            <source>{i} imported, {d} already there, {f} not imported, {c} cancelled.</source>
            <translation>导入 {i} 个，已存在 {d} 个，未导入 {f} 个，取消 {c} 个。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../services/common/code_labels.py" line="+47" />
            <source>Reported</source>
            <translation>已报案</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Investigating</source>
            <translation>侦查中</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Suspect identified</source>
            <translation>已锁定嫌疑人</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Solved</source>
            <translation>已破案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closed</source>
            <translation>已结案</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Suspended</source>
            <translation>挂起</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Victim</source>
            <translation>受害人</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Suspect</source>
            <translation>嫌疑人</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Witness</source>
            <translation>证人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reporting party</source>
            <translation>报案人</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Three-wheeled motorcycle</source>
            <translation>三轮摩托车</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Two-wheeled e-bike</source>
            <translation>两轮电动车</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Motorcycle</source>
            <translation>摩托车</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Car</source>
            <translation>小汽车</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SUV</source>
            <translation>越野车</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Van</source>
            <translation>面包车</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Truck</source>
            <translation>货车</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bus</source>
            <translation>客车</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Bicycle</source>
            <translation>自行车</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+7" />
            <location line="+12" />
            <location line="+8" />
            <location line="+15" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location line="-41" />
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location line="+2" />
            <source>male</source>
            <translation>男</translation>
        </message>
        <message>
            <location line="+0" />
            <source>female</source>
            <translation>女</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suspect vehicle 1</source>
            <translation>嫌疑车辆1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Suspect vehicle 2</source>
            <translation>嫌疑车辆2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Suspect vehicle 3</source>
            <translation>嫌疑车辆3</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Victim's vehicle</source>
            <translation>被害人车辆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Witness vehicle</source>
            <translation>证人车辆</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open</source>
            <translation>待开展</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+36" />
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <location line="-36" />
            <location line="+37" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location line="-36" />
            <source>Dropped</source>
            <translation>已放弃</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Call-out</source>
            <translation>接警出警</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Accident</source>
            <translation>事故发生</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scene examination</source>
            <translation>现场勘查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case-analysis meeting</source>
            <translation>案情分析会</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Observation</source>
            <translation>观察</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Sighting</source>
            <translation>发现</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Inference</source>
            <translation>研判推断</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Action</source>
            <translation>侦查措施</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search</source>
            <translation>搜查</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+27" />
            <source>Canvassing</source>
            <translation>摸排走访</translation>
        </message>
        <message>
            <location line="-26" />
            <source>Identification</source>
            <translation>身份确认</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Arrest</source>
            <translation>抓获</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Interview</source>
            <translation>讯问</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Confession</source>
            <translation>供述</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Imported</source>
            <translation>导入</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Viewed</source>
            <translation>查看</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Exported</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Verified</source>
            <translation>校验通过</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Verification FAILED</source>
            <translation>校验失败</translation>
        </message>
        <message>
            <location line="+3" />
            <source>DVR seized on site</source>
            <translation>现场调取 DVR</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sent by owner</source>
            <translation>业主提供</translation>
        </message>
        <message>
            <location line="+1" />
            <source>City video platform export</source>
            <translation>市视频平台导出</translation>
        </message>
        <message>
            <location line="+3" />
            <source>To ask</source>
            <translation>待调取</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Asked</source>
            <translation>已联系</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Collected</source>
            <translation>已调取</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reviewed</source>
            <translation>已查看</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Nothing relevant</source>
            <translation>无有关画面</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Video</source>
            <translation>视频</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Image</source>
            <translation>图片</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Document</source>
            <translation>书证</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Statement</source>
            <translation>证人证言</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Physical trace</source>
            <translation>痕迹物证</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Audio</source>
            <translation>录音</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Police</source>
            <translation>公安</translation>
        </message>
        <message>
            <location line="+0" />
            <source>City management</source>
            <translation>城管</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Water and power</source>
            <translation>水利水电</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Education</source>
            <translation>教育</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Housing estate</source>
            <translation>小区物业</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shop</source>
            <translation>商户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic police checkpoint</source>
            <translation>交警卡口</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Grid search</source>
            <translation>地毯式搜查</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Planned</source>
            <translation>待执行</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Assigned</source>
            <translation>已分派</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Property damage</source>
            <translation>财产损失</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Injury</source>
            <translation>伤人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Fatal</source>
            <translation>亡人</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Hit-and-run</source>
            <translation>肇事逃逸</translation>
        </message>
        <message>
            <location line="+3" />
            <location filename="../../services/casefile/dto.py" line="+87" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="+24" />
            <source>Plate</source>
            <translation>号牌</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="-18" />
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../services/casefile/dto.py" line="+2" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+7" />
            <location filename="../../services/casefile/dto.py" line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="-7" />
            <location filename="../../services/casefile/dto.py" line="+13" />
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../services/casefile/dto.py" line="-2" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="+7" />
            <source>Make/model</source>
            <translation>品牌型号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Features</source>
            <translation>特征</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../services/casefile/dto.py" line="+3" />
            <source>Damage</source>
            <translation>损坏情况</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="-19" />
            <source>Description</source>
            <translation>体貌特征</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="-6" />
            <source>Age</source>
            <translation>年龄</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../services/casefile/dto.py" line="-1" />
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Identified</source>
            <translation>身份已确认</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unlicensed</source>
            <translation>无牌</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../services/casefile/dto.py" line="+49" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="+2" />
            <source>Findings</source>
            <translation>工作成果</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Narrative</source>
            <translation>简要案情</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../services/casefile/dto.py" line="-58" />
            <source>Role</source>
            <translation>身份</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="+6" />
            <source>Identified at</source>
            <translation>确认身份时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occurred at</source>
            <translation>案发时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reported at</source>
            <translation>报案时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>District</source>
            <translation>辖区</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Road</source>
            <translation>道路</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Light</source>
            <translation>光线</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Weather</source>
            <translation>天气</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="+45" />
            <source>Team</source>
            <translation>工作组</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../services/casefile/dto.py" line="+2" />
            <source>Objective</source>
            <translation>任务</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Members</source>
            <translation>成员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Casualties</source>
            <translation>伤亡情况</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Direction of travel</source>
            <translation>行驶方向</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead officer</source>
            <translation>主办民警</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Case number</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Latitude</source>
            <translation>纬度</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Longitude</source>
            <translation>经度</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Squad</source>
            <translation>中队</translation>
        </message>
        <message>
            <location line="+1" />
            <location filename="../../services/casefile/dto.py" line="-13" />
            <source>Held at</source>
            <translation>召开时间</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="+1" />
            <source>Location</source>
            <translation>地点</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="+1" />
            <source>Chair</source>
            <translation>主持人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Attendees</source>
            <translation>参会人员</translation>
        </message>
        <message>
            <location line="+0" />
            <location filename="../../services/casefile/dto.py" line="+3" />
            <source>Decisions</source>
            <translation>决定事项</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+5" />
            <source>Meeting</source>
            <translation>案情分析会</translation>
        </message>
        <message>
            <location line="-5" />
            <location line="+5" />
            <source>Line of inquiry</source>
            <translation>侦查方向</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Solved at</source>
            <translation>破案时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Closed at</source>
            <translation>结案时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Time zone</source>
            <translation>时区</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Vehicle</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Not recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <location filename="../../services/casefile/dto.py" line="-42" />
            <source>empty while unidentified</source>
            <translation>身份不明时留空</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Identity established</source>
            <translation>身份已查明</translation>
        </message>
        <message>
            <location line="+11" />
            <source>appearance, clothing, estimated age…</source>
            <translation>体貌、衣着、估计年龄…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Vehicle role</source>
            <translation>涉案角色</translation>
        </message>
        <message>
            <location line="+6" />
            <source>empty while unknown</source>
            <translation>不明时留空</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unlicensed (no plate)</source>
            <translation>无牌（未悬挂号牌）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Distinguishing features</source>
            <translation>识别特征</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Attendees (one per line)</source>
            <translation>参会人员（每行一人）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>e.g. team 1</source>
            <translation>例如 第一组</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Members (one per line)</source>
            <translation>成员（每行一人）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Deployed at meeting</source>
            <translation>部署于案情分析会</translation>
        </message>
        <message>
            <location filename="../../ui/review/import_clock.py" line="+41" />
            <source>Read the clock from the picture</source>
            <translation>从画面读取时钟</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use these start times</source>
            <translation>采用这些开始时间</translation>
        </message>
        <message>
            <location line="+18" />
            <source>no start time</source>
            <translation>无开始时间</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{n} clip(s) have no start time: their frames get no corrected time and they drop out of the route until the clock is read or a time is entered.</source>
            <translation>{n} 段视频没有开始时间：在读取画面时钟或填写时间之前，其各帧没有校正时间，也不会出现在轨迹中。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Reading the clock from the picture…</source>
            <translation>正在从画面读取时钟…</translation>
        </message>
        <message>
            <location line="+15" />
            <source>{name}: camera clock at the first frame {start} (±{unc} s)</source>
            <translation>{name}：首帧的摄像头时钟 {start}（±{unc} 秒）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{name}: no clock found in the picture</source>
            <translation>{name}：画面中未找到时钟</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Start times saved from the clock in the picture.</source>
            <translation>已按画面时钟保存开始时间。</translation>
        </message>
    </context>
    <context>
        <name>AdminMenu</name>
        <message>
            <location filename="../../ui/admin/__init__.py" line="+44" />
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Trainer replay</source>
            <translation>案件复盘教学</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Users…</source>
            <translation>用户管理…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Review comments…</source>
            <translation>审核意见…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Verify data…</source>
            <translation>数据校验…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Back up now…</source>
            <translation>立即备份…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Security settings…</source>
            <translation>安全设置…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export training package…</source>
            <translation>导出教学包…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Import training package…</source>
            <translation>导入教学包…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Change password…</source>
            <translation>修改密码…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lock now</source>
            <translation>立即锁定</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sign out</source>
            <translation>注销</translation>
        </message>
    </context>
    <context>
        <name>AdminSettingsDialog</name>
        <message>
            <location filename="../../ui/admin/settings_dialog.py" line="+17" />
            <source>Security settings</source>
            <translation>安全设置</translation>
        </message>
        <message>
            <location line="+4" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+5" />
            <source>never</source>
            <translation>从不</translation>
        </message>
        <message>
            <location line="-1" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Lock the workstation after inactivity of:</source>
            <translation>无操作多久后锁定工作站：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remind administrators to back up every:</source>
            <translation>提醒管理员备份的间隔：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>These settings apply to this workstation.</source>
            <translation>这些设置只对本工作站生效。</translation>
        </message>
    </context>
    <context>
        <name>AreaDialog</name>
        <message>
            <location filename="../../ui/review/area_dialog.py" line="+31" />
            <location line="+44" />
            <source>Area image</source>
            <translation>区域底图</translation>
        </message>
        <message>
            <location line="-40" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Image file</source>
            <translation>图片文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Two points you can find on the image (e.g. two cameras), their pixel position and latitude/longitude:</source>
            <translation>在图上找两个已知点（如两个摄像头），填写其像素位置和经纬度：</translation>
        </message>
        <message>
            <location line="+7" />
            <source>x</source>
            <translation>x</translation>
        </message>
        <message>
            <location line="+0" />
            <source>y</source>
            <translation>y</translation>
        </message>
        <message>
            <location line="+1" />
            <source>lat</source>
            <translation>纬度</translation>
        </message>
        <message>
            <location line="+0" />
            <source>lon</source>
            <translation>经度</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Point {n}</source>
            <translation>点 {n}</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Images (*.png *.jpg *.jpeg *.tif *.bmp)</source>
            <translation>图片 (*.png *.jpg *.jpeg *.tif *.bmp)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Choose an image file that can be read.</source>
            <translation>请选择一个可以读取的图片文件。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The two points must differ in both x and y.</source>
            <translation>两个点的 x 和 y 都必须不同。</translation>
        </message>
    </context>
    <context>
        <name>AttachDialog</name>
        <message>
            <location filename="../../ui/investigation/evidence_panel.py" line="+49" />
            <location line="+34" />
            <source>Attach evidence</source>
            <translation>添加证据</translation>
        </message>
        <message>
            <location line="-30" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+12" />
            <source>from the file (EXIF) / unknown</source>
            <translation>取自文件（EXIF）/不详</translation>
        </message>
        <message>
            <location line="+1" />
            <source>as given here</source>
            <translation>以此处填写为准</translation>
        </message>
        <message>
            <location line="+5" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Taken / given at</source>
            <translation>拍摄/询问时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What it is</source>
            <translation>证据说明</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Witness / given by</source>
            <translation>证人/提供人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Officer</source>
            <translation>民警</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Statement text</source>
            <translation>证言内容</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Choose a file that exists.</source>
            <translation>请选择存在的文件。</translation>
        </message>
    </context>
    <context>
        <name>AudioPlayer</name>
        <message>
            <location filename="../../ui/investigation/audio_player.py" line="+32" />
            <location line="+101" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location line="-54" />
            <source>Checking the stored copy of {name} against its SHA-256…</source>
            <translation>正在核对 {name} 在证据库中的副本与其 SHA-256…</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Playing the evidence store's copy (SHA-256 {sha}, checked just now).</source>
            <translation>播放的是证据库中的副本（SHA-256 {sha}，刚刚核验无误）。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Audio playback is not available on this computer (Qt Multimedia has no working backend).</source>
            <translation>这台电脑无法播放音频（Qt Multimedia 没有可用的后端）。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>This computer has no sound output device: the recording cannot be heard here (its length and position still show). Connect speakers or headphones.</source>
            <translation>这台电脑没有音频输出设备：在此听不到录音（时长和播放位置照常显示）。请连接音箱或耳机。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The recording cannot be played: {why}</source>
            <translation>录音无法播放：{why}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown format</source>
            <translation>格式无法识别</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <location filename="../../ui/admin/audit_view.py" line="+45" />
            <source>#</source>
            <translation>序号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Operation</source>
            <translation>操作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Case no.</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Row hash: {hash}</source>
            <translation>记录哈希：{hash}</translation>
        </message>
    </context>
    <context>
        <name>AuditView</name>
        <message>
            <location line="+33" />
            <source>action, e.g. evidence.</source>
            <translation>操作，如 evidence.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>text in details</source>
            <translation>详情中的文字</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Case:</source>
            <translation>案件：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>User:</source>
            <translation>用户：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Action:</source>
            <translation>操作：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From:</source>
            <translation>从：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To:</source>
            <translation>至：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Text:</source>
            <translation>文字：</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Load more</source>
            <translation>加载更多</translation>
        </message>
        <message>
            <location line="+13" />
            <source>All cases</source>
            <translation>全部案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All users</source>
            <translation>全部用户</translation>
        </message>
        <message>
            <location line="+40" />
            <source>{shown} of {total} entries</source>
            <translation>显示 {shown} / 共 {total} 条</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Entry #{id} · code {action} · row hash {hash}</source>
            <translation>第 {id} 条 · 代码 {action} · 行哈希 {hash}</translation>
        </message>
    </context>
    <context>
        <name>BackupTexts</name>
        <message>
            <location filename="../../ui/admin/backup_dialogs.py" line="+89" />
            <source>Backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose where to put the backup folder</source>
            <translation>选择备份文件夹的存放位置</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Backing up the database and the evidence files…</source>
            <translation>正在备份数据库和证据文件…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Backup written to {path} ({n} evidence files).</source>
            <translation>备份已写入 {path}（{n} 个证据文件）。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>No backup was made recently. Back up the database and the evidence files now? (Restore: casedesk-cli --data-dir EMPTY_DIR restore FOLDER)</source>
            <translation>近期没有备份。现在备份数据库和证据文件吗？（恢复：casedesk-cli --data-dir 空目录 restore 备份文件夹）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Later</source>
            <translation>稍后</translation>
        </message>
    </context>
    <context>
        <name>BasemapDialog</name>
        <message>
            <location filename="../../ui/investigation/basemap_dialog.py" line="+27" />
            <location line="+20" />
            <source>Basemap</source>
            <translation>底图</translation>
        </message>
        <message>
            <location line="-15" />
            <source>The case's plan image</source>
            <translation>本案平面图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>MBTiles file (offline)</source>
            <translation>MBTiles 离线瓦片文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>XYZ tile URL (police GIS)</source>
            <translation>XYZ 瓦片地址（公安 PGIS）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Tiles use GCJ-02 coordinates (most Chinese street maps)</source>
            <translation>瓦片使用 GCJ-02 坐标（国内多数街道地图）</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+8" />
            <source>MBTiles file</source>
            <translation>MBTiles 文件</translation>
        </message>
        <message>
            <location line="-7" />
            <source>Tile URL</source>
            <translation>瓦片地址</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Choose an MBTiles file that exists.</source>
            <translation>请选择一个存在的 MBTiles 文件。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The tile URL must start with http://, https:// or file://.</source>
            <translation>瓦片地址必须以 http://、https:// 或 file:// 开头。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The tile URL needs the placeholders {z}, {x} and {y}.</source>
            <translation>瓦片地址中需要包含占位符 {z}、{x} 和 {y}。</translation>
        </message>
    </context>
    <context>
        <name>CallOutDialog</name>
        <message>
            <location filename="../../ui/reports/callout_dialog.py" line="+44" />
            <source>Edit call-out</source>
            <translation>编辑出警记录</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Record call-out</source>
            <translation>登记出警</translation>
        </message>
        <message>
            <location line="+11" />
            <source>case number, for hit-and-runs</source>
            <translation>案件编号（仅肇事逃逸）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Date and time</source>
            <translation>出警时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>District</source>
            <translation>辖区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Road</source>
            <translation>道路</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Officers attending</source>
            <translation>出警民警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case</source>
            <translation>关联案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>CallOutLogView</name>
        <message>
            <location filename="../../ui/reports/callout_view.py" line="+48" />
            <location line="+1" />
            <source>no limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location line="+3" />
            <source>All kinds</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location line="+3" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Officer</source>
            <translation>民警</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+75" />
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <location line="-71" />
            <source>Record call-out…</source>
            <translation>登记出警…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Load more</source>
            <translation>加载更多</translation>
        </message>
        <message>
            <location line="+24" />
            <source>All officers</source>
            <translation>全部民警</translation>
        </message>
        <message>
            <location line="+42" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Officers</source>
            <translation>民警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case</source>
            <translation>关联案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{shown} of {total} call-outs shown.</source>
            <translation>显示 {shown} 条，共 {total} 条出警记录。</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Delete call-out</source>
            <translation>删除出警记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the call-out of {time}?</source>
            <translation>确定删除 {time} 的出警记录吗？</translation>
        </message>
    </context>
    <context>
        <name>CameraDialog</name>
        <message>
            <location filename="../../ui/review/camera_dialog.py" line="+44" />
            <source>Camera registry</source>
            <translation>摄像头登记</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Owner</source>
            <translation>归属</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Camera name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Retention</source>
            <translation>保存天数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock offset</source>
            <translation>时钟偏差</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Save camera</source>
            <translation>保存摄像头</translation>
        </message>
        <message>
            <location line="+2" />
            <source>New camera</source>
            <translation>新建摄像头</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Offset (s)</source>
            <translation>偏差（秒）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Measured at</source>
            <translation>测定时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How measured</source>
            <translation>测定方法</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Clock offsets (true time = camera clock + offset)</source>
            <translation>时钟偏差（真实时间 = 摄像头时间 + 偏差）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>e.g. DVR clock photographed next to a reference clock at seizure</source>
            <translation>例如：调取时将 DVR 时钟与标准时间同框拍照</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Add measurement</source>
            <translation>添加测定</translation>
        </message>
        <message>
            <location line="+25" />
            <source>{n} days</source>
            <translation>{n} 天</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Edit camera {code}</source>
            <translation>编辑摄像头 {code}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Save the camera first.</source>
            <translation>请先保存摄像头。</translation>
        </message>
    </context>
    <context>
        <name>CameraEditDialog</name>
        <message>
            <location filename="../../ui/investigation/camera_form.py" line="+166" />
            <source>Camera {code}</source>
            <translation>摄像头 {code}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Changes apply to this camera in every case; Edit ▸ Undo takes them back.</source>
            <translation>修改对所有案件中的该摄像头生效；可用“编辑 ▸ 撤销”撤回。</translation>
        </message>
    </context>
    <context>
        <name>CameraForm</name>
        <message>
            <location line="-115" />
            <source>unknown</source>
            <translation>不详</translation>
        </message>
        <message>
            <location line="+2" />
            <source>decimal degrees, WGS-84, e.g. 27.86550</source>
            <translation>十进制度数，WGS-84，例如 27.86550</translation>
        </message>
        <message>
            <location line="+1" />
            <source>decimal degrees, WGS-84, e.g. 113.15900</source>
            <translation>十进制度数，WGS-84，例如 113.15900</translation>
        </message>
        <message>
            <location line="+1" />
            <source>in words, e.g. towards the south gate</source>
            <translation>文字描述，例如 朝南门</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Compass bearing of the view: 0 north, 90 east</source>
            <translation>镜头朝向方位角：0 为正北，90 为正东</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Horizontal field of view: how wide the wedge is</source>
            <translation>水平视场角：扇形的张角</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How far the camera usefully sees</source>
            <translation>摄像头能看清的距离</translation>
        </message>
        <message>
            <location line="+3" />
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Days until the DVR overwrites its footage</source>
            <translation>硬盘录像机多少天后覆盖录像</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Number</source>
            <translation>编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Camera name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Owner kind</source>
            <translation>归属类别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Owner unit</source>
            <translation>归属单位</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+43" />
            <source>Latitude</source>
            <translation>纬度</translation>
        </message>
        <message>
            <location line="-43" />
            <location line="+44" />
            <source>Longitude</source>
            <translation>经度</translation>
        </message>
        <message>
            <location line="-43" />
            <source>Facing</source>
            <translation>朝向</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Bearing</source>
            <translation>朝向角</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field of view</source>
            <translation>视场角</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Viewing distance</source>
            <translation>可视距离</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Retention</source>
            <translation>保存天数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+38" />
            <source>{what}: enter a number in decimal degrees (e.g. 27.86550).</source>
            <translation>{what}：请输入十进制度数（例如 27.86550）。</translation>
        </message>
    </context>
    <context>
        <name>CanvassPanel</name>
        <message>
            <location filename="../../ui/investigation/canvass_panel.py" line="+47" />
            <source>Now</source>
            <translation>现在</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Evidence request letter…</source>
            <translation>调取证据通知书…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate the evidence-request letter (PDF) for the selected camera</source>
            <translation>为选中的摄像头生成调取证据通知书（PDF）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add camera…</source>
            <translation>添加摄像头…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Urgent as of</source>
            <translation>紧急清单截至</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Owner</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Coverage</source>
            <translation>调取状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Retention</source>
            <translation>保存天数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Footage lost</source>
            <translation>录像覆盖时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Double-click a camera to edit its retention, position, view and owner</source>
            <translation>双击摄像头可编辑保存天数、位置、视野和权属</translation>
        </message>
        <message>
            <location line="+10" />
            <source>To ask</source>
            <translation>待调取</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Asked</source>
            <translation>已联系</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Collected</source>
            <translation>已调取</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reviewed</source>
            <translation>已查看</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing relevant</source>
            <translation>无有关画面</translation>
        </message>
        <message>
            <location line="+26" />
            <source>{n} days</source>
            <translation>{n} 天</translation>
        </message>
        <message>
            <location line="+23" />
            <source>No footage about to be overwritten.</source>
            <translation>没有即将被覆盖的录像。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{code} {name}: footage probably overwritten since {when}, not collected</source>
            <translation>{code} {name}：录像可能已于 {when} 被覆盖，未调取</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{code} {name}: overwrites in {days:.1f} days ({when}), not yet collected</source>
            <translation>{code} {name}：{days:.1f} 天后（{when}）覆盖，尚未调取</translation>
        </message>
    </context>
    <context>
        <name>CaseEditor</name>
        <message>
            <location filename="../../ui/casefile/editor.py" line="+90" />
            <source>Facts</source>
            <translation>基本案情</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Inquiries &amp;&amp; meetings</source>
            <translation>侦查方向与案情分析会</translation>
        </message>
        <message>
            <location line="+11" />
            <source>History</source>
            <translation>修改记录</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Change status…</source>
            <translation>变更状态…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save the case facts (Ctrl+S)</source>
            <translation>保存基本案情（Ctrl+S）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revert</source>
            <translation>撤销未保存修改</translation>
        </message>
        <message>
            <location line="+77" />
            <source>No case selected</source>
            <translation>未选择案件</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Occurred {when}</source>
            <translation>案发 {when}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown</source>
            <translation>不详</translation>
        </message>
        <message>
            <location line="+32" />
            <location line="+15" />
            <source>Not saved: please correct the marked fields.</source>
            <translation>未保存：请更正标红的字段。</translation>
        </message>
        <message>
            <location line="-11" />
            <location line="+21" />
            <source>Not saved.</source>
            <translation>未保存。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Edit case {no}</source>
            <translation>修改案件 {no}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Case {no} saved together with the other workstation's changes.</source>
            <translation>案件 {no} 已保存，并已合并其他工作站的修改。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Case {no} saved.</source>
            <translation>案件 {no} 已保存。</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Status {a} → {b}</source>
            <translation>状态 {a} → {b}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Undo of the status change ({reason})</source>
            <translation>撤销状态变更（{reason}）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status changed to {b}; this step of the workflow cannot be undone.</source>
            <translation>状态已变更为{b}；此流程步骤不能撤销。</translation>
        </message>
    </context>
    <context>
        <name>CaseFactsTab</name>
        <message>
            <location filename="../../ui/casefile/facts_tab.py" line="+102" />
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Read-only: a training case cannot be changed.</source>
            <translation>只读：教学案例不能修改。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read-only: your role cannot change this case.</source>
            <translation>只读：你的角色不能修改此案件。</translation>
        </message>
    </context>
    <context>
        <name>CaseFieldSpecs</name>
        <message>
            <location line="-138" />
            <location line="+2" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Case number</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. 石峰-2023-0117</source>
            <translation>例如 石峰-2023-0117</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Case title</source>
            <translation>案件名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Occurred at</source>
            <translation>案发时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reported at</source>
            <translation>报案时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Squad</source>
            <translation>中队</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lead officer</source>
            <translation>主办民警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>District</source>
            <translation>辖区</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Road</source>
            <translation>道路</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Direction of travel</source>
            <translation>行驶方向</translation>
        </message>
        <message>
            <location line="+1" />
            <source>e.g. north → south</source>
            <translation>例如 由北向南</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Light</source>
            <translation>光线</translation>
        </message>
        <message>
            <location line="+0" />
            <source>e.g. dark, no street lights</source>
            <translation>例如 夜间无路灯</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Weather</source>
            <translation>天气</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Latitude</source>
            <translation>纬度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Longitude</source>
            <translation>经度</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Casualties</source>
            <translation>伤亡情况</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Narrative</source>
            <translation>简要案情</translation>
        </message>
    </context>
    <context>
        <name>CaseHistoryTab</name>
        <message>
            <location filename="../../ui/casefile/history_tab.py" line="+46" />
            <source>Status changes</source>
            <translation>状态变更</translation>
        </message>
        <message>
            <location line="+7" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>原状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To</source>
            <translation>新状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Changes to the case file</source>
            <translation>案卷修改记录</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
    </context>
    <context>
        <name>CaseListPanel</name>
        <message>
            <location filename="../../ui/casefile/list_panel.py" line="+67" />
            <source>Search number, title, narrative, persons, vehicles… (Ctrl+F)</source>
            <translation>搜索案件编号、名称、案情、人员、车辆…（Ctrl+F）</translation>
        </message>
        <message>
            <location line="+49" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open cases</source>
            <translation>未结案件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>from: any</source>
            <translation>起：不限</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to: any</source>
            <translation>止：不限</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+52" />
            <source>All officers</source>
            <translation>全部民警</translation>
        </message>
        <message>
            <location line="-49" />
            <source>Occurred</source>
            <translation>案发</translation>
        </message>
        <message>
            <location line="+158" />
            <source>{shown} of {total} cases</source>
            <translation>显示 {shown} 件，共 {total} 件</translation>
        </message>
    </context>
    <context>
        <name>CaseRestore</name>
        <message>
            <location filename="../../ui/casefile/restore.py" line="+74" />
            <source>Undo of delete: case restored</source>
            <translation>撤销删除：恢复案件</translation>
        </message>
    </context>
    <context>
        <name>CaseScanControl</name>
        <message>
            <location filename="../../ui/review/case_scan.py" line="+36" />
            <source>Scan all clips</source>
            <translation>分析全部视频</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Find the activity in every clip of this case in the background (two at a time); the results are kept with the evidence</source>
            <translation>在后台分析本案全部视频中的活动（每次两个）；结果随证据保存</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Scanning %p%</source>
            <translation>分析中 %p%</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cancel scan</source>
            <translation>取消分析</translation>
        </message>
        <message>
            <location line="+24" />
            <source>The scan stopped: {e}</source>
            <translation>分析中止：{e}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scan cancelled; finished clips kept.</source>
            <translation>分析已取消；已完成的视频结果已保存。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Scanned {n} clips.</source>
            <translation>已分析 {n} 个视频。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} not scanned (cancelled).</source>
            <translation>{n} 个未分析（已取消）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n} could not be scanned: {why}</source>
            <translation>{n} 个无法分析：{why}</translation>
        </message>
    </context>
    <context>
        <name>CaseTableModel</name>
        <message>
            <location filename="../../ui/casefile/list_model.py" line="+236" />
            <source>Case no.</source>
            <translation>案件编号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Occurred</source>
            <translation>案发</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Case title</source>
            <translation>案件名称</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Lead officer</source>
            <translation>主办民警</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Vehicles</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inquiries</source>
            <translation>侦查方向</translation>
        </message>
        <message>
            <location line="+37" />
            <source>(deleted)</source>
            <translation>（已删除）</translation>
        </message>
        <message>
            <location line="+9" />
            <source> (training)</source>
            <translation>（教学）</translation>
        </message>
        <message>
            <location line="+21" />
            <source>{open} open or active of {total} lines of inquiry</source>
            <translation>{total} 个侦查方向中 {open} 个未完成</translation>
        </message>
    </context>
    <context>
        <name>CaseView</name>
        <message>
            <location filename="../../ui/casefile/view.py" line="+100" />
            <source>&amp;New case…</source>
            <translation>新建案件(&amp;N)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Save case</source>
            <translation>保存案件(&amp;S)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Find cases</source>
            <translation>查找案件(&amp;F)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Delete case…</source>
            <translation>删除案件(&amp;D)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change &amp;status…</source>
            <translation>变更状态(&amp;S)…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Reload</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <location line="+63" />
            <source>This case was changed elsewhere; saving will show both versions.</source>
            <translation>此案件已在别处被修改；保存时将显示双方的版本。</translation>
        </message>
        <message>
            <location line="+68" />
            <source>New case {no}</source>
            <translation>新建案件 {no}</translation>
        </message>
        <message>
            <location line="+18" />
            <source>New case</source>
            <translation>新建案件</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Delete case {no}</source>
            <translation>删除案件 {no}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Delete case</source>
            <translation>删除案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete case {no} “{title}” with all its persons, vehicles, inquiries and timeline? Edit ▸ Undo can restore it.</source>
            <translation>删除案件 {no}“{title}”及其全部人员、车辆、侦查方向和时间线？可用 编辑 ▸ 撤销 恢复。</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <location filename="../../ui/admin/password_dialog.py" line="+28" />
            <source>Change password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Your password was set by an administrator. Choose your own password before you continue.</source>
            <translation>您的密码由管理员设置，请先设置自己的密码再继续。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Current password:</source>
            <translation>当前密码：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New password:</source>
            <translation>新密码：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Repeat new password:</source>
            <translation>再次输入新密码：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>At least {n} characters, mixing letters with digits or symbols.</source>
            <translation>至少 {n} 个字符，须包含字母以及数字或符号。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The two new passwords differ.</source>
            <translation>两次输入的新密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>ChangeReason</name>
        <message>
            <location filename="../../ui/casefile/change_reason.py" line="+18" />
            <source>Reason for the change</source>
            <translation>修改原因</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This case is {status}. Why is it changed?</source>
            <translation>此案件{status}。为什么要修改？</translation>
        </message>
    </context>
    <context>
        <name>ChangeWatcher</name>
        <message>
            <location filename="../../ui/change_watcher.py" line="+128" />
            <source>Cannot reach the database to look for changes made on other workstations: {reason}</source>
            <translation>无法连接数据库，不能查看其他工作站所做的修改：{reason}</translation>
        </message>
    </context>
    <context>
        <name>ClipController</name>
        <message>
            <location filename="../../ui/review/clip_controller.py" line="+95" />
            <source>Opening {name} and verifying its SHA-256…</source>
            <translation>正在打开 {name} 并校验 SHA-256…</translation>
        </message>
        <message>
            <location line="+30" />
            <source>{name} cannot be shown: {reason}</source>
            <translation>无法显示 {name}：{reason}</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+75" />
            <source>Verifying SHA-256…</source>
            <translation>正在校验 SHA-256…</translation>
        </message>
        <message>
            <location line="-35" />
            <source>EVIDENCE FAILED VERIFICATION</source>
            <translation>证据校验失败</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Evidence failed verification</source>
            <translation>证据校验失败</translation>
        </message>
        <message>
            <location line="+84" />
            <source>Scanning activity…</source>
            <translation>正在分析画面活动…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Scanning activity… {p}%</source>
            <translation>正在分析画面活动… {p}%</translation>
        </message>
        <message>
            <location line="+39" />
            <source>{n} segments match the colour; PgDown goes to the next best.</source>
            <translation>有 {n} 个片段符合该颜色；按 PgDown 跳到下一个最佳匹配。</translation>
        </message>
    </context>
    <context>
        <name>ClipView</name>
        <message>
            <location filename="../../ui/review/clip_view.py" line="+103" />
            <source>Previous activity segment (PgUp)</source>
            <translation>上一个活动片段（PgUp）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Step back one frame (←)</source>
            <translation>后退一帧（←）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play / pause (Space)</source>
            <translation>播放/暂停（空格）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Step forward one frame (→)</source>
            <translation>前进一帧（→）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Next activity segment (PgDown)</source>
            <translation>下一个活动片段（PgDown）</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Playback speed (J/K/L shuttle, ↑/↓ faster/slower)</source>
            <translation>播放速度（J/K/L 穿梭，↑/↓ 加速/减速）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Zoom {z}%</source>
            <translation>缩放 {z}%</translation>
        </message>
        <message>
            <location line="+10" />
            <source>No clip open</source>
            <translation>未打开视频</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Observation</source>
            <translation>观察</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Frame — / —    pts —    Corrected time —</source>
            <translation>帧 — / —    pts —    校正时间 —</translation>
        </message>
        <message>
            <location line="+6" />
            <source>set for this clip</source>
            <translation>本视频单独设定</translation>
        </message>
        <message>
            <location line="+0" />
            <source>measured</source>
            <translation>实测</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown, 0 assumed</source>
            <translation>未知，按 0 计</translation>
        </message>
        <message>
            <location line="+1" />
            <source>offset {s:+.1f} s ({how})</source>
            <translation>偏差 {s:+.1f} 秒（{how}）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Frame {i} / {n}    pts {pts:.3f} s    Corrected time {wall}    {offset}    {state}</source>
            <translation>帧 {i} / {n}    pts {pts:.3f} 秒    校正时间 {wall}    {offset}    {state}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>recording {k} of {n}</source>
            <translation>第 {k}/{n} 段录像</translation>
        </message>
        <message>
            <location line="+3" />
            <source>DATA DAMAGED</source>
            <translation>数据损坏</translation>
        </message>
    </context>
    <context>
        <name>ColourBox</name>
        <message>
            <location filename="../../ui/review/colour_box.py" line="+18" />
            <source>Rank activity segments by colour</source>
            <translation>按颜色给活动片段排序</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Any colour</source>
            <translation>任意颜色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>red</source>
            <translation>红色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>orange</source>
            <translation>橙色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>yellow</source>
            <translation>黄色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>green</source>
            <translation>绿色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>cyan</source>
            <translation>青色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>blue</source>
            <translation>蓝色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>purple</source>
            <translation>紫色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>white</source>
            <translation>白色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>silver</source>
            <translation>银色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>grey</source>
            <translation>灰色</translation>
        </message>
        <message>
            <location line="+0" />
            <source>black</source>
            <translation>黑色</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../ui/widgets/conflict_dialog.py" line="+109" />
            <source>Changed by someone else — merge</source>
            <translation>已被他人修改 — 合并</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Green: only you changed it (yours is kept) · blue: only the other person changed it (theirs is taken) · yellow: both changed it differently — pick one.</source>
            <translation>绿色：只有你修改（保留你的）· 蓝色：只有对方修改（采用对方的）· 黄色：双方都改且不同——请选择一方。</translation>
        </message>
        <message>
            <location line="+17" />
            <source>{n} field(s) were changed by both of you to different values: choose per field which to keep (yours is preselected). Fields only one of you changed are merged automatically.</source>
            <translation>有 {n} 个字段双方都改了且不一致：请逐项选择保留哪一方（默认保留我的）。只有一方修改的字段已自动合并。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>You changed different fields: merging keeps your changes and theirs.</source>
            <translation>双方修改的是不同字段：合并后同时保留你的和对方的修改。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+65" />
            <source>Mine</source>
            <translation>我的</translation>
        </message>
        <message>
            <location line="-65" />
            <location line="+65" />
            <source>Before</source>
            <translation>原值</translation>
        </message>
        <message>
            <location line="-64" />
            <location line="+65" />
            <source>Theirs</source>
            <translation>对方的</translation>
        </message>
        <message>
            <location line="-65" />
            <source>Will be saved</source>
            <translation>保存结果</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Select a row to read the full values below.</source>
            <translation>选中一行，可在下方查看完整内容。</translation>
        </message>
        <message>
            <location line="+44" />
            <source>mine (default)</source>
            <translation>我的（默认）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>theirs (your pick)</source>
            <translation>对方的（你的选择）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>mine</source>
            <translation>我的</translation>
        </message>
        <message>
            <location line="+0" />
            <source>theirs</source>
            <translation>对方的</translation>
        </message>
        <message>
            <location line="+1" />
            <source>same on both</source>
            <translation>双方相同</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Merge and save</source>
            <translation>合并并保存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save their changes together with yours, using your pick where both changed the same field.</source>
            <translation>把对方的修改与你的修改一起保存；双方都改过的字段按你的选择保存。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Overwrite with mine</source>
            <translation>以我的为准覆盖</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save all your values; changes the other person made to these fields are replaced (they stay in the history).</source>
            <translation>全部按你的内容保存，对方对这些字段的修改将被替换（仍保留在修改记录中）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Discard mine and reload</source>
            <translation>放弃我的修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop your unsaved changes and show the case as now saved.</source>
            <translation>丢弃你未保存的修改，显示当前已保存的内容。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Nothing is saved; keep editing.</source>
            <translation>不保存，继续编辑。</translation>
        </message>
    </context>
    <context>
        <name>DemoFootage</name>
        <message>
            <location filename="../../ui/demo_startup.py" line="+52" />
            <source>Preparing the demo CCTV footage…</source>
            <translation>正在准备演示监控录像…</translation>
        </message>
        <message>
            <location line="+29" />
            <source>The demo footage could not be prepared: {error}</source>
            <translation>演示监控录像未能准备好：{error}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Demo CCTV footage ready.</source>
            <translation>演示监控录像已就绪。</translation>
        </message>
    </context>
    <context>
        <name>DialogController</name>
        <message>
            <location filename="../../ui/review/dialog_controller.py" line="+56" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Details and chain of custody…</source>
            <translation>详情与保管链…</translation>
        </message>
    </context>
    <context>
        <name>EnhancePanel</name>
        <message>
            <location filename="../../ui/review/enhance_panel.py" line="+60" />
            <source>Original frame (reset)</source>
            <translation>原始画面（重置）</translation>
        </message>
    </context>
    <context>
        <name>ErrorTexts</name>
        <message>
            <location filename="../../ui/error_dialogs.py" line="+34" />
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Another program (perhaps a second CaseDesk window) is using the database. Close it and start CaseDesk again.</source>
            <translation>另一个程序（可能是另一个 CaseDesk 窗口）正在使用数据库。请关闭它后重新启动 CaseDesk。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The database file is damaged or is not a CaseDesk database. Restore it from a backup, or start with another data directory (--data-dir).</source>
            <translation>数据库文件已损坏，或不是 CaseDesk 数据库。请从备份恢复，或换用其他数据目录（--data-dir）启动。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The database was written by a newer version of CaseDesk. Install the newer version to open it; nothing was changed.</source>
            <translation>该数据库由更新版本的 CaseDesk 创建。请安装新版本后再打开；数据未作任何改动。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The database has a schema version this program does not know. Nothing was changed.</source>
            <translation>数据库的结构版本无法识别。数据未作任何改动。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The database server or file cannot be reached. Check the path or the network and try again.</source>
            <translation>无法访问数据库服务器或文件。请检查路径或网络后重试。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Nothing was changed.</source>
            <translation>数据未作任何改动。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Please correct the input</source>
            <translation>请更正输入</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not allowed</source>
            <translation>无权操作</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Status change refused</source>
            <translation>状态变更被拒绝</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Not found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Changed by someone else</source>
            <translation>已被他人修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Operation failed</source>
            <translation>操作失败</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Something went wrong that CaseDesk did not expect. Your saved data is safe; unsaved input in the current form may need to be entered again.</source>
            <translation>CaseDesk 遇到了意外问题。已保存的数据是安全的；当前表单中未保存的内容可能需要重新输入。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Technical details were written to the log file:
{path}</source>
            <translation>技术细节已写入日志文件：
{path}</translation>
        </message>
    </context>
    <context>
        <name>EvidenceDialog</name>
        <message>
            <location filename="../../ui/review/evidence_dialog.py" line="+39" />
            <source>Evidence {name}</source>
            <translation>证据 {name}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Original file</source>
            <translation>原始文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{n} bytes</source>
            <translation>{n} 字节</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Video</source>
            <translation>视频</translation>
        </message>
        <message>
            <location line="+2" />
            <source>frames</source>
            <translation>帧</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(not set)</source>
            <translation>（未设置）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location line="+5" />
            <source>How obtained</source>
            <translation>调取方式</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Not recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Start (camera clock)</source>
            <translation>起始时间（摄像头时钟）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use an offset for this clip only</source>
            <translation>仅对此视频使用单独的偏差</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Corrected start</source>
            <translation>校正起始时间</translation>
        </message>
        <message>
            <location line="+5" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Custody action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Chain of custody</source>
            <translation>保管链记录</translation>
        </message>
        <message>
            <location line="+7" />
            <source>import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location line="+0" />
            <source>view</source>
            <translation>查看</translation>
        </message>
        <message>
            <location line="+0" />
            <source>export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>verified</source>
            <translation>校验通过</translation>
        </message>
        <message>
            <location line="+0" />
            <source>VERIFICATION FAILED</source>
            <translation>校验失败</translation>
        </message>
    </context>
    <context>
        <name>EvidencePanel</name>
        <message>
            <location filename="../../ui/investigation/evidence_panel.py" line="+15" />
            <source>Attach…</source>
            <translation>添加证据…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Taken / given</source>
            <translation>拍摄/询问时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Who</source>
            <translation>人员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location line="+58" />
            <source>No picture</source>
            <translation>无图像</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Recording of {s:.1f} s</source>
            <translation>录音时长 {s:.1f} 秒</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Position (WGS-84): {lat:.6f}, {lon:.6f}</source>
            <translation>位置（WGS-84）：{lat:.6f}, {lon:.6f}</translation>
        </message>
    </context>
    <context>
        <name>ExportController</name>
        <message>
            <location filename="../../ui/review/export_controller.py" line="+65" />
            <source>Snapshot saved: {path}</source>
            <translation>截图已保存：{path}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Snapshot</source>
            <translation>截图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The snapshot could not be saved: {e}</source>
            <translation>截图无法保存：{e}</translation>
        </message>
        <message>
            <location line="+19" />
            <location line="+5" />
            <location line="+8" />
            <location line="+6" />
            <source>Export clip</source>
            <translation>导出片段</translation>
        </message>
        <message>
            <location line="-18" />
            <source>Mark the start with I and the end with O first.</source>
            <translation>请先用 I 标记起点、用 O 标记终点。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Video (*.mp4 *.mkv)</source>
            <translation>视频 (*.mp4 *.mkv)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Exporting frames {a}–{b}…</source>
            <translation>正在导出第 {a}–{b} 帧…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Clip exported: {path} (SHA-256 {sha})</source>
            <translation>片段已导出：{path}（SHA-256 {sha}）</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Go to frame</source>
            <translation>跳到帧</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Frame index</source>
            <translation>帧序号</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Go to corrected time</source>
            <translation>跳到校正时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Time (HH:MM:SS, corrected)</source>
            <translation>时间（时:分:秒，校正后）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Write the time as HH:MM:SS.</source>
            <translation>请按 时:分:秒 格式填写时间。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>This clip has no footage at {t}.</source>
            <translation>此视频在 {t} 没有画面。</translation>
        </message>
    </context>
    <context>
        <name>ExportPackageDialog</name>
        <message>
            <location filename="../../ui/admin/training_dialogs.py" line="+56" />
            <location line="+58" />
            <source>Export training package</source>
            <translation>导出教学包</translation>
        </message>
        <message>
            <location line="-55" />
            <source>Names, ID numbers, phone numbers and plates are replaced by consistent pseudonyms; marked regions (faces, plates) are blurred on the exported frames.</source>
            <translation>姓名、身份证号、电话号码和号牌将统一替换为化名；导出画面中标记的区域（人脸、号牌）将被模糊处理。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Frames to include:</source>
            <translation>包含的画面：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Blur every marked region (not only faces and plates)</source>
            <translation>模糊所有标记区域（不仅是人脸和号牌）</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Save training package</source>
            <translation>保存教学包</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Training package (*.zip)</source>
            <translation>教学包 (*.zip)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Training package saved: {path}</source>
            <translation>教学包已保存：{path}</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <location filename="../../ui/admin/login_dialog.py" line="+93" />
            <source>CaseDesk · First start</source>
            <translation>CaseDesk · 首次启动</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No administrator account exists yet. Create it now; the administrator then adds the officers, reviewers and trainers.</source>
            <translation>尚无管理员账号。请现在创建；之后由管理员添加民警、审核员和教官账号。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>User name:</source>
            <translation>用户名：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name:</source>
            <translation>姓名：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Repeat password:</source>
            <translation>再次输入密码：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>At least {n} characters, mixing letters with digits or symbols.</source>
            <translation>至少 {n} 个字符，须包含字母以及数字或符号。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <location filename="../../ui/casefile/dialogs.py" line="+74" />
            <source>Reason / source of the change</source>
            <translation>修改原因 / 信息来源</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Known since</source>
            <translation>获知时间</translation>
        </message>
        <message>
            <location line="+2" />
            <source>For the history: why the facts changed and since when the investigation knew it (empty = now).</source>
            <translation>用于修改记录：事实为何改变，以及侦查中何时获知（留空 = 现在）。</translation>
        </message>
    </context>
    <context>
        <name>FormWidget</name>
        <message>
            <location filename="../../ui/widgets/form.py" line="+190" />
            <source>unknown</source>
            <translation>不详</translation>
        </message>
        <message>
            <location line="+90" />
            <source>{field} is required.</source>
            <translation>请填写{field}。</translation>
        </message>
        <message>
            <location line="+31" />
            <source>read-only</source>
            <translation>只读</translation>
        </message>
    </context>
    <context>
        <name>HistoryTexts</name>
        <message>
            <location filename="../../ui/casefile/records_tab.py" line="+120" />
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Known since</source>
            <translation>获知时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Before</source>
            <translation>修改前</translation>
        </message>
        <message>
            <location line="+1" />
            <source>After</source>
            <translation>修改后</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changed by</source>
            <translation>修改人</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Changed at</source>
            <translation>修改时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>ImportTexts</name>
        <message>
            <location filename="../../ui/admin/training_dialogs.py" line="+8" />
            <source>Import training package</source>
            <translation>导入教学包</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Training package (*.zip)</source>
            <translation>教学包 (*.zip)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Checking and importing the package…</source>
            <translation>正在校验并导入教学包…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Imported as a read-only training case: {title} ({frames} frames, {events} steps).</source>
            <translation>已导入为只读教学案例：{title}（{frames} 个画面，{events} 个步骤）。</translation>
        </message>
    </context>
    <context>
        <name>Investigation</name>
        <message>
            <location filename="../../ui/investigation/__init__.py" line="+27" />
            <source>Investigation</source>
            <translation>侦查工作</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Basemap…</source>
            <translation>地图底图…</translation>
        </message>
    </context>
    <context>
        <name>InvestigationView</name>
        <message>
            <location filename="../../ui/investigation/view.py" line="+63" />
            <source>Draw search area</source>
            <translation>划定搜查区域</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Click the corners on the map, double-click to finish; a grid-search task follows</source>
            <translation>在地图上依次点击区域角点，双击结束，随后新建地毯式搜查任务</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Reload</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Map and canvass</source>
            <translation>地图与调取</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Other evidence</source>
            <translation>其他证据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <location line="+31" />
            <source>Choose a case in the case list.</source>
            <translation>请先在案件列表中选择案件。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>vanished between {a} and {b} ({m:.0f} m): search here</source>
            <translation>在 {a} 与 {b} 之间消失（{m:.0f} 米）：重点搜查</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Neither the case nor its cameras have a position yet.</source>
            <translation>案件和摄像头都还没有坐标。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The basemap cannot be read; showing the plan image.</source>
            <translation>无法读取地图底图，改为显示平面图。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Scene</source>
            <translation>事发现场</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Turn camera {code}</source>
            <translation>转动摄像头 {code}</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Edit camera {code}</source>
            <translation>编辑摄像头 {code}</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Every camera of the registry is on the list.</source>
            <translation>摄像头库中的摄像头都已在清单中。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Add camera</source>
            <translation>添加摄像头</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Which camera should the canvass cover?</source>
            <translation>将哪个摄像头加入调取清单？</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+13" />
            <source>Evidence request letter</source>
            <translation>调取证据通知书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Letter {no} written. Handed over to (name; leave empty if not yet):</source>
            <translation>通知书 {no} 已生成。已送达给（姓名；尚未送达请留空）：</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+4" />
            <source>New task</source>
            <translation>新建任务</translation>
        </message>
        <message>
            <location line="-3" />
            <source>A task follows from an inference: record the inference in the timeline first.</source>
            <translation>任务由研判推断引出：请先在时间线中记录推断。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Which inference does the task follow?</source>
            <translation>任务依据哪条研判推断？</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Click the corners of the area; double-click to finish.</source>
            <translation>请依次点击区域角点，双击（或右键）结束。</translation>
        </message>
    </context>
    <context>
        <name>KnownThenPanel</name>
        <message>
            <location filename="../../ui/admin/replay_panels.py" line="+67" />
            <source>Case file as known at this step</source>
            <translation>此时掌握的案情</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+2" />
            <source>Role</source>
            <translation>身份</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Identity</source>
            <translation>身份信息</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Description</source>
            <translation>体貌特征</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Vehicle</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Plate</source>
            <translation>号牌</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Features</source>
            <translation>特征</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Team</source>
            <translation>工作组</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Objective</source>
            <translation>任务</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Findings</source>
            <translation>工作成果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Persons</source>
            <translation>人员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vehicles</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lines of inquiry</source>
            <translation>侦查方向</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Case status then: {status}</source>
            <translation>当时案件状态：{status}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Unidentified</source>
            <translation>身份不明</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Unlicensed</source>
            <translation>无牌</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/admin/login_dialog.py" line="-87" />
            <source>CaseDesk · Sign in</source>
            <translation>CaseDesk · 登录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CaseDesk · Locked</source>
            <translation>CaseDesk · 已锁定</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Sign in with your CaseDesk account.</source>
            <translation>请使用 CaseDesk 账号登录。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The workstation was locked after a period of inactivity. Enter your password to continue.</source>
            <translation>长时间无操作，工作站已锁定。请输入密码继续。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The workstation is locked. Enter your password to continue.</source>
            <translation>工作站已锁定。请输入密码继续。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>User name:</source>
            <translation>用户名：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="+61" />
            <location line="+165" />
            <location line="+24" />
            <source>CaseDesk · Hit-and-Run Case Workbench</source>
            <translation>CaseDesk · 肇事逃逸案件工作台</translation>
        </message>
        <message>
            <location line="-165" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Tools</source>
            <translation>工具(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>E&amp;xit</source>
            <translation>退出(&amp;X)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;About CaseDesk</source>
            <translation>关于 CaseDesk(&amp;A)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Edit history</source>
            <translation>编辑历史</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&lt;opened&gt;</source>
            <translation>&lt;打开时&gt;</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Edit &amp;history</source>
            <translation>编辑历史(&amp;H)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The new language is used from the next start of CaseDesk.</source>
            <translation>新语言将在下次启动 CaseDesk 时生效。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>User: {name}</source>
            <translation>用户：{name}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Database: {path}</source>
            <translation>数据库：{path}</translation>
        </message>
        <message>
            <location line="+94" />
            <source>About CaseDesk</source>
            <translation>关于 CaseDesk</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;b&gt;CaseDesk {version}&lt;/b&gt;&lt;br&gt;Hit-and-run case file, CCTV review bench and reports for traffic-police accident squads.&lt;br&gt;&lt;br&gt;Data directory: {data}</source>
            <translation>&lt;b&gt;CaseDesk {version}&lt;/b&gt;&lt;br&gt;交警事故中队肇事逃逸案件卷宗、视频研判台与报表。&lt;br&gt;&lt;br&gt;数据目录：{data}</translation>
        </message>
        <message>
            <location line="+13" />
            <source>New case</source>
            <translation>新建案件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save the case</source>
            <translation>保存案件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search cases</source>
            <translation>搜索案件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Delete the selected item</source>
            <translation>删除所选项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reload</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Switch view</source>
            <translation>切换视图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous/next editor tab</source>
            <translation>上一个/下一个标签页</translation>
        </message>
        <message>
            <location line="-12" />
            <source>Keyboard shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Everywhere</source>
            <translation>全局</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Cases</source>
            <translation>案件</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+3" />
            <source>CCTV review</source>
            <translation>视频研判</translation>
        </message>
    </context>
    <context>
        <name>MapView</name>
        <message>
            <location filename="../../ui/investigation/map_view.py" line="+183" />
            <source>Edit camera (retention, position, view)…</source>
            <translation>编辑摄像头（保存天数、位置、视野）…</translation>
        </message>
    </context>
    <context>
        <name>ObservationController</name>
        <message>
            <location filename="../../ui/review/observation_controller.py" line="+55" />
            <source>Area marked: press M to record the observation.</source>
            <translation>已标注区域：按 M 记录观察。</translation>
        </message>
        <message>
            <location line="+30" />
            <source>Observation not saved</source>
            <translation>观察未保存</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Mark frame {i}</source>
            <translation>标记第 {i} 帧</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Edit the mark on frame {i}</source>
            <translation>修改第 {i} 帧的标记</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Observation saved on frame {i}.</source>
            <translation>已保存第 {i} 帧的观察。</translation>
        </message>
        <message>
            <location line="+30" />
            <location line="+9" />
            <source>Delete observations</source>
            <translation>删除观察记录</translation>
        </message>
        <message>
            <location line="-8" />
            <source>Delete {n} observation(s)? This is recorded in the audit log.</source>
            <translation>删除 {n} 条观察记录？此操作将记入审计日志。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Delete {n} observation(s)</source>
            <translation>删除 {n} 条观察记录</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+11" />
            <source>Record an inference</source>
            <translation>记录研判推断</translation>
        </message>
        <message>
            <location line="-10" />
            <source>Inference drawn from {n} observation(s):</source>
            <translation>根据 {n} 条观察得出的推断：</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Inference recorded in the case timeline.</source>
            <translation>研判推断已记入案件时间线。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Go to frame</source>
            <translation>跳到帧</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Record an inference from these…</source>
            <translation>据此记录研判推断…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>ObservationDialog</name>
        <message>
            <location filename="../../ui/review/observation_widgets.py" line="+90" />
            <source>Observation on frame {i}</source>
            <translation>第 {i} 帧的观察</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Frame</source>
            <translation>帧</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{w}×{h} at ({x}, {y})</source>
            <translation>{w}×{h}，位于 ({x}, {y})</translation>
        </message>
        <message>
            <location line="+2" />
            <source>none (press R and drag on the image)</source>
            <translation>无（按 R 后在画面上拖出方框）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Marked area</source>
            <translation>标注区域</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What is seen, e.g. blue tricycle heading south, two people aboard, buckets in the load bed</source>
            <translation>所见情况，例如：蓝色三轮车向南行驶，车上两人，车斗内有桶</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Vehicle</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Line of inquiry</source>
            <translation>侦查方向</translation>
        </message>
        <message>
            <location line="+19" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
    </context>
    <context>
        <name>ObservationTableModel</name>
        <message>
            <location line="-76" />
            <source>Corrected time</source>
            <translation>校正时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Frame</source>
            <translation>帧</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Vehicle</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>OptionalDateTimeEdit</name>
        <message>
            <location filename="../../ui/widgets/form.py" line="-246" />
            <source>Known</source>
            <translation>已知</translation>
        </message>
    </context>
    <context>
        <name>OsdPanel</name>
        <message>
            <location filename="../../ui/review/osd_panel.py" line="+119" />
            <source>Open a clip to read its clock.</source>
            <translation>打开一段视频以读取其画面时钟。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Read the clock from the picture</source>
            <translation>从画面读取时钟</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+5" />
            <source>DVR photographed next to a standard clock</source>
            <translation>DVR 时钟与标准时间同框拍照</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Event seen by a camera with a known offset</source>
            <translation>已知偏差的摄像头拍到的同一事件</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Suggest offset</source>
            <translation>建议偏差</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Confirm and record offset</source>
            <translation>确认并记录偏差</translation>
        </message>
        <message>
            <location line="+24" />
            <source>DVR shows</source>
            <translation>DVR 显示</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Standard clock shows</source>
            <translation>标准时间显示</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Reference clip</source>
            <translation>参照视频</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Event frame there</source>
            <translation>参照视频中的事件帧</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The event frame here is the frame on screen.</source>
            <translation>本视频的事件帧为当前画面所在帧。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>The clock has not been read yet.</source>
            <translation>尚未读取画面时钟。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This clip has no start time: its frames have no corrected time until the clock is read or a start time is entered.</source>
            <translation>该视频没有开始时间：在读取画面时钟或填写开始时间之前，其各帧没有校正时间。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>No clock found in the picture; nothing was read.</source>
            <translation>画面中未找到时钟，未读取任何时间。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Camera clock at the first frame: {start} (±{unc} s). Jumps: {jumps}. Drift: {drift} s/h. Readings: {n}.</source>
            <translation>首帧的摄像头时钟：{start}（±{unc} 秒）。时钟跳变：{jumps} 处。走时偏差：{drift} 秒/小时。读数：{n} 个。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The start time was filled from the clock (OSD reading).</source>
            <translation>开始时间已按画面时钟填入（画面时钟读取）。</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Choose a reference clip.</source>
            <translation>请选择参照视频。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Suggested clock offset: {off:+.2f} s ± {unc:.2f} s, from frames {frames}. Not applied until you confirm.</source>
            <translation>建议时钟偏差：{off:+.2f} 秒 ± {unc:.2f} 秒，依据帧 {frames}。确认之前不会采用。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Offset recorded (method: OSD reading).</source>
            <translation>偏差已记录（方法：画面时钟读取）。</translation>
        </message>
    </context>
    <context>
        <name>PdfExportDialog</name>
        <message>
            <location filename="../../ui/reports/pdf_dialog.py" line="+52" />
            <source>Export case summary (PDF)</source>
            <translation>导出案件报告（PDF）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Sections</source>
            <translation>报告章节</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Anonymize persons and plates (copy for circulation)</source>
            <translation>隐去人员信息和号牌（脱敏版，供传阅）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save as</source>
            <translation>保存到</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open PDF</source>
            <translation>打开 PDF</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Save PDF as</source>
            <translation>PDF 另存为</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Preparing…</source>
            <translation>正在准备…</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export cancelled.</source>
            <translation>导出已取消。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Saved {path}: {pages} pages. Report digest {digest}.</source>
            <translation>已保存 {path}：共 {pages} 页。报告摘要 {digest}。</translation>
        </message>
    </context>
    <context>
        <name>PlanView</name>
        <message>
            <location filename="../../ui/review/route_view.py" line="+128" />
            <source>No camera has a position yet.</source>
            <translation>还没有摄像头填写位置。</translation>
        </message>
    </context>
    <context>
        <name>ProfileChart</name>
        <message>
            <location filename="../../ui/review/osd_panel.py" line="-242" />
            <source>No clock profile</source>
            <translation>无时钟概况</translation>
        </message>
    </context>
    <context>
        <name>ReasoningPanel</name>
        <message>
            <location filename="../../ui/casefile/reasoning_panel.py" line="+60" />
            <source>Select an event to see what it rests on (observation → inference → action).</source>
            <translation>选择一个事件，查看它的依据（观察 → 推断 → 措施）。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Reasoning</source>
            <translation>研判链条</translation>
        </message>
        <message>
            <location line="+7" />
            <source>rests on no recorded event</source>
            <translation>无记录的依据</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rests on it:</source>
            <translation>以此为依据：</translation>
        </message>
    </context>
    <context>
        <name>RecordController</name>
        <message>
            <location filename="../../ui/casefile/record_controller.py" line="+66" />
            <source>Add {noun} {label}</source>
            <translation>添加{noun} {label}</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Edit {noun} {label}</source>
            <translation>修改{noun} {label}</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Delete {noun} {label}</source>
            <translation>删除{noun} {label}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Add {noun}</source>
            <translation>添加{noun}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Edit {noun}</source>
            <translation>修改{noun}</translation>
        </message>
        <message>
            <location line="+28" />
            <source>This {noun} was deleted by someone else meanwhile; your changes were not saved.</source>
            <translation>该{noun}已被他人删除，你的修改未保存。</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Delete {noun}</source>
            <translation>删除{noun}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete {noun} “{label}”? (Edit ▸ Undo brings it back.)</source>
            <translation>删除{noun}“{label}”？（可用 编辑 ▸ 撤销 恢复。）</translation>
        </message>
    </context>
    <context>
        <name>RecordSection</name>
        <message>
            <location filename="../../ui/casefile/records_tab.py" line="+47" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location line="+21" />
            <source>History of the selected record</source>
            <translation>所选记录的修改记录</translation>
        </message>
        <message>
            <location line="+32" />
            <source>({n})</source>
            <translation>（{n}）</translation>
        </message>
    </context>
    <context>
        <name>RecordSpecs</name>
        <message>
            <location filename="../../ui/casefile/record_specs.py" line="+86" />
            <location line="+37" />
            <source>unknown</source>
            <translation>不详</translation>
        </message>
        <message>
            <location line="-20" />
            <source>Role</source>
            <translation>身份</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Age</source>
            <translation>年龄</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Name / description</source>
            <translation>姓名 / 体貌特征</translation>
        </message>
        <message>
            <location line="+0" />
            <source>(unidentified) {0}</source>
            <translation>（身份不明）{0}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Identified</source>
            <translation>身份已确认</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+73" />
            <source>Persons</source>
            <translation>人员</translation>
        </message>
        <message>
            <location line="-73" />
            <source>person</source>
            <translation>人员</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Vehicle role</source>
            <translation>涉案角色</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+50" />
            <location line="+27" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="-76" />
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Plate</source>
            <translation>号牌</translation>
        </message>
        <message>
            <location line="-7" />
            <source>unlicensed</source>
            <translation>无牌</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Features</source>
            <translation>特征</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+55" />
            <source>Vehicles</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="-55" />
            <source>vehicle</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Held at</source>
            <translation>召开时间</translation>
        </message>
        <message>
            <location line="+38" />
            <location line="+28" />
            <source>Location</source>
            <translation>地点</translation>
        </message>
        <message>
            <location line="-65" />
            <source>Chair</source>
            <translation>主持人</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Decisions</source>
            <translation>决定事项</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Attendees</source>
            <translation>参会人员</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+22" />
            <source>Lines of inquiry</source>
            <translation>侦查方向</translation>
        </message>
        <message>
            <location line="-19" />
            <source>Meetings</source>
            <translation>案情分析会</translation>
        </message>
        <message>
            <location line="+0" />
            <source>meeting</source>
            <translation>案情分析会</translation>
        </message>
        <message>
            <location line="+2" />
            <source>meeting of {0}</source>
            <translation>{0} 案情分析会</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+19" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="-14" />
            <source>Team</source>
            <translation>工作组</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Objective</source>
            <translation>任务</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Findings</source>
            <translation>工作成果</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Members</source>
            <translation>成员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Events</source>
            <translation>事件</translation>
        </message>
        <message>
            <location line="+3" />
            <source>line of inquiry</source>
            <translation>侦查方向</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+27" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="-25" />
            <location line="+27" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location line="-26" />
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+25" />
            <source>Line of inquiry</source>
            <translation>侦查方向</translation>
        </message>
        <message>
            <location line="-23" />
            <source>Meeting</source>
            <translation>案情分析会</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Rests on (observations, inferences)</source>
            <translation>依据（观察、推断）</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Rests on</source>
            <translation>依据</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <location line="+0" />
            <source>event</source>
            <translation>事件</translation>
        </message>
    </context>
    <context>
        <name>ReplayView</name>
        <message>
            <location filename="../../ui/admin/replay_view.py" line="+72" />
            <source>Start replay</source>
            <translation>开始复盘</translation>
        </message>
        <message>
            <location line="+2" />
            <source>◀ Previous</source>
            <translation>◀ 上一步</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Next ▶</source>
            <translation>下一步 ▶</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Set a question…</source>
            <translation>设置思考题…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove question</source>
            <translation>删除思考题</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Closed case:</source>
            <translation>已结案件：</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Reveal this step</source>
            <translation>揭晓本步骤</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Your role may not run replays.</source>
            <translation>您的角色无权进行案件复盘。</translation>
        </message>
        <message>
            <location line="+26" />
            <location line="+212" />
            <source>Replay</source>
            <translation>案件复盘</translation>
        </message>
        <message>
            <location line="-176" />
            <source>Skip ahead?</source>
            <translation>跳过未讨论的步骤？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} steps have not been discussed yet. Show the outcome anyway?</source>
            <translation>还有 {n} 步尚未讨论。仍要直接显示案件结果吗？</translation>
        </message>
        <message>
            <location line="+37" />
            <source>{n}. Outcome</source>
            <translation>{n}. 案件结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n}. Outcome (hidden)</source>
            <translation>{n}. 案件结果（未揭晓）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n}. {time} · not reached yet</source>
            <translation>{n}. {time} · 尚未进行到</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{n}. {time} [Question]</source>
            <translation>{n}. {time}【思考题】</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Pick a closed case and start the replay.</source>
            <translation>请选择一个已结案件并开始复盘。</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Step {n} of {total}</source>
            <translation>第 {n} / {total} 步</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Question</source>
            <translation>思考题</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Outcome</source>
            <translation>案件结果</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Place: {place}</source>
            <translation>地点：{place}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Rests on: {items}</source>
            <translation>依据：{items}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Teams deployed:</source>
            <translation>部署的工作组：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Question: {q}
Answer: {a}</source>
            <translation>思考题：{q}
参考答案：{a}</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Loading frame {i}…</source>
            <translation>正在加载第 {i} 帧…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{camera} · frame {i} · {sha}… · {note}</source>
            <translation>{camera} · 第 {i} 帧 · {sha}… · {note}</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Cannot show this frame: {error}</source>
            <translation>无法显示该画面：{error}</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Question before this step</source>
            <translation>本步骤前的思考题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What should the trainees answer before they see this step?</source>
            <translation>学员在看到本步骤之前应回答什么？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What would you check next?</source>
            <translation>下一步你会查什么？</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Expected answer</source>
            <translation>参考答案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Expected answer (optional):</source>
            <translation>参考答案（可不填）：</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <location filename="../../ui/admin/review_dialog.py" line="+32" />
            <source>Review comments</source>
            <translation>审核意见</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Your comment on this case file…</source>
            <translation>对本案卷宗的意见…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Add comment</source>
            <translation>添加意见</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Approve closing</source>
            <translation>批准结案</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+21" />
            <source>approved closing</source>
            <translation>批准结案</translation>
        </message>
        <message>
            <location line="+1" />
            <source>comment</source>
            <translation>意见</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Closing approved.</source>
            <translation>已批准结案。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Closing can be approved once the case is solved.</source>
            <translation>案件破案后才能批准结案。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Solved: waiting for closing approval.</source>
            <translation>已破案，等待批准结案。</translation>
        </message>
    </context>
    <context>
        <name>ReviewKeys</name>
        <message>
            <location filename="../../ui/review/shortcuts.py" line="+50" />
            <source>Play / pause</source>
            <translation>播放 / 暂停</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One frame back / forward (hold to repeat)</source>
            <translation>后退 / 前进一帧（按住连续）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One second back / forward</source>
            <translation>后退 / 前进一秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Ten seconds back / forward</source>
            <translation>后退 / 前进十秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shuttle back / stop / forward (again = faster)</source>
            <translation>倒放 / 停止 / 正放（再按加速）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Faster / slower</source>
            <translation>加速 / 减速</translation>
        </message>
        <message>
            <location line="+1" />
            <source>First / last frame</source>
            <translation>第一帧 / 最后一帧</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous / next activity segment (best colour match first)</source>
            <translation>上一个 / 下一个活动片段（颜色最匹配的优先）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Mark an observation</source>
            <translation>标记观察记录</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Mark an area (ROI)</source>
            <translation>框选区域（ROI）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Magnifier</source>
            <translation>放大镜</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Snapshot with caption</source>
            <translation>带说明的截图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clip in / out point</source>
            <translation>片段入点 / 出点</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export the clip I…O</source>
            <translation>导出 I…O 片段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go to frame</source>
            <translation>跳到指定帧</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Go to corrected time</source>
            <translation>跳到校正时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Import clips</source>
            <translation>导入视频</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom in / out / fit / 100 %</source>
            <translation>放大 / 缩小 / 适应窗口 / 100%</translation>
        </message>
        <message>
            <location line="+1" />
            <source>End marking; leave the synchronised grid</source>
            <translation>结束标记；退出同步多画面</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <location filename="../../ui/review/review_panel.py" line="+105" />
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Corrected start</source>
            <translation>校正起始时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Length</source>
            <translation>时长</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Evidence</source>
            <translation>证据</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Observations</source>
            <translation>观察记录</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Enhancement</source>
            <translation>图像增强</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Camera clock</source>
            <translation>画面时钟</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Route</source>
            <translation>轨迹</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Review</source>
            <translation>视频研判</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Import video files as evidence (Ctrl+I)</source>
            <translation>把视频文件导入为证据（Ctrl+I）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cameras…</source>
            <translation>摄像头…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Camera registry and clock offsets</source>
            <translation>摄像头登记与时钟偏差</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Sync</source>
            <translation>同步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show the selected 2–4 clips side by side on corrected time</source>
            <translation>按校正时间并排显示所选的 2–4 段视频</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Mark area (R)</source>
            <translation>标注区域（R）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Draw a rectangle on the image for the next observation</source>
            <translation>在画面上画一个方框，用于下一条观察</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Magnifier (G)</source>
            <translation>放大镜（G）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A 4× loupe under the cursor</source>
            <translation>光标处 4 倍放大镜</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Observation (M)</source>
            <translation>观察（M）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Mark the current frame</source>
            <translation>标记当前帧</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Snapshot (S)</source>
            <translation>截图（S）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the frame as PNG with caption and provenance sidecar</source>
            <translation>将当前帧保存为 PNG，附说明文字和来源信息文件</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export clip (Ctrl+E)</source>
            <translation>导出片段（Ctrl+E）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Export frames I…O</source>
            <translation>导出 I…O 之间的帧</translation>
        </message>
        <message>
            <location line="+171" />
            <source>Select 2 to 4 clips in the evidence list first.</source>
            <translation>请先在证据列表中选择 2 到 4 段视频。</translation>
        </message>
    </context>
    <context>
        <name>RoiTextRow</name>
        <message>
            <location filename="../../ui/review/roi_text_row.py" line="+36" />
            <source>Read text in the marked area</source>
            <translation>识别框选区域中的文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Draw an area first (R). The text read is only a suggestion: check it against the picture.</source>
            <translation>请先框选区域（R）。识别出的文字仅供参考，请对照画面核实。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>suggested text (edit before use)</source>
            <translation>建议文字（使用前请核对修改）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Mark an area on the picture first (R).</source>
            <translation>请先在画面上框选区域（R）。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>nothing legible</source>
            <translation>无法辨认</translation>
        </message>
    </context>
    <context>
        <name>RouteWidget</name>
        <message>
            <location filename="../../ui/review/route_view.py" line="+105" />
            <source>by corrected time</source>
            <translation>按校正时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>in the order marked</source>
            <translation>按标注顺序</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Area image…</source>
            <translation>区域底图…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show a plan or aerial image of the area under the route, placed by two known points</source>
            <translation>在轨迹下方显示区域平面图或航拍图，用两个已知点定位</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Vehicle</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Corrected time</source>
            <translation>校正时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Leg distance</source>
            <translation>区段距离</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Elapsed</source>
            <translation>用时</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Implied speed</source>
            <translation>推算车速</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Frame</source>
            <translation>帧</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Check</source>
            <translation>核查</translation>
        </message>
        <message>
            <location line="+43" />
            <source>No vehicle has observations yet: tag a sighting with a vehicle (M) to build its route.</source>
            <translation>还没有车辆的观察记录：标记观察（M）时关联车辆即可生成轨迹。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{n} sightings, {c} cameras, {d:.2f} km, limit {lim:.0f} km/h, {f} legs to check</source>
            <translation>{n} 次发现，{c} 个摄像头，{d:.2f} 公里，限速 {lim:.0f} 公里/小时，{f} 段待核查</translation>
        </message>
    </context>
    <context>
        <name>Snapshot</name>
        <message>
            <location filename="../../ui/review/media_tasks.py" line="+107" />
            <source>Frame #{i}  ·  pts {pts:.3f} s</source>
            <translation>帧 #{i}  ·  pts {pts:.3f} 秒</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enhancement: {filters}</source>
            <translation>增强：{filters}</translation>
        </message>
    </context>
    <context>
        <name>StartupTexts</name>
        <message>
            <location filename="../../ui/app.py" line="+221" />
            <source>Opening the database…</source>
            <translation>正在打开数据库…</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Preparing the demo cases…</source>
            <translation>正在准备演示案例…</translation>
        </message>
    </context>
    <context>
        <name>StatsView</name>
        <message>
            <location filename="../../ui/reports/stats_view.py" line="+66" />
            <location line="+1" />
            <source>no limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Month</source>
            <translation>月</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Quarter</source>
            <translation>季度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Year</source>
            <translation>年</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location line="+0" />
            <source>To</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Squad</source>
            <translation>中队</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Officer</source>
            <translation>民警</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clearance per</source>
            <translation>破案率周期</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Officers</source>
            <translation>民警</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Places</source>
            <translation>地点</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Hour of day</source>
            <translation>发案时段</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clearance table</source>
            <translation>破案率明细</translation>
        </message>
        <message>
            <location line="+43" />
            <source>All squads</source>
            <translation>全部中队</translation>
        </message>
        <message>
            <location line="+13" />
            <source>All officers</source>
            <translation>全部民警</translation>
        </message>
        <message>
            <location line="+20" />
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <location line="+19" />
            <source>{n} cases, {m} call-outs in the selection.</source>
            <translation>所选范围内：案件 {n} 起，出警 {m} 次。</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Cases per month by status</source>
            <translation>每月案件数（按状态）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clearance rate</source>
            <translation>破案率</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cohort (reported in period, solved by now)</source>
            <translation>按报案期（本期报案、至今已破）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Period (solved in period ÷ reported in period)</source>
            <translation>按破案期（本期破案数 ÷ 本期报案数）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cases per month by vehicle kind</source>
            <translation>每月案件数（按肇事车型）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Time to solve</source>
            <translation>破案用时</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cases</source>
            <translation>案件数</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Exported to {path}</source>
            <translation>已导出到 {path}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export statistics</source>
            <translation>导出统计结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export CSV into folder</source>
            <translation>导出 CSV 到文件夹</translation>
        </message>
    </context>
    <context>
        <name>StatusDialog</name>
        <message>
            <location filename="../../ui/casefile/dialogs.py" line="+77" />
            <source>Change the case status</source>
            <translation>变更案件状态</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Why: e.g. suspect caught and confessed</source>
            <translation>原因：例如 嫌疑人已抓获并供述</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Current status</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New status</source>
            <translation>新状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reason *</source>
            <translation>原因 *</translation>
        </message>
        <message>
            <location line="+13" />
            <source>This step cannot be undone; it is recorded in the case history.</source>
            <translation>此步骤不能撤销，将记入案件记录。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>No status change is possible from here.</source>
            <translation>当前状态无法再变更。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Please give a reason; it is kept in the case history.</source>
            <translation>请填写原因；它将记入案件记录。</translation>
        </message>
    </context>
    <context>
        <name>SyncGrid</name>
        <message>
            <location filename="../../ui/review/sync_grid.py" line="+98" />
            <source>Corrected time across all clips</source>
            <translation>所有视频的校正时间</translation>
        </message>
        <message>
            <location line="+14" />
            <source>◀ Back to single view (Esc)</source>
            <translation>◀ 返回单画面（Esc）</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Shuttle back (J)</source>
            <translation>倒放（J）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One frame back (←)</source>
            <translation>后退一帧（←）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play / pause (Space)</source>
            <translation>播放/暂停（空格）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One frame forward (→)</source>
            <translation>前进一帧（→）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Shuttle forward (L)</source>
            <translation>正放（L）</translation>
        </message>
        <message>
            <location line="+133" />
            <source>Choose 2–4 clips in the evidence list and press Sync.</source>
            <translation>在证据列表中选择 2–4 段视频，然后按“同步”。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Synchronised on corrected time {wall}    {state}</source>
            <translation>按校正时间同步 {wall}    {state}</translation>
        </message>
    </context>
    <context>
        <name>SyncTile</name>
        <message>
            <location line="-200" />
            <source>no footage at this time</source>
            <translation>此时间无画面</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No footage at this time</source>
            <translation>此时间无画面</translation>
        </message>
    </context>
    <context>
        <name>TaskBoard</name>
        <message>
            <location filename="../../ui/investigation/task_board.py" line="+30" />
            <source>New task from an inference…</source>
            <translation>由研判推断新建任务…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Planned</source>
            <translation>待执行</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Assigned</source>
            <translation>已分派</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In progress</source>
            <translation>执行中</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+28" />
            <source>Grid search</source>
            <translation>地毯式搜查</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Canvass</source>
            <translation>摸排走访</translation>
        </message>
        <message>
            <location line="+3" />
            <source>area of {n} corners</source>
            <translation>{n} 个角点的区域</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Where: {w}</source>
            <translation>地点：{w}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Who: {w}</source>
            <translation>承办：{w}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Because: {w}</source>
            <translation>依据：{w}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Result: {w}</source>
            <translation>结果：{w}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Found: {w}</source>
            <translation>发现：{w}</translation>
        </message>
    </context>
    <context>
        <name>TaskDialog</name>
        <message>
            <location filename="../../ui/investigation/task_dialog.py" line="+43" />
            <source>Search / canvass task</source>
            <translation>搜查/摸排任务</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Grid search (area)</source>
            <translation>地毯式搜查（区域）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Canvass (address)</source>
            <translation>摸排走访（地址）</translation>
        </message>
        <message>
            <location line="+4" />
            <source>corners as lat,lon; lat,lon; …</source>
            <translation>角点：纬度,经度; 纬度,经度; …</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(nobody yet)</source>
            <translation>（尚未分派）</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Planned</source>
            <translation>待执行</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Assigned</source>
            <translation>已分派</translation>
        </message>
        <message>
            <location line="+1" />
            <source>In progress</source>
            <translation>执行中</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location line="+7" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(not yet)</source>
            <translation>（尚无）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Area</source>
            <translation>区域</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Assigned to</source>
            <translation>承办民警</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Triggered by inference</source>
            <translation>引出任务的推断</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What it found</source>
            <translation>任务发现</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Write the area's corners as lat,lon separated by ';'.</source>
            <translation>请以“纬度,经度”填写区域角点，用“;”分隔。</translation>
        </message>
    </context>
    <context>
        <name>TileLoader</name>
        <message>
            <location filename="../../ui/investigation/tile_loader.py" line="+68" />
            <source>The tile server {why}: {failed} tiles could not be loaded; {cached} shown from the cache.</source>
            <translation>瓦片服务器{why}：{failed} 块瓦片无法加载；{cached} 块取自缓存。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The tile server {why}; the map shows tiles from the cache.</source>
            <translation>瓦片服务器{why}；地图显示的是缓存中的瓦片。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The tile server has no tiles for part of the map ({n} missing).</source>
            <translation>瓦片服务器缺少地图部分区域的瓦片（{n} 块）。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>does not answer in time</source>
            <translation>没有及时响应</translation>
        </message>
        <message>
            <location line="+2" />
            <source>cannot be reached</source>
            <translation>无法连接</translation>
        </message>
        <message>
            <location line="+2" />
            <source>sends something that is not a map tile</source>
            <translation>返回的不是地图瓦片</translation>
        </message>
        <message>
            <location line="+1" />
            <source>refuses the request ({code})</source>
            <translation>拒绝了请求（{code}）</translation>
        </message>
    </context>
    <context>
        <name>TimelinePanel</name>
        <message>
            <location filename="../../ui/investigation/timeline_panel.py" line="+43" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Events</source>
            <translation>事件</translation>
        </message>
        <message>
            <location line="+0" />
            <source>CCTV sightings</source>
            <translation>视频发现</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Other evidence</source>
            <translation>其他证据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Canvass</source>
            <translation>摸排走访</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Letters</source>
            <translation>通知书</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Custody</source>
            <translation>保管链</translation>
        </message>
    </context>
    <context>
        <name>TokenDialog</name>
        <message>
            <location filename="../../ui/admin/token_dialog.py" line="+14" />
            <source>CLI token for {name}</source>
            <translation>{name} 的命令行令牌</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copy the token now: it is shown only this once (CaseDesk keeps only its hash). A script signs in as {name} with it in CASEDESK_TOKEN until {date}; revoke it in this dialog when it is no longer needed.</source>
            <translation>请立即复制此令牌：它只显示这一次（CaseDesk 只保存其哈希值）。脚本将它放在 CASEDESK_TOKEN 中即以 {name} 的身份登录，有效至 {date}；不再需要时请在本对话框中吊销。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>UnsavedTexts</name>
        <message>
            <location filename="../../ui/casefile/dialogs.py" line="+9" />
            <source>Unsaved changes</source>
            <translation>有未保存的修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The case {what} has unsaved changes.</source>
            <translation>案件 {what} 有未保存的修改。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Save them before leaving?</source>
            <translation>离开前是否保存？</translation>
        </message>
    </context>
    <context>
        <name>UserEditDialog</name>
        <message>
            <location filename="../../ui/admin/users_dialog.py" line="+42" />
            <source>Edit user</source>
            <translation>编辑用户</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <location line="+10" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Must change the password at first sign-in</source>
            <translation>首次登录时必须修改密码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>User name:</source>
            <translation>用户名：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name:</source>
            <translation>姓名：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>User role:</source>
            <translation>角色：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Squad:</source>
            <translation>中队：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>First password:</source>
            <translation>初始密码：</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <location line="+14" />
            <location line="+80" />
            <location line="+3" />
            <location line="+70" />
            <location line="+4" />
            <source>Users</source>
            <translation>用户管理</translation>
        </message>
        <message>
            <location line="-152" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Squad</source>
            <translation>中队</translation>
        </message>
        <message>
            <location line="+0" />
            <source>User role</source>
            <translation>角色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last sign-in</source>
            <translation>上次登录</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+44" />
            <source>Lock</source>
            <translation>锁定</translation>
        </message>
        <message>
            <location line="-39" />
            <source>Scripts (casedesk-cli):</source>
            <translation>脚本（casedesk-cli）：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Issue CLI token…</source>
            <translation>签发命令行令牌…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Revoke CLI tokens</source>
            <translation>吊销命令行令牌</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Lock {name}? The account cannot sign in (nor use its CLI tokens) until an administrator unlocks it.</source>
            <translation>锁定 {name}？在管理员解锁之前，该账户不能登录，也不能使用其命令行令牌。</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Issue CLI token</source>
            <translation>签发命令行令牌</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Valid for how many days (1–{n})?</source>
            <translation>有效期多少天（1–{n}）？</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Revoke every CLI token of {name}? Scripts using them stop working.</source>
            <translation>吊销 {name} 的全部命令行令牌？使用这些令牌的脚本将无法继续运行。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>{n} CLI tokens of {name} revoked.</source>
            <translation>已吊销 {name} 的 {n} 个命令行令牌。</translation>
        </message>
        <message>
            <location line="-139" />
            <source>Disable / enable</source>
            <translation>停用 / 启用</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+14" />
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location line="+0" />
            <source>locked</source>
            <translation>已锁定</translation>
        </message>
        <message>
            <location line="+1" />
            <source>active</source>
            <translation>正常</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Temporary password for {name}:</source>
            <translation>{name} 的临时密码：</translation>
        </message>
    </context>
    <context>
        <name>ValueText</name>
        <message>
            <location filename="../../ui/widgets/conflict_dialog.py" line="-167" />
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location line="+0" />
            <source>no</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <location filename="../../ui/admin/verify_dialog.py" line="+42" />
            <source>Verify data</source>
            <translation>数据校验</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Checks the database file, the audit chain and the SHA-256 of every evidence file.</source>
            <translation>检查数据库文件、审计链以及每个证据文件的 SHA-256。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Severity</source>
            <translation>级别</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Verify again</source>
            <translation>重新校验</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Warning</source>
            <translation>提醒</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Verification could not run: {error}</source>
            <translation>校验无法运行：{error}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Verification cancelled; nothing was concluded.</source>
            <translation>校验已取消，未得出结论。</translation>
        </message>
    </context>
    <context>
        <name>Workers</name>
        <message>
            <location filename="../../ui/workers.py" line="+197" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>obj</name>
        <message>
            <location filename="../../ui/investigation/evidence_panel.py" line="-154" />
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Document</source>
            <translation>书证</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Statement</source>
            <translation>证人证言</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Physical trace</source>
            <translation>痕迹物证</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Audio</source>
            <translation>录音</translation>
        </message>
    </context>
    <context>
        <name>owner</name>
        <message>
            <location filename="../../ui/review/osd_panel.py" line="+254" />
            <source>no start time</source>
            <translation>无开始时间</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This clip has no start time and drops out of the route and the synchronised view. Open it and read the clock from the picture (Camera clock), or enter its start time.</source>
            <translation>该视频没有开始时间，不会出现在轨迹和同步画面中。请打开它并从画面读取时钟（“画面时钟”），或填写开始时间。</translation>
        </message>
    </context>
    <context>
        <name>tab</name>
        <message>
            <location filename="../../ui/casefile/facts_tab.py" line="+8" />
            <source>Edit {fields}</source>
            <translation>修改{fields}</translation>
        </message>
    </context>
    <context>
        <name>table</name>
        <message>
            <location filename="../../ui/admin/replay_panels.py" line="-47" />
            <source>Not known at this step</source>
            <translation>此时尚不掌握</translation>
        </message>
    </context>
    <context>
        <name>w</name>
        <message>
            <location filename="../../ui/investigation/camera_form.py" line="-93" />
            <source>Police</source>
            <translation>公安</translation>
        </message>
        <message>
            <location line="+0" />
            <source>City management</source>
            <translation>城管</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Water / hydropower</source>
            <translation>水利/水电</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Education</source>
            <translation>教育</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Housing estate</source>
            <translation>小区物业</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shop</source>
            <translation>商户</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Traffic police checkpoint</source>
            <translation>交警卡口</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>widget</name>
        <message>
            <location filename="../../ui/review/observation_widgets.py" line="-33" />
            <source>Vehicle</source>
            <translation>车辆</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Plate</source>
            <translation>号牌</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Direction of travel</source>
            <translation>行驶方向</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Key frame (report)</source>
            <translation>关键帧（报告）</translation>
        </message>
        <message>
            <location filename="../../ui/admin/users_dialog.py" line="-160" />
            <source>Officer</source>
            <translation>民警</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reviewer</source>
            <translation>审核员</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trainer</source>
            <translation>教官</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Administrator</source>
            <translation>管理员</translation>
        </message>
    </context>
</TS>
