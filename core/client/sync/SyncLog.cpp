#include "SyncLog.h"

Q_LOGGING_CATEGORY(lcSync, "portal.sync", QtWarningMsg)
