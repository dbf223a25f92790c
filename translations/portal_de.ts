<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DesktopApp</name>
    <message>
        <source>Working offline from the copy saved on this computer. Choose Try again to sign in.</source>
        <translation>Sie arbeiten offline mit der auf diesem Computer gespeicherten Kopie. Wählen Sie „Erneut versuchen“, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Signed in, but this computer has no keyring to remember you in, so you will be asked again next time.</source>
        <translation>Sie sind angemeldet, aber dieser Computer hat keinen Schlüsselbund, in dem Ihre Anmeldung gespeichert werden kann. Beim nächsten Mal werden Sie erneut gefragt.</translation>
    </message>
    <message>
        <source>Signed in, but you could not be remembered: %1</source>
        <translation>Sie sind angemeldet, aber Ihre Anmeldung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot open the local copy %1: %2</source>
        <translation>Die lokale Kopie %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>NetErrorWording</name>
    <message>
        <source>The user name or password is wrong, or the account is disabled.</source>
        <translation>Benutzername oder Passwort ist falsch, oder das Konto ist deaktiviert.</translation>
    </message>
    <message>
        <source>You are working offline.</source>
        <translation>Sie arbeiten offline.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the address and your connection.</source>
        <translation>%1 ist nicht erreichbar. Bitte prüfen Sie die Adresse und Ihre Verbindung.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <source>The server asks to slow down; trying again in %n second(s).</source>
        <translation>
            <numerusform>Der Server bittet um eine Pause; neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>Der Server bittet um eine Pause; neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood (%1).</source>
        <translation>Die Antwort des Servers war unverständlich (%1).</translation>
    </message>
    <message>
        <source>Cannot write to this computer&apos;s disk: %1</source>
        <translation>Auf die Festplatte dieses Computers kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Ruhend</translation>
    </message>
    <message>
        <source>Civil</source>
        <translation>Zivilrecht</translation>
    </message>
    <message>
        <source>Criminal</source>
        <translation>Strafrecht</translation>
    </message>
    <message>
        <source>Intellectual property</source>
        <translation>Geistiges Eigentum</translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation>Gesellschaftsrecht</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familienrecht</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Zu erledigen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>portal::app::DesktopAccount</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Could not save on this computer: %1</source>
        <translation>Speichern auf diesem Computer nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot upload %1: %2</source>
        <translation>%1 kann nicht hochgeladen werden: %2</translation>
    </message>
</context>
<context>
    <name>portal::ui::Banner</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>portal::ui::CaseListModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
</context>
<context>
    <name>portal::ui::CasesView</name>
    <message>
        <source>Filter by title, number or description</source>
        <translation>Nach Titel, Aktenzeichen oder Beschreibung filtern</translation>
    </message>
    <message>
        <source>Filter cases</source>
        <translation>Fälle filtern</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Rechtsgebiet</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Choose a case to see its details.</source>
        <translation>Wählen Sie einen Fall aus, um die Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Assigned attorney</source>
        <translation>Zuständige Anwältin / zuständiger Anwalt</translation>
    </message>
    <message>
        <source>Documents of the case</source>
        <translation>Dokumente des Falls</translation>
    </message>
    <message>
        <source>Tasks of the case</source>
        <translation>Aufgaben des Falls</translation>
    </message>
    <message>
        <source>Threads of the case</source>
        <translation>Unterhaltungen zum Fall</translation>
    </message>
    <message>
        <source>New thread…</source>
        <translation>Neue Unterhaltung…</translation>
    </message>
    <message>
        <source>New thread about this case</source>
        <translation>Neue Unterhaltung zu diesem Fall</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Einzelheiten zum Fall</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Rechtsgebiete</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · opened %4</source>
        <translation>%1 · %2 · %3 · eröffnet am %4</translation>
    </message>
    <message>
        <source>Attorney: %1 &amp;lt;&lt;a href=&quot;%2&quot; style=&quot;color:%4&quot;&gt;%3&lt;/a&gt;&amp;gt;</source>
        <translation>Zuständig: %1 &amp;lt;&lt;a href=&quot;%2&quot; style=&quot;color:%4&quot;&gt;%3&lt;/a&gt;&amp;gt;</translation>
    </message>
    <message>
        <source>No attorney assigned yet.</source>
        <translation>Noch keine Anwältin bzw. kein Anwalt zugewiesen.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 (%2, due %3)</source>
        <translation>%1 (%2, fällig am %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1 (%n ungelesen)</numerusform>
            <numerusform>%1 (%n ungelesen)</numerusform>
        </translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Noch keine Dokumente.</translation>
    </message>
    <message>
        <source>No tasks.</source>
        <translation>Keine Aufgaben.</translation>
    </message>
    <message>
        <source>No threads yet.</source>
        <translation>Noch keine Unterhaltungen.</translation>
    </message>
</context>
<context>
    <name>portal::ui::DesktopWindow</name>
    <message>
        <source>Client Portal — %1</source>
        <translation>Client Portal — %1</translation>
    </message>
    <message>
        <source>You are offline. You see what was saved on this computer; what you send waits and goes out when the connection is back.</source>
        <translation>Sie sind offline. Sie sehen, was auf diesem Computer gespeichert ist; was Sie senden, wartet und geht hinaus, sobald die Verbindung wieder besteht.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation>Alles durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>New thread</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Start a new thread (Ctrl+N)</source>
        <translation>Neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Fetch what is new now (F5)</source>
        <translation>Neues jetzt abrufen (F5)</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
</context>
<context>
    <name>portal::ui::DocumentListModel</name>
    <message>
        <source>%1 (on this computer)</source>
        <translation>%1 (auf diesem Computer)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
</context>
<context>
    <name>portal::ui::DocumentsView</name>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>Hoch&amp;laden…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Drop files here to upload them.</source>
        <translation>Legen Sie Dateien hier ab, um sie hochzuladen.</translation>
    </message>
    <message>
        <source>document %1</source>
        <translation>Dokument %1</translation>
    </message>
    <message>
        <source>&amp;Download again</source>
        <translation>Erneut &amp;herunterladen</translation>
    </message>
    <message>
        <source>Upload documents</source>
        <translation>Dokumente hochladen</translation>
    </message>
</context>
<context>
    <name>portal::ui::MessageDelegate</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
</context>
<context>
    <name>portal::ui::MessageListModel</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>(waiting to be sent)</source>
        <translation>(wartet auf Versand)</translation>
    </message>
    <message>
        <source>(not sent: %1)</source>
        <translation>(nicht gesendet: %1)</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(neu)</translation>
    </message>
</context>
<context>
    <name>portal::ui::MessagesView</name>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>New thread…</source>
        <translation>Neue Unterhaltung…</translation>
    </message>
    <message>
        <source>New thread</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Discard the message that was not sent</source>
        <translation>Die nicht gesendete Nachricht verwerfen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Antwort schreiben… (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Choose a thread to read it.</source>
        <translation>Wählen Sie eine Unterhaltung aus, um sie zu lesen.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>Eine Nachricht wurde nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>portal::ui::NewThreadDialog</name>
    <message>
        <source>New thread</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>What would you like to ask or tell the firm?</source>
        <translation>Was möchten Sie die Kanzlei fragen oder ihr mitteilen?</translation>
    </message>
    <message>
        <source>Start thread</source>
        <translation>Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>&amp;Fall:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
</context>
<context>
    <name>portal::ui::NotificationListModel</name>
    <message>
        <source>Unread: %1</source>
        <translation>Ungelesen: %1</translation>
    </message>
</context>
<context>
    <name>portal::ui::NotificationsView</name>
    <message>
        <source>Mark all &amp;read</source>
        <translation>Alle als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Mark all notifications read</source>
        <translation>Alle Benachrichtigungen als gelesen markieren</translation>
    </message>
</context>
<context>
    <name>portal::ui::SearchDialog</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search cases, messages, documents, tasks…</source>
        <translation>Fälle, Nachrichten, Dokumente, Aufgaben durchsuchen…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Type to search everything saved on this computer.</source>
        <translation>Tippen Sie, um alles zu durchsuchen, was auf diesem Computer gespeichert ist.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Nichts gefunden für „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::SearchResultModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>portal::ui::SettingsDialog</name>
    <message>
        <source>Start in the system tray</source>
        <translation>Im Infobereich (Systemleiste) starten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Sync interval in minutes</source>
        <translation>Synchronisierungsintervall in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the download folder</source>
        <translation>Download-Ordner auswählen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>A new language applies when the program starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Programmstart.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>S&amp;ync every:</source>
        <translation>S&amp;ynchronisieren alle:</translation>
    </message>
    <message>
        <source>&amp;Downloads:</source>
        <translation>&amp;Downloads:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
</context>
<context>
    <name>portal::ui::Sidebar</name>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message numerus="yes">
        <source>Messages, %n unread</source>
        <translation>
            <numerusform>Nachrichten, %n ungelesen</numerusform>
            <numerusform>Nachrichten, %n ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Benachrichtigungen, %n ungelesen</numerusform>
            <numerusform>Benachrichtigungen, %n ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tasks, %n overdue</source>
        <translation>
            <numerusform>Aufgaben, %n überfällig</numerusform>
            <numerusform>Aufgaben, %n überfällig</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::SignInDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Auf diesem Computer &amp;angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign in to Client Portal</source>
        <translation>Bei Client Portal anmelden</translation>
    </message>
    <message>
        <source>Sign in to your client portal</source>
        <translation>Melden Sie sich bei Ihrem Mandantenportal an</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>S&amp;erver:</source>
        <translation>S&amp;erver:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>portal::ui::SyncStatusBar</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n Änderung wartet auf Versand</numerusform>
            <numerusform>%n Änderungen warten auf Versand</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
</context>
<context>
    <name>portal::ui::TaskListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Ohne Fälligkeit</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (überfällig)</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
</context>
<context>
    <name>portal::ui::TasksView</name>
    <message>
        <source>Open the &amp;case</source>
        <translation>&amp;Fall öffnen</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Open the task&apos;s case</source>
        <translation>Den Fall der Aufgabe öffnen</translation>
    </message>
    <message>
        <source>Choose a task to see what is asked.</source>
        <translation>Wählen Sie eine Aufgabe aus, um zu sehen, was verlangt wird.</translation>
    </message>
</context>
<context>
    <name>portal::ui::ThreadListModel</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesen</numerusform>
            <numerusform>%1, %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::TransferPanel</name>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>%1 wird hochgeladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation>Abbrechen: %1</translation>
    </message>
</context>
<context>
    <name>portal::ui::TrayIcon</name>
    <message>
        <source>&amp;Open Client Portal</source>
        <translation>Client Portal ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n neue Benachrichtigung</numerusform>
            <numerusform>%n neue Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest: %1</source>
        <translation>Die neueste: %1</translation>
    </message>
    <message numerus="yes">
        <source>Client Portal: %n unread</source>
        <translation>
            <numerusform>Client Portal: %n ungelesen</numerusform>
            <numerusform>Client Portal: %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Client Portal</source>
        <translation>Client Portal</translation>
    </message>
</context>
<context>
    <name>portal::ui::UploadDialog</name>
    <message>
        <source>Upload a document</source>
        <translation>Dokument hochladen</translation>
    </message>
    <message numerus="yes">
        <source>Upload %n documents</source>
        <translation>
            <numerusform>%n Dokument hochladen</numerusform>
            <numerusform>%n Dokumente hochladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>&amp;Fall:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
</context>
</TS>
