#include "font_set.hpp"
#include "pack_fixture.hpp"
#include "pack_loader.hpp"
#include "pack_report.hpp"
#include "utf.hpp"

#include <doctest/doctest.h>

using namespace haven;
using haven::testing::PackFixture;

TEST_CASE("coverage per language: translated, falling back, missing") {
    PackFixture pack;
    auto loaded = load_pack(pack.dir());
    REQUIRE(loaded.ok());
    auto rows = coverage(*loaded.content);
    REQUIRE(rows.size() == 3);
    // 10 texts: topic title, summary, body; category; service name, description, holiday note; contact name,
    // description, safety note. The fixture translates only the title into Arabic and the summary into French.
    CHECK(rows[0].code == "en");
    CHECK(rows[0].translated == 10);
    CHECK(rows[1].code == "ar");
    CHECK(rows[1].translated == 1);
    CHECK(rows[1].fallback == 9);
    CHECK(rows[2].translated == 1);
    CHECK(rows[2].missing == 0);
}

TEST_CASE("the pack validator can ask which characters of a language no font covers") {
    PackFixture pack;
    pack.set("topics.json", "/topics/0/title/ar", "عنوان \xEE\x80\x81");  // a private-use character
    auto loaded = load_pack(pack.dir());
    REQUIRE(loaded.ok());
    FontSet fonts;
    std::vector<char32_t> missing;
    auto texts = texts_by_language(*loaded.content);  // kept: a range-for over a temporary's element would dangle
    for (const auto& s : texts["ar"])
        for (char32_t c : fonts.uncovered(decode_utf8(s).text)) missing.push_back(c);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == 0xE001);
}

TEST_CASE("freshness: expiry passed or near, review date passed, old reviews and checks") {
    PackFixture pack;
    auto loaded = load_pack(pack.dir());  // expires 2026-12-31, review by 2026-06-30, topic reviewed 2026-01-05
    REQUIRE(loaded.ok());
    auto at = [&](int y, unsigned m, unsigned d) { return freshness(*loaded.content, Date{std::chrono::year{y} / m / d}); };
    auto has = [](const std::vector<Problem>& ps, const std::string& text, bool error) {
        for (const auto& p : ps)
            if (p.message.find(text) != std::string::npos && p.is_error() == error) return true;
        return false;
    };
    CHECK(at(2026, 3, 1).empty());
    CHECK(has(at(2026, 12, 10), "expires in 21 days", false));
    CHECK(has(at(2026, 12, 10), "review date 2026-06-30 has passed", false));
    CHECK(has(at(2027, 1, 2), "expired on 2026-12-31", true));
    CHECK(has(at(2027, 1, 2), "over six months ago", false));
    CHECK(has(at(2027, 2, 1), "over a year ago", false));
}
