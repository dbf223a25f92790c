#include "AuthLog.h"

namespace portal::auth {
Q_LOGGING_CATEGORY(lcAuth, "portal.auth", QtWarningMsg)
}
