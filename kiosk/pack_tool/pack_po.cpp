#include "pack_po.hpp"

#include "file_replace.hpp"
#include "json_document.hpp"
#include "pack_loader.hpp"
#include "po_catalogue.hpp"
#include "safe_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace haven {
namespace fs = std::filesystem;

namespace {

using ojson = nlohmann::ordered_json;

// Where one translatable text lives: a localized object (language -> text, or language -> blocks), and
// for an article the block and, in a list, the item.
struct Slot {
    std::string context;  // "services.json service \"womens-shelter\" /description"
    std::string comment;  // what the text is, for the translator
    std::string source;   // the text in the pack's source language
    ojson* localized = nullptr;
    int block = -1;       // in an article
    std::string kind;     // "heading", "paragraph" or "list"
    int item = -1;        // in a list
};

struct PackText {
    std::string id, source_language;
    std::vector<std::string> codes;
    std::map<std::string, ojson> docs;  // file -> its JSON, order kept
};

const char* item_kind(const std::string& array) {
    if (array == "topics") return "topic";
    if (array == "services") return "service";
    if (array == "categories") return "category";
    if (array == "contacts") return "contact";
    return "item";
}

// A few words on what a field is, and its length where a screen limits it.
std::string describe(const std::string& field, const std::string& kind) {
    if (kind == "heading") return "A heading inside an article.";
    if (kind == "paragraph") return "A paragraph of an article. Keep *emphasis* marks and <tel:...> numbers as they are.";
    if (kind == "list") return "One point of a list in an article. Keep *emphasis* marks and <tel:...> numbers as they are.";
    if (field == "title") return "A topic's title: a heading, and a row in the list of rights (about 40 characters at most).";
    if (field == "summary") return "One line under the title in lists (about 80 characters at most).";
    if (field == "name") return "A name shown as a heading and in lists (about 40 characters at most).";
    if (field == "description") return "A few sentences saying what this is and who it helps.";
    if (field == "safety_note") return "A hotline's safety note, read before calling: say it plainly.";
    if (field == "notes") return "Who may come, and what to know before going.";
    return "A text visitors read (" + field + ").";
}

bool is_localized(const ojson& node, const std::vector<std::string>& codes) {
    if (!node.is_object() || node.empty()) return false;
    bool strings = true, arrays = true;
    for (const auto& [key, value] : node.items()) {
        if (std::find(codes.begin(), codes.end(), key) == codes.end()) return false;
        strings = strings && value.is_string();
        arrays = arrays && value.is_array();
    }
    return strings || arrays;
}

void collect(ojson& node, const std::string& where, const std::string& pointer, const std::string& field, const PackText& pack,
             std::vector<Slot>& out) {
    if (node.is_object() && is_localized(node, pack.codes)) {
        if (!node.contains(pack.source_language)) return;
        const ojson& source = node[pack.source_language];
        if (source.is_string()) {
            out.push_back({where + " " + pointer, describe(field, ""), source.get<std::string>(), &node, -1, "", -1});
            return;
        }
        for (size_t i = 0; i < source.size(); ++i) {
            const ojson& block = source[i];
            if (!block.is_object()) continue;
            for (const char* kind : {"heading", "paragraph"})
                if (block.contains(kind) && block[kind].is_string())
                    out.push_back({where + " " + pointer + "/" + std::to_string(i), describe(field, kind), block[kind].get<std::string>(),
                                   &node, int(i), kind});
            if (block.contains("list") && block["list"].is_array())
                for (size_t k = 0; k < block["list"].size(); ++k)
                    if (block["list"][k].is_string())
                        out.push_back({where + " " + pointer + "/" + std::to_string(i) + "/" + std::to_string(k), describe(field, "list"),
                                       block["list"][k].get<std::string>(), &node, int(i), "list", int(k)});
        }
        return;
    }
    if (node.is_object())
        for (auto& [key, value] : node.items()) collect(value, where, pointer + "/" + pointer_token(key), key, pack, out);
    else if (node.is_array())
        for (size_t i = 0; i < node.size(); ++i) collect(node[i], where, pointer + "/" + std::to_string(i), field, pack, out);
}

std::optional<PackText> read_pack_text(const fs::path& pack, std::string& error) {
    std::vector<Problem> problems;
    PackDocuments docs = read_documents(pack, problems);
    auto manifest = parse_manifest(docs.manifest, problems);
    if (!manifest) {
        error = "manifest.json cannot be read; run kiosk-pack validate first";
        return std::nullopt;
    }
    PackText text;
    text.id = manifest->id + " " + std::to_string(manifest->version);
    text.source_language = manifest->default_language;
    for (const auto& l : manifest->languages) text.codes.push_back(l.code);
    for (const char* name : document_names) {
        auto bytes = docs.files.find(name);
        if (bytes == docs.files.end()) {
            error = std::string(name) + " cannot be read; run kiosk-pack validate first";
            return std::nullopt;
        }
        auto doc = ojson::parse(bytes->second, nullptr, false);
        if (doc.is_discarded()) {
            error = std::string(name) + " is not valid JSON; run kiosk-pack validate first";
            return std::nullopt;
        }
        text.docs[name] = std::move(doc);
    }
    return text;
}

std::vector<Slot> slots_of(PackText& text) {
    std::vector<Slot> out;
    for (auto& [file, doc] : text.docs) {
        if (!doc.is_object()) continue;
        for (auto& [array, items] : doc.items()) {
            if (!items.is_array()) continue;
            for (auto& item : items) {
                if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) continue;
                const std::string where = file + " " + item_kind(array) + " \"" + item["id"].get<std::string>() + "\"";
                for (auto& [key, value] : item.items()) collect(value, where, "/" + pointer_token(key), key, text, out);
            }
        }
    }
    return out;
}

// The translation a slot has now in `language`, if any.
std::optional<std::string> translation(const Slot& s, const std::string& language) {
    if (!s.localized->contains(language)) return std::nullopt;
    const ojson& t = (*s.localized)[language];
    if (s.block < 0) return t.is_string() ? std::optional(t.get<std::string>()) : std::nullopt;
    if (!t.is_array() || size_t(s.block) >= t.size() || !t[size_t(s.block)].is_object() || !t[size_t(s.block)].contains(s.kind))
        return std::nullopt;
    const ojson& v = t[size_t(s.block)][s.kind];
    if (s.item < 0) return v.is_string() ? std::optional(v.get<std::string>()) : std::nullopt;
    if (!v.is_array() || size_t(s.item) >= v.size() || !v[size_t(s.item)].is_string()) return std::nullopt;
    return v[size_t(s.item)].get<std::string>();
}

std::string key_of(const std::string& context, const std::string& msgid) { return context + '\x04' + msgid; }

// context -> the msgid it had in a catalogue (the source text a translation was made from).
std::map<std::string, std::string> msgids_by_context(const PoCatalogue& c) {
    std::map<std::string, std::string> out;
    for (const auto& key : c.msgids)
        if (const size_t cut = key.find('\x04'); cut != std::string::npos) out[key.substr(0, cut)] = key.substr(cut + 1);
    return out;
}

std::optional<PoCatalogue> read_record(const fs::path& pack, const std::string& language) {
    std::string error;
    auto text = read_regular_file(pack / "translations" / (language + ".po"), 8u << 20, error);
    if (!text) return std::nullopt;
    std::vector<Problem> problems;
    Diagnostics diag("translations/" + language + ".po", problems);
    return parse_po(*text, diag);
}


}  // namespace

std::vector<TextPlace> text_places(const fs::path& pack, std::string& error) {
    std::vector<TextPlace> out;
    auto text = read_pack_text(pack, error);
    if (!text) return out;
    for (const Slot& s : slots_of(*text)) {
        TextPlace place{s.context, {}};
        for (const auto& code : text->codes)
            if (auto t = code == text->source_language ? std::optional(s.source) : translation(s, code)) place.by_language[code] = *t;
        out.push_back(std::move(place));
    }
    return out;
}

PoExport export_po(const fs::path& pack, const std::string& language) {
    PoExport r;
    auto text = read_pack_text(pack, r.error);
    if (!text) return r;
    if (std::find(text->codes.begin(), text->codes.end(), language) == text->codes.end())
        return r.error = "'" + language + "' is not a language of this pack; add it to \"languages\" in manifest.json first", r;
    const auto record = read_record(pack, language);
    const auto previous = record ? msgids_by_context(*record) : std::map<std::string, std::string>{};
    std::string out = "# Texts of the pack for translation into '" + language + "'. Written by kiosk-pack po export;\n"
                      "# translate the msgstr lines and give the file back to kiosk-pack po import.\n"
                      "msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: " + text->id + "\\n\"\n\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
                      "\"Last-Translator: \\n\"\n\"Language-Team: \\n\"\n\"Language: " + language + "\\n\"\n\"MIME-Version: 1.0\\n\"\n"
                      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n";
    for (const Slot& s : slots_of(*text)) {
        const auto done = language == text->source_language ? std::optional(s.source) : translation(s, language);
        const auto before = previous.find(s.context);
        const bool stale = done && before != previous.end() && before->second != s.source;
        out += "\n#. " + s.comment + "\n";
        if (stale) out += "#, fuzzy\n#| msgid " + po_quote(before->second) + "\n";
        out += "msgctxt " + po_quote(s.context) + "\nmsgid " + po_quote(s.source) + "\nmsgstr " + po_quote(done.value_or("")) + "\n";
        ++r.entries;
        r.translated += done ? 1 : 0;
        r.fuzzy += stale ? 1 : 0;
    }
    r.po = std::move(out);
    r.ok = true;
    return r;
}

PoImport import_po(const fs::path& pack, const std::string& language, const std::string& po_text) {
    PoImport r;
    auto text = read_pack_text(pack, r.error);
    if (!text) return r;
    if (std::find(text->codes.begin(), text->codes.end(), language) == text->codes.end())
        return r.error = "'" + language + "' is not a language of this pack; add it to \"languages\" in manifest.json first", r;
    if (language == text->source_language)
        return r.error = "'" + language + "' is the pack's source language; its texts are edited in the JSON itself", r;
    std::vector<Problem> problems;
    Diagnostics diag("the PO file", problems);
    auto catalogue = parse_po(po_text, diag);
    if (!catalogue) {
        r.error = "the PO file cannot be read:";
        for (const auto& p : problems) r.error += " " + p.message;
        return r;
    }
    const std::set<std::string> fuzzy(catalogue->fuzzy_keys.begin(), catalogue->fuzzy_keys.end());
    const auto exported_from = msgids_by_context(*catalogue);
    const std::vector<std::string> originals = [&] {
        std::vector<std::string> out;
        for (const auto& [name, doc] : text->docs) out.push_back(doc.dump(2) + "\n");
        return out;
    }();

    // Articles change whole: every block translated, or the article stays as it was.
    std::map<ojson*, std::vector<const Slot*>> articles;
    std::map<ojson*, bool> article_stale;
    std::map<const Slot*, std::string> article_text;
    const auto slots = slots_of(*text);
    for (const Slot& s : slots) {
        const std::string key = key_of(s.context, s.source);
        if (s.block >= 0) articles[s.localized].push_back(&s);
        if (auto found = catalogue->strings.find(key); found != catalogue->strings.end()) {
            if (s.block >= 0) {
                article_text[&s] = found->second;
            } else if (translation(s, language) == found->second) {
                ++r.unchanged;
            } else {
                (*s.localized)[language] = found->second;
                ++r.imported;
            }
        } else if (fuzzy.count(key)) {
            // Its source changed since it was translated: not shown until someone has reviewed it.
            if (s.block >= 0) article_stale[s.localized] = true;
            else if (s.localized->contains(language)) {
                s.localized->erase(language);
                ++r.removed_stale;
            }
        } else if (auto other = exported_from.find(s.context); other != exported_from.end() && other->second != s.source) {
            r.notes.push_back(s.context + ": its source text changed after this file was exported; export again.");
        }
    }
    for (auto& [localized, parts] : articles) {
        const ojson& source = (*localized)[text->source_language];
        if (article_stale[localized]) {
            if (localized->contains(language)) {
                localized->erase(language);
                ++r.removed_stale;
            }
            continue;
        }
        ojson result = source;  // the same structure, every text replaced
        size_t missing = 0, fresh = 0;
        for (const Slot* s : parts) {
            auto imported = article_text.find(s);
            std::optional<std::string> value = imported != article_text.end() ? std::optional(imported->second) : translation(*s, language);
            if (!value) {
                ++missing;
                continue;
            }
            fresh += imported != article_text.end() && translation(*s, language) != value ? 1 : 0;
            ojson& at = result[size_t(s->block)][s->kind];
            if (s->item >= 0) at[size_t(s->item)] = *value;
            else at = *value;
        }
        if (missing > 0) {
            if (fresh > 0)
                r.notes.push_back(parts.front()->context.substr(0, parts.front()->context.rfind('/')) + ": " + std::to_string(missing) + " of " +
                                  std::to_string(parts.size()) + " parts are not translated; the article stays as it was.");
            continue;
        }
        if (fresh == 0) {
            r.unchanged += parts.size();
            continue;
        }
        (*localized)[language] = std::move(result);
        r.imported += parts.size();
    }

    // All or nothing: the changed pack must load before a byte is written.
    std::vector<Problem> read_problems;
    PackDocuments docs = read_documents(pack, read_problems);
    std::map<std::string, std::string> updated;
    size_t i = 0;
    for (const auto& [name, doc] : text->docs) {
        std::string bytes = doc.dump(2) + "\n";
        if (bytes != originals[i++]) updated[name] = bytes;
        docs.files[name] = std::move(bytes);
    }
    auto loaded = load_pack(docs);
    if (!loaded.ok()) {
        r.error = "the pack would not load with these translations; nothing was written:";
        for (const auto& p : loaded.problems)
            if (p.is_error()) r.error += "\n  " + p.to_string();
        return r;
    }
    for (const auto& [name, bytes] : updated)
        if (!replace_file(pack / name, bytes, 0644)) return r.error = "could not write " + name, r;
    std::error_code ec;
    fs::create_directories(pack / "translations", ec);
    if (!replace_file(pack / "translations" / (language + ".po"), po_text, 0644))
        return r.error = "could not write translations/" + language + ".po", r;
    r.ok = true;
    return r;
}

}  // namespace haven
