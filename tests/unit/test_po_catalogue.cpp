// PO catalogues read by the kiosk itself, checked against msgfmt (GNU gettext) as the outside truth.
#include "pack_fixture.hpp"
#include "pack_loader.hpp"
#include "po_catalogue.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using namespace haven;

namespace {

// What GNU gettext's own checker says of the same text.
bool msgfmt_accepts(const std::string& po) {
    const auto file = std::filesystem::temp_directory_path() / ("haven-po-" + std::to_string(std::random_device{}()) + ".po");
    std::ofstream(file, std::ios::binary) << po;
    const int status = std::system(("msgfmt --check --output-file=/dev/null '" + file.string() + "' 2> /dev/null").c_str());
    std::filesystem::remove(file);
    return status == 0;
}

const std::string header = "msgid \"\"\nmsgstr \"\"\n\"Language: ps\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n";

std::string problems_of(const std::string& po, std::optional<PoCatalogue>* out = nullptr) {
    std::vector<Problem> problems;
    Diagnostics diag("ui/ps.po", problems);
    auto c = parse_po(po, diag);
    if (out) *out = c;
    std::string text;
    for (const auto& p : problems) text += p.to_string() + "\n";
    return text;
}

}  // namespace

TEST_CASE("a good catalogue: escapes, continued strings, contexts; fuzzy and empty entries are not used") {
    const std::string po = header +
        "#: kiosk/app/shell.cpp:28\nmsgid \"Back\"\nmsgstr \"شاته\"\n\n"
        "msgid \"\"\n\"Quick \"\n\"exit\"\nmsgstr \"\"\n\"ژر \"\n\"وتل\"\n\n"
        "msgid \"Say \\\"hello\\\"\\n\"\nmsgstr \"ووایه \\\"سلام\\\"\\n\"\n\n"
        "#, fuzzy\nmsgid \"Emergency\"\nmsgstr \"بیړني\"\n\n"
        "msgid \"Open now\"\nmsgstr \"\"\n\n"
        "msgctxt \"weekday\"\nmsgid \"Mon\"\nmsgstr \"دوشنبه\"\n\n"
        "msgid \"In an emergency, call %s.\"\nmsgstr \"په بیړني حالت کې %s ته زنګ ووهئ.\"\n";
    REQUIRE(msgfmt_accepts(po));
    std::optional<PoCatalogue> c;
    CHECK(problems_of(po, &c).empty());
    REQUIRE(c);
    CHECK(c->language == "ps");
    CHECK(*c->find("Back") == "شاته");
    CHECK(*c->find("Quick exit") == "ژر وتل");
    CHECK(*c->find("Say \"hello\"\n") == "ووایه \"سلام\"\n");
    CHECK(c->find("Emergency") == nullptr);  // fuzzy: never shown until reviewed
    CHECK(c->fuzzy == 1);
    CHECK(c->find("Open now") == nullptr);
    CHECK(c->untranslated == 1);
    CHECK(*c->find(std::string("weekday\x04Mon")) == "دوشنبه");
}

TEST_CASE("broken catalogues are refused with the line, as msgfmt refuses them") {
    struct Case {
        const char* what;
        std::string po;
        const char* says;
    };
    const std::vector<Case> cases = {
        {"a missing quote", header + "msgid \"Back\nmsgstr \"x\"\n", "line 6"},
        {"a stray keyword", header + "msgid \"Back\"\nmsgtsr \"x\"\n", "not a PO keyword"},
        {"msgstr without msgid", header + "msgstr \"x\"\n", "without a msgid"},
        // xgettext marks strings with placeholders c-format; msgfmt checks only those, the kiosk checks all.
        {"%s translated as %d", header + "#, c-format\nmsgid \"call %s\"\nmsgstr \"call %d\"\n", "must keep the placeholders %s"},
        {"a placeholder dropped", header + "#, c-format\nmsgid \"call %s now\"\nmsgstr \"call now\"\n", "must keep the placeholders"},
        {"the same msgid twice", header + "msgid \"Back\"\nmsgstr \"a\"\n\nmsgid \"Back\"\nmsgstr \"b\"\n", "translated twice"},
        {"invalid UTF-8", header + "msgid \"Back\"\nmsgstr \"\xC3\x28\"\n", "not valid UTF-8"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.what));
        CHECK_FALSE(msgfmt_accepts(c.po));
        const auto problems = problems_of(c.po);
        CHECK(problems.find(c.says) != std::string::npos);
        CHECK(problems.find("ui/ps.po") != std::string::npos);
    }
}

TEST_CASE("printf directives are compared in order, %% is not one") {
    CHECK(printf_directives("%s of %d (100%%)") == std::vector<std::string>{"%s", "%d"});
    CHECK(printf_directives("%1$s and %2$s") == std::vector<std::string>{"%1$s", "%2$s"});
    CHECK(printf_directives("no directives").empty());
}

TEST_CASE("a pack's ui/LANG.po is loaded for its own languages; others and broken ones are errors naming the file and line") {
    haven::testing::PackFixture pack;
    std::filesystem::create_directories(pack.dir() / "ui");
    pack.write_raw("ui/ar.po", "msgid \"Back\"\nmsgstr \"إلى الوراء\"\n");
    auto loaded = load_pack(pack.dir());
    REQUIRE(loaded.ok());
    REQUIRE(loaded.content->ui_catalogues.count("ar") == 1);
    CHECK(*loaded.content->ui_catalogues.at("ar").find("Back") == "إلى الوراء");

    pack.write_raw("ui/ps.po", "msgid \"Back\"\nmsgstr \"شاته\"\n");  // Pashto is not a language of this pack
    pack.write_raw("ui/fr.po", "msgid \"Back\"\nmsgstr \"Retour\n");
    loaded = load_pack(pack.dir());
    CHECK_FALSE(loaded.ok());
    std::string text;
    for (const auto& p : loaded.problems) text += p.to_string() + "\n";
    CHECK(text.find("ui/ps.po: is a catalogue for \"ps\", which is not one of the pack's languages") != std::string::npos);
    CHECK(text.find("ui/fr.po: line 2: expected a string in double quotes") != std::string::npos);
}

TEST_CASE("what msgfmt accepts the kiosk accepts: numbered placeholders in another order, plural forms, obsolete entries") {
    const std::string plural_header = header.substr(0, header.size() - 1) + "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n";
    const std::string po = plural_header +
        "#, c-format\nmsgid \"Open until %s on %s\"\nmsgstr \"%2$s: bis %1$s\"\n\n"
        "#, c-format\nmsgid \"%d service\"\nmsgid_plural \"%d services\"\nmsgstr[0] \"\"\n\"%d\"\nmsgstr[1] \"\"\n\"%d x\"\n\n"
        "#, fuzzy\n#~ msgid \"Old\"\n#~ msgstr \"x\"\n\n"
        "msgid \"Back\"\nmsgstr \"شاته\"\n";
    REQUIRE(msgfmt_accepts(po));
    std::optional<PoCatalogue> c;
    CHECK(problems_of(po, &c).empty());
    REQUIRE(c);
    CHECK(*c->find("Open until %s on %s") == "%2$s: bis %1$s");
    CHECK(c->find("Back") != nullptr);  // the obsolete entry's fuzzy flag does not carry over
    // A byte-order mark, which some editors write and msgfmt calls a syntax error, is simply skipped.
    CHECK(problems_of("\xEF\xBB\xBF" + header + "msgid \"Back\"\nmsgstr \"x\"\n").empty());
}

TEST_CASE("hostile catalogues: a placeholder swapped for %n, an escape before a letter, millions of broken lines") {
    CHECK(problems_of(header + "msgid \"call %s\"\nmsgstr \"%n\"\n").find("must keep the placeholders") != std::string::npos);
    CHECK(problems_of(header + "msgid \"Back\"\nmsgstr \"\\é\"\n").find("a backslash before a letter") != std::string::npos);
    std::string junk = header;
    for (int i = 0; i < 100000; ++i) junk += "\"\n";
    std::vector<Problem> problems;
    Diagnostics diag("ui/ps.po", problems);
    CHECK_FALSE(parse_po(junk, diag));
    CHECK(problems.size() == 21);  // twenty, then how many more
    CHECK(problems.back().message.find("more problems") != std::string::npos);
}

TEST_CASE("every built-in catalogue parses cleanly with the kiosk's own reader") {
    size_t read = 0;
    for (const auto& entry : std::filesystem::directory_iterator(HAVEN_LOCALE_DIR)) {
        if (entry.path().extension() != ".po") continue;
        CAPTURE(entry.path().string());
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text(std::istreambuf_iterator<char>(in), {});
        std::optional<PoCatalogue> c;
        CHECK(problems_of(text, &c).empty());
        CHECK(text.find("#: /") == std::string::npos);  // source references relative to the checkout, not a machine's paths
        CHECK(c);
        ++read;
    }
    CHECK(read >= 7);
}

TEST_CASE("a tag ICU expands to exactly its buffer is refused, not read past its end") {
    CHECK(haven::canonical_language_tag("en-u-kb-mu-kf-kh-tz-ca-kc-co-ks-kn").empty());
}
