// A publisher's key pair and a kiosk state folder in a fresh temporary folder, for the trust tests.
#pragma once

#include "pack_fixture.hpp"
#include "pack_install.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>

namespace haven::testing {

struct TrustSetup {
    std::filesystem::path root = std::filesystem::temp_directory_path() / ("haven-trust-" + std::to_string(std::random_device{}()));
    std::filesystem::path state = root / "state";
    PublicKey pub{};
    SecretKey secret{};
    TrustSetup() {
        std::filesystem::create_directories(root);
        std::string error;
        REQUIRE(write_key_pair(root / "ngo", error));
        pub = *read_public_key(root / "ngo.pub", error);
        secret = *read_secret_key(root / "ngo.secret", error);
    }
    ~TrustSetup() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
    // Signs the fixture pack as `version`.
    void sign_version(PackFixture& pack, long long version, const char* expires = "2027-12-31") const {
        pack.set("manifest.json", "/version", version);
        pack.set("manifest.json", "/expires", expires);
        std::string error;
        REQUIRE(sign_pack(pack.dir(), secret, error));
    }
};

inline long long version_in_service(const std::filesystem::path& state) {
    auto r = load_installed(state);
    return r.ok() ? r.content->manifest.version : -1;
}

inline bool refused_because(const InstallResult& r, const std::string& text) {
    for (const auto& p : r.problems)
        if (p.message.find(text) != std::string::npos) return !r.ok;
    return false;
}

}  // namespace haven::testing
