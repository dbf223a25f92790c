#include "SentAnswer.h"

namespace portal::client {

namespace {

template<typename... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

std::optional<qint64> createdId(const SentAnswer &answer)
{
    if (const auto *message = std::get_if<api::Message>(&answer))
        return message->id;
    if (const auto *thread = std::get_if<api::ThreadDetail>(&answer))
        return thread->id;
    if (const auto *detail = std::get_if<api::DocumentDetail>(&answer))
        return detail->document.id;
    if (const auto *document = std::get_if<api::Document>(&answer))
        return document->id;
    return std::nullopt;
}

CacheResult<Done> recordSent(ClientCache &cache, const OutboxItem &item, const SentAnswer &answer)
{
    // A posted message moves its thread's updated_at (the server's rule); the thread row is read first
    // because the writer takes whole list items.
    std::optional<api::Thread> thread;
    if (item.kind == OutboxKind::NewMessage && std::holds_alternative<api::Message>(answer)) {
        auto known = cache.thread(item.targetId);
        if (known && known->has_value())
            thread = **known;
    }
    return cache.apply([&](CacheWriter &writer) {
        std::visit(
            Overloaded {
                [&](const std::monostate &) {},
                [&](const api::Message &message) {
                    writer.upsertMessages(item.targetId, { message });
                    if (thread && message.createdAt > thread->updatedAt) {
                        thread->updatedAt = message.createdAt;
                        writer.upsertThreads({ *thread }, ReadState::KeepLocal);
                    }
                },
                [&](const api::ThreadDetail &detail) {
                    writer.upsertThreadDetail(detail);
                    if (item.kind == OutboxKind::MarkThreadRead)
                        writer.markThreadRead(item.targetId);
                },
                [&](const api::DocumentDetail &detail) { writer.upsertDocument(detail); },
                [&](const api::Document &document) { writer.upsertDocuments({ document }); },
                [&](const api::Thread &listItem) {
                    writer.upsertThreads({ listItem });
                    if (item.kind == OutboxKind::MarkThreadRead)
                        writer.markThreadRead(listItem.id);
                },
                [&](const api::Notification &notification) { writer.upsertNotifications({ notification }); },
            },
            answer);
        writer.removeOutboxItem(item.id);
    });
}

} // namespace portal::client
