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
