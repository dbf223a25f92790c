// The client network layer's logging category, "portal.net" (quiet by default). Never log tokens or
// passwords: requests are logged by method and path only.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcNet)
