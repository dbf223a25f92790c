// A document's file type and content type from its file name, for uploads and fixtures that do not say.
#pragma once

#include <QString>

namespace portal::store {

// "PDF" for "contract.pdf", "DOCX" for "notes.docx"; "FILE" when the name has no extension.
QString fileTypeFromName(const QString &fileName);

// The MIME type the name's extension stands for; "application/octet-stream" when unknown.
QString contentTypeFromName(const QString &fileName);

} // namespace portal::store
