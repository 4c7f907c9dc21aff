// gettext PO catalogues, read from their text: the kiosk's own interface strings, built in (locales/) and
// carried by packs (ui/LANG.po), so that a language needs no rebuild. Fuzzy and untranslated entries are
// not used: a translation nobody reviewed since its source changed is never shown to visitors.
#pragma once

#include "problem.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace haven {

struct PoCatalogue {
    std::string language;  // from the header's "Language:", if any
    std::unordered_map<std::string, std::string> strings;  // msgid -> msgstr (msgctxt '\x04' msgid with a context)
    std::vector<std::string> msgids;  // every entry's msgid in file order, translated or not (a template's list)
    std::vector<std::string> fuzzy_keys;  // keys (as in strings) of the entries marked fuzzy, never used
    size_t fuzzy = 0;         // entries skipped as fuzzy
    size_t untranslated = 0;  // entries with an empty msgstr

    const std::string* find(std::string_view msgid) const {
        auto it = strings.find(std::string(msgid));
        return it == strings.end() ? nullptr : &it->second;
    }
};

// Parses PO text. Problems name the line ("line 12: ..."): broken syntax, bad escapes, invalid UTF-8,
// a msgstr whose printf directives differ from its msgid's (%s vs %d would crash or lie on screen).
// Returns nullopt when the file cannot be used at all.
std::optional<PoCatalogue> parse_po(std::string_view text, Diagnostics& diag);

// A string as a PO literal: "..." with \\, \", \n and \t escaped.
std::string po_quote(std::string_view text);

// The printf conversions in a string, in order ("%s", "%d", "%1$s" ...); "%%" is not one.
std::vector<std::string> printf_directives(std::string_view text);

}  // namespace haven
