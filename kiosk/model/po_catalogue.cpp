#include "po_catalogue.hpp"

#include "field_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <unicode/utf8.h>

namespace haven {

namespace {

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    const auto n = int32_t(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

// One "..." literal with C escapes; false when it is not one.
bool unquote(std::string_view literal, std::string& out, std::string& why) {
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"') return why = "expected a string in double quotes", false;
    for (size_t i = 1; i + 1 < literal.size(); ++i) {
        char c = literal[i];
        if (c == '"') return why = "a double quote inside a string must be written \\\"", false;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i + 1 > literal.size() - 1) return why = "a string ends with a lone backslash", false;
        switch (literal[i]) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'v': out += '\v'; break;
            default:
                if (static_cast<unsigned char>(literal[i]) >= 0x80) return why = "a backslash before a letter that needs none; remove it", false;
                return why = std::string("unknown escape \\") + literal[i], false;
        }
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

struct Entry {
    std::string context, id, plural, str;
    bool has_context = false, has_id = false, has_str = false, fuzzy = false;
    int line = 0;
};

// "%2$s" -> (2, "%s"); "%s" as the n-th directive -> (n, "%s").
std::vector<std::pair<int, std::string>> arguments_of(const std::vector<std::string>& directives) {
    std::vector<std::pair<int, std::string>> out;
    for (size_t i = 0; i < directives.size(); ++i) {
        const std::string& d = directives[i];
        const size_t dollar = d.find('$');
        if (dollar == std::string::npos) out.push_back({int(i) + 1, d});
        else out.push_back({std::atoi(d.c_str() + 1), "%" + d.substr(dollar + 1)});
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The same arguments with the same conversions, in any order when the translation numbers them
// (%2$s %1$s), as printf and msgfmt allow. '*' widths and %n are never accepted in a translation.
bool same_arguments(const std::vector<std::string>& msgid, const std::vector<std::string>& msgstr) {
    for (const auto& d : msgstr)
        if (d.find('*') != std::string::npos || d.ends_with("n")) return false;
    return arguments_of(msgid) == arguments_of(msgstr);
}

}  // namespace

std::string po_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '"': out += "\\\""; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
    return out + "\"";
}

std::vector<std::string> printf_directives(std::string_view text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') continue;
        if (i + 1 < text.size() && text[i + 1] == '%') {
            ++i;
            continue;
        }
        size_t j = i + 1;
        while (j < text.size() && std::string_view("0123456789$#-+ .'lhzjtLq").find(text[j]) != std::string_view::npos) ++j;
        if (j < text.size()) ++j;  // the conversion letter
        out.emplace_back(text.substr(i, j - i));
        i = j - 1;
    }
    return out;
}

std::optional<PoCatalogue> parse_po(std::string_view text, Diagnostics& diag) {
    if (!valid_utf8(text)) {
        diag.error("", "the file is not valid UTF-8; save it as UTF-8 (msgconv --to-code=UTF-8).");
        return std::nullopt;
    }
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark some editors write
    PoCatalogue catalogue;
    Entry entry;
    std::string* target = nullptr;  // where continuation lines go
    std::string scratch;            // plural forms beyond the first
    const size_t errors_before = diag.error_count();
    auto at = [](int line) { return "line " + std::to_string(line) + ": "; };
    // A file of millions of broken lines gets twenty messages and a count, not millions.
    constexpr size_t max_errors = 20;
    size_t errors = 0;
    auto error = [&](std::string message) {
        if (++errors <= max_errors) diag.error("", std::move(message));
    };
    auto finish = [&]() {
        if (!entry.has_id) {
            if (entry.has_str || entry.has_context) error(at(entry.line) + "a msgstr or msgctxt without a msgid.");
            entry = Entry{};
            return;
        }
        if (!entry.has_str) error(at(entry.line) + "the msgid has no msgstr; add msgstr \"\".");
        if (entry.id.empty() && !entry.has_context) {  // the header
            auto lang = entry.str.starts_with("Language:") ? 0 : entry.str.find("\nLanguage:");
            if (lang != std::string::npos) {
                if (entry.str[lang] == '\n') ++lang;
                auto end = entry.str.find('\n', lang);
                catalogue.language = std::string(trim(std::string_view(entry.str).substr(lang + 9, end == std::string::npos ? std::string::npos : end - lang - 9)));
            }
            entry = Entry{};
            return;
        }
        const std::string key = entry.has_context ? entry.context + '\x04' + entry.id : entry.id;
        catalogue.msgids.push_back(key);
        if (entry.fuzzy) {
            ++catalogue.fuzzy;
            catalogue.fuzzy_keys.push_back(key);
        } else if (entry.str.empty()) {
            ++catalogue.untranslated;
        } else {
            // Plural entries are not used by the kiosk; a one-form language may rightly write %d in msgstr[0].
            const auto want = printf_directives(entry.id), have = printf_directives(entry.str);
            if (entry.plural.empty() && !same_arguments(want, have)) {
                std::string list;
                for (const auto& d : want) list += (list.empty() ? "" : " ") + d;
                error(at(entry.line) + "the translation of " + shown(entry.id) + " must keep the placeholders " +
                                   (list.empty() ? "(none)" : list) + " in the same order; it would show wrong text or crash.");
            } else {
                if (!catalogue.strings.emplace(key, entry.str).second)
                    error(at(entry.line) + shown(entry.id) + " is translated twice; keep one.");
            }
        }
        entry = Entry{};
    };
    int line_number = 0;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trim(text.substr(start, end - start));
        ++line_number;
        start = end + 1;
        if (line.empty()) {
            target = nullptr;
            if (!entry.has_id && !entry.has_str && !entry.has_context) entry = Entry{};  // flags of an obsolete entry end here
            if (end == text.size()) break;
            continue;
        }
        if (line.front() == '#') {
            if (line.starts_with("#~") && !entry.has_id && !entry.has_str) entry = Entry{};  // obsolete: its flags go with it
            if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) {
                if (entry.has_str) finish();
                entry.fuzzy = true;
                if (!entry.line) entry.line = line_number;
            }
            if (end == text.size()) break;
            continue;
        }
        std::string why;
        if (line.front() == '"') {
            if (!target) error(at(line_number) + "a string that continues nothing; it must follow msgid or msgstr.");
            else if (!unquote(line, *target, why)) error(at(line_number) + why + ".");
            if (end == text.size()) break;
            continue;
        }
        const size_t space = line.find_first_of(" \t");
        const std::string_view keyword = line.substr(0, space);
        const std::string_view value = space == std::string_view::npos ? std::string_view() : trim(line.substr(space));
        if (keyword == "msgctxt") {
            if (entry.has_id) finish();
            entry.has_context = true;
            if (!entry.line) entry.line = line_number;
            target = &entry.context;
        } else if (keyword == "msgid") {
            if (entry.has_id) finish();
            entry.has_id = true;
            if (!entry.line) entry.line = line_number;
            target = &entry.id;
        } else if (keyword == "msgid_plural") {
            target = &entry.plural;
        } else if (keyword == "msgstr" || keyword == "msgstr[0]") {
            if (entry.has_str) {  // a msgstr that follows a complete entry belongs to no msgid
                finish();
                entry.line = line_number;
            }
            entry.has_str = true;
            target = &entry.str;
        } else if (keyword.starts_with("msgstr[")) {
            target = &scratch;  // the kiosk's strings have no plurals; other forms are read and not used
            scratch.clear();
        } else {
            error(at(line_number) + shown(keyword) + " is not a PO keyword (msgid, msgstr, msgctxt); is a quote missing?");
            target = nullptr;
            if (end == text.size()) break;
            continue;
        }
        if (!unquote(value, *target, why)) error(at(line_number) + why + ".");
        if (end == text.size()) break;
    }
    finish();
    if (errors > max_errors) diag.error("", "and " + std::to_string(errors - max_errors) + " more problems in this file.");
    if (diag.error_count() != errors_before) return std::nullopt;
    return catalogue;
}

}  // namespace haven
