// The Range request header (RFC 9110, section 14) for a resource of known size, so that interrupted document
// downloads can resume. One range is served; a request for several ranges gets the whole resource (see
// parseByteRange()), which RFC 9110 allows and which spares us multipart/byteranges bodies.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace portal::http {

struct ByteRange
{
    enum class Kind {
        Whole, // no usable Range header: answer 200 with the whole resource
        Partial, // answer 206 with [offset, offset + length) and contentRange()
        Unsatisfiable, // answer 416 with unsatisfiedContentRange()
    };

    Kind kind = Kind::Whole;
    qint64 offset = 0;
    qint64 length = 0; // for Whole: the resource size; for Unsatisfiable: 0

    // The Content-Range value of a 206 answer, e.g. "bytes 0-499/1234".
    QByteArray contentRange(qint64 resourceSize) const;
    // The Content-Range value of a 416 answer: "bytes */1234".
    static QByteArray unsatisfiedContentRange(qint64 resourceSize);

    bool operator==(const ByteRange &) const = default;
};

// Interprets `header` (the Range value, possibly empty) for a resource of `resourceSize` bytes:
//   "bytes=a-b"  bytes a..b inclusive, b clamped to the end of the resource;
//   "bytes=a-"   from a to the end;
//   "bytes=-n"   the last n bytes (the whole resource when n exceeds it).
// A first position at or past the end, or a zero-length suffix, is Unsatisfiable. A missing header, another
// unit, a malformed value and several ranges ("bytes=0-1,5-6") all give Whole: RFC 9110 lets a server ignore
// Range, and ignoring it is always correct, while a 416 for a header we merely chose not to honour is not.
ByteRange parseByteRange(QByteArrayView header, qint64 resourceSize);

} // namespace portal::http
