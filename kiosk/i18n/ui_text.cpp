#include "ui_text.hpp"

#include "content.hpp"
#include "po_catalogue.hpp"
#include "safe_file.hpp"

#include <sodium.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_map>

namespace haven {
namespace {

struct UiText {
    std::map<std::string, PoCatalogue, std::less<>> builtin;  // by language code
    const Content* pack = nullptr;
    std::string language = "en";
    std::vector<std::string> chain{"en"};
    bool rtl = false;
    // Fallback strings wrapped in an isolate, kept so that tr() can hand out stable pointers.
    std::unordered_map<std::string, std::string> isolated;
};

UiText& state() {
    static UiText s;
    return s;
}

bool is_rtl(std::string_view code) {
    if (state().pack)
        if (const Language* l = state().pack->language(code)) return l->direction == Direction::RightToLeft;
    return uloc_isRightToLeft(std::string(code).c_str());
}

const std::string* lookup(std::string_view language, const char* msgid) {
    auto& s = state();
    if (s.pack) {
        auto it = s.pack->ui_catalogues.find(std::string(language));
        if (it != s.pack->ui_catalogues.end())
            if (const std::string* found = it->second.find(msgid)) return found;
    }
    // A built-in catalogue serves regional variants too: ar-SY and ar-EG read ar.po (zh-Hant-TW: zh-Hant, zh).
    for (std::string_view tag = language; !tag.empty();) {
        if (auto it = s.builtin.find(tag); it != s.builtin.end()) return it->second.find(msgid);
        const size_t dash = tag.rfind('-');
        tag = dash == std::string_view::npos ? std::string_view() : tag.substr(0, dash);
    }
    return nullptr;
}

}  // namespace

void init_ui_text(const std::string& locale_dir) {
    std::setlocale(LC_ALL, "C.UTF-8");  // number formatting and character classes stay neutral
    auto& s = state();
    s.builtin.clear();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(locale_dir, ec)) {
        const auto path = entry.path();
        if (path.extension() != ".po") continue;
        std::string error;
        auto text = read_regular_file(path, 1u << 20, error);
        std::vector<Problem> problems;
        Diagnostics diag(path.filename().string(), problems);
        auto catalogue = text ? parse_po(*text, diag) : std::nullopt;
        for (const auto& p : problems) std::fprintf(stderr, "haven-kiosk: UI catalogue %s\n", p.to_string().c_str());
        if (!text) std::fprintf(stderr, "haven-kiosk: UI catalogue %s %s\n", path.string().c_str(), error.c_str());
        if (catalogue) s.builtin[path.stem().string()] = std::move(*catalogue);
    }
    if (ec) std::fprintf(stderr, "haven-kiosk: the UI catalogue folder %s cannot be read; the interface is in English only\n", locale_dir.c_str());
}

std::vector<std::string> builtin_ui_languages() {
    std::vector<std::string> out{"en"};
    for (const auto& [code, catalogue] : state().builtin)
        if (code != "en") out.push_back(code);
    return out;
}

void set_ui_pack(const Content* content) {
    auto& s = state();
    s.pack = content;
    s.isolated.clear();
    set_ui_language(s.language);
}

void set_ui_language(std::string_view language) {
    auto& s = state();
    if (language.empty()) language = "en";
    s.language = std::string(language);
    s.chain.clear();
    if (s.pack) {
        for (auto code : s.pack->lookup_chain(language)) s.chain.emplace_back(code);
    } else {
        s.chain.push_back(s.language);
    }
    s.rtl = is_rtl(language);
}

const char* tr(const char* msgid) {
    auto& s = state();
    for (const auto& code : s.chain) {
        const std::string* found = lookup(code, msgid);
        if (!found && code == "en") break;  // English is the msgid itself
        if (!found) continue;
        if (code == s.language || is_rtl(code) == s.rtl) return found->c_str();
        return s.isolated.try_emplace((s.rtl ? "L" : "R") + *found, (s.rtl ? "\u2066" : "\u2067") + *found + "\u2069").first->second.c_str();
    }
    if (!s.rtl) return msgid;
    // English, the msgid language, inside a right-to-left screen: left to right in its own isolate.
    const std::string key = std::string("L") + msgid;
    return s.isolated.try_emplace(key, "\u2066" + std::string(msgid) + "\u2069").first->second.c_str();
}

std::string translation_source(std::string_view language, const char* msgid) {
    auto& s = state();
    const std::string saved = s.language;
    set_ui_language(language);
    std::string source = "en";
    for (const auto& code : s.chain) {
        if (code == "en") break;
        if (lookup(code, msgid)) {
            source = code;
            break;
        }
    }
    set_ui_language(saved);
    return source;
}

bool ui_language_is_rtl(std::string_view language) { return is_rtl(language); }

void forget_ui_fallbacks() {
    // Which fallback strings were wrapped tells which screens a visitor of which direction saw.
    for (auto& [key, value] : state().isolated) {
        sodium_memzero(const_cast<char*>(key.data()), key.size());
        sodium_memzero(value.data(), value.size());
    }
    state().isolated.clear();
}

bool has_own_translation(std::string_view language, const char* msgid) {
    if (language == "en") return true;
    return lookup(language, msgid) != nullptr;
}

}  // namespace haven
