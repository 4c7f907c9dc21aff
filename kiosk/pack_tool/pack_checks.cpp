#include "pack_checks.hpp"

#include "font_set.hpp"
#include "pack_po.hpp"
#include "po_catalogue.hpp"
#include "safe_file.hpp"
#include "ui_text.hpp"
#include "utf.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <unistd.h>
#include <unicode/uscript.h>

namespace haven {

namespace {

// By its first bytes, not its name: Ogg (Vorbis, Opus), MP3 (ID3 tag or frame sync) or WAV. Read as
// any pack file is: a regular file beneath the pack, no link followed, nothing that blocks.
bool is_audio(const std::filesystem::path& pack, const std::string& file, std::string& why) {
    auto folder = Folder::open(pack, why);
    if (!folder) return false;
    FileStamp stamp;
    const int fd = open_regular_beneath(folder->fd(), file, stamp, why);
    if (fd < 0) return false;
    unsigned char b[12] = {};
    const bool whole = ::read(fd, b, sizeof b) == ssize_t(sizeof b);
    ::close(fd);
    if (!whole) return why = "is too short to be a recording", false;
    const auto starts = [&](const char* magic) { return std::memcmp(b, magic, std::strlen(magic)) == 0; };
    if (starts("OggS") || starts("ID3") || (b[0] == 0xFF && (b[1] & 0xE0) == 0xE0) || (starts("RIFF") && std::memcmp(b + 8, "WAVE", 4) == 0))
        return true;
    why = "is not an Ogg, Opus, MP3 or WAV recording";
    return false;
}

// The kiosk's interface strings (the template beside the built-in catalogues), or empty when it is missing.
std::vector<std::string> interface_msgids(const std::string& locale_dir) {
    std::string error;
    auto text = read_regular_file(std::filesystem::path(locale_dir) / "haven-kiosk.pot", 1u << 20, error);
    if (!text) return {};
    std::vector<Problem> ignored;
    Diagnostics diag("haven-kiosk.pot", ignored);
    auto pot = parse_po(*text, diag);
    return pot ? pot->msgids : std::vector<std::string>{};
}


// Per language of the pack: where each interface string a visitor sees comes from.
std::map<std::string, InterfaceCoverage> interface_coverage(const Content& content, const std::vector<std::string>& msgids) {
    std::map<std::string, InterfaceCoverage> out;
    set_ui_pack(&content);
    for (const auto& lang : content.manifest.languages) {
        auto& c = out[lang.code];
        for (const auto& id : msgids) {
            const std::string source = translation_source(lang.code, id.c_str());
            if (source == lang.code || lang.code == "en") ++c.own;
            else if (source == "en") c.english.push_back(id);
            else ++c.via[source];
        }
    }
    set_ui_pack(nullptr);
    return out;
}

}  // namespace

Date today_utc() {
    return Date{std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}};
}

size_t PackVerdict::errors() const {
    size_t n = 0;
    for (const auto& p : problems) n += p.is_error() ? 1 : 0;
    return n;
}

PackVerdict judge_pack(const std::filesystem::path& directory, const Date& today, const std::string& locale_dir) {
    PackVerdict v;
    v.loaded = load_pack(directory);
    v.problems = v.loaded.problems;

    init_ui_text(locale_dir);
    const auto msgids = interface_msgids(locale_dir);
    if (msgids.empty())
        v.problems.push_back({Problem::Severity::Warning, "", "", "the kiosk's interface template (" + locale_dir +
                                   "/haven-kiosk.pot) cannot be read, so interface coverage is not reported."});
    auto& result = v.loaded;
    auto& problems = v.problems;
    auto& table = v.coverage;
    auto& ui_table = v.interface;
    auto& no_glyph = v.no_glyph;
    if (result.ok()) {
        for (auto& p : freshness(*result.content, today)) problems.push_back(p);
        for (size_t i = 0; i < result.content->topics.size(); ++i)
            for (const auto& [code, file] : result.content->topics[i].audio) {
                const std::string at = "/topics/" + std::to_string(i) + "/audio/" + code;
                std::string why;
                if (is_audio(directory, file, why)) continue;
                if (why == "is missing")
                    problems.push_back({Problem::Severity::Error, "topics.json", at,
                                        "'" + file + "' is missing from the pack; add the file or remove the reference."});
                else if (why == "is not an Ogg, Opus, MP3 or WAV recording")
                    problems.push_back({Problem::Severity::Error, "topics.json", at,
                                        "'" + file + "' is not an Ogg, Opus, MP3 or WAV recording; export the audio in one of these."});
                else
                    problems.push_back({Problem::Severity::Error, "topics.json", at, "'" + file + "' " + why + "."});
            }
        table = coverage(*result.content);
        ui_table = interface_coverage(*result.content, msgids);
        for (const auto& [code, c] : ui_table) {
            if (c.english.empty()) continue;
            std::string some;
            for (size_t i = 0; i < c.english.size() && i < 5; ++i) some += (i ? ", \"" : "\"") + c.english[i] + "\"";
            if (c.english.size() > 5) some += " and " + std::to_string(c.english.size() - 5) + " more";
            problems.push_back({Problem::Severity::Warning, "ui/" + code + ".po", "",
                                std::to_string(c.english.size()) + " of the kiosk's interface strings have no translation for '" + code +
                                    "' (nor in its fallback languages) and show in English: " + some +
                                    ". Translate them in ui/" + code + ".po (start from kiosk-pack ui-template)."});
        }
        // Characters no installed font draws, named where they are, with their script: a language whose
        // script has no font at all shows as boxes.
        FontSet fonts;
        std::string places_error;
        const auto places = text_places(directory, places_error);
        std::map<std::string, size_t> reported;
        for (const auto& place : places)
            for (const auto& [code, text] : place.by_language) {
                std::set<char32_t> missing;
                for (char32_t c : fonts.uncovered(decode_utf8(text).text)) missing.insert(c);
                if (missing.empty()) continue;
                std::string list;
                for (char32_t c : missing) {
                    char hex[16];
                    std::snprintf(hex, sizeof hex, "U+%04X ", unsigned(c));
                    list += hex;
                    if (no_glyph[code].find(hex) == std::string::npos) no_glyph[code] += hex;
                }
                UErrorCode status = U_ZERO_ERROR;
                const char* script = uscript_getName(uscript_getScript(UChar32(*missing.begin()), &status));
                if (++reported[code] > 10) continue;  // the table below still lists every character
                const size_t space = place.context.find(' ');
                problems.push_back({Problem::Severity::Error, place.context.substr(0, space), place.context.substr(space + 1) + "/" + code,
                                    "uses characters no installed font can draw (" + list + "in " + (script ? script : "an unknown") +
                                        " script); visitors would see boxes. Install a font for that script or fix the text."});
            }
        // The interface catalogues and the languages' own names are drawn too (the texts were checked above).
        std::map<std::string, std::vector<std::string>> drawn;
        for (const auto& [code, catalogue] : result.content->ui_catalogues)
            for (const auto& [id, text] : catalogue.strings) drawn[code].push_back(text);
        for (const auto& l : result.content->manifest.languages) drawn[l.code].push_back(l.name);
        for (const auto& [code, texts] : drawn) {
            std::set<char32_t> missing;
            for (const auto& s : texts)
                for (char32_t c : fonts.uncovered(decode_utf8(s).text)) missing.insert(c);
            std::string list;
            for (char32_t c : missing) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%04X ", unsigned(c));
                if (no_glyph[code].find(hex) == std::string::npos) {
                    no_glyph[code] += hex;
                    list += hex;
                }
            }
            if (!list.empty())
                problems.push_back({Problem::Severity::Error, "", "", "texts in '" + code + "' (its name, its interface catalogue) use characters no "
                                                                  "installed font can draw (" + list + "); visitors would see boxes. Install a font or fix the text."});
        }
        // Which texts a language shows in another language, named (the table counts them).
        for (size_t index = 0; index < result.content->manifest.languages.size(); ++index) {
            const auto& lang = result.content->manifest.languages[index];
            std::vector<std::string> falling;
            for (const auto& place : places)
                if (!place.by_language.count(lang.code)) falling.push_back(place.context);
            if (falling.empty() || lang.code == result.content->manifest.default_language) continue;
            std::string some;
            for (size_t i = 0; i < falling.size() && i < 5; ++i) some += (i ? "; " : "") + falling[i];
            if (falling.size() > 5) some += "; and " + std::to_string(falling.size() - 5) + " more (kiosk-pack po export lists them all)";
            problems.push_back({Problem::Severity::Warning, "manifest.json", "/languages/" + std::to_string(index),
                                std::to_string(falling.size()) + " texts are not translated into '" + lang.code +
                                    "' and show in its fallback language: " + some + "."});
        }
    }
    return v;
}

}  // namespace haven
