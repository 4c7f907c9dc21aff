// The kiosk's configuration fails closed: no mistake in it can make the kiosk serve unverified packs.
#include "kiosk_config.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>

using namespace haven;
namespace fs = std::filesystem;

namespace {

const std::string key_a(64, 'a'), key_b(64, 'b');

struct ConfigFile {
    fs::path dir = fs::temp_directory_path() / ("haven-config-" + std::to_string(std::random_device{}()));
    fs::path file = dir / "kiosk.json";
    ConfigFile() { fs::create_directories(dir); }
    ~ConfigFile() { fs::remove_all(dir); }
    KioskConfig load(const std::string& text, std::vector<Problem>& problems) {
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
        return load_kiosk_config(file, problems);
    }
};

bool says(const std::vector<Problem>& problems, const std::string& text) {
    for (const auto& p : problems)
        if (p.is_error() && p.to_string().find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a value out of range keeps its default and the keys: verified packs only, never development mode") {
    ConfigFile c;
    std::vector<Problem> problems;
    auto config = c.load(R"({"idle_timeout_seconds": 20, "trusted_keys": [")" + key_a + R"("]})", problems);
    CHECK(says(problems, "idle_timeout_seconds"));
    CHECK(config.idle_timeout_seconds == 90);
    CHECK(config.trusted_keys.size() == 1);
    CHECK_FALSE(config.closed);
    CHECK_FALSE(config.development_mode());
}

TEST_CASE("a misspelt trusted_keys closes the kiosk instead of opening development mode") {
    ConfigFile c;
    for (const std::string name : {"trusted_key", "trustedKeys", "keys", "Trusted_Keys"}) {
        CAPTURE(name);
        std::vector<Problem> problems;
        auto config = c.load(R"({")" + name + R"(": [")" + key_a + R"("]})", problems);
        CHECK(says(problems, "did you mean \"trusted_keys\""));
        CHECK(config.closed);
        CHECK_FALSE(config.development_mode());
    }
}

TEST_CASE("keys that cannot be read close the kiosk; one good key among bad ones still verifies") {
    ConfigFile c;
    std::vector<Problem> problems;
    auto none = c.load(R"({"trusted_keys": ["not a key", ""]})", problems);
    CHECK(says(problems, "/trusted_keys/0: is not a public key"));
    CHECK(none.closed);
    problems.clear();
    auto one = c.load(R"({"trusted_keys": ["not a key", ")" + key_b + R"("]})", problems);
    CHECK(one.trusted_keys.size() == 1);
    CHECK_FALSE(one.closed);
    CHECK_FALSE(one.development_mode());
}

TEST_CASE("a configuration that cannot be read at all serves nothing, with the built-in emergency number") {
    ConfigFile c;
    struct Case {
        const char* what;
        std::function<void(const fs::path&)> make;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"a folder", [](const fs::path& f) { fs::remove(f); fs::create_directory(f); }, "not a regular file"},
        {"empty", [](const fs::path& f) { std::ofstream(f, std::ios::trunc); }, "JSON syntax error"},
        {"1 GB", [](const fs::path& f) { std::ofstream(f, std::ios::trunc); fs::resize_file(f, 1ull << 30); }, "the limit is"},
        {"invalid UTF-8", [](const fs::path& f) { std::ofstream(f, std::ios::trunc) << "{\"emergency_number\": \"\xC3\x28\"}"; }, "UTF-8"},
        {"duplicate keys", [](const fs::path& f) { std::ofstream(f, std::ios::trunc) << "{\"trusted_keys\": [], \"trusted_keys\": []}"; }, "appears twice"},
        {"not an object", [](const fs::path& f) { std::ofstream(f, std::ios::trunc) << "[1, 2]"; }, "one JSON object"},
        {"missing", [](const fs::path& f) { fs::remove(f); }, "missing"},
    };
    for (const auto& k : cases) {
        CAPTURE(std::string(k.what));
        fs::remove_all(c.file);
        std::ofstream(c.file) << "{}";
        k.make(c.file);
        std::vector<Problem> problems;
        auto config = load_kiosk_config(c.file, problems);
        CHECK(says(problems, k.reason));
        CHECK(config.closed);
        CHECK_FALSE(config.development_mode());
        CHECK(config.emergency_display == "112");
    }
}

TEST_CASE("a bad emergency number or PIN hash is refused and never shown or used") {
    ConfigFile c;
    std::vector<Problem> problems;
    auto config = c.load(R"({"emergency_number": "call me", "admin_pin_hash": "1234", "trusted_keys": [")" + key_a + R"("]})", problems);
    CHECK(says(problems, "emergency_number"));
    CHECK(says(problems, "admin_pin_hash"));
    CHECK(config.emergency_number == "112");
    CHECK(config.emergency_display == "112");
    CHECK(config.admin_pin_hash.empty());
}

TEST_CASE("a configuration others can change says nothing trustworthy: closed") {
    ConfigFile c;
    std::vector<Problem> problems;
    std::ofstream(c.file) << R"({"trusted_keys": [")" + key_a + R"("]})";
    fs::permissions(c.file, fs::perms::others_write, fs::perm_options::add);
    auto config = load_kiosk_config(c.file, problems);
    CHECK(says(problems, "can be changed by users other than root"));
    CHECK(config.closed);
}
