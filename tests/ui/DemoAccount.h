// Fills a client cache with one client's view of resources/demo/portal-demo.json, converted to the API's
// wire types and written through ClientCache::apply() as the sync engine would. Used by the UI tests and by
// the screenshot program, so both show what a real account shows.
#pragma once

#include "ClientCache.h"

#include <QString>

namespace portal::ui::demo {

// The demo fixture's path: PORTAL_SOURCE_DIR/resources/demo/portal-demo.json, else beside the sources.
QString fixturePath();

// Writes `username`'s profile, cases (with attorneys), threads (unread counts), messages (read state),
// documents (sizes of the demo files), tasks and notifications. Empty on success, else what went wrong.
QString load(client::ClientCache &cache, const QString &username = QStringLiteral("client_username"));

} // namespace portal::ui::demo
