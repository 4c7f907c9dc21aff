// An editor's verdict on a pack folder, one for every command: validate prints it, sign refuses a pack
// it finds any error in. Structure and content (the loader), dates, recordings, characters no installed
// font draws, and per language the content and interface coverage.
#pragma once

#include "calendar.hpp"
#include "pack_loader.hpp"
#include "pack_report.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace haven {

struct InterfaceCoverage {
    int own = 0;                        // strings in the language itself (pack or built-in)
    std::map<std::string, int> via;     // through a fallback language, by language
    std::vector<std::string> english;   // left in English
};

struct PackVerdict {
    LoadResult loaded;
    std::vector<Problem> problems;                       // the loader's and every later check's
    std::vector<LanguageCoverage> coverage;              // content, per language
    std::map<std::string, InterfaceCoverage> interface;  // the kiosk's own words, per language
    std::map<std::string, std::string> no_glyph;         // language -> "U+XXXX ..." no font draws
    size_t errors() const;
};

// `locale_dir` holds the built-in catalogues and the interface template (haven-kiosk.pot).
PackVerdict judge_pack(const std::filesystem::path& directory, const Date& today, const std::string& locale_dir);

Date today_utc();

}  // namespace haven
