// How one step of a sync ended, as the engine reports it: success, or the one error that stopped it (a
// cache failure becomes a Storage error), and how many requests it sent. `unsupported` says the server has
// no delta endpoint (404/405), which switches the session to the list fallback.
#pragma once

#include "CacheError.h"
#include "NetError.h"

namespace portal::client {

struct SyncOutcome
{
    net::NetError error; // kind None on success
    bool unsupported = false;
    int requests = 0;

    bool ok() const { return !error.isError() && !unsupported; }

    static net::NetError fromCache(const CacheError &error)
    {
        return net::NetError::make(net::NetError::Kind::Storage,
                                   QStringLiteral("The local cache could not be written: %1 (%2).")
                                       .arg(error.message, toString(error.kind)));
    }
};

} // namespace portal::client
