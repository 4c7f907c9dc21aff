#include "phone.hpp"

#include <doctest/doctest.h>

using namespace haven;

TEST_CASE("E.164 numbers and short codes") {
    CHECK(is_e164("+493023125001"));
    CHECK(is_e164("+4930123"));
    CHECK_FALSE(is_e164("+49 30 123"));
    CHECK_FALSE(is_e164("004930123"));
    CHECK_FALSE(is_e164("+0123456789"));
    CHECK_FALSE(is_e164("+1234567890123456"));  // 16 digits
    CHECK(is_short_code("112"));
    CHECK(is_short_code("116006"));
    CHECK_FALSE(is_short_code("11"));
    CHECK_FALSE(is_short_code("0800"));
    CHECK_FALSE(is_short_code("1160060"));
}

TEST_CASE("what an editor probably meant") {
    CHECK(suggest_e164("0049 30 123") == "+4930123");
    CHECK(suggest_e164("+49 (30) 231-25 001") == "+493023125001");
    CHECK(suggest_e164("030 23125 001", "DE") == "+493023125001");
    CHECK(suggest_e164("01 23 45 67 89", "FR") == "+33123456789");
    CHECK_FALSE(suggest_e164("030 23125 001"));        // country unknown: no guess
    CHECK_FALSE(suggest_e164("030 23125 001", "XX"));
    CHECK_FALSE(suggest_e164("0800 HELP NOW", "DE"));  // letters: cannot be sure
    CHECK_FALSE(suggest_e164("12345"));
}

TEST_CASE("the digits a person reads") {
    CHECK(phone_digits("+49 30 23125-001") == "493023125001");
    CHECK(phone_digits("116 006") == "116006");
}
