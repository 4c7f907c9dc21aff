#include "pack_loader.hpp"

#include "json_document.hpp"
#include "pack_readers.hpp"
#include "safe_file.hpp"

#include <algorithm>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

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

bool is_ui_catalogue_path(std::string_view path) {
    if (!path.starts_with("ui/") || !path.ends_with(".po")) return false;
    const auto code = path.substr(3, path.size() - 6);
    return !code.empty() && code.find('/') == std::string_view::npos;
}

bool is_document_path(std::string_view path) {
    return std::find(document_names.begin(), document_names.end(), path) != document_names.end() || is_ui_catalogue_path(path);
}

std::uintmax_t document_limit(std::string_view path) { return is_ui_catalogue_path(path) ? 1u << 20 : JsonLimits{}.max_bytes; }

PackDocuments read_documents(const std::filesystem::path& directory, std::vector<Problem>& problems) {
    PackDocuments docs;
    std::string error;
    auto folder = Folder::open(directory, error);
    if (!folder) {
        problems.push_back({Problem::Severity::Error, directory.string(), "", error + "; give the folder that holds manifest.json."});
        return docs;
    }
    auto read = [&](const char* name, std::uint64_t limit, std::string& into) {
        if (auto bytes = read_regular_beneath(folder->fd(), name, limit, error)) into = std::move(*bytes);
        else docs.unreadable[name] = error;
    };
    read("manifest.json", max_manifest_bytes, docs.manifest);
    for (const char* name : document_names) read(name, JsonLimits{}.max_bytes, docs.files[name]);
    // Interface catalogues: a bounded look into ui/, never through a link.
    if (auto ui = lstat_at(folder->fd(), ui_folder); ui && S_ISDIR(ui->mode)) {
        if (auto ui_dir = Folder::open(directory / ui_folder, error)) {
            DIR* dir = ::fdopendir(::dup(ui_dir->fd()));
            size_t seen = 0;
            while (dir && seen++ < 128) {  // a pack has one catalogue per language
                const dirent* e = ::readdir(dir);
                if (!e) break;
                const std::string path = std::string(ui_folder) + "/" + e->d_name;
                if (is_ui_catalogue_path(path)) read(path.c_str(), document_limit(path), docs.files[path]);
            }
            if (dir) ::closedir(dir);
        }
    }
    for (const auto& [name, why] : docs.unreadable) docs.files.erase(name);
    return docs;
}

std::optional<Manifest> parse_manifest(std::string_view bytes, std::vector<Problem>& problems) {
    Diagnostics diag("manifest.json", problems);
    auto doc = parse_json_text(bytes, diag, JsonLimits{max_manifest_bytes, 32});
    if (!doc) return std::nullopt;
    FieldReader root(*doc, "", diag);
    if (!root.ok()) return std::nullopt;
    const size_t errors = diag.error_count();
    Manifest m = detail::read_manifest(root);
    if (diag.error_count() != errors) return std::nullopt;
    return m;
}

LoadResult load_pack(const PackDocuments& documents) {
    LoadResult result;
    auto content = std::make_shared<Content>();
    // Each document, from the bytes given: a problem reading it is reported as the editor's problem.
    auto parse = [&](const char* name, std::string_view bytes, std::uintmax_t limit, auto&& read) {
        Diagnostics diag(name, result.problems);
        if (auto why = documents.unreadable.find(name); why != documents.unreadable.end())
            return report_unreadable(diag, why->second, name), false;
        auto doc = parse_json_text(bytes, diag, JsonLimits{limit, 32});
        if (!doc) return false;
        FieldReader root(*doc, "", diag);
        if (!root.ok()) return false;
        read(root);
        return true;
    };
    auto document = [&](const char* name, auto&& read) {
        auto bytes = documents.files.find(name);
        if (bytes == documents.files.end() && !documents.unreadable.count(name)) {
            result.problems.push_back({Problem::Severity::Error, name, "", "the file is missing; every pack has " + std::string(name) + "."});
            return;
        }
        parse(name, bytes == documents.files.end() ? std::string_view() : std::string_view(bytes->second), JsonLimits{}.max_bytes, read);
    };

    // The manifest names the pack's languages, which every other file's texts are checked against.
    PackContext pack;
    if (!parse("manifest.json", documents.manifest, max_manifest_bytes,
               [&](FieldReader& root) { content->manifest = detail::read_manifest(root); }))
        return result;
    for (const auto& l : content->manifest.languages) pack.languages.codes.push_back(l.code);
    pack.languages.default_code = content->manifest.default_language;
    pack.timezone = content->manifest.timezone;

    document("topics.json", [&](FieldReader& root) { content->topics = detail::read_topics(root, pack); });
    document("services.json", [&](FieldReader& root) { detail::read_services(root, pack, content->categories, content->services); });
    document("contacts.json", [&](FieldReader& root) { content->contacts = detail::read_contacts(root, pack); });

    // Interface catalogues, each for a language the pack declares.
    for (const auto& [path, bytes] : documents.files) {
        if (!is_ui_catalogue_path(path)) continue;
        Diagnostics diag(path, result.problems);
        const std::string code = path.substr(3, path.size() - 6);
        if (!content->language(code)) {
            diag.error("", "is a catalogue for \"" + code + "\", which is not one of the pack's languages; add it to \"languages\" "
                                                          "in manifest.json or remove the file.");
            continue;
        }
        if (auto catalogue = parse_po(bytes, diag)) {
            if (!catalogue->language.empty() && catalogue->language != code)
                diag.warning("", "its header says Language: " + catalogue->language + ", but the file is for \"" + code + "\".");
            content->ui_catalogues[code] = std::move(*catalogue);
        }
    }
    for (const auto& [path, why] : documents.unreadable)
        if (is_ui_catalogue_path(path)) {
            Diagnostics diag(path, result.problems);
            report_unreadable(diag, why, path);
        }

    if (std::none_of(content->contacts.begin(), content->contacts.end(),
                     [](const Contact& c) { return c.kind == Contact::Kind::Emergency; }))
        result.problems.push_back({Problem::Severity::Warning, "contacts.json", "/contacts",
                                   "has no contact of kind \"emergency\"; the Emergency screen will show only the "
                                   "kiosk's own emergency number. Add 112 or the local emergency numbers."});

    if (!has_errors(result.problems)) result.content = std::move(content);
    return result;
}

LoadResult load_pack(const std::filesystem::path& directory) {
    std::vector<Problem> problems;
    PackDocuments docs = read_documents(directory, problems);
    if (!problems.empty()) return {nullptr, problems};
    return load_pack(docs);
}

}  // namespace haven
