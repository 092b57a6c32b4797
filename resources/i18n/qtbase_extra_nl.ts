<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt's Dutch translation (qtbase_nl.qm in PySide6) lacks, so its
     file and message dialogs are Dutch throughout. gui/i18n.py loads this after
     qtbase_nl; tests/gui/test_translations.py finds any English left in those dialogs. -->
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>QErrorMessage</name>
    <message>
        <source>An error occurred</source>
        <translation>Er is een fout opgetreden</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>&lt;b&gt;The name &quot;%1&quot; can not be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuations marks.</source>
        <translation>&lt;b&gt;De naam &quot;%1&quot; kan niet worden gebruikt.&lt;/b&gt;&lt;p&gt;Kies een andere naam, met minder tekens of zonder leestekens.</translation>
    </message>
</context>
</TS>
