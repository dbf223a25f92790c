// Tests of the wire types against the API document itself: every ```json example of client-portal-api.md
// must decode with its type and re-encode to the same JSON, so the document and the code cannot drift apart
// unnoticed. Then the strictness of decoding (field paths in the errors) and the timestamp and date formats.
#include "WireTypes.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <algorithm>
#include <functional>

using namespace portal::api;
using namespace Qt::StringLiterals;

namespace {

// ---- the document's examples ------------------------------------------------------------------------------

struct DocExample
{
    QString heading; // the nearest "### " or "#### " heading above the block
    QString section; // "Request Body", "Response", or empty when the heading has no such marker
    int line = 0; // of the opening fence, for messages
    QByteArray json;
};

QList<DocExample> jsonExamples(const QString &markdown)
{
    static const QRegularExpression headingLine(u"^#{3,4} (.+)$"_s);
    static const QRegularExpression sectionLine(u"^\\*\\*(.+):\\*\\*$"_s);

    QList<DocExample> examples;
    QString heading;
    QString section;
    std::optional<DocExample> open; // the json block being read
    bool inOtherBlock = false; // fences of other languages: their lines are not headings
    const QStringList lines = markdown.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.startsWith("```"_L1)) {
            if (open) {
                examples.append(*std::exchange(open, std::nullopt));
            } else if (inOtherBlock) {
                inOtherBlock = false;
            } else if (line == "```json"_L1) {
                open = DocExample { heading, section, int(i + 1), {} };
            } else {
                inOtherBlock = true;
            }
        } else if (open) {
            open->json += lines.at(i).toUtf8() + '\n';
        } else if (inOtherBlock) {
            continue;
        } else if (const auto match = headingLine.match(line); match.hasMatch()) {
            heading = match.captured(1);
            section.clear();
        } else if (const auto match = sectionLine.match(line); match.hasMatch()) {
            section = match.captured(1);
        }
    }
    return examples;
}

// The outcome of decoding one example with its type and encoding it again.
struct RoundTrip
{
    bool decoded = false;
    FieldErrors errors;
    QJsonValue encoded;
    bool stable = false; // decoding the encoded JSON gives an equal value
};

using RoundTripFunction = std::function<RoundTrip(const QJsonValue &)>;

template<typename T> RoundTrip roundTripObject(const QJsonValue &value)
{
    RoundTrip result;
    const auto decoded = T::fromJson(value.toObject(), &result.errors);
    if (!value.isObject() || !decoded)
        return result;
    result.decoded = true;
    result.encoded = decoded->toJson();
    result.stable = T::fromJson(result.encoded.toObject()) == decoded;
    return result;
}

template<typename T> RoundTrip roundTripList(const QJsonValue &value)
{
    RoundTrip result;
    const auto decoded = listFromJson<T>(value.toArray(), &result.errors);
    if (!value.isArray() || !decoded)
        return result;
    result.decoded = true;
    result.encoded = toJsonArray(*decoded);
    result.stable = listFromJson<T>(result.encoded.toArray()) == decoded;
    return result;
}

// Which type each example is, by its heading and section. Every block of the document must match one entry
// and every entry must match a block, so an added, renamed or removed example fails the test.
struct ExampleKind
{
    QString heading;
    QString section;
    RoundTripFunction roundTrip;
};

const QList<ExampleKind> &exampleKinds()
{
    const QString request = u"Request Body"_s;
    const QString response = u"Response"_s;
    static const QList<ExampleKind> kinds {
        { u"Obtaining a Token"_s, request, roundTripObject<TokenRequest> },
        { u"Obtaining a Token"_s, response, roundTripObject<TokenPair> },
        { u"Refreshing a Token"_s, request, roundTripObject<RefreshRequest> },
        { u"Get Client Profile"_s, response, roundTripObject<Profile> },
        { u"List Client Cases"_s, response, roundTripList<Case> },
        { u"Get Case Details"_s, response, roundTripObject<CaseDetail> },
        { u"List Message Threads"_s, response, roundTripList<Thread> },
        { u"Get Message Thread"_s, response, roundTripObject<ThreadDetail> },
        { u"Create Message"_s, request, roundTripObject<NewMessage> },
        { u"Create Message"_s, response, roundTripObject<Message> },
        { u"Create Message Thread"_s, request, roundTripObject<NewThread> },
        { u"Create Message Thread"_s, response, roundTripObject<ThreadDetail> },
        { u"List Documents"_s, response, roundTripList<Document> },
        { u"Get Document"_s, response, roundTripObject<DocumentDetail> },
        { u"List Tasks"_s, response, roundTripList<Task> },
        { u"List Notifications"_s, response, roundTripList<Notification> },
        { u"Mark Notification as Read"_s, response, roundTripObject<Notification> },
        { u"Webhook Payload Example"_s, QString(), roundTripObject<WebhookEvent> },
        { u"Error Response Format"_s, QString(), roundTripObject<ErrorEnvelope> },
    };
    return kinds;
}

const ExampleKind *kindOf(const DocExample &example)
{
    for (const ExampleKind &kind : exampleKinds()) {
        if (kind.heading == example.heading && kind.section == example.section)
            return &kind;
    }
    return nullptr;
}

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return u"(not an object or array)"_s;
}

// ---- decoding helpers -------------------------------------------------------------------------------------

// Errors as "field: message" lines, sorted by field (QMap order), so a failing comparison shows both sides.
QString describe(const FieldErrors &errors)
{
    QStringList lines;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        lines.append(it.key() + ": "_L1 + it.value().join(" | "_L1));
    return lines.join(u'\n');
}

QJsonValue parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("Bad JSON in the test itself: %s", qPrintable(error.errorString()));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QJsonObject object(const char *json)
{
    return parse(json).toObject();
}

QJsonObject with(QJsonObject base, const QString &key, const QJsonValue &value)
{
    base.insert(key, value);
    return base;
}

QJsonObject without(QJsonObject base, const QString &key)
{
    base.remove(key);
    return base;
}

// The errors of decoding `json` as T, or "(decoded)" when it decodes. Also checks that a decoder given no
// error map agrees on the outcome.
template<typename T> QString errorsOf(const QJsonObject &json)
{
    FieldErrors errors;
    const bool decoded = T::fromJson(json, &errors).has_value();
    if (decoded != T::fromJson(json).has_value())
        return u"(the outcome depends on whether errors are collected)"_s;
    if (decoded)
        return errors.isEmpty() ? u"(decoded)"_s : u"(decoded, yet reported errors)"_s;
    return describe(errors);
}

template<typename T> QString listErrorsOf(const QJsonValue &json)
{
    FieldErrors errors;
    const bool decoded = listFromJson<T>(json.toArray(), &errors).has_value();
    return decoded ? u"(decoded)"_s : describe(errors);
}

// Valid objects the negative tests spoil one key at a time.
QJsonObject validCase()
{
    return object(R"({"id": 1, "title": "Contract Dispute", "case_number": "CD-2023-001", "status": "OPEN",
                     "open_date": "2023-01-15", "description": "Contract dispute", "case_type": "CIVIL"})");
}

QJsonObject validThread()
{
    return object(R"({"id": 1, "subject": "Contract Review", "case": 1, "created_at": "2023-01-17T10:15:00Z",
                     "updated_at": "2023-01-18T14:20:00Z", "unread_count": 2})");
}

QJsonObject validMessage()
{
    return object(R"({"id": 3, "sender": {"id": 5, "name": "John Doe"}, "content": "Hello",
                     "created_at": "2023-01-20T11:30:00Z", "is_read": false})");
}

QJsonObject validDocument()
{
    return object(R"({"id": 1, "title": "Contract", "description": "Service agreement", "file_type": "PDF",
                     "file_size": 1250000, "uploaded_at": "2023-01-16T14:30:00Z",
                     "case": {"id": 1, "title": "Contract Dispute"}})");
}

QJsonObject validTask()
{
    return object(
        R"({"id": 1, "title": "Review Contract", "description": "Please review", "status": "PENDING",
            "due_date": "2023-01-30", "case": {"id": 1, "title": "Contract Dispute"}})");
}

QJsonObject validNotification()
{
    return object(R"({"id": 1, "notification_type": "MESSAGE", "title": "New message", "message": "Hi",
                     "created_at": "2023-01-18T14:20:00Z", "is_read": false,
                     "related_object_type": "MessageThread", "related_object_id": 1})");
}

QJsonObject validCaseDetail()
{
    QJsonObject detail = validCase();
    detail.insert("assigned_attorney"_L1,
                  object(R"({"id": 3, "name": "Jane Smith", "email": "j@example.com"})"));
    detail.insert("documents"_L1, parse(R"([{"id": 1, "title": "Contract", "file_type": "PDF",
                              "uploaded_at": "2023-01-16T14:30:00Z"}])"));
    detail.insert("tasks"_L1,
                  parse(R"([{"id": 1, "title": "Review", "status": "PENDING", "due_date": null}])"));
    return detail;
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), Qt::UTC);
}

} // namespace

class TestWireTypes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void documentExamplesRoundTrip_data();
    void documentExamplesRoundTrip();
    void everyExampleKindIsInTheDocument();

    void wrongTypesAreRejected_data();
    void wrongTypesAreRejected();
    void missingFieldsAreRejected_data();
    void missingFieldsAreRejected();
    void listErrorsNameTheElement();
    void malformedDatesAreRejected_data();
    void malformedDatesAreRejected();
    void nullableFieldsAcceptNull();
    void optionalFieldsMayBeAbsent();
    void errorEnvelopeDetails();
    void integersKeepTheirPrecision();

    void parseTimestamp_data();
    void parseTimestamp();
    void formatTimestamp_data();
    void formatTimestamp();
    void timestampsReencodeIdentically();
    void parseDate_data();
    void parseDate();

private:
    QList<DocExample> m_examples;
};

void TestWireTypes::initTestCase()
{
    const QString sharedDir = qEnvironmentVariable("PORTAL_SHARED_DIR");
    if (sharedDir.isEmpty())
        QFAIL("PORTAL_SHARED_DIR is not set: run the test through ctest, or set it to the shared folder "
              "holding api/client-portal-api.md.");
    const QString path = sharedDir + "/api/client-portal-api.md"_L1;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        QFAIL(qPrintable(u"Cannot read the API document %1: %2"_s.arg(path, file.errorString())));
    m_examples = jsonExamples(QString::fromUtf8(file.readAll()));
    QVERIFY2(!m_examples.isEmpty(), qPrintable(u"No ```json block found in "_s + path));
}

void TestWireTypes::documentExamplesRoundTrip_data()
{
    QTest::addColumn<int>("index");
    for (qsizetype i = 0; i < m_examples.size(); ++i) {
        const DocExample &example = m_examples.at(i);
        const QString name = u"line %1: %2 / %3"_s.arg(example.line).arg(example.heading, example.section);
        QTest::newRow(qPrintable(name)) << int(i);
    }
}

void TestWireTypes::documentExamplesRoundTrip()
{
    QFETCH(int, index);
    const DocExample &example = m_examples.at(index);

    const ExampleKind *kind = kindOf(example);
    QVERIFY2(
        kind,
        qPrintable(u"Unrecognised json example under \"%1\" (%2) at line %3: add its type to exampleKinds()"_s
                       .arg(example.heading, example.section.isEmpty() ? u"no section"_s : example.section)
                       .arg(example.line)));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(example.json, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonValue original
        = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());

    const RoundTrip result = kind->roundTrip(original);
    QVERIFY2(result.decoded, qPrintable(u"Does not decode:\n"_s + describe(result.errors)));
    QVERIFY2(result.encoded == original,
             qPrintable(u"Re-encoded JSON differs.\n  document: %1\n  encoded:  %2"_s.arg(
                 compact(original), compact(result.encoded))));
    QVERIFY2(result.stable, "Decoding the re-encoded JSON gives a different value");
}

void TestWireTypes::everyExampleKindIsInTheDocument()
{
    for (const ExampleKind &kind : exampleKinds()) {
        const bool found = std::any_of(m_examples.cbegin(), m_examples.cend(),
                                       [&](const DocExample &example) { return kindOf(example) == &kind; });
        QVERIFY2(found,
                 qPrintable(u"The document no longer has the example \"%1\" (%2)"_s.arg(kind.heading,
                                                                                        kind.section)));
    }
}

// ---- strictness
// ---------------------------------------------------------------------------------------------

void TestWireTypes::wrongTypesAreRejected_data()
{
    QTest::addColumn<QString>("errors");
    QTest::addColumn<QString>("expected");

    const QString integer = u"Expected an integer."_s;
    QTest::newRow("string id") << errorsOf<Thread>(with(validThread(), u"id"_s, u"1"_s)) << "id: " + integer;
    QTest::newRow("string is_read") << errorsOf<Message>(with(validMessage(), u"is_read"_s, u"yes"_s))
                                    << u"is_read: Expected a boolean."_s;
    QTest::newRow("fractional file_size")
        << errorsOf<Document>(with(validDocument(), u"file_size"_s, 1.5)) << "file_size: " + integer;
    QTest::newRow("huge id") << errorsOf<Case>(with(validCase(), u"id"_s, 1e300)) << "id: " + integer;
    QTest::newRow("case object in thread list item")
        << errorsOf<Thread>(with(validThread(), u"case"_s, parse(R"({"id": 1, "title": "x"})")))
        << "case: " + integer;
    QTest::newRow("case id in document")
        << errorsOf<Document>(with(validDocument(), u"case"_s, 1)) << u"case: Expected an object."_s;
    QTest::newRow("number title") << errorsOf<Case>(with(validCase(), u"title"_s, 5))
                                  << u"title: Expected a string."_s;
    QTest::newRow("unread_count beyond int") << errorsOf<Thread>(with(validThread(), u"unread_count"_s, 1e10))
                                             << u"unread_count: Expected a 32-bit integer."_s;
    QTest::newRow("string nested id")
        << errorsOf<Message>(with(validMessage(), u"sender"_s, parse(R"({"id": "5", "name": "John"})")))
        << "sender.id: " + integer;
    QTest::newRow("messages not a list")
        << errorsOf<ThreadDetail>(object(R"({"id": 1, "subject": "s", "case": {"id": 1, "title": "t"},
            "created_at": "2023-01-17T10:15:00Z", "updated_at": "2023-01-17T10:15:00Z", "messages": {}})"))
        << u"messages: Expected a list."_s;
    QTest::newRow("string related_object_id")
        << errorsOf<Notification>(with(validNotification(), u"related_object_id"_s, u"1"_s))
        << "related_object_id: " + integer;
    QTest::newRow("string case in new thread")
        << errorsOf<NewThread>(object(R"({"subject": "s", "case": "1", "message": "m"})"))
        << "case: " + integer;
    QTest::newRow("webhook data not an object") << errorsOf<WebhookEvent>(
        object(R"({"event": "case.updated", "timestamp": "2023-01-20T11:30:00Z", "data": []})"))
                                                << u"data: Expected an object."_s;
    QTest::newRow("every bad field is reported")
        << errorsOf<Case>(with(with(validCase(), u"id"_s, u"1"_s), u"open_date"_s, u"soon"_s))
        << "id: " + integer + "\nopen_date: Expected a date (YYYY-MM-DD)."_L1;
}

void TestWireTypes::wrongTypesAreRejected()
{
    QFETCH(QString, errors);
    QFETCH(QString, expected);
    QCOMPARE(errors, expected);
}

void TestWireTypes::missingFieldsAreRejected_data()
{
    QTest::addColumn<QString>("errors");
    QTest::addColumn<QString>("expected");

    const QString required = u"This field is required."_s;
    QTest::newRow("case title") << errorsOf<Case>(without(validCase(), u"title"_s)) << "title: " + required;
    QTest::newRow("null case title") << errorsOf<Case>(with(validCase(), u"title"_s, QJsonValue::Null))
                                     << u"title: This field may not be null."_s;
    QTest::newRow("nested case title")
        << errorsOf<Document>(with(validDocument(), u"case"_s, object(R"({"id": 1})")))
        << "case.title: " + required;
    QTest::newRow("nullable key absent")
        << errorsOf<CaseDetail>(without(validCaseDetail(), u"assigned_attorney"_s))
        << "assigned_attorney: " + required;
    QTest::newRow("flattened summary key")
        << errorsOf<CaseDetail>(without(validCaseDetail(), u"case_number"_s)) << "case_number: " + required;
    QTest::newRow("empty token request")
        << errorsOf<TokenRequest>({}) << "password: " + required + "\nusername: "_L1 + required;
    QTest::newRow("empty refresh request") << errorsOf<RefreshRequest>({}) << "refresh: " + required;
    QTest::newRow("empty new message") << errorsOf<NewMessage>({}) << "content: " + required;
    QTest::newRow("new thread subject")
        << errorsOf<NewThread>(object(R"({"case": 1, "message": "m"})")) << "subject: " + required;
    QTest::newRow("token pair access")
        << errorsOf<TokenPair>(object(R"({"refresh": "r"})")) << "access: " + required;
    QTest::newRow("webhook data") << errorsOf<WebhookEvent>(
        object(R"({"event": "e", "timestamp": "2023-01-20T11:30:00Z"})"))
                                  << "data: " + required;
    QTest::newRow("error envelope") << errorsOf<ErrorEnvelope>({}) << "error: " + required;
    QTest::newRow("error message") << errorsOf<ErrorEnvelope>(
        object(R"({"error": {"code": "invalid_request"}})"))
                                   << "error.message: " + required;
}

void TestWireTypes::missingFieldsAreRejected()
{
    QFETCH(QString, errors);
    QFETCH(QString, expected);
    QCOMPARE(errors, expected);
}

void TestWireTypes::listErrorsNameTheElement()
{
    const QJsonObject badTask = with(validTask(), u"title"_s, 5);
    QCOMPARE(listErrorsOf<Task>(QJsonArray { validTask(), badTask }), u"[1].title: Expected a string."_s);
    QCOMPARE(listErrorsOf<Task>(QJsonArray { validTask(), 3 }), u"[1]: Expected an object."_s);
    QCOMPARE(listErrorsOf<Thread>(QJsonArray {
                 validThread(), with(validThread(), u"case"_s, object(R"({"id": 1, "title": "x"})")) }),
             u"[1].case: Expected an integer."_s);
    QCOMPARE(listErrorsOf<Document>(QJsonArray { with(validDocument(), u"case"_s, parse(R"({"id": 1})")) }),
             u"[0].case.title: This field is required."_s);
    QCOMPARE(listErrorsOf<Task>(QJsonArray {}), u"(decoded)"_s);

    // Lists inside objects carry the key in front of the index.
    QJsonObject detail = validCaseDetail();
    detail["documents"_L1]
        = parse(R"([{"id": 1, "title": "Contract", "file_type": "PDF", "uploaded_at": "x"}])");
    QCOMPARE(errorsOf<CaseDetail>(detail), u"documents[0].uploaded_at: Expected a date-time (ISO 8601)."_s);

    QJsonObject thread = object(R"({"id": 1, "subject": "s", "case": {"id": 1, "title": "t"},
        "created_at": "2023-01-17T10:15:00Z", "updated_at": "2023-01-17T10:15:00Z"})");
    thread["messages"_L1]
        = QJsonArray { validMessage(), with(validMessage(), u"sender"_s, object(R"({"id": "5"})")) };
    QCOMPARE(
        errorsOf<ThreadDetail>(thread),
        u"messages[1].sender.id: Expected an integer.\nmessages[1].sender.name: This field is required."_s);
}

void TestWireTypes::malformedDatesAreRejected_data()
{
    QTest::addColumn<QString>("errors");
    QTest::addColumn<QString>("expected");

    const QString date = u"open_date: Expected a date (YYYY-MM-DD)."_s;
    for (const char *text :
         { "2023-1-15", "2023-02-30", "15/01/2023", "2023-01-15T00:00:00Z", "", "２０２３-01-15" })
        QTest::addRow("open_date \"%s\"", text)
            << errorsOf<Case>(with(validCase(), u"open_date"_s, text)) << date;
    QTest::newRow("numeric due_date") << errorsOf<Task>(with(validTask(), u"due_date"_s, 20230130))
                                      << u"due_date: Expected a date (YYYY-MM-DD)."_s;

    const QString timestamp = u"created_at: Expected a date-time (ISO 8601)."_s;
    for (const char *text :
         { "2023-01-17 10:15", "2023-01-17T10:15:00", "yesterday", "2023-01-17T24:00:00Z" })
        QTest::addRow("created_at \"%s\"", text)
            << errorsOf<Thread>(with(validThread(), u"created_at"_s, text)) << timestamp;
}

void TestWireTypes::malformedDatesAreRejected()
{
    QFETCH(QString, errors);
    QFETCH(QString, expected);
    QCOMPARE(errors, expected);
}

void TestWireTypes::nullableFieldsAcceptNull()
{
    const auto task = Task::fromJson(with(validTask(), u"due_date"_s, QJsonValue::Null));
    QVERIFY(task);
    QVERIFY(!task->dueDate.isValid());
    QCOMPARE(task->toJson().value("due_date"_L1), QJsonValue(QJsonValue::Null));

    const auto detail
        = CaseDetail::fromJson(with(validCaseDetail(), u"assigned_attorney"_s, QJsonValue::Null));
    QVERIFY(detail);
    QVERIFY(!detail->assignedAttorney);
    QCOMPARE(detail->tasks.value(0).dueDate, QDate());
    QCOMPARE(detail->toJson(), with(validCaseDetail(), u"assigned_attorney"_s, QJsonValue::Null));

    const QJsonObject unrelated = with(with(validNotification(), u"related_object_type"_s, QJsonValue::Null),
                                       u"related_object_id"_s, QJsonValue::Null);
    const auto notification = Notification::fromJson(unrelated);
    QVERIFY(notification);
    QVERIFY(notification->relatedObjectType.isEmpty());
    QVERIFY(!notification->relatedObjectId);
    QCOMPARE(notification->toJson(), unrelated);
}

void TestWireTypes::optionalFieldsMayBeAbsent()
{
    const auto item = Case::fromJson(without(validCase(), u"description"_s));
    QVERIFY(item);
    QVERIFY(item->description.isEmpty());
    QCOMPARE(item->toJson().value("description"_L1), QJsonValue(QString()));

    const auto pair = TokenPair::fromJson(object(R"({"access": "a"})"));
    QVERIFY(pair);
    QVERIFY(pair->refresh.isEmpty());
    QCOMPARE(pair->toJson(), object(R"({"access": "a"})"));
    QCOMPARE((TokenPair { u"a"_s, u"r"_s }.toJson()), object(R"({"access": "a", "refresh": "r"})"));
}

void TestWireTypes::errorEnvelopeDetails()
{
    const QJsonObject bare = object(R"({"error": {"code": "not_found", "message": "Not found."}})");
    const auto envelope = ErrorEnvelope::fromJson(bare);
    QVERIFY(envelope);
    QVERIFY(envelope->details.isEmpty());
    QCOMPARE(envelope->toJson(), bare);

    // A lone string is read as a list of one.
    const auto lenient = ErrorEnvelope::fromJson(
        object(R"({"error": {"code": "c", "message": "m", "details": {"content": "Too long."}}})"));
    QVERIFY(lenient);
    QCOMPARE(lenient->details, (FieldErrors { { u"content"_s, { u"Too long."_s } } }));

    QCOMPARE(errorsOf<ErrorEnvelope>(
                 object(R"({"error": {"code": "c", "message": "m", "details": {"content": [1]}}})")),
             u"error.details.content: Expected a list of strings."_s);
}

void TestWireTypes::integersKeepTheirPrecision()
{
    // 2^53 + 1 is not a double; Qt keeps integer literals as qint64 and so must the wire types.
    const QJsonObject big = with(validCase(), u"id"_s, parse(R"([9007199254740993])").toArray().at(0));
    const auto item = Case::fromJson(big);
    QVERIFY(item);
    QCOMPARE(item->id, Q_INT64_C(9007199254740993));
    QCOMPARE(item->toJson(), big);

    // A whole number written as a double is still an integer.
    const auto whole = Case::fromJson(with(validCase(), u"id"_s, 7.0));
    QVERIFY(whole);
    QCOMPARE(whole->id, 7);
}

// ---- timestamps and dates
// -------------------------------------------------------------------------------------

void TestWireTypes::parseTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: rejected

    QTest::newRow("Z") << u"2023-01-17T10:15:00Z"_s << utc(2023, 1, 17, 10, 15, 0);
    QTest::newRow("microseconds truncate")
        << u"2023-01-20T11:30:00.123456Z"_s << utc(2023, 1, 20, 11, 30, 0, 123);
    QTest::newRow("999999 us stays in the second")
        << u"2023-01-20T11:30:00.999999Z"_s << utc(2023, 1, 20, 11, 30, 0, 999);
    QTest::newRow("one fraction digit") << u"2023-01-20T11:30:00.5Z"_s << utc(2023, 1, 20, 11, 30, 0, 500);
    QTest::newRow("zero fraction") << u"2023-01-20T11:30:00.000Z"_s << utc(2023, 1, 20, 11, 30, 0);
    QTest::newRow("positive offset") << u"2023-01-20T13:30:00+02:00"_s << utc(2023, 1, 20, 11, 30, 0);
    QTest::newRow("negative offset, fraction")
        << u"2023-01-20T06:00:00.25-05:30"_s << utc(2023, 1, 20, 11, 30, 0, 250);
    QTest::newRow("offset across midnight") << u"2023-01-01T01:00:00+02:00"_s << utc(2022, 12, 31, 23, 0, 0);
    QTest::newRow("offset without colon") << u"2023-01-20T13:30:00+0200"_s << utc(2023, 1, 20, 11, 30, 0);
    QTest::newRow("zero offset") << u"2023-01-20T11:30:00+00:00"_s << utc(2023, 1, 20, 11, 30, 0);

    for (const char *garbage :
         { "", "garbage", "2023-01-20", "2023-01-20T11:30:00", "2023-01-20 11:30:00Z", "2023-01-20T11:30Z",
           "2023-01-20T11:30:00.Z", "2023-01-20T11:30:00Zjunk", " 2023-01-20T11:30:00Z",
           "2023-01-20T11:30:00Z\n", "2023-01-20T25:00:00Z", "2023-02-30T10:00:00Z", "2023-01-20T11:60:00Z",
           "2023-01-20T11:30:00+2:00", "2023-01-20T11:30:00+24:00", "2023-01-20T11:30:00+02:60",
           "2023-1-20T11:30:00Z" })
        QTest::addRow("reject \"%s\"", garbage) << QString::fromUtf8(garbage) << QDateTime();
}

void TestWireTypes::parseTimestamp()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const std::optional<QDateTime> parsed = portal::api::parseTimestamp(text);
    if (!expected.isValid()) {
        QVERIFY2(!parsed, qPrintable(u"accepted as "_s + parsed->toString(Qt::ISODateWithMs)));
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(*parsed, expected);
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
}

void TestWireTypes::formatTimestamp_data()
{
    QTest::addColumn<QDateTime>("timestamp");
    QTest::addColumn<QString>("expected");

    QTest::newRow("whole seconds") << utc(2023, 1, 17, 10, 15, 0) << u"2023-01-17T10:15:00Z"_s;
    QTest::newRow("milliseconds") << utc(2023, 1, 20, 11, 30, 0, 123) << u"2023-01-20T11:30:00.123Z"_s;
    QTest::newRow("small milliseconds") << utc(2023, 1, 20, 11, 30, 0, 5) << u"2023-01-20T11:30:00.005Z"_s;
    QTest::newRow("offset converted to UTC")
        << QDateTime(QDate(2023, 1, 20), QTime(13, 30), Qt::OffsetFromUTC, 2 * 3600)
        << u"2023-01-20T11:30:00Z"_s;
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestWireTypes::formatTimestamp()
{
    QFETCH(QDateTime, timestamp);
    QFETCH(QString, expected);
    QCOMPARE(portal::api::formatTimestamp(timestamp), expected);
}

void TestWireTypes::timestampsReencodeIdentically()
{
    for (const QString &text : { u"2023-01-17T10:15:00Z"_s, u"2023-01-20T11:30:00.123Z"_s }) {
        const auto parsed = portal::api::parseTimestamp(text);
        QVERIFY(parsed);
        QCOMPARE(portal::api::formatTimestamp(*parsed), text);
    }
    QCOMPARE(portal::api::formatTimestamp(*portal::api::parseTimestamp(u"2023-01-20T11:30:00.123456Z"_s)),
             u"2023-01-20T11:30:00.123Z"_s);
    QCOMPARE(portal::api::formatTimestamp(*portal::api::parseTimestamp(u"2023-01-20T11:30:00.000Z"_s)),
             u"2023-01-20T11:30:00Z"_s);
}

void TestWireTypes::parseDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected"); // invalid: rejected

    QTest::newRow("date") << u"2023-01-30"_s << QDate(2023, 1, 30);
    QTest::newRow("leap day") << u"2024-02-29"_s << QDate(2024, 2, 29);
    for (const char *garbage : { "", "2023-1-30", "2023-02-30", "2023-02-29", "20230130", "30/01/2023",
                                 "2023-01-30T00:00:00Z", "2023-01-30 ", "2023-01-30\n", "+2023-01-30" })
        QTest::addRow("reject \"%s\"", garbage) << QString::fromUtf8(garbage) << QDate();
}

void TestWireTypes::parseDate()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);

    const std::optional<QDate> parsed = portal::api::parseDate(text);
    if (!expected.isValid()) {
        QVERIFY2(!parsed, qPrintable(u"accepted as "_s + parsed->toString(Qt::ISODate)));
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(*parsed, expected);
    QCOMPARE(portal::api::formatDate(*parsed), text);
    QCOMPARE(portal::api::formatDate(QDate()), QString());
}

QTEST_GUILESS_MAIN(TestWireTypes)
#include "tst_wiretypes.moc"
