#include "script.hpp"

#include <doctest/doctest.h>

using namespace haven;

TEST_CASE("scripts parse into steps with their line numbers") {
    auto parsed = parse_script("# a visit\ntouch attract\n\ndrag list 0 -400\nwait 250\nadvance 90\nshot a.png\nids\nexpect home\nexpect-not back\n");
    REQUIRE(std::holds_alternative<std::vector<Step>>(parsed));
    const auto& steps = std::get<std::vector<Step>>(parsed);
    REQUIRE(steps.size() == 8);
    CHECK(steps[0].kind == Step::Kind::Touch);
    CHECK(steps[0].argument == "attract");
    CHECK(steps[0].line == 2);
    CHECK(steps[1].kind == Step::Kind::Drag);
    CHECK(steps[1].dy == -400);
    CHECK(steps[2].amount == 250);
    CHECK(steps[3].kind == Step::Kind::Advance);
    CHECK(steps[4].argument == "a.png");
    CHECK(steps[7].kind == Step::Kind::ExpectNot);
}

TEST_CASE("a wrong step is refused with its line") {
    auto check_error = [](const char* text, int line, const char* fragment) {
        auto parsed = parse_script(text);
        REQUIRE(std::holds_alternative<ScriptError>(parsed));
        const auto& e = std::get<ScriptError>(parsed);
        CHECK(e.line == line);
        CHECK(e.message.find(fragment) != std::string::npos);
    };
    check_error("tap a\nclick b\n", 2, "unknown step 'click'");
    check_error("drag x 10\n", 1, "drag ID DX DY");
    check_error("wait -5\n", 1, "not negative");
    check_error("shot screen.jpg\n", 1, "ending in .png");
    check_error("tap\n", 1, "one widget id");
}
