// The sync engine's logging category, "portal.sync" (quiet by default). Never log tokens.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)
