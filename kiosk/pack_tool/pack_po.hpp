// A pack's texts for translators, in their own format: one PO file per language, each entry with a
// context naming where the text lives (file, item id, field), the source-language text as msgid, and a
// comment saying what the text is. Import merges translations back into the pack's JSON and changes
// nothing else, all files or none.
//
// Which source text a translation was made from is kept in the pack as translations/LANG.po (the last
// imported file): an entry whose source changed since is exported fuzzy, and a fuzzy entry imported
// removes the old translation, so visitors see the source language (with the kiosk's notice) until a
// translator has looked at it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace haven {

// Every translatable text of a pack where it lives ("services.json service \"x\" /description"), with
// its text in each language that has one: for export, and for reports that name texts an editor knows.
struct TextPlace {
    std::string context;
    std::map<std::string, std::string> by_language;
};
std::vector<TextPlace> text_places(const std::filesystem::path& pack, std::string& error);

struct PoExport {
    bool ok = false;
    std::string po;         // the file's text
    size_t entries = 0, translated = 0, fuzzy = 0;
    std::string error;
};
PoExport export_po(const std::filesystem::path& pack, const std::string& language);

struct PoImport {
    bool ok = false;
    size_t imported = 0, unchanged = 0, removed_stale = 0;
    std::vector<std::string> notes;  // entries not imported, and why
    std::string error;               // nothing was written
};
PoImport import_po(const std::filesystem::path& pack, const std::string& language, const std::string& po_text);

}  // namespace haven
