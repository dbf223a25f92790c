#include "NetLog.h"

Q_LOGGING_CATEGORY(lcNet, "portal.net", QtWarningMsg)
