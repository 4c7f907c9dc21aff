#include "pack_loader.hpp"

#include "json_document.hpp"
#include "pack_readers.hpp"

#include <algorithm>

namespace haven {

using detail::PackContext;

const Language* Content::language(std::string_view code) const {
    for (const auto& l : manifest.languages)
        if (l.code == code) return &l;
    return nullptr;
}

template <class T>
static const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
    return it == items.end() ? nullptr : &*it;
}

const Topic* Content::topic(std::string_view id) const { return find_by_id(topics, id); }
const Category* Content::category(std::string_view id) const { return find_by_id(categories, id); }
const Service* Content::service(std::string_view id) const { return find_by_id(services, id); }
const Contact* Content::contact(std::string_view id) const { return find_by_id(contacts, id); }

std::vector<std::string_view> Content::lookup_chain(std::string_view code) const {
    std::vector<std::string_view> chain;
    auto add = [&](std::string_view c) {
        if (!c.empty() && std::find(chain.begin(), chain.end(), c) == chain.end()) chain.push_back(c);
    };
    add(code);
    if (const Language* l = language(code))
        for (const auto& f : l->fallback) add(f);
    add(manifest.default_language);
    return chain;
}

LoadResult load_pack(const std::filesystem::path& directory) {
    LoadResult result;
    auto content = std::make_shared<Content>();
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
        result.problems.push_back({Problem::Severity::Error, directory.string(), "",
                                   "is not a folder; give the folder that holds manifest.json."});
        return result;
    }

    // The manifest names the pack's languages, which every other file's texts are checked against.
    PackContext pack;
    {
        Diagnostics diag("manifest.json", result.problems);
        auto doc = read_json_file(directory / "manifest.json", diag);
        if (!doc) return result;
        FieldReader root(*doc, "", diag);
        if (!root.ok()) return result;
        content->manifest = detail::read_manifest(root);
        for (const auto& l : content->manifest.languages) pack.languages.codes.push_back(l.code);
        pack.languages.default_code = content->manifest.default_language;
        pack.timezone = content->manifest.timezone;
    }

    auto read_file = [&](const char* name, auto&& read) {
        Diagnostics diag(name, result.problems);
        auto doc = read_json_file(directory / name, diag);
        if (!doc) return;
        FieldReader root(*doc, "", diag);
        if (root.ok()) read(root);
    };
    read_file("topics.json", [&](FieldReader& root) { content->topics = detail::read_topics(root, pack); });
    read_file("services.json", [&](FieldReader& root) {
        detail::read_services(root, pack, content->categories, content->services);
    });
    read_file("contacts.json", [&](FieldReader& root) { content->contacts = detail::read_contacts(root, pack); });

    if (std::none_of(content->contacts.begin(), content->contacts.end(),
                     [](const Contact& c) { return c.kind == Contact::Kind::Emergency; }))
        result.problems.push_back({Problem::Severity::Warning, "contacts.json", "/contacts",
                                   "has no contact of kind \"emergency\"; the Emergency screen will show only the "
                                   "kiosk's own emergency number. Add 112 or the local emergency numbers."});

    if (!has_errors(result.problems)) result.content = std::move(content);
    return result;
}

}  // namespace haven
