#include "pack_fixture.hpp"
#include "pack_loader.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using haven::load_pack;
using haven::Problem;
using haven::testing::PackFixture;
using haven::testing::removed;
using json = nlohmann::json;

namespace {

std::string listing(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += "  " + p.to_string() + "\n";
    return out;
}

// True when some problem has exactly this file, pointer and severity, and its message contains `text`.
bool reports(const std::vector<Problem>& problems, const std::string& file, const std::string& pointer,
             Problem::Severity severity, const std::string& text) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.file == file && p.pointer == pointer && p.severity == severity &&
               p.message.find(text) != std::string::npos;
    });
}

constexpr auto Error = Problem::Severity::Error;
constexpr auto Warning = Problem::Severity::Warning;

}  // namespace

TEST_CASE("the minimal pack loads with no problem at all") {
    PackFixture pack;
    auto result = load_pack(pack.dir());
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    CHECK(result.problems.empty());
    const auto& c = *result.content;
    CHECK(c.manifest.version == 3);
    CHECK(c.manifest.languages.size() == 3);
    CHECK(c.manifest.languages[1].direction == haven::Direction::RightToLeft);
    REQUIRE(c.services.size() == 1);
    CHECK(c.services[0].phones[0].display == "+49 30 23125 001");
    CHECK(c.services[0].schedule.weekly[0].closes.minutes == 8 * 60);
    CHECK(c.services[0].schedule.timezone == "Europe/Berlin");  // inherited from the manifest
    REQUIRE(c.topics[0].body.has("en"));
    CHECK(c.topics[0].body.by_language.at("en").size() == 3);
}

struct BadField {
    const char* what;
    const char* file;
    const char* pointer;     // where the change is made
    json value;              // the new value, or `removed`
    const char* at;          // where the problem must be reported
    Problem::Severity severity;
    const char* message;     // a fragment of the expected message
};

TEST_CASE("every bad field is reported at its file and JSON pointer with a fix") {
    const std::vector<BadField> cases = {
        {"phone with 00 prefix and spaces", "services.json", "/services/0/phones/0/number", "0049 30 123",
         "/services/0/phones/0/number", Error, "'0049 30 123' is not an E.164 number; write it as +4930123"},
        {"national phone number, country known from the address", "services.json", "/services/0/phones/0/number",
         "030 23125-001", "/services/0/phones/0/number", Error, "write it as +493023125001"},
        {"displayed digits differ from the dialled number", "services.json", "/services/0/phones/0/display",
         "+49 30 23125 009", "/services/0/phones/0/display", Error, "shows different digits"},
        {"display reordered by a hidden bidi override (shows 121 for 112)", "contacts.json", "/contacts/0/display",
         "1\u202E12", "/contacts/0/display", Error, "may contain only digits 0-9, spaces and + ( ) - . /"},
        {"display with digits of another script", "services.json", "/services/0/phones/0/display",
         "+49 30 23125 001 \u0663", "/services/0/phones/0/display", Error, "may contain only digits 0-9"},
        {"language code that could reach a file path", "manifest.json", "/languages/2/code", "../fr",
         "/languages/2/code", Error, "is not a language tag"},
        {"misspelt field", "topics.json", "/topics/0/sumary", json{{"en", "x"}}, "/topics/0/sumary", Warning,
         "unknown field \"sumary\"; it is ignored. Did you mean \"summary\"?"},
        {"missing required field", "topics.json", "/topics/0/title", removed, "/topics/0", Error,
         "the field \"title\" is missing"},
        {"version as a string", "manifest.json", "/version", "3", "/version", Error,
         "expected a whole number, found a string"},
        {"impossible date", "manifest.json", "/created", "2026-02-30", "/created", Error,
         "'2026-02-30' is not a date; write it as YYYY-MM-DD"},
        {"expiry before creation", "manifest.json", "/expires", "2025-12-31", "/expires", Error,
         "is not after \"created\""},
        {"hour 25", "services.json", "/services/0/schedule/weekly/0/opens", "25:00",
         "/services/0/schedule/weekly/0/opens", Error, "'25:00' is not a time"},
        {"opens and closes at the same time", "services.json", "/services/0/schedule/weekly/0/closes", "20:00",
         "/services/0/schedule/weekly/0", Error, "write \"always_open\": true"},
        {"unknown weekday", "services.json", "/services/0/schedule/weekly/0/days/0", "monday",
         "/services/0/schedule/weekly/0/days/0", Error, "'monday' is not a day"},
        {"unknown time zone", "manifest.json", "/timezone", "Europe/Neverland", "/timezone", Error,
         "is not a time zone this system knows"},
        {"time zone escaping the tz database", "services.json", "/services/0/schedule/timezone", "../../etc/passwd",
         "/services/0/schedule/timezone", Error, "is not a time zone"},
        {"category that does not exist", "services.json", "/services/0/categories/0", "shelters",
         "/services/0/categories/0", Error, "\"shelters\" is not a category of this pack"},
        {"fallback to a language the pack lacks", "manifest.json", "/languages/1/fallback/0", "xx",
         "/languages/1/fallback/0", Error, "\"xx\" is not a language of this pack"},
        {"default language not in the pack", "manifest.json", "/default_language", "de", "/default_language", Error,
         "\"de\" is not one of the pack's languages"},
        {"invalid direction", "manifest.json", "/languages/0/direction", "left", "/languages/0/direction", Error,
         "write \"ltr\" or \"rtl\""},
        {"bad phone inside article markup", "topics.json", "/topics/0/body/en/1/paragraph", "Call <tel:0800 123>.",
         "/topics/0/body/en/1/paragraph", Error, "in <tel:...> is not an E.164 number"},
        {"unclosed emphasis", "topics.json", "/topics/0/body/en/1/paragraph", "Call *now.",
         "/topics/0/body/en/1/paragraph", Error, "never closed"},
        {"block with two kinds", "topics.json", "/topics/0/body/en/0", json{{"heading", "A"}, {"paragraph", "B"}},
         "/topics/0/body/en/0", Error, "exactly one of \"heading\", \"paragraph\" or \"list\""},
        {"text in a language the pack lacks", "topics.json", "/topics/0/title/de", "Asylrecht", "/topics/0/title/de",
         Warning, "\"de\" is not one of the pack's languages (en, ar, fr)"},
        {"text without the default language", "topics.json", "/topics/0/title/en", removed, "/topics/0/title",
         Warning, "has no text in the default language (\"en\")"},
        {"empty translation", "topics.json", "/topics/0/title/ar", "  ", "/topics/0/title/ar", Error,
         "the text is empty"},
        {"hotline without a number", "contacts.json", "/contacts/0/number", removed, "/contacts/0", Error,
         "the field \"number\" is missing"},
        {"walk-in contact without address", "contacts.json", "/contacts/0/kind", "walk_in", "/contacts/0", Error,
         "needs an \"address\""},
        {"id with capitals", "services.json", "/services/0/id", "Night_Shelter", "/services/0/id", Error,
         "is not a valid id"},
        {"file path leaving the pack", "manifest.json", "/files",
         json::array({{{"path", "../../etc/passwd"}, {"size", 10}, {"sha256", std::string(64, 'a')}}}),
         "/files/0/path", Error, "points outside the pack"},
        {"absolute file path", "manifest.json", "/files",
         json::array({{{"path", "/etc/passwd"}, {"size", 10}, {"sha256", std::string(64, 'a')}}}), "/files/0/path",
         Error, "points outside the pack"},
        {"ages that exclude everyone", "services.json", "/services/0/eligibility/min_age", 30,
         "/services/0/eligibility", Error, "min_age is above max_age"},
        {"latitude out of range", "services.json", "/services/0/location/lat", 95.5, "/services/0/location/lat", Error,
         "out of range"},
        {"http link", "services.json", "/services/0/url", "http://example.org", "/services/0/url", Error,
         "is not a valid https:// address"},
        {"country name instead of code", "services.json", "/services/0/address/country", "Germany",
         "/services/0/address/country", Error, "use the two capital letters of ISO 3166"},
    };
    for (const auto& c : cases) {
        const std::string what = c.what;
        CAPTURE(what);
        PackFixture pack;
        if (std::string(c.what) == "ages that exclude everyone") pack.set(c.file, "/services/0/eligibility/max_age", 18);
        pack.set(c.file, c.pointer, c.value);
        auto result = load_pack(pack.dir());
        INFO(listing(result.problems));
        CHECK(reports(result.problems, c.file, c.at, c.severity, c.message));
        // An error never yields content; warnings alone still serve the pack.
        CHECK(result.ok() == (c.severity == Warning));
    }
}

TEST_CASE("duplicate ids are reported at the second one") {
    PackFixture pack;
    auto services = pack.read("services.json");
    services["services"].push_back(services["services"][0]);
    pack.write("services.json", services);
    auto result = load_pack(pack.dir());
    INFO(listing(result.problems));
    CHECK(reports(result.problems, "services.json", "/services/1/id", Error,
                  "the id \"night-shelter\" is already used at /services/0"));
    CHECK_FALSE(result.ok());
}

struct BadFile {
    const char* what;
    const char* file;
    std::string text;
    std::string at;
    const char* message;
};

std::string repeated(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

TEST_CASE("damaged files are refused with a reason, never a crash") {
    const std::vector<BadFile> cases = {
        {"trailing comma", "services.json", "{\n  \"categories\": [],\n}", "", "JSON syntax error at line 3, column 1"},
        {"duplicate key", "topics.json", "{\"topics\": [], \"topics\": []}", "/topics",
         "the key \"topics\" appears twice"},
        {"invalid UTF-8", "topics.json", "{\"topics\": [\"\xC3\x28\"]}", "", "Save the file as UTF-8"},
        {"nested thousands deep", "contacts.json", std::string(5000, '[') + std::string(5000, ']'),
         repeated("/0", 32), "nested more than 32 levels deep"},
        {"not an object", "manifest.json", "[1, 2, 3]", "", "expected an object { ... } here, found a list"},
        {"empty file", "contacts.json", "", "", "JSON syntax error"},
    };
    for (const auto& c : cases) {
        const std::string what = c.what;
        CAPTURE(what);
        PackFixture pack;
        pack.write_raw(c.file, c.text);
        auto result = load_pack(pack.dir());
        INFO(listing(result.problems));
        CHECK(reports(result.problems, c.file, c.at, Error, c.message));
        CHECK_FALSE(result.ok());
    }
}

TEST_CASE("a file far larger than any pack needs is refused before it is read") {
    PackFixture pack;
    pack.write_raw("topics.json", "{\"topics\": [\"" + std::string(9u << 20, 'a') + "\"]}");
    auto result = load_pack(pack.dir());
    INFO(listing(result.problems));
    CHECK(reports(result.problems, "topics.json", "", Error, "the limit is 8388608"));
    CHECK_FALSE(result.ok());
}

TEST_CASE("a missing file or folder is reported, not thrown") {
    PackFixture pack;
    std::filesystem::remove(pack.dir() / "contacts.json");
    auto result = load_pack(pack.dir());
    CHECK(reports(result.problems, "contacts.json", "", Error, "the file is missing"));
    auto nowhere = load_pack(pack.dir() / "no-such-folder");
    REQUIRE(nowhere.problems.size() == 1);
    CHECK(nowhere.problems[0].message.find("is not a folder") != std::string::npos);
}

TEST_CASE("every problem in a pack is reported in one run") {
    PackFixture pack;
    pack.set("manifest.json", "/version", "three");
    pack.set("services.json", "/services/0/phones/0/number", "12345678901234567890");
    pack.set("contacts.json", "/contacts/0/kind", "urgent");
    auto result = load_pack(pack.dir());
    INFO(listing(result.problems));
    CHECK(reports(result.problems, "manifest.json", "/version", Error, "expected a whole number"));
    CHECK(reports(result.problems, "services.json", "/services/0/phones/0/number", Error, "is not an E.164 number"));
    CHECK(reports(result.problems, "contacts.json", "/contacts/0/kind", Error, "'urgent' is not a kind of contact"));
}

TEST_CASE("the bundled demo pack loads without errors and meets the demo's brief") {
    auto result = load_pack(HAVEN_DEMO_PACK);
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    const auto& c = *result.content;
    CHECK(c.manifest.demo);
    for (const char* code : {"en", "fr", "ar", "fa", "ti", "uk", "bn", "so"}) {
        CAPTURE(code);
        CHECK(c.language(code) != nullptr);
    }
    CHECK(c.topics.size() >= 8);
    CHECK(c.services.size() >= 12);
    CHECK(c.categories.size() >= 6);
    CHECK(c.contacts.size() >= 4);
    auto has_number = [&](const char* n) {
        return std::any_of(c.contacts.begin(), c.contacts.end(), [&](const auto& k) { return k.phone.number == n; });
    };
    CHECK(has_number("112"));
    CHECK(has_number("116006"));
}

TEST_CASE("language codes are BCP 47 tags as ICU writes them") {
    using haven::canonical_language_tag;
    for (const char* ok : {"ar", "prs", "ps-AF", "zh-Hans", "sr-Latn", "ckb", "ti", "my"}) {
        CAPTURE(std::string(ok));
        CHECK(canonical_language_tag(ok) == ok);
    }
    CHECK(canonical_language_tag("zh-hans") == "zh-Hans");
    CHECK(canonical_language_tag("ps-af") == "ps-AF");
    CHECK(canonical_language_tag("").empty());
    CHECK(canonical_language_tag("e").empty());
    CHECK(canonical_language_tag("ar/../x").empty());
    CHECK(canonical_language_tag("not a tag").empty());
    // Found by fuzzing: forms ICU would change again when reading its own output.
    for (const char* unstable : {"x-u-kb-mu-kf-kh-tz-ca-kc-co-ks-a", "enun-k-true-t-un", "en-ruu-ynu-posix", "und", "en-u-nu-arab"}) {
        CAPTURE(std::string(unstable));
        CHECK(canonical_language_tag(unstable).empty());
    }

    haven::testing::PackFixture pack;
    pack.set("manifest.json", "/languages/2/code", "zh-hans");
    auto result = haven::load_pack(pack.dir());
    CHECK(reports(result.problems, "manifest.json", "/languages/2/code", Error, "is written \"zh-Hans\" in BCP 47"));
}
