#include "admin_gate.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

using haven::AdminGate;

TEST_CASE("the admin PIN is checked against an Argon2id hash; wrong PINs lock the pad, longer each time") {
    const std::string hash = haven::hash_pin("482916");
    REQUIRE(hash.starts_with("$argon2id$"));
    CHECK(hash.find("482916") == std::string::npos);
    AdminGate gate(hash);
    std::string pin = "482916";
    CHECK(gate.try_pin(pin, 0) == AdminGate::Result::Granted);
    CHECK(pin.empty());  // the typed PIN never outlives the check
    for (int i = 0; i < AdminGate::free_tries - 1; ++i) {
        pin = "000000";
        CHECK(gate.try_pin(pin, 1) == AdminGate::Result::Wrong);
        CHECK(gate.locked_for(1) == 0);
    }
    pin = "000000";
    CHECK(gate.try_pin(pin, 1) == AdminGate::Result::Wrong);
    CHECK(gate.locked_for(1) == doctest::Approx(AdminGate::first_lock));
    pin = "482916";
    CHECK(gate.try_pin(pin, 10) == AdminGate::Result::Locked);  // even the right PIN waits
    pin = "111111";
    CHECK(gate.try_pin(pin, 40) == AdminGate::Result::Wrong);
    CHECK(gate.locked_for(40) == doctest::Approx(2 * AdminGate::first_lock));
    pin = "482916";
    CHECK(gate.try_pin(pin, 101) == AdminGate::Result::Granted);
}

TEST_CASE("without a configured hash there is no admin access") {
    AdminGate gate("");
    std::string pin = "123456";
    CHECK(gate.try_pin(pin, 0) == AdminGate::Result::NotConfigured);
}

TEST_CASE("kiosk-pack hash-pin accepts exactly what the pad can enter") {
    auto accepts = [](const std::string& pin) {
        return std::system(("echo '" + pin + "' | '" HAVEN_KIOSK_PACK_BINARY "' hash-pin > /dev/null 2>&1").c_str()) == 0;
    };
    CHECK(accepts("482916"));
    CHECK(accepts("123456789012"));
    CHECK_FALSE(accepts("12345"));
    CHECK_FALSE(accepts("1234567890123"));        // 13 digits: the pad stops at 12
    CHECK_FALSE(accepts("12345678901234567890"));
    CHECK_FALSE(accepts("12345a"));
}

TEST_CASE("wrong PINs are remembered across a restart, and a right one clears the record") {
    const std::string hash = haven::hash_pin("482916");
    const auto record = std::filesystem::temp_directory_path() / ("haven-pin-" + std::to_string(std::rand()));
    {
        haven::AdminGate gate(hash, record);
        for (int i = 0; i < haven::AdminGate::free_tries; ++i) {
            std::string wrong = "111111";
            CHECK(gate.try_pin(wrong, 0) == haven::AdminGate::Result::Wrong);
        }
        CHECK(gate.locked_for(0) > 0);
    }
    haven::AdminGate restarted(hash, record);  // the kiosk restarted: the clock starts again at 0
    CHECK(restarted.locked_for(0) == doctest::Approx(haven::AdminGate::first_lock));
    std::string right = "482916";
    CHECK(restarted.try_pin(right, 0) == haven::AdminGate::Result::Locked);
    right = "482916";
    CHECK(restarted.try_pin(right, haven::AdminGate::first_lock + 1) == haven::AdminGate::Result::Granted);
    haven::AdminGate again(hash, record);
    CHECK(again.locked_for(0) == 0);
    std::filesystem::remove(record);
}
