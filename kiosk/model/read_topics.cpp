#include "pack_readers.hpp"
#include "json_document.hpp"

namespace haven::detail {
namespace {

using json = nlohmann::json;

// A body is {"en": [block, ...], ...}; a block holds exactly one of heading, paragraph or list.
Localized<Article> read_body(FieldReader& topic, const PackContext& pack) {
    Localized<Article> body;
    Diagnostics& diag = topic.diagnostics();
    const json* v = topic.value("body", json::value_t::object, Need::Required);
    if (!v) return body;
    const auto here = topic.pointer_of("body");
    check_language_keys(*v, here, pack.languages, diag);
    for (const auto& [code, blocks] : v->items()) {
        const auto lang_at = here + "/" + pointer_token(code);
        if (!blocks.is_array() || blocks.empty()) {
            diag.error(lang_at, "expected a list of blocks such as [{\"paragraph\": \"...\"}], found " + json_type_name(blocks) + ".");
            continue;
        }
        Article article;
        for (size_t i = 0; i < blocks.size(); ++i) {
            FieldReader block(blocks[i], lang_at + "/" + std::to_string(i), diag);
            if (!block.ok()) continue;
            const int kinds = int(block.has("heading")) + int(block.has("paragraph")) + int(block.has("list"));
            if (kinds != 1) {
                diag.error(block.pointer(), "a block holds exactly one of \"heading\", \"paragraph\" or \"list\".");
                block.value("heading", json::value_t::string, Need::Optional);  // mark as read: reported once, above
                block.value("paragraph", json::value_t::string, Need::Optional);
                block.value("list", json::value_t::array, Need::Optional);
                continue;
            }
            Block b;
            if (block.has("heading")) {
                b.kind = Block::Kind::Heading;
                b.text = block.string("heading");
            } else if (block.has("paragraph")) {
                b.kind = Block::Kind::Paragraph;
                b.text = block.string("paragraph");
                check_inline_markup(b.text, block.pointer_of("paragraph"), diag);
            } else {
                b.kind = Block::Kind::List;
                b.items = block.strings("list");
                for (size_t k = 0; k < b.items.size(); ++k)
                    check_inline_markup(b.items[k], block.pointer_of("list") + "/" + std::to_string(k), diag);
            }
            article.push_back(std::move(b));
        }
        body.by_language.emplace(code, std::move(article));
    }
    return body;
}

}  // namespace

std::vector<Topic> read_topics(FieldReader& root, const PackContext& pack) {
    std::vector<Topic> topics;
    std::vector<std::string> ids;
    root.objects("topics", Need::Required, [&](FieldReader& t, size_t) {
        Topic topic;
        topic.id = t.id();
        topic.icon = t.string("icon");
        topic.reviewed = t.date("reviewed");
        topic.title = t.text("title", pack.languages);
        topic.summary = t.text("summary", pack.languages);
        topic.body = read_body(t, pack);
        topic.sources = t.strings("sources", Need::Optional);
        if (const json* audio = t.value("audio", json::value_t::object, Need::Optional)) {
            for (const auto& [code, path] : audio->items()) {
                if (path.is_string()) topic.audio.emplace(code, path.get<std::string>());
                else t.diagnostics().error(t.pointer_of("audio") + "/" + pointer_token(code), "expected a media path as a string.");
            }
        }
        ids.push_back(topic.id);
        topics.push_back(std::move(topic));
    });
    check_unique_ids(ids, root.pointer_of("topics"), root.diagnostics());
    if (root.has("topics") && topics.empty())
        root.diagnostics().warning(root.pointer_of("topics"), "lists no topic; visitors will find no rights information.");
    return topics;
}

}  // namespace haven::detail
