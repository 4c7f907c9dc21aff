#include "session.hpp"

#include <doctest/doctest.h>

using namespace haven;

TEST_CASE("a visit goes attract -> language -> home -> screens and back") {
    Session s;
    CHECK(s.current().screen == Screen::Attract);
    CHECK_FALSE(s.in_visit());
    s.start();
    CHECK(s.current().screen == Screen::Languages);
    s.choose_language("ti");
    CHECK(s.language() == "ti");
    CHECK(s.current().screen == Screen::Home);
    s.open(Screen::Topics);
    s.open(Screen::Article, "asylum");
    s.open(Screen::Article, "asylum");  // a double tap does not stack the same page twice
    CHECK(s.current().id == "asylum");
    s.back();
    CHECK(s.current().screen == Screen::Topics);
    s.home();
    CHECK(s.current().screen == Screen::Home);
    s.back();
    CHECK(s.current().screen == Screen::Languages);  // a wrong language can be changed
}

TEST_CASE("ending a visit forgets the language, the path and the scroll positions") {
    Session s;
    s.start();
    s.choose_language("ar");
    s.open(Screen::Categories);
    s.scroll() = 420;
    s.end();
    CHECK(s.language().empty());
    CHECK(s.current().screen == Screen::Attract);
    CHECK(s.current().scroll == 0);
    CHECK_FALSE(s.can_go_back());
    s.back();  // nothing to go back to: still the attract screen
    CHECK(s.current().screen == Screen::Attract);
}
