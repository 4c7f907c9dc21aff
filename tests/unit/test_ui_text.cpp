#include "content.hpp"
#include "ui_text.hpp"

#include <doctest/doctest.h>

#include <clocale>
#include <string>

TEST_CASE("UI strings switch per visitor, including Tigrinya which has no installed locale") {
    haven::init_ui_text(HAVEN_LOCALE_DIR);
    const std::string back_en = "Back";

    haven::set_ui_language("fr");
    const std::string back_fr = _("Back");
    CHECK(back_fr != back_en);

    haven::set_ui_language("ti");
    const std::string back_ti = _("Back");
    CHECK(back_ti != back_en);
    // Ethiopic script: the UTF-8 of U+1200..U+139F starts with 0xE1 0x88..0x8E.
    CHECK(static_cast<unsigned char>(back_ti[0]) == 0xE1);

    haven::set_ui_language("ar");
    CHECK(std::string(_("Back")) != back_en);

    haven::set_ui_language("en");
    CHECK(std::string(_("Back")) == back_en);

    // The switch works without a ti locale: the process stays in C.UTF-8.
    CHECK(std::string(std::setlocale(LC_ALL, nullptr)) == "C.UTF-8");
}

TEST_CASE("an untranslated string falls back to English") {
    haven::init_ui_text(HAVEN_LOCALE_DIR);
    haven::set_ui_language("ti");
    CHECK(std::string(_("a string nobody translated")) == "a string nobody translated");
    haven::set_ui_language("en");
}

namespace {

haven::PoCatalogue catalogue(const std::string& po) {
    std::vector<haven::Problem> problems;
    haven::Diagnostics diag("test.po", problems);
    auto c = haven::parse_po(po, diag);
    REQUIRE(c);
    return *c;
}

haven::Language language(const char* code, haven::Direction direction, std::vector<std::string> fallback = {}) {
    haven::Language l;
    l.code = code;
    l.direction = direction;
    l.fallback = std::move(fallback);
    return l;
}

}  // namespace

TEST_CASE("a pack brings interface languages: its catalogues, fallback chains and directions, overriding built-ins string by string") {
    haven::init_ui_text(HAVEN_LOCALE_DIR);
    haven::Content pack;
    using haven::Direction;
    pack.manifest.default_language = "en";
    pack.manifest.languages = {language("en", Direction::LeftToRight), language("ps", Direction::RightToLeft),
                               language("fa", Direction::RightToLeft), language("prs", Direction::RightToLeft, {"fa", "en"}),
                               language("ar", Direction::RightToLeft)};
    pack.ui_catalogues["ps"] = catalogue("msgid \"Back\"\nmsgstr \"شاته\"\n");
    pack.ui_catalogues["ar"] = catalogue("msgid \"Back\"\nmsgstr \"إلى الوراء\"\n");  // an NGO's better word
    haven::set_ui_pack(&pack);

    haven::set_ui_language("ps");
    CHECK(std::string(_("Back")) == "شاته");
    // Not translated in Pashto, no fallback but English: English, kept left to right inside the RTL screen.
    CHECK(std::string(_("Quick exit")) == "\u2066Quick exit\u2069");

    haven::set_ui_language("prs");  // Dari falls back to Farsi's built-in catalogue, not to English
    haven::set_ui_language("fa");
    const std::string back_fa = _("Back");
    haven::set_ui_language("prs");
    CHECK(std::string(_("Back")) == back_fa);
    CHECK(back_fa != "Back");

    haven::set_ui_language("ar");
    CHECK(std::string(_("Back")) == "إلى الوراء");         // the pack's string wins
    CHECK(std::string(_("Quick exit")) != "Quick exit");    // the rest is still the built-in Arabic
    CHECK(haven::has_own_translation("ps", "Back"));
    CHECK_FALSE(haven::has_own_translation("ps", "Quick exit"));
    CHECK_FALSE(haven::has_own_translation("prs", "Back"));  // only through Farsi

    haven::set_ui_pack(nullptr);
    haven::set_ui_language("en");
}

TEST_CASE("regional variants use the built-in catalogue of their language; an LTR visitor's RTL fallback is isolated") {
    haven::init_ui_text(HAVEN_LOCALE_DIR);
    haven::Content pack;
    using haven::Direction;
    pack.manifest.default_language = "en";
    pack.manifest.languages = {language("en", Direction::LeftToRight), language("ar-SY", Direction::RightToLeft),
                               language("ar", Direction::RightToLeft), language("xx", Direction::LeftToRight, {"ar", "en"})};
    haven::set_ui_pack(&pack);
    haven::set_ui_language("ar");
    const std::string back_ar = _("Back");
    haven::set_ui_language("ar-SY");
    CHECK(std::string(_("Back")) == back_ar);
    haven::set_ui_language("xx");  // a left-to-right language falling back to Arabic
    CHECK(std::string(_("Back")) == "\u2067" + back_ar + "\u2069");
    haven::forget_ui_fallbacks();
    haven::set_ui_pack(nullptr);
    haven::set_ui_language("en");
}
