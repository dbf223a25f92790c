<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DesktopApp</name>
    <message>
        <source>Working offline from the copy saved on this computer. Choose Try again to sign in.</source>
        <translation>Vous travaillez hors ligne à partir de la copie enregistrée sur cet ordinateur. Choisissez « Réessayer » pour vous connecter.</translation>
    </message>
    <message>
        <source>Signed in, but this computer has no keyring to remember you in, so you will be asked again next time.</source>
        <translation>Vous êtes connecté, mais cet ordinateur n’a pas de trousseau pour mémoriser vos identifiants ; ils vous seront redemandés la prochaine fois.</translation>
    </message>
    <message>
        <source>Signed in, but you could not be remembered: %1</source>
        <translation>Vous êtes connecté, mais vos identifiants n’ont pas pu être mémorisés : %1</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>Impossible de créer %1 : %2</translation>
    </message>
    <message>
        <source>Cannot open the local copy %1: %2</source>
        <translation>Impossible d’ouvrir la copie locale %1 : %2</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session a expiré. Veuillez vous reconnecter.</translation>
    </message>
</context>
<context>
    <name>NetErrorWording</name>
    <message>
        <source>The user name or password is wrong, or the account is disabled.</source>
        <translation>Le nom d’utilisateur ou le mot de passe est incorrect, ou le compte est désactivé.</translation>
    </message>
    <message>
        <source>You are working offline.</source>
        <translation>Vous travaillez hors ligne.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the address and your connection.</source>
        <translation>Impossible de joindre %1. Vérifiez l’adresse et votre connexion.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>La connexion sécurisée à %1 a échoué : %2</translation>
    </message>
    <message numerus="yes">
        <source>The server asks to slow down; trying again in %n second(s).</source>
        <translation>
            <numerusform>Le serveur demande de ralentir ; nouvel essai dans %n seconde.</numerusform>
            <numerusform>Le serveur demande de ralentir ; nouvel essai dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Le serveur a refusé : %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood (%1).</source>
        <translation>La réponse du serveur n’a pas été comprise (%1).</translation>
    </message>
    <message>
        <source>Cannot write to this computer&apos;s disk: %1</source>
        <translation>Impossible d’écrire sur le disque de cet ordinateur : %1</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Civil</source>
        <translation>Droit civil</translation>
    </message>
    <message>
        <source>Criminal</source>
        <translation>Droit pénal</translation>
    </message>
    <message>
        <source>Intellectual property</source>
        <translation>Propriété intellectuelle</translation>
    </message>
    <message>
        <source>Corporate</source>
        <translation>Droit des sociétés</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Droit de la famille</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
</context>
<context>
    <name>portal::app::DesktopAccount</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>Could not save on this computer: %1</source>
        <translation>Impossible d’enregistrer sur cet ordinateur : %1</translation>
    </message>
    <message>
        <source>Cannot upload %1: %2</source>
        <translation>Impossible d’envoyer %1 : %2</translation>
    </message>
</context>
<context>
    <name>portal::ui::Banner</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>portal::ui::CaseListModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>N° de dossier</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouvert le</translation>
    </message>
</context>
<context>
    <name>portal::ui::CasesView</name>
    <message>
        <source>Filter by title, number or description</source>
        <translation>Filtrer par titre, numéro ou description</translation>
    </message>
    <message>
        <source>Filter cases</source>
        <translation>Filtrer les dossiers</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Type de dossier</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Choose a case to see its details.</source>
        <translation>Choisissez un dossier pour en voir le détail.</translation>
    </message>
    <message>
        <source>Assigned attorney</source>
        <translation>Avocat chargé du dossier</translation>
    </message>
    <message>
        <source>Documents of the case</source>
        <translation>Documents du dossier</translation>
    </message>
    <message>
        <source>Tasks of the case</source>
        <translation>Tâches du dossier</translation>
    </message>
    <message>
        <source>Threads of the case</source>
        <translation>Conversations du dossier</translation>
    </message>
    <message>
        <source>New thread…</source>
        <translation>Nouvelle conversation…</translation>
    </message>
    <message>
        <source>New thread about this case</source>
        <translation>Nouvelle conversation sur ce dossier</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Détails du dossier</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 · opened %4</source>
        <translation>%1 · %2 · %3 · ouvert le %4</translation>
    </message>
    <message>
        <source>Attorney: %1 &amp;lt;&lt;a href=&quot;%2&quot; style=&quot;color:%4&quot;&gt;%3&lt;/a&gt;&amp;gt;</source>
        <translation>Avocat : %1 &amp;lt;&lt;a href=&quot;%2&quot; style=&quot;color:%4&quot;&gt;%3&lt;/a&gt;&amp;gt;</translation>
    </message>
    <message>
        <source>No attorney assigned yet.</source>
        <translation>Aucun avocat n’est encore désigné.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 (%2, due %3)</source>
        <translation>%1 (%2, échéance le %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1 (%n non lu)</numerusform>
            <numerusform>%1 (%n non lus)</numerusform>
        </translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Aucun document pour l’instant.</translation>
    </message>
    <message>
        <source>No tasks.</source>
        <translation>Aucune tâche.</translation>
    </message>
    <message>
        <source>No threads yet.</source>
        <translation>Aucune conversation pour l’instant.</translation>
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
        <translation>Vous êtes hors ligne. Vous voyez ce qui est enregistré sur cet ordinateur ; ce que vous envoyez attend et partira dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation>Tout rechercher (Ctrl+K)</translation>
    </message>
    <message>
        <source>New thread</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Start a new thread (Ctrl+N)</source>
        <translation>Commencer une nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Fetch what is new now (F5)</source>
        <translation>Récupérer les nouveautés maintenant (F5)</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Compte : %1</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
</context>
<context>
    <name>portal::ui::DocumentListModel</name>
    <message>
        <source>%1 (on this computer)</source>
        <translation>%1 (sur cet ordinateur)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Envoyé le</translation>
    </message>
</context>
<context>
    <name>portal::ui::DocumentsView</name>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Télécharger</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>&amp;Envoyer…</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Drop files here to upload them.</source>
        <translation>Déposez des fichiers ici pour les envoyer.</translation>
    </message>
    <message>
        <source>document %1</source>
        <translation>document %1</translation>
    </message>
    <message>
        <source>&amp;Download again</source>
        <translation>&amp;Télécharger à nouveau</translation>
    </message>
    <message>
        <source>Upload documents</source>
        <translation>Envoyer des documents</translation>
    </message>
</context>
<context>
    <name>portal::ui::MessageDelegate</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
</context>
<context>
    <name>portal::ui::MessageListModel</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2 : %3</translation>
    </message>
    <message>
        <source>(waiting to be sent)</source>
        <translation>(en attente d’envoi)</translation>
    </message>
    <message>
        <source>(not sent: %1)</source>
        <translation>(non envoyé : %1)</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(nouveau)</translation>
    </message>
</context>
<context>
    <name>portal::ui::MessagesView</name>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>New thread…</source>
        <translation>Nouvelle conversation…</translation>
    </message>
    <message>
        <source>New thread</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Discard the message that was not sent</source>
        <translation>Abandonner le message non envoyé</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Write a reply… (Ctrl+Enter sends)</source>
        <translation>Rédigez une réponse… (Ctrl+Entrée pour envoyer)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Envoyer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Choose a thread to read it.</source>
        <translation>Choisissez une conversation pour la lire.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>A message was not sent: %1</source>
        <translation>Un message n’a pas été envoyé : %1</translation>
    </message>
</context>
<context>
    <name>portal::ui::NewThreadDialog</name>
    <message>
        <source>New thread</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>What would you like to ask or tell the firm?</source>
        <translation>Que souhaitez-vous demander ou dire au cabinet ?</translation>
    </message>
    <message>
        <source>Start thread</source>
        <translation>Commencer la conversation</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Message :</translation>
    </message>
</context>
<context>
    <name>portal::ui::NotificationListModel</name>
    <message>
        <source>Unread: %1</source>
        <translation>Non lu : %1</translation>
    </message>
</context>
<context>
    <name>portal::ui::NotificationsView</name>
    <message>
        <source>Mark all &amp;read</source>
        <translation>Tout marquer comme &amp;lu</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Mark all notifications read</source>
        <translation>Marquer toutes les notifications comme lues</translation>
    </message>
</context>
<context>
    <name>portal::ui::SearchDialog</name>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search cases, messages, documents, tasks…</source>
        <translation>Rechercher dossiers, messages, documents, tâches…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Type to search everything saved on this computer.</source>
        <translation>Saisissez du texte pour rechercher dans tout ce qui est enregistré sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Aucun résultat pour « %1 ».</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
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
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>portal::ui::SettingsDialog</name>
    <message>
        <source>Start in the system tray</source>
        <translation>Démarrer dans la zone de notification</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Sync interval in minutes</source>
        <translation>Intervalle de synchronisation en minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>Dossier de téléchargement</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the download folder</source>
        <translation>Choisir le dossier de téléchargement</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>A new language applies when the program starts again.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage du programme.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>S&amp;ync every:</source>
        <translation>S&amp;ynchroniser toutes les :</translation>
    </message>
    <message>
        <source>&amp;Downloads:</source>
        <translation>&amp;Téléchargements :</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
</context>
<context>
    <name>portal::ui::Sidebar</name>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message numerus="yes">
        <source>Messages, %n unread</source>
        <translation>
            <numerusform>Messages, %n non lu</numerusform>
            <numerusform>Messages, %n non lus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Notifications, %n non lue</numerusform>
            <numerusform>Notifications, %n non lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tasks, %n overdue</source>
        <translation>
            <numerusform>Tâches, %n en retard</numerusform>
            <numerusform>Tâches, %n en retard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::SignInDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Se &amp;souvenir de moi sur cet ordinateur</translation>
    </message>
    <message>
        <source>Sign in to Client Portal</source>
        <translation>Connexion à Client Portal</translation>
    </message>
    <message>
        <source>Sign in to your client portal</source>
        <translation>Connectez-vous à votre portail client</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Se souvenir de moi sur cet ordinateur</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>S&amp;erver:</source>
        <translation>S&amp;erveur :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nom d’utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
</context>
<context>
    <name>portal::ui::SyncStatusBar</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Dernière synchronisation : %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
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
        <translation>Sans échéance</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (en retard)</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>En retard depuis le %1</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
</context>
<context>
    <name>portal::ui::TasksView</name>
    <message>
        <source>Open the &amp;case</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Open the task&apos;s case</source>
        <translation>Ouvrir le dossier de la tâche</translation>
    </message>
    <message>
        <source>Choose a task to see what is asked.</source>
        <translation>Choisissez une tâche pour voir ce qui est demandé.</translation>
    </message>
</context>
<context>
    <name>portal::ui::ThreadListModel</name>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n non lu</numerusform>
            <numerusform>%1, %n non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>portal::ui::TransferPanel</name>
    <message>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>Téléchargement de %1</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>Envoi de %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel: %1</source>
        <translation>Annuler : %1</translation>
    </message>
</context>
<context>
    <name>portal::ui::TrayIcon</name>
    <message>
        <source>&amp;Open Client Portal</source>
        <translation>&amp;Ouvrir Client Portal</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message numerus="yes">
        <source>%n new notifications</source>
        <translation>
            <numerusform>%n nouvelle notification</numerusform>
            <numerusform>%n nouvelles notifications</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest: %1</source>
        <translation>La plus récente : %1</translation>
    </message>
    <message numerus="yes">
        <source>Client Portal: %n unread</source>
        <translation>
            <numerusform>Client Portal : %n non lu</numerusform>
            <numerusform>Client Portal : %n non lus</numerusform>
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
        <translation>Envoyer un document</translation>
    </message>
    <message numerus="yes">
        <source>Upload %n documents</source>
        <translation>
            <numerusform>Envoyer %n document</numerusform>
            <numerusform>Envoyer %n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Fichiers :</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>D&amp;escription :</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Envoyer</translation>
    </message>
</context>
</TS>
