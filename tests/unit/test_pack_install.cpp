#include "trust_fixture.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sys/wait.h>

using namespace haven;
using haven::testing::PackFixture;
namespace fs = std::filesystem;

namespace {

const Date today{std::chrono::year{2026} / 11 / 23};
using Setup = haven::testing::TrustSetup;
using haven::testing::refused_because;
using haven::testing::version_in_service;

}  // namespace

TEST_CASE("install, refuse rollbacks and expired packs, roll back by the admin, remember the highest version") {
    Setup s;
    PackFixture v3, v4, v2, expired;
    s.sign_version(v3, 3);
    s.sign_version(v4, 4);
    s.sign_version(v2, 2);
    s.sign_version(expired, 5, "2026-11-01");

    auto r = install_pack(v3.dir(), s.state, {s.pub}, today);
    CHECK(r.ok);
    CHECK(r.signer == fingerprint(s.pub));
    CHECK(version_in_service(s.state) == 3);
    CHECK(verify_pack(s.state / "current", {s.pub}).ok);  // the copy in service is the signed pack, whole

    auto same = install_pack(v3.dir(), s.state, {s.pub}, today);  // the pack in service, dropped in again
    CHECK(same.already_installed);
    CHECK(refused_because(same, "is already installed"));
    CHECK(refused_because(install_pack(v2.dir(), s.state, {s.pub}, today), "is not newer than version 3"));
    CHECK(refused_because(install_pack(expired.dir(), s.state, {s.pub}, today), "expired on 2026-11-01"));
    CHECK(version_in_service(s.state) == 3);

    CHECK(install_pack(v4.dir(), s.state, {s.pub}, today).ok);
    CHECK(version_in_service(s.state) == 4);
    std::string error;
    CHECK(roll_back(s.state, error));  // the admin goes back to the previous pack
    CHECK(version_in_service(s.state) == 3);
    CHECK(refused_because(install_pack(v4.dir(), s.state, {s.pub}, today), "is not newer than version 4"));

    // Deleting the packs does not reset what was installed before.
    fs::remove_all(s.state / "packs");
    fs::remove(s.state / "current");
    fs::remove(s.state / "previous");
    CHECK(refused_because(install_pack(v4.dir(), s.state, {s.pub}, today), "is not newer than version 4"));
}

TEST_CASE("a forged or tampered pack changes nothing") {
    Setup s;
    PackFixture v3, forged;
    s.sign_version(v3, 3);
    REQUIRE(install_pack(v3.dir(), s.state, {s.pub}, today).ok);
    s.sign_version(forged, 9);
    auto contacts = forged.read("contacts.json");
    contacts["contacts"][0]["number"] = "+491701234567";  // a trafficker's number as the "emergency" line
    forged.write("contacts.json", contacts);
    auto r = install_pack(forged.dir(), s.state, {s.pub}, today);
    CHECK_FALSE(r.ok);
    CHECK(refused_because(r, "changed after signing"));
    CHECK(version_in_service(s.state) == 3);
}

TEST_CASE("development mode (no trusted keys) installs an unsigned pack") {
    Setup s;
    PackFixture unsigned_pack;
    auto r = install_pack(unsigned_pack.dir(), s.state, {}, today);
    CHECK(r.ok);
    CHECK(r.signer.empty());
    CHECK(version_in_service(s.state) == 3);
}

TEST_CASE("killed at any point of an install, the kiosk finds a whole pack: the old one or the new one") {
    Setup s;
    PackFixture v3, v4;
    s.sign_version(v3, 3);
    s.sign_version(v4, 4);
    int completed_at = 0;
    for (int point = 1; point < 200 && !completed_at; ++point) {
        CAPTURE(point);
        fs::remove_all(s.state);
        REQUIRE(install_pack(v3.dir(), s.state, {s.pub}, today).ok);
        // exec: the status is the installer's own, not a shell's report of it.
        const std::string command = "exec env HAVEN_INSTALL_CRASH_AT=" + std::to_string(point) + " '" HAVEN_KIOSK_PACK_BINARY "' install '" +
                                    v4.dir().string() + "' --into '" + s.state.string() + "' --trust '" + (s.root / "ngo.pub").string() +
                                    "' > /dev/null 2>&1";
        const int status = std::system(command.c_str());
        const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        if (!killed) {
            CHECK(WIFEXITED(status));
            CHECK(WEXITSTATUS(status) == 0);
            completed_at = point;
        }
        const long long v = version_in_service(s.state);
        CHECK((v == 3 || v == 4));
        CHECK(verify_pack(s.state / "current", {s.pub}).ok);  // whole: every file as signed
        // After a crash, installing again finishes the job (or says it is already done).
        auto again = install_pack(v4.dir(), s.state, {s.pub}, today);
        CHECK((again.ok || again.already_installed || refused_because(again, "is not newer than version 4")));
        CHECK(version_in_service(s.state) == 4);
    }
    MESSAGE("install has " << completed_at - 1 << " kill points; every one left a whole pack in service");
    CHECK(completed_at > 10);
}

TEST_CASE("with trusted keys, a current pack altered on disk falls back to the whole previous one") {
    Setup s;
    PackFixture v3, v4;
    s.sign_version(v3, 3);
    s.sign_version(v4, 4);
    REQUIRE(install_pack(v3.dir(), s.state, {s.pub}, today).ok);
    REQUIRE(install_pack(v4.dir(), s.state, {s.pub}, today).ok);
    auto served = load_installed_for_service(s.state, {s.pub});
    REQUIRE(served.loaded.ok());
    CHECK(served.loaded.content->manifest.version == 4);
    CHECK(served.signer == fingerprint(s.pub));

    // Someone edits the installed copy: it still loads, but it is no longer what was signed.
    auto contacts = nlohmann::json::parse(std::ifstream(s.state / "current" / "contacts.json"));
    contacts["contacts"][0]["description"]["en"] = "Call a different number.";
    std::ofstream(s.state / "current" / "contacts.json", std::ios::trunc) << contacts.dump();
    served = load_installed_for_service(s.state, {s.pub});
    REQUIRE(served.loaded.ok());
    CHECK(served.loaded.content->manifest.version == 3);  // the previous pack, verified on its own
    CHECK_FALSE(served.refusals.empty());                  // and the reason current was refused is kept
    CHECK(load_for_service(s.state / "current", {s.pub}).loaded.ok() == false);
    CHECK(load_for_service(s.state / "current", {}).loaded.ok());  // development mode does not verify
}
