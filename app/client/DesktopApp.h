// `portal` with no command: the desktop app. It signs in (a remembered account at once, from the keyring;
// otherwise through the sign-in dialog, or with --password-stdin for scripts), opens the account's cache
// and shows the main window over it; signing out or an expired session goes back to the dialog.
#pragma once

#include <QStringList>

namespace portal::app {

// Runs the desktop app to its end; returns the exit code. Needs a QApplication.
int runDesktop(const QStringList &arguments);

} // namespace portal::app
