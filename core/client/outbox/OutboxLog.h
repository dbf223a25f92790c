// The outbox sender's and the transfers' logging category, "portal.outbox" (quiet by default). Items are
// logged by id and kind, never by content.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
