// The logging category of the authentication layer, "portal.auth": warnings and worse by default, enable
// more with QT_LOGGING_RULES="portal.auth.debug=true". Nothing logged here may contain a password, a hash,
// a token or a key.
#pragma once

#include <QLoggingCategory>

namespace portal::auth {
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
}
