<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NetErrorWording</name>
    <message numerus="yes">
        <source>The server asks to slow down; trying again in %n second(s).</source>
        <translation>
            <numerusform>The server asks to slow down; trying again in %n second.</numerusform>
            <numerusform>The server asks to slow down; trying again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::CasesView</name>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1 (%n unread)</numerusform>
            <numerusform>%1 (%n unread)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::SearchDialog</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::Sidebar</name>
    <message numerus="yes">
        <source>Messages, %n unread</source>
        <translation>
            <numerusform>Messages, %n unread</numerusform>
            <numerusform>Messages, %n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Notifications, %n unread</numerusform>
            <numerusform>Notifications, %n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tasks, %n overdue</source>
        <translation>
            <numerusform>Tasks, %n overdue</numerusform>
            <numerusform>Tasks, %n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::SyncStatusBar</name>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::ThreadListModel</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n unread</numerusform>
            <numerusform>%1, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::TrayIcon</name>
    <message numerus="yes">
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n new notification</numerusform>
            <numerusform>%n new notifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Client Portal: %n unread</source>
        <translation>
            <numerusform>Client Portal: %n unread</numerusform>
            <numerusform>Client Portal: %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::UploadDialog</name>
    <message numerus="yes">
        <source>Upload %n documents</source>
        <translation>
            <numerusform>Upload %n document</numerusform>
            <numerusform>Upload %n documents</numerusform>
        </translation>
    </message>
</context>
</TS>
