#include "calendar.hpp"
#include "rich_text.hpp"

#include <doctest/doctest.h>

using namespace haven;

TEST_CASE("dates are exactly YYYY-MM-DD and real days") {
    CHECK(parse_date("2026-02-28"));
    CHECK(parse_date("2028-02-29"));
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("2026-2-28"));
    CHECK_FALSE(parse_date("28.02.2026"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK(parse_date("2026-11-23")->iso() == "2026-11-23");
}

TEST_CASE("times are HH:MM from 00:00 to 24:00") {
    CHECK(parse_time("00:00")->minutes == 0);
    CHECK(parse_time("24:00")->minutes == 1440);
    CHECK(parse_time("09:30")->hhmm() == "09:30");
    CHECK_FALSE(parse_time("24:01"));
    CHECK_FALSE(parse_time("9:30"));
    CHECK_FALSE(parse_time("12:60"));
    CHECK(parse_weekday("sun") == 6);
    CHECK_FALSE(parse_weekday("Sunday"));
}

TEST_CASE("inline markup becomes spans") {
    auto parsed = parse_inline("Call <tel:116006> *now*, or see <https://example.org/help>.");
    CHECK(parsed.errors.empty());
    // "Call " | 116006 | " " | now | ", or see " | https://example.org/help | "."
    REQUIRE(parsed.spans.size() == 7);
    CHECK(parsed.spans[0].text == "Call ");
    CHECK(parsed.spans[1].kind == Span::Kind::Phone);
    CHECK(parsed.spans[1].target == "116006");
    CHECK(parsed.spans[3].kind == Span::Kind::Emphasis);
    CHECK(parsed.spans[3].text == "now");
    CHECK(parsed.spans[4].text == ", or see ");
    CHECK(parsed.spans[5].kind == Span::Kind::Link);
    CHECK(parsed.spans[5].target == "https://example.org/help");
    CHECK(parsed.spans[6].text == ".");
    CHECK(parse_inline("<tel:0049 30>").errors.size() == 1);
    CHECK(parse_inline("a < b").errors.size() == 1);
    CHECK(parse_inline("<ftp://x.org>").errors.size() == 1);
}
