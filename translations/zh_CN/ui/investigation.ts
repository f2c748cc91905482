<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttachDialog</name>
    <message>
        <source>Attach evidence</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>from the file (EXIF) / unknown</source>
        <translation>取自文件（EXIF）/不详</translation>
    </message>
    <message>
        <source>as given here</source>
        <translation>以此处填写为准</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Taken / given at</source>
        <translation>拍摄/询问时间</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>证据说明</translation>
    </message>
    <message>
        <source>Witness / given by</source>
        <translation>证人/提供人</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Statement text</source>
        <translation>证言内容</translation>
    </message>
    <message>
        <source>Choose a file that exists.</source>
        <translation>请选择存在的文件。</translation>
    </message>
</context>
<context>
    <name>BasemapDialog</name>
    <message>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>The case&apos;s plan image</source>
        <translation>本案平面图</translation>
    </message>
    <message>
        <source>MBTiles file (offline)</source>
        <translation>MBTiles 离线瓦片文件</translation>
    </message>
    <message>
        <source>XYZ tile URL (police GIS)</source>
        <translation>XYZ 瓦片地址（公安 PGIS）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Tiles use GCJ-02 coordinates (most Chinese street maps)</source>
        <translation>瓦片使用 GCJ-02 坐标（国内多数街道地图）</translation>
    </message>
    <message>
        <source>MBTiles file</source>
        <translation>MBTiles 文件</translation>
    </message>
    <message>
        <source>Tile URL</source>
        <translation>瓦片地址</translation>
    </message>
</context>
<context>
    <name>CanvassPanel</name>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Evidence request letter…</source>
        <translation>调取证据通知书…</translation>
    </message>
    <message>
        <source>Generate the evidence-request letter (PDF) for the selected camera</source>
        <translation>为选中的摄像头生成调取证据通知书（PDF）</translation>
    </message>
    <message>
        <source>Add camera…</source>
        <translation>添加摄像头…</translation>
    </message>
    <message>
        <source>Urgent as of</source>
        <translation>紧急清单截至</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>调取状态</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存天数</translation>
    </message>
    <message>
        <source>Footage lost</source>
        <translation>录像覆盖时间</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
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
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>No footage about to be overwritten.</source>
        <translation>没有即将被覆盖的录像。</translation>
    </message>
    <message>
        <source>{code} {name}: footage probably overwritten since {when}, not collected</source>
        <translation>{code} {name}：录像可能已于 {when} 被覆盖，未调取</translation>
    </message>
    <message>
        <source>{code} {name}: overwrites in {days:.1f} days ({when}), not yet collected</source>
        <translation>{code} {name}：{days:.1f} 天后（{when}）覆盖，尚未调取</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Attach…</source>
        <translation>添加证据…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Taken / given</source>
        <translation>拍摄/询问时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>无图像</translation>
    </message>
    <message>
        <source>Recording of {s:.1f} s</source>
        <translation>录音时长 {s:.1f} 秒</translation>
    </message>
    <message>
        <source>Position (WGS-84): {lat:.6f}, {lon:.6f}</source>
        <translation>位置（WGS-84）：{lat:.6f}, {lon:.6f}</translation>
    </message>
</context>
<context>
    <name>Investigation</name>
    <message>
        <source>Investigation</source>
        <translation>侦查工作</translation>
    </message>
    <message>
        <source>Basemap…</source>
        <translation>地图底图…</translation>
    </message>
</context>
<context>
    <name>InvestigationView</name>
    <message>
        <source>Draw search area</source>
        <translation>划定搜查区域</translation>
    </message>
    <message>
        <source>Click the corners on the map, double-click to finish; a grid-search task follows</source>
        <translation>在地图上依次点击区域角点，双击结束，随后新建地毯式搜查任务</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Map and canvass</source>
        <translation>地图与调取</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Other evidence</source>
        <translation>其他证据</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Choose a case in the case list.</source>
        <translation>请先在案件列表中选择案件。</translation>
    </message>
    <message>
        <source>vanished between {a} and {b} ({m:.0f} m): search here</source>
        <translation>在 {a} 与 {b} 之间消失（{m:.0f} 米）：重点搜查</translation>
    </message>
    <message>
        <source>Neither the case nor its cameras have a position yet.</source>
        <translation>案件和摄像头都还没有坐标。</translation>
    </message>
    <message>
        <source>The basemap cannot be read; showing the plan image.</source>
        <translation>无法读取地图底图，改为显示平面图。</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>事发现场</translation>
    </message>
    <message>
        <source>Every camera of the registry is on the list.</source>
        <translation>摄像头库中的摄像头都已在清单中。</translation>
    </message>
    <message>
        <source>Add camera</source>
        <translation>添加摄像头</translation>
    </message>
    <message>
        <source>Which camera should the canvass cover?</source>
        <translation>将哪个摄像头加入调取清单？</translation>
    </message>
    <message>
        <source>Evidence request letter</source>
        <translation>调取证据通知书</translation>
    </message>
    <message>
        <source>Letter {no} written. Handed over to (name; leave empty if not yet):</source>
        <translation>通知书 {no} 已生成。已送达给（姓名；尚未送达请留空）：</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>A task follows from an inference: record the inference in the timeline first.</source>
        <translation>任务由研判推断引出：请先在时间线中记录推断。</translation>
    </message>
    <message>
        <source>Which inference does the task follow?</source>
        <translation>任务依据哪条研判推断？</translation>
    </message>
    <message>
        <source>Click the corners of the area; double-click to finish.</source>
        <translation>请依次点击区域角点，双击（或右键）结束。</translation>
    </message>
</context>
<context>
    <name>TaskBoard</name>
    <message>
        <source>New task from an inference…</source>
        <translation>由研判推断新建任务…</translation>
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
        <source>In progress</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Grid search</source>
        <translation>地毯式搜查</translation>
    </message>
    <message>
        <source>Canvass</source>
        <translation>摸排走访</translation>
    </message>
    <message>
        <source>area of {n} corners</source>
        <translation>{n} 个角点的区域</translation>
    </message>
    <message>
        <source>Where: {w}</source>
        <translation>地点：{w}</translation>
    </message>
    <message>
        <source>Who: {w}</source>
        <translation>承办：{w}</translation>
    </message>
    <message>
        <source>Because: {w}</source>
        <translation>依据：{w}</translation>
    </message>
    <message>
        <source>Result: {w}</source>
        <translation>结果：{w}</translation>
    </message>
    <message>
        <source>Found: {w}</source>
        <translation>发现：{w}</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Search / canvass task</source>
        <translation>搜查/摸排任务</translation>
    </message>
    <message>
        <source>Grid search (area)</source>
        <translation>地毯式搜查（区域）</translation>
    </message>
    <message>
        <source>Canvass (address)</source>
        <translation>摸排走访（地址）</translation>
    </message>
    <message>
        <source>corners as lat,lon; lat,lon; …</source>
        <translation>角点：纬度,经度; 纬度,经度; …</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>（尚未分派）</translation>
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
        <source>In progress</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(not yet)</source>
        <translation>（尚无）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>承办民警</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Triggered by inference</source>
        <translation>引出任务的推断</translation>
    </message>
    <message>
        <source>What it found</source>
        <translation>任务发现</translation>
    </message>
    <message>
        <source>Write the area&apos;s corners as lat,lon separated by &apos;;&apos;.</source>
        <translation>请以“纬度,经度”填写区域角点，用“;”分隔。</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>CCTV sightings</source>
        <translation>视频发现</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Other evidence</source>
        <translation>其他证据</translation>
    </message>
    <message>
        <source>Canvass</source>
        <translation>摸排走访</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>通知书</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>保管链</translation>
    </message>
</context>
<context>
    <name>obj</name>
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
</context>
</TS>
