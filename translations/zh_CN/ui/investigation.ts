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
    <name>AudioPlayer</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Checking the stored copy of {name} against its SHA-256…</source>
        <translation>正在核对 {name} 在证据库中的副本与其 SHA-256…</translation>
    </message>
    <message>
        <source>Playing the evidence store&apos;s copy (SHA-256 {sha}, checked just now).</source>
        <translation>播放的是证据库中的副本（SHA-256 {sha}，刚刚核验无误）。</translation>
    </message>
    <message>
        <source>Audio playback is not available on this computer (Qt Multimedia has no working backend).</source>
        <translation>这台电脑无法播放音频（Qt Multimedia 没有可用的后端）。</translation>
    </message>
    <message>
        <source>This computer has no sound output device: the recording cannot be heard here (its length and position still show). Connect speakers or headphones.</source>
        <translation>这台电脑没有音频输出设备：在此听不到录音（时长和播放位置照常显示）。请连接音箱或耳机。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>The recording cannot be played: {why}</source>
        <translation>录音无法播放：{why}</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>格式无法识别</translation>
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
    <message>
        <source>Choose an MBTiles file that exists.</source>
        <translation>请选择一个存在的 MBTiles 文件。</translation>
    </message>
    <message>
        <source>The tile URL must start with http://, https:// or file://.</source>
        <translation>瓦片地址必须以 http://、https:// 或 file:// 开头。</translation>
    </message>
    <message>
        <source>The tile URL needs the placeholders {z}, {x} and {y}.</source>
        <translation>瓦片地址中需要包含占位符 {z}、{x} 和 {y}。</translation>
    </message>
</context>
<context>
    <name>CameraEditDialog</name>
    <message>
        <source>Camera {code}</source>
        <translation>摄像头 {code}</translation>
    </message>
    <message>
        <source>Changes apply to this camera in every case; Edit ▸ Undo takes them back.</source>
        <translation>修改对所有案件中的该摄像头生效；可用“编辑 ▸ 撤销”撤回。</translation>
    </message>
</context>
<context>
    <name>CameraForm</name>
    <message>
        <source>unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>decimal degrees, WGS-84, e.g. 27.86550</source>
        <translation>十进制度数，WGS-84，例如 27.86550</translation>
    </message>
    <message>
        <source>decimal degrees, WGS-84, e.g. 113.15900</source>
        <translation>十进制度数，WGS-84，例如 113.15900</translation>
    </message>
    <message>
        <source>in words, e.g. towards the south gate</source>
        <translation>文字描述，例如 朝南门</translation>
    </message>
    <message>
        <source>Compass bearing of the view: 0 north, 90 east</source>
        <translation>镜头朝向方位角：0 为正北，90 为正东</translation>
    </message>
    <message>
        <source>Horizontal field of view: how wide the wedge is</source>
        <translation>水平视场角：扇形的张角</translation>
    </message>
    <message>
        <source>How far the camera usefully sees</source>
        <translation>摄像头能看清的距离</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Days until the DVR overwrites its footage</source>
        <translation>硬盘录像机多少天后覆盖录像</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Camera name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Owner kind</source>
        <translation>归属类别</translation>
    </message>
    <message>
        <source>Owner unit</source>
        <translation>归属单位</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
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
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Facing</source>
        <translation>朝向</translation>
    </message>
    <message>
        <source>Bearing</source>
        <translation>朝向角</translation>
    </message>
    <message>
        <source>Field of view</source>
        <translation>视场角</translation>
    </message>
    <message>
        <source>Viewing distance</source>
        <translation>可视距离</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存天数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{what}: enter a number in decimal degrees (e.g. 27.86550).</source>
        <translation>{what}：请输入十进制度数（例如 27.86550）。</translation>
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
        <source>Double-click a camera to edit its retention, position, view and owner</source>
        <translation>双击摄像头可编辑保存天数、位置、视野和权属</translation>
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
        <source>Kept as received: its index was never written, so no player opens it. Its video is in the readable copy made from it: evidence {ids} (review bench).</source>
        <translation>按原样保存：其索引未写入，任何播放器都无法打开。其视频在由它生成的可播放副本中：证据 {ids}（在审看台查看）。</translation>
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
        <source>Turn camera {code}</source>
        <translation>转动摄像头 {code}</translation>
    </message>
    <message>
        <source>Edit camera {code}</source>
        <translation>编辑摄像头 {code}</translation>
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
    <name>MapView</name>
    <message>
        <source>Edit camera (retention, position, view)…</source>
        <translation>编辑摄像头（保存天数、位置、视野）…</translation>
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
    <name>TileLoader</name>
    <message>
        <source>The tile server {why}: {failed} tiles could not be loaded; {cached} shown from the cache.</source>
        <translation>瓦片服务器{why}：{failed} 块瓦片无法加载；{cached} 块取自缓存。</translation>
    </message>
    <message>
        <source>The tile server {why}; the map shows tiles from the cache.</source>
        <translation>瓦片服务器{why}；地图显示的是缓存中的瓦片。</translation>
    </message>
    <message>
        <source>The tile server has no tiles for part of the map ({n} missing).</source>
        <translation>瓦片服务器缺少地图部分区域的瓦片（{n} 块）。</translation>
    </message>
    <message>
        <source>does not answer in time</source>
        <translation>没有及时响应</translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>sends something that is not a map tile</source>
        <translation>返回的不是地图瓦片</translation>
    </message>
    <message>
        <source>refuses the request ({code})</source>
        <translation>拒绝了请求（{code}）</translation>
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
    <message>
        <source>Recording as received</source>
        <translation>原始录像（原样）</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <source>Police</source>
        <translation>公安</translation>
    </message>
    <message>
        <source>City management</source>
        <translation>城管</translation>
    </message>
    <message>
        <source>Water / hydropower</source>
        <translation>水利/水电</translation>
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
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
</TS>
