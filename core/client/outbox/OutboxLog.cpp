#include "OutboxLog.h"

Q_LOGGING_CATEGORY(lcOutbox, "portal.outbox", QtWarningMsg)
