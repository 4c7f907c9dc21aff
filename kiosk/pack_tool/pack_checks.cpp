#include "pack_checks.hpp"

#include "font_set.hpp"
#include "po_catalogue.hpp"
#include "safe_file.hpp"
#include "ui_text.hpp"
#include "utf.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <unistd.h>

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
        FontSet fonts;
        for (const auto& [code, texts] : texts_by_language(*result.content)) {
            std::set<char32_t> missing;
            for (const auto& s : texts)
                for (char32_t c : fonts.uncovered(decode_utf8(s).text)) missing.insert(c);
            for (char32_t c : missing) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%04X ", unsigned(c));
                no_glyph[code] += hex;
            }
            if (!missing.empty())
                problems.push_back({Problem::Severity::Error, "", "", "texts in '" + code + "' use characters no installed font can draw (" +
                                                                                 no_glyph[code] + "); visitors would see boxes. Install a font or fix the text."});
        }
    }
    return v;
}

}  // namespace haven
