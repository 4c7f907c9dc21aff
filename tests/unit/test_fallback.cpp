#include "pack_fixture.hpp"
#include "pack_loader.hpp"

#include <doctest/doctest.h>

using haven::testing::PackFixture;

TEST_CASE("localised text resolves through the language's fallback chain and says where it came from") {
    PackFixture pack;
    auto result = haven::load_pack(pack.dir());
    REQUIRE(result.ok());
    const auto& c = *result.content;
    const auto& topic = c.topics.at(0);

    SUBCASE("the visitor's own language when present") {
        auto title = c.resolve(topic.title, "ar");
        REQUIRE(title);
        CHECK(*title.value == "الحق في اللجوء");
        CHECK(title.language == "ar");
        CHECK_FALSE(title.is_fallback);
    }
    SUBCASE("the first language of the chain that has it (ar -> fr -> en)") {
        auto summary = c.resolve(topic.summary, "ar");
        REQUIRE(summary);
        CHECK(summary.language == "fr");
        CHECK(summary.is_fallback);
        auto body = c.resolve(topic.body, "ar");
        REQUIRE(body);
        CHECK(body.language == "en");
        CHECK(body.is_fallback);
    }
    SUBCASE("a language the pack does not know falls back to the default language") {
        auto title = c.resolve(topic.title, "ti");
        REQUIRE(title);
        CHECK(title.language == "en");
        CHECK(title.is_fallback);
    }
    SUBCASE("the chain itself") {
        auto chain = c.lookup_chain("ar");
        REQUIRE(chain.size() == 3);
        CHECK(chain[0] == "ar");
        CHECK(chain[1] == "fr");
        CHECK(chain[2] == "en");
        CHECK(c.lookup_chain("en").size() == 1);
    }
    SUBCASE("nothing at all when no language of the chain has the text") {
        haven::LocalizedText only_french;
        only_french.by_language["fr"] = "Bonjour";
        CHECK_FALSE(c.resolve(only_french, "en"));
    }
}
