<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Read the clock from the picture</source>
        <translation>从画面读取时钟</translation>
    </message>
    <message>
        <source>Use these start times</source>
        <translation>采用这些开始时间</translation>
    </message>
    <message>
        <source>no start time</source>
        <translation>无开始时间</translation>
    </message>
    <message>
        <source>{n} clip(s) have no start time: their frames get no corrected time and they drop out of the route until the clock is read or a time is entered.</source>
        <translation>{n} 段视频没有开始时间：在读取画面时钟或填写时间之前，其各帧没有校正时间，也不会出现在轨迹中。</translation>
    </message>
    <message>
        <source>Reading the clock from the picture…</source>
        <translation>正在从画面读取时钟…</translation>
    </message>
    <message>
        <source>{name}: camera clock at the first frame {start} (±{unc} s)</source>
        <translation>{name}：首帧的摄像头时钟 {start}（±{unc} 秒）</translation>
    </message>
    <message>
        <source>{name}: no clock found in the picture</source>
        <translation>{name}：画面中未找到时钟</translation>
    </message>
    <message>
        <source>Start times saved from the clock in the picture.</source>
        <translation>已按画面时钟保存开始时间。</translation>
    </message>
    <message>
        <source>Import evidence into {case}</source>
        <translation>向 {case} 导入证据</translation>
    </message>
    <message>
        <source>Drop video files here</source>
        <translation>把视频文件拖到这里</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>e.g. copied from DVR channel 3 to USB stick by officer Li</source>
        <translation>例如：李警官从 DVR 第 3 通道拷贝到 U 盘</translation>
    </message>
    <message>
        <source>Set the start time (camera clock) by hand</source>
        <translation>手动设置起始时间（摄像头时钟）</translation>
    </message>
    <message>
        <source>Add files with the button or drop them here.</source>
        <translation>用按钮添加文件，或把文件拖到这里。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>How obtained</source>
        <translation>调取方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose video files</source>
        <translation>选择视频文件</translation>
    </message>
    <message>
        <source>Video files ({patterns});;All files (*)</source>
        <translation>视频文件 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>No files chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <source>Copying and hashing…</source>
        <translation>正在复制并计算哈希…</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>Copying and hashing {name}…</source>
        <translation>正在复制并计算 {name} 的哈希…</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>already imported — double-click to open the existing item</source>
        <translation>此前已导入——双击打开已有证据</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>not imported — double-click to rescue its video into a readable copy</source>
        <translation>未导入 — 双击可将其中的视频抢救为可读副本</translation>
    </message>
    <message>
        <source>cancelled, nothing imported</source>
        <translation>已取消，未导入任何内容</translation>
    </message>
    <message>
        <source>{i} imported, {d} already there, {f} not imported, {c} cancelled.</source>
        <translation>导入 {i} 个，已存在 {d} 个，未导入 {f} 个，取消 {c} 个。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{name} — to import as received, with the readable copy of its video</source>
        <translation>{name} — 将按原样导入，并同时导入其视频的可播放副本</translation>
    </message>
    <message>
        <source>{name} can be rescued. Check the note, then press Import.</source>
        <translation>{name} 可以抢救。请核对备注，然后点击“导入”。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>AreaDialog</name>
    <message>
        <source>Area image</source>
        <translation>区域底图</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>图片文件</translation>
    </message>
    <message>
        <source>Two points you can find on the image (e.g. two cameras), their pixel position and latitude/longitude:</source>
        <translation>在图上找两个已知点（如两个摄像头），填写其像素位置和经纬度：</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>lat</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>lon</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Point {n}</source>
        <translation>点 {n}</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.tif *.bmp)</translation>
    </message>
    <message>
        <source>Choose an image file that can be read.</source>
        <translation>请选择一个可以读取的图片文件。</translation>
    </message>
    <message>
        <source>The two points must differ in both x and y.</source>
        <translation>两个点的 x 和 y 都必须不同。</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Camera registry</source>
        <translation>摄像头登记</translation>
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
        <source>Owner</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存天数</translation>
    </message>
    <message>
        <source>Clock offset</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <source>Save camera</source>
        <translation>保存摄像头</translation>
    </message>
    <message>
        <source>New camera</source>
        <translation>新建摄像头</translation>
    </message>
    <message>
        <source>Offset (s)</source>
        <translation>偏差（秒）</translation>
    </message>
    <message>
        <source>Measured at</source>
        <translation>测定时间</translation>
    </message>
    <message>
        <source>How measured</source>
        <translation>测定方法</translation>
    </message>
    <message>
        <source>Clock offsets (true time = camera clock + offset)</source>
        <translation>时钟偏差（真实时间 = 摄像头时间 + 偏差）</translation>
    </message>
    <message>
        <source>e.g. DVR clock photographed next to a reference clock at seizure</source>
        <translation>例如：调取时将 DVR 时钟与标准时间同框拍照</translation>
    </message>
    <message>
        <source>Add measurement</source>
        <translation>添加测定</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>Edit camera {code}</source>
        <translation>编辑摄像头 {code}</translation>
    </message>
    <message>
        <source>Save the camera first.</source>
        <translation>请先保存摄像头。</translation>
    </message>
</context>
<context>
    <name>CaseScanControl</name>
    <message>
        <source>Scan all clips</source>
        <translation>分析全部视频</translation>
    </message>
    <message>
        <source>Find the activity in every clip of this case in the background (two at a time); the results are kept with the evidence</source>
        <translation>在后台分析本案全部视频中的活动（每次两个）；结果随证据保存</translation>
    </message>
    <message>
        <source>Scanning %p%</source>
        <translation>分析中 %p%</translation>
    </message>
    <message>
        <source>Cancel scan</source>
        <translation>取消分析</translation>
    </message>
    <message>
        <source>The scan stopped: {e}</source>
        <translation>分析中止：{e}</translation>
    </message>
    <message>
        <source>Scan cancelled; finished clips kept.</source>
        <translation>分析已取消；已完成的视频结果已保存。</translation>
    </message>
    <message>
        <source>Scanned {n} clips.</source>
        <translation>已分析 {n} 个视频。</translation>
    </message>
    <message>
        <source>{n} not scanned (cancelled).</source>
        <translation>{n} 个未分析（已取消）。</translation>
    </message>
    <message>
        <source>{n} could not be scanned: {why}</source>
        <translation>{n} 个无法分析：{why}</translation>
    </message>
</context>
<context>
    <name>ClipController</name>
    <message>
        <source>Opening {name} and verifying its SHA-256…</source>
        <translation>正在打开 {name} 并校验 SHA-256…</translation>
    </message>
    <message>
        <source>{name} cannot be shown: {reason}</source>
        <translation>无法显示 {name}：{reason}</translation>
    </message>
    <message>
        <source>Verifying SHA-256…</source>
        <translation>正在校验 SHA-256…</translation>
    </message>
    <message>
        <source>About this file: {notes}</source>
        <translation>文件提示：{notes}</translation>
    </message>
    <message>
        <source>EVIDENCE FAILED VERIFICATION</source>
        <translation>证据校验失败</translation>
    </message>
    <message>
        <source>Evidence failed verification</source>
        <translation>证据校验失败</translation>
    </message>
    <message>
        <source>Scanning activity…</source>
        <translation>正在分析画面活动…</translation>
    </message>
    <message>
        <source>Scanning activity… {p}%</source>
        <translation>正在分析画面活动… {p}%</translation>
    </message>
    <message>
        <source>{n} segments match the colour; PgDown goes to the next best.</source>
        <translation>有 {n} 个片段符合该颜色；按 PgDown 跳到下一个最佳匹配。</translation>
    </message>
</context>
<context>
    <name>ClipView</name>
    <message>
        <source>Previous activity segment (PgUp)</source>
        <translation>上一个活动片段（PgUp）</translation>
    </message>
    <message>
        <source>Step back one frame (←)</source>
        <translation>后退一帧（←）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放/暂停（空格）</translation>
    </message>
    <message>
        <source>Step forward one frame (→)</source>
        <translation>前进一帧（→）</translation>
    </message>
    <message>
        <source>Next activity segment (PgDown)</source>
        <translation>下一个活动片段（PgDown）</translation>
    </message>
    <message>
        <source>Playback speed (J/K/L shuttle, ↑/↓ faster/slower)</source>
        <translation>播放速度（J/K/L 穿梭，↑/↓ 加速/减速）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Zoom {z}%</source>
        <translation>缩放 {z}%</translation>
    </message>
    <message>
        <source>No clip open</source>
        <translation>未打开视频</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>Frame — / —    pts —    Corrected time —</source>
        <translation>帧 — / —    pts —    校正时间 —</translation>
    </message>
    <message>
        <source>set for this clip</source>
        <translation>本视频单独设定</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>unknown, 0 assumed</source>
        <translation>未知，按 0 计</translation>
    </message>
    <message>
        <source>offset {s:+.1f} s ({how})</source>
        <translation>偏差 {s:+.1f} 秒（{how}）</translation>
    </message>
    <message>
        <source>decoding frame {i}…</source>
        <translation>正在解码第 {i} 帧…</translation>
    </message>
    <message>
        <source>Frame {i} / {n}    pts {pts:.3f} s    Corrected time {wall}    {offset}    {state}</source>
        <translation>帧 {i} / {n}    pts {pts:.3f} 秒    校正时间 {wall}    {offset}    {state}</translation>
    </message>
    <message>
        <source>recording {k} of {n}</source>
        <translation>第 {k}/{n} 段录像</translation>
    </message>
    <message>
        <source>DATA DAMAGED</source>
        <translation>数据损坏</translation>
    </message>
</context>
<context>
    <name>ColourBox</name>
    <message>
        <source>Rank activity segments by colour</source>
        <translation>按颜色给活动片段排序</translation>
    </message>
    <message>
        <source>Any colour</source>
        <translation>任意颜色</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>cyan</source>
        <translation>青色</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>white</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>silver</source>
        <translation>银色</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>black</source>
        <translation>黑色</translation>
    </message>
</context>
<context>
    <name>DialogController</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Details and chain of custody…</source>
        <translation>详情与保管链…</translation>
    </message>
</context>
<context>
    <name>EnhancePanel</name>
    <message>
        <source>Original frame (reset)</source>
        <translation>原始画面（重置）</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Evidence {name}</source>
        <translation>证据 {name}</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>原始文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <source>Made from</source>
        <translation>生成自</translation>
    </message>
    <message>
        <source>evidence {id}, the recording as received (its index was never written): this is the readable copy of its video, made by the program</source>
        <translation>证据 {id}，即按原样保存的原始录像（其索引未写入）：本文件是程序由它生成的可播放视频副本</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>How obtained</source>
        <translation>调取方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Start (camera clock)</source>
        <translation>起始时间（摄像头时钟）</translation>
    </message>
    <message>
        <source>Use an offset for this clip only</source>
        <translation>仅对此视频使用单独的偏差</translation>
    </message>
    <message>
        <source>Corrected start</source>
        <translation>校正起始时间</translation>
    </message>
    <message>
        <source>Recordings joined in this file</source>
        <translation>本文件拼接的各段录像</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Custody action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Chain of custody</source>
        <translation>保管链记录</translation>
    </message>
    <message>
        <source>picture size changes: {sizes}</source>
        <translation>画面尺寸有改变：{sizes}</translation>
    </message>
    <message>
        <source>{w}×{h} from frame {n}</source>
        <translation>第 {n} 帧起 {w}×{h}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录像段</translation>
    </message>
    <message>
        <source>Start (corrected)</source>
        <translation>起始时间（校正后）</translation>
    </message>
    <message>
        <source>Frame range</source>
        <translation>帧范围</translation>
    </message>
    <message>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>view</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <source>VERIFICATION FAILED</source>
        <translation>校验失败</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Snapshot saved: {path}</source>
        <translation>截图已保存：{path}</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>The snapshot could not be saved: {e}</source>
        <translation>截图无法保存：{e}</translation>
    </message>
    <message>
        <source>Export clip</source>
        <translation>导出片段</translation>
    </message>
    <message>
        <source>Mark the start with I and the end with O first.</source>
        <translation>请先用 I 标记起点、用 O 标记终点。</translation>
    </message>
    <message>
        <source>Video (*.mp4 *.mkv)</source>
        <translation>视频 (*.mp4 *.mkv)</translation>
    </message>
    <message>
        <source>Exporting frames {a}–{b}…</source>
        <translation>正在导出第 {a}–{b} 帧…</translation>
    </message>
    <message>
        <source>Clip exported: {path} (SHA-256 {sha})</source>
        <translation>片段已导出：{path}（SHA-256 {sha}）</translation>
    </message>
    <message>
        <source>Go to frame</source>
        <translation>跳到帧</translation>
    </message>
    <message>
        <source>Frame index</source>
        <translation>帧序号</translation>
    </message>
    <message>
        <source>Go to corrected time</source>
        <translation>跳到校正时间</translation>
    </message>
    <message>
        <source>Time (HH:MM:SS, corrected, {zone})</source>
        <translation>时间（时:分:秒，校正后，{zone}）</translation>
    </message>
    <message>
        <source>Write the time as HH:MM:SS.</source>
        <translation>请按 时:分:秒 格式填写时间。</translation>
    </message>
    <message>
        <source>This clip has no footage at {t}.</source>
        <translation>此视频在 {t} 没有画面。</translation>
    </message>
</context>
<context>
    <name>ObservationController</name>
    <message>
        <source>Area marked: press M to record the observation.</source>
        <translation>已标注区域：按 M 记录观察。</translation>
    </message>
    <message>
        <source>Observation not saved</source>
        <translation>观察未保存</translation>
    </message>
    <message>
        <source>Mark frame {i}</source>
        <translation>标记第 {i} 帧</translation>
    </message>
    <message>
        <source>Edit the mark on frame {i}</source>
        <translation>修改第 {i} 帧的标记</translation>
    </message>
    <message>
        <source>Observation saved on frame {i}.</source>
        <translation>已保存第 {i} 帧的观察。</translation>
    </message>
    <message>
        <source>Delete observations</source>
        <translation>删除观察记录</translation>
    </message>
    <message>
        <source>Delete {n} observation(s)? This is recorded in the audit log.</source>
        <translation>删除 {n} 条观察记录？此操作将记入审计日志。</translation>
    </message>
    <message>
        <source>Delete {n} observation(s)</source>
        <translation>删除 {n} 条观察记录</translation>
    </message>
    <message>
        <source>Record an inference</source>
        <translation>记录研判推断</translation>
    </message>
    <message>
        <source>Inference drawn from {n} observation(s):</source>
        <translation>根据 {n} 条观察得出的推断：</translation>
    </message>
    <message>
        <source>Inference recorded in the case timeline.</source>
        <translation>研判推断已记入案件时间线。</translation>
    </message>
    <message>
        <source>Go to frame</source>
        <translation>跳到帧</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Record an inference from these…</source>
        <translation>据此记录研判推断…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Observation on frame {i}</source>
        <translation>第 {i} 帧的观察</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>{w}×{h} at ({x}, {y})</source>
        <translation>{w}×{h}，位于 ({x}, {y})</translation>
    </message>
    <message>
        <source>none (press R and drag on the image)</source>
        <translation>无（按 R 后在画面上拖出方框）</translation>
    </message>
    <message>
        <source>Marked area</source>
        <translation>标注区域</translation>
    </message>
    <message>
        <source>What is seen, e.g. blue tricycle heading south, two people aboard, buckets in the load bed</source>
        <translation>所见情况，例如：蓝色三轮车向南行驶，车上两人，车斗内有桶</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Line of inquiry</source>
        <translation>侦查方向</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ObservationTableModel</name>
    <message>
        <source>Corrected time</source>
        <translation>校正时间</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OsdPanel</name>
    <message>
        <source>Open a clip to read its clock.</source>
        <translation>打开一段视频以读取其画面时钟。</translation>
    </message>
    <message>
        <source>Read the clock from the picture</source>
        <translation>从画面读取时钟</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>DVR photographed next to a standard clock</source>
        <translation>DVR 时钟与标准时间同框拍照</translation>
    </message>
    <message>
        <source>Event seen by a camera with a known offset</source>
        <translation>已知偏差的摄像头拍到的同一事件</translation>
    </message>
    <message>
        <source>Suggest offset</source>
        <translation>建议偏差</translation>
    </message>
    <message>
        <source>Confirm and record offset</source>
        <translation>确认并记录偏差</translation>
    </message>
    <message>
        <source>DVR shows</source>
        <translation>DVR 显示</translation>
    </message>
    <message>
        <source>Standard clock shows</source>
        <translation>标准时间显示</translation>
    </message>
    <message>
        <source>Reference clip</source>
        <translation>参照视频</translation>
    </message>
    <message>
        <source>Event frame there</source>
        <translation>参照视频中的事件帧</translation>
    </message>
    <message>
        <source>The event frame here is the frame on screen.</source>
        <translation>本视频的事件帧为当前画面所在帧。</translation>
    </message>
    <message>
        <source>The clock has not been read yet.</source>
        <translation>尚未读取画面时钟。</translation>
    </message>
    <message>
        <source>This clip has no start time: its frames have no corrected time until the clock is read or a start time is entered.</source>
        <translation>该视频没有开始时间：在读取画面时钟或填写开始时间之前，其各帧没有校正时间。</translation>
    </message>
    <message>
        <source>No clock found in the picture; nothing was read.</source>
        <translation>画面中未找到时钟，未读取任何时间。</translation>
    </message>
    <message>
        <source>Camera clock at the first frame: {start} (±{unc} s). Jumps: {jumps}. Drift: {drift} s/h. Readings: {n}.</source>
        <translation>首帧的摄像头时钟：{start}（±{unc} 秒）。时钟跳变：{jumps} 处。走时偏差：{drift} 秒/小时。读数：{n} 个。</translation>
    </message>
    <message>
        <source>The start time was filled from the clock (OSD reading).</source>
        <translation>开始时间已按画面时钟填入（画面时钟读取）。</translation>
    </message>
    <message>
        <source>Choose a reference clip.</source>
        <translation>请选择参照视频。</translation>
    </message>
    <message>
        <source>Suggested clock offset: {off:+.2f} s ± {unc:.2f} s, from frames {frames}. Not applied until you confirm.</source>
        <translation>建议时钟偏差：{off:+.2f} 秒 ± {unc:.2f} 秒，依据帧 {frames}。确认之前不会采用。</translation>
    </message>
    <message>
        <source>Offset recorded (method: OSD reading).</source>
        <translation>偏差已记录（方法：画面时钟读取）。</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>No camera has a position yet.</source>
        <translation>还没有摄像头填写位置。</translation>
    </message>
</context>
<context>
    <name>ProfileChart</name>
    <message>
        <source>No clock profile</source>
        <translation>无时钟概况</translation>
    </message>
</context>
<context>
    <name>RescueAssist</name>
    <message>
        <source>Rescue a recording</source>
        <translation>抢救录像</translation>
    </message>
    <message>
        <source>Rescuing the video of {name}…</source>
        <translation>正在抢救 {name} 中的视频…</translation>
    </message>
    <message>
        <source>rescued from {name} (SHA-256 {sha}); {n} pictures; {skipped} bytes skipped</source>
        <translation>抢救自 {name}（SHA-256 {sha}）；{n} 幅画面；跳过 {skipped} 字节</translation>
    </message>
    <message>
        <source>; settings from {name} (SHA-256 {sha})</source>
        <translation>；视频参数取自 {name}（SHA-256 {sha}）</translation>
    </message>
    <message>
        <source>A reference recording is needed</source>
        <translation>需要参照录像</translation>
    </message>
    <message>
        <source>{name} kept its video settings only in its lost index. Choose a complete recording from the same camera (for a dashcam: the file recorded just before it) to take them from.</source>
        <translation>{name} 的视频参数只保存在已丢失的索引中。请选择同一摄像头的一段完整录像（行车记录仪：紧接其前录制的文件），从中读取这些参数。</translation>
    </message>
    <message>
        <source>Choose a complete recording of the same camera</source>
        <translation>选择同一摄像头的完整录像</translation>
    </message>
    <message>
        <source>The recording cannot be rescued</source>
        <translation>无法抢救该录像</translation>
    </message>
</context>
<context>
    <name>ReviewKeys</name>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>One frame back / forward (hold to repeat)</source>
        <translation>后退 / 前进一帧（按住连续）</translation>
    </message>
    <message>
        <source>One second back / forward</source>
        <translation>后退 / 前进一秒</translation>
    </message>
    <message>
        <source>Ten seconds back / forward</source>
        <translation>后退 / 前进十秒</translation>
    </message>
    <message>
        <source>Shuttle back / stop / forward (again = faster)</source>
        <translation>倒放 / 停止 / 正放（再按加速）</translation>
    </message>
    <message>
        <source>Faster / slower</source>
        <translation>加速 / 减速</translation>
    </message>
    <message>
        <source>First / last frame</source>
        <translation>第一帧 / 最后一帧</translation>
    </message>
    <message>
        <source>Previous / next activity segment (best colour match first)</source>
        <translation>上一个 / 下一个活动片段（颜色最匹配的优先）</translation>
    </message>
    <message>
        <source>Mark an observation</source>
        <translation>标记观察记录</translation>
    </message>
    <message>
        <source>Mark an area (ROI)</source>
        <translation>框选区域（ROI）</translation>
    </message>
    <message>
        <source>Magnifier</source>
        <translation>放大镜</translation>
    </message>
    <message>
        <source>Snapshot with caption</source>
        <translation>带说明的截图</translation>
    </message>
    <message>
        <source>Clip in / out point</source>
        <translation>片段入点 / 出点</translation>
    </message>
    <message>
        <source>Export the clip I…O</source>
        <translation>导出 I…O 片段</translation>
    </message>
    <message>
        <source>Go to frame</source>
        <translation>跳到指定帧</translation>
    </message>
    <message>
        <source>Go to corrected time</source>
        <translation>跳到校正时间</translation>
    </message>
    <message>
        <source>Import clips</source>
        <translation>导入视频</translation>
    </message>
    <message>
        <source>Zoom in / out / fit / 100 %</source>
        <translation>放大 / 缩小 / 适应窗口 / 100%</translation>
    </message>
    <message>
        <source>End marking; leave the synchronised grid</source>
        <translation>结束标记；退出同步多画面</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Corrected start</source>
        <translation>校正起始时间</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>观察记录</translation>
    </message>
    <message>
        <source>Enhancement</source>
        <translation>图像增强</translation>
    </message>
    <message>
        <source>Camera clock</source>
        <translation>画面时钟</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>视频研判</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import video files as evidence (Ctrl+I)</source>
        <translation>把视频文件导入为证据（Ctrl+I）</translation>
    </message>
    <message>
        <source>Cameras…</source>
        <translation>摄像头…</translation>
    </message>
    <message>
        <source>Camera registry and clock offsets</source>
        <translation>摄像头登记与时钟偏差</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Show the selected 2–4 clips side by side on corrected time</source>
        <translation>按校正时间并排显示所选的 2–4 段视频</translation>
    </message>
    <message>
        <source>Mark area (R)</source>
        <translation>标注区域（R）</translation>
    </message>
    <message>
        <source>Draw a rectangle on the image for the next observation</source>
        <translation>在画面上画一个方框，用于下一条观察</translation>
    </message>
    <message>
        <source>Magnifier (G)</source>
        <translation>放大镜（G）</translation>
    </message>
    <message>
        <source>A 4× loupe under the cursor</source>
        <translation>光标处 4 倍放大镜</translation>
    </message>
    <message>
        <source>Observation (M)</source>
        <translation>观察（M）</translation>
    </message>
    <message>
        <source>Mark the current frame</source>
        <translation>标记当前帧</translation>
    </message>
    <message>
        <source>Snapshot (S)</source>
        <translation>截图（S）</translation>
    </message>
    <message>
        <source>Save the frame as PNG with caption and provenance sidecar</source>
        <translation>将当前帧保存为 PNG，附说明文字和来源信息文件</translation>
    </message>
    <message>
        <source>Export clip (Ctrl+E)</source>
        <translation>导出片段（Ctrl+E）</translation>
    </message>
    <message>
        <source>Export frames I…O</source>
        <translation>导出 I…O 之间的帧</translation>
    </message>
    <message>
        <source>Select 2 to 4 clips in the evidence list first.</source>
        <translation>请先在证据列表中选择 2 到 4 段视频。</translation>
    </message>
</context>
<context>
    <name>RoiTextRow</name>
    <message>
        <source>Read text in the marked area</source>
        <translation>识别框选区域中的文字</translation>
    </message>
    <message>
        <source>Draw an area first (R). The text read is only a suggestion: check it against the picture.</source>
        <translation>请先框选区域（R）。识别出的文字仅供参考，请对照画面核实。</translation>
    </message>
    <message>
        <source>suggested text (edit before use)</source>
        <translation>建议文字（使用前请核对修改）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Mark an area on the picture first (R).</source>
        <translation>请先在画面上框选区域（R）。</translation>
    </message>
    <message>
        <source>nothing legible</source>
        <translation>无法辨认</translation>
    </message>
</context>
<context>
    <name>RouteWidget</name>
    <message>
        <source>by corrected time</source>
        <translation>按校正时间</translation>
    </message>
    <message>
        <source>in the order marked</source>
        <translation>按标注顺序</translation>
    </message>
    <message>
        <source>Area image…</source>
        <translation>区域底图…</translation>
    </message>
    <message>
        <source>Show a plan or aerial image of the area under the route, placed by two known points</source>
        <translation>在轨迹下方显示区域平面图或航拍图，用两个已知点定位</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Corrected time</source>
        <translation>校正时间</translation>
    </message>
    <message>
        <source>Leg distance</source>
        <translation>区段距离</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Implied speed</source>
        <translation>推算车速</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>No vehicle has observations yet: tag a sighting with a vehicle (M) to build its route.</source>
        <translation>还没有车辆的观察记录：标记观察（M）时关联车辆即可生成轨迹。</translation>
    </message>
    <message>
        <source>{n} sightings, {c} cameras, {d:.2f} km, limit {lim:.0f} km/h, {f} legs to check</source>
        <translation>{n} 次发现，{c} 个摄像头，{d:.2f} 公里，限速 {lim:.0f} 公里/小时，{f} 段待核查</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>Frame #{i}  ·  pts {pts:.3f} s</source>
        <translation>帧 #{i}  ·  pts {pts:.3f} 秒</translation>
    </message>
    <message>
        <source>Enhancement: {filters}</source>
        <translation>增强：{filters}</translation>
    </message>
</context>
<context>
    <name>SyncGrid</name>
    <message>
        <source>Corrected time across all clips</source>
        <translation>所有视频的校正时间</translation>
    </message>
    <message>
        <source>◀ Back to single view (Esc)</source>
        <translation>◀ 返回单画面（Esc）</translation>
    </message>
    <message>
        <source>Shuttle back (J)</source>
        <translation>倒放（J）</translation>
    </message>
    <message>
        <source>One frame back (←)</source>
        <translation>后退一帧（←）</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放/暂停（空格）</translation>
    </message>
    <message>
        <source>One frame forward (→)</source>
        <translation>前进一帧（→）</translation>
    </message>
    <message>
        <source>Shuttle forward (L)</source>
        <translation>正放（L）</translation>
    </message>
    <message>
        <source>Choose 2–4 clips in the evidence list and press Sync.</source>
        <translation>在证据列表中选择 2–4 段视频，然后按“同步”。</translation>
    </message>
    <message>
        <source>Synchronised on corrected time {wall}    {state}</source>
        <translation>按校正时间同步 {wall}    {state}</translation>
    </message>
</context>
<context>
    <name>SyncTile</name>
    <message>
        <source>no footage at this time</source>
        <translation>此时间无画面</translation>
    </message>
    <message>
        <source>No footage at this time</source>
        <translation>此时间无画面</translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <source>no start time</source>
        <translation>无开始时间</translation>
    </message>
    <message>
        <source>This clip has no start time and drops out of the route and the synchronised view. Open it and read the clock from the picture (Camera clock), or enter its start time.</source>
        <translation>该视频没有开始时间，不会出现在轨迹和同步画面中。请打开它并从画面读取时钟（“画面时钟”），或填写开始时间。</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>号牌</translation>
    </message>
    <message>
        <source>Direction of travel</source>
        <translation>行驶方向</translation>
    </message>
    <message>
        <source>Key frame (report)</source>
        <translation>关键帧（报告）</translation>
    </message>
</context>
</TS>
