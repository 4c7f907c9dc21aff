#include "pack_loader.hpp"
#include "pack_readers.hpp"

#include <algorithm>
#include <cctype>
#include <unicode/uloc.h>
#include <set>

namespace haven {

namespace {

bool has_singleton_or_bad_char(std::string_view tag) {
    if (!std::all_of(tag.begin(), tag.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }))
        return true;
    for (size_t start = 0; start <= tag.size();) {
        size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        if (end - start <= 1) return true;  // empty, or a one-letter subtag that starts an extension or private use
        start = end + 1;
    }
    return false;
}

// ICU's BCP 47 form of a tag, or empty.
std::string icu_canonical(std::string_view tag) {
    char locale[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    // ICU writes a result that exactly fills the buffer without its NUL and only warns: refuse that too.
    const int32_t length = uloc_forLanguageTag(std::string(tag).c_str(), locale, sizeof locale, &parsed, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || length >= int32_t(sizeof locale) ||
        parsed != int32_t(tag.size()))
        return {};
    char canonical[ULOC_FULLNAME_CAPACITY];
    status = U_ZERO_ERROR;
    const int32_t written = uloc_toLanguageTag(locale, canonical, sizeof canonical, true, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || written >= int32_t(sizeof canonical)) return {};
    return std::string(canonical, size_t(written));
}

}  // namespace

std::string canonical_language_tag(std::string_view tag) {
    // Language, script, region, variant only: a language a visitor can pick, not "undetermined", private
    // use or extensions. Fuzzing found ICU forms that change again when read back ("x-..." grows into a
    // longer "und-x-...", "en-ruu-ynu-posix" into "ruu-u-va-posix"): the form kept must be stable.
    if (tag.size() < 2 || tag.size() > 35 || has_singleton_or_bad_char(tag)) return {};
    const std::string out = icu_canonical(tag);
    if (out.empty() || out.size() > 35 || has_singleton_or_bad_char(out) || out == "und" || out.starts_with("und-")) return {};
    if (icu_canonical(out) != out) return {};
    return out;
}

}  // namespace haven

namespace haven::detail {
namespace {

bool is_relative_inside(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
    for (const auto& part : std::filesystem::path(path))
        if (part == ".." || part == ".") return false;
    return true;
}

bool is_lower_hex(const std::string& s, size_t length) {
    return s.size() == length &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

Manifest read_manifest(FieldReader& root) {
    Diagnostics& diag = root.diagnostics();
    Manifest m;
    if (auto format = root.integer("format", 1, 1)) m.format = int(*format);
    m.id = root.id();
    m.demo = root.boolean("demo", false, Need::Optional);
    m.publisher = root.string("publisher");
    m.region = root.string("region");
    m.version = root.integer("version", 1, (1LL << 53)).value_or(0);
    m.created = root.date("created");
    m.review_by = root.date("review_by");
    m.expires = root.date("expires");
    if (m.created.ymd.ok() && m.expires.ymd.ok() && m.expires <= m.created)
        diag.error(root.pointer_of("expires"), "is not after \"created\" (" + m.created.iso() + "); set a later date.");
    if (m.review_by.ymd.ok() && m.expires.ymd.ok() && m.review_by > m.expires)
        diag.warning(root.pointer_of("review_by"), "is after \"expires\"; review the pack before it expires.");
    m.timezone = root.string("timezone");
    if (!m.timezone.empty() && !is_known_timezone(m.timezone))
        diag.error(root.pointer_of("timezone"),
                   shown(m.timezone) + " is not a time zone this system knows; use an IANA name such as \"Europe/Berlin\".");

    std::vector<std::string> codes;
    root.objects("languages", Need::Required, [&](FieldReader& l, size_t) {
        Language lang;
        lang.code = l.string("code");
        // A BCP 47 tag, as ICU writes it ("ps", "prs", "zh-Hans", "sr-Latn", "ps-AF"): it reaches file names
        // (ui/CODE.po), widget ids and ICU.
        if (!lang.code.empty()) {
            const std::string canonical = canonical_language_tag(lang.code);
            if (canonical.empty()) {
                diag.error(l.pointer_of("code"), shown(lang.code) + " is not a language tag; use BCP 47 tags such as \"ar\", \"prs\", \"zh-Hans\" or \"ps-AF\".");
                lang.code.clear();
            } else if (canonical != lang.code) {
                diag.error(l.pointer_of("code"), shown(lang.code) + " is written \"" + canonical + "\" in BCP 47; use that.");
                lang.code.clear();
            }
        }
        lang.name = l.string("name");
        auto direction = l.string("direction");
        if (direction == "rtl") lang.direction = Direction::RightToLeft;
        else if (!direction.empty() && direction != "ltr")
            diag.error(l.pointer_of("direction"), shown(direction) + " is not a direction; write \"ltr\" or \"rtl\".");
        lang.fallback = l.strings("fallback", Need::Optional);
        auto status = l.string("status");
        if (status == "reviewed") lang.status = TranslationStatus::Reviewed;
        else if (!status.empty() && status != "draft")
            diag.error(l.pointer_of("status"), shown(status) + " is not a translation status; write \"draft\" or \"reviewed\".");
        codes.push_back(lang.code);
        m.languages.push_back(std::move(lang));
    });
    if (root.has("languages") && m.languages.empty())
        diag.error(root.pointer_of("languages"), "lists no language; a pack needs at least one.");

    // Codes must be unique and every fallback must name a language of the pack.
    std::set<std::string> seen;
    for (size_t i = 0; i < m.languages.size(); ++i) {
        const auto& lang = m.languages[i];
        const auto at = root.pointer_of("languages") + "/" + std::to_string(i);
        if (!lang.code.empty() && !seen.insert(lang.code).second)
            diag.error(at + "/code", "the language \"" + lang.code + "\" is listed twice; keep one.");
        for (size_t f = 0; f < lang.fallback.size(); ++f) {
            if (std::find(codes.begin(), codes.end(), lang.fallback[f]) == codes.end())
                diag.error(at + "/fallback/" + std::to_string(f),
                           "\"" + lang.fallback[f] + "\" is not a language of this pack; list only codes from \"languages\".");
            else if (lang.fallback[f] == lang.code)
                diag.error(at + "/fallback/" + std::to_string(f), "a language cannot fall back to itself; remove it.");
        }
    }

    m.default_language = root.string("default_language");
    if (!m.default_language.empty() && !seen.count(m.default_language))
        diag.error(root.pointer_of("default_language"),
                   "\"" + m.default_language + "\" is not one of the pack's languages; pick one listed in \"languages\".");

    root.objects("files", Need::Optional, [&](FieldReader& f, size_t) {
        PackFile file;
        file.path = f.string("path");
        if (!file.path.empty() && !is_relative_inside(file.path))
            diag.error(f.pointer_of("path"), shown(file.path) + " points outside the pack; use a path relative to the "
                                                               "pack folder without '..', e.g. \"media/icon.png\".");
        file.size = f.integer("size", 0, 1LL << 40).value_or(0);
        file.sha256 = f.string("sha256");
        if (!file.sha256.empty() && !is_lower_hex(file.sha256, 64))
            diag.error(f.pointer_of("sha256"), "is not a SHA-256 digest (64 lower-case hex digits); let \"kiosk-pack sign\" fill it in.");
        m.files.push_back(std::move(file));
    });
    return m;
}

}  // namespace haven::detail
