<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Words for Qt's own dialogs that Qt's qtbase catalogue lacks; edit in Qt Linguist. -->
<TS version="2.1" language="zh_CN">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
</TS>
