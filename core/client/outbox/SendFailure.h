// How the outbox sender reads a failed request: wait and try again (and whether the attempt may have
// reached the server, so the next one first looks for its result), give up on the item with the server's
// own words, or hold everything until the person signs in again.
#pragma once

#include "NetError.h"

#include <QString>

namespace portal::client {

struct SendFailure
{
    enum class Action {
        WaitOnline, // the person works offline: nothing was sent; go on when the policy is Online again
        Retry, // a passing fault: try again after a pause
        Refused, // the server refused the item for good: mark it failed, go on with the next
        SignedOut, // the session cannot be refreshed: hold every item until signed in again
        Cancelled, // we cancelled it ourselves (discard, shutdown)
    };
    Action action = Action::Retry;
    bool mayHaveReached = false; // the server may have performed it (dropped answer, timeout, 5xx)
    int minimumDelayMs = 0; // a 429's Retry-After
    QString message; // readable: the envelope's message when the server gave one

    static SendFailure from(const net::NetError &error);
};

} // namespace portal::client
