// Issue 9's findings, each driven deterministically: files changed between or during reads through the
// reader's progress hook (no timing lottery), special files created for real, modes and clocks set.
#include "trust_fixture.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

using namespace haven;
using haven::testing::PackFixture;
using haven::testing::refused_because;
using haven::testing::TrustSetup;
using haven::testing::version_in_service;
namespace fs = std::filesystem;

namespace {

const Date today{std::chrono::year{2026} / 11 / 23};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes; }

std::string first_number(const fs::path& contacts) {
    return nlohmann::json::parse(slurp(contacts))["contacts"][0]["number"].get<std::string>();
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::string all_messages(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.to_string() + "\n";
    return out;
}

}  // namespace

TEST_CASE("the manifest swapped after it was read changes no decision: version, expiry and files come from the signed bytes") {
    TrustSetup s;
    PackFixture v1, v2;
    s.sign_version(v1, 1);
    s.sign_version(v2, 2);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);
    const std::string signed_manifest = slurp(v2.dir() / "manifest.json");
    // The attacker's manifest: a huge version (to freeze every later update) that lists no files.
    auto forged = nlohmann::json::parse(signed_manifest);
    forged["version"] = 9007199254740992LL;
    forged.erase("files");
    InstallOptions options;
    options.on_progress = [&](const std::string& file, const char* event) {
        if (file == "manifest.json" && std::string_view(event) == "read") spit(v2.dir() / "manifest.json", forged.dump(2));
    };
    auto r = install_pack(v2.dir(), s.state, {s.pub}, today, options);
    INFO(all_messages(r.problems));
    CHECK(r.ok);
    CHECK(r.version == 2);
    CHECK(slurp(s.state / "highest-version") == "2\n");
    CHECK(slurp(s.state / "current" / "manifest.json") == signed_manifest);  // the verified bytes, not the swapped file
    CHECK(verify_pack(s.state / "current", {s.pub}).ok);
    CHECK(version_in_service(s.state) == 2);
}

TEST_CASE("an older signed pack swapped in after the check is never installed over a newer one") {
    TrustSetup s;
    PackFixture v1, v2, v3;
    s.sign_version(v1, 1);
    s.sign_version(v2, 2);
    s.sign_version(v3, 3);
    auto v1_contacts = v1.read("contacts.json");
    v1_contacts["contacts"][0]["number"] = "110";  // the retired number of version 1
    v1.write("contacts.json", v1_contacts);
    s.sign_version(v1, 1);
    REQUIRE(install_pack(v2.dir(), s.state, {s.pub}, today).ok);
    // While version 3 is read, every file of the old version 1 is put in its place.
    InstallOptions options;
    options.on_progress = [&](const std::string& file, const char* event) {
        if (file == "manifest.json" && std::string_view(event) == "read")
            for (const char* f : {"manifest.json", "manifest.sig", "topics.json", "services.json", "contacts.json"})
                fs::copy_file(v1.dir() / f, v3.dir() / f, fs::copy_options::overwrite_existing);
    };
    auto r = install_pack(v3.dir(), s.state, {s.pub}, today, options);
    INFO(all_messages(r.problems));
    CHECK_FALSE(r.ok);
    CHECK(refused_because(r, "changed after signing"));
    CHECK(version_in_service(s.state) == 2);
    CHECK(first_number(s.state / "current" / "contacts.json") == "112");
    CHECK(slurp(s.state / "highest-version") == "2\n");  // no version used up
}

TEST_CASE("the kiosk parses the very bytes it verified: a file rewritten after it was read does not reach the screen") {
    TrustSetup s;
    PackFixture v1;
    s.sign_version(v1, 1);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);
    auto forged = nlohmann::json::parse(slurp(s.state / "current" / "contacts.json"));
    forged["contacts"][0]["number"] = "+491701234567";
    PackReadOptions options;
    options.trusted = {s.pub};
    options.require_private = true;
    const fs::path installed = fs::canonical(s.state / "current");
    options.on_progress = [&](const std::string& file, const char* event) {
        if (file == "contacts.json" && std::string_view(event) == "read") spit(installed / "contacts.json", forged.dump(2));
    };
    auto read = read_pack(installed, options);
    REQUIRE(read.ok);
    auto loaded = load_pack(read.documents);
    REQUIRE(loaded.ok());
    CHECK(loaded.content->contacts[0].phone.number == "112");
    // And the next read sees the change and refuses the whole pack.
    CHECK_FALSE(load_installed_for_service(s.state, {s.pub}).loaded.ok());
}

TEST_CASE("a file that changes while it is copied is never installed damaged and burns no version; the same pack installs later") {
    TrustSetup s;
    PackFixture v1, v2;
    s.sign_version(v1, 1);
    s.sign_version(v2, 2);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);
    const std::string services = slurp(v2.dir() / "services.json");
    // Copying the pack into the inbox a second time: the file is rewritten (same bytes) mid-read.
    InstallOptions options;
    options.on_progress = [&](const std::string& file, const char* event) {
        if (file == "services.json" && std::string_view(event) == "piece") {
            spit(v2.dir() / "services.json", "");
            spit(v2.dir() / "services.json", services);
        }
    };
    auto r = install_pack(v2.dir(), s.state, {s.pub}, today, options);
    INFO(all_messages(r.problems));
    CHECK_FALSE(r.ok);
    CHECK(r.retry_later);
    CHECK(refused_because(r, "changed while it was read"));
    CHECK(version_in_service(s.state) == 1);
    CHECK(slurp(s.state / "highest-version") == "1\n");
    auto again = install_pack(v2.dir(), s.state, {s.pub}, today);  // once the copy has settled
    INFO(all_messages(again.problems));
    CHECK(again.ok);
    CHECK(version_in_service(s.state) == 2);
}

TEST_CASE("special files are refused before a byte is read: a FIFO, a link to /dev/zero, a 3 GiB sparse file") {
    TrustSetup s;
    struct Case {
        const char* what;
        std::function<void(const fs::path&)> make;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"manifest is a FIFO", [](const fs::path& d) { fs::remove(d / "manifest.json"); REQUIRE(::mkfifo((d / "manifest.json").c_str(), 0644) == 0); },
         "is a pipe (FIFO), not a regular file"},
        {"manifest links to /dev/zero", [](const fs::path& d) { fs::remove(d / "manifest.json"); fs::create_symlink("/dev/zero", d / "manifest.json"); },
         "is a symbolic link"},
        {"manifest is a 3 GiB sparse file", [](const fs::path& d) { fs::resize_file(d / "manifest.json", 3ull << 30); },
         "is 3221225472 bytes; the limit is 4194304"},
        {"a document is a 3 GiB sparse file", [](const fs::path& d) { fs::resize_file(d / "topics.json", 3ull << 30); },
         "but the manifest says"},
        {"a document is a FIFO", [](const fs::path& d) { fs::remove(d / "topics.json"); REQUIRE(::mkfifo((d / "topics.json").c_str(), 0644) == 0); },
         "is not a regular file"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.what));
        PackFixture pack;
        s.sign_version(pack, 4);
        c.make(pack.dir());
        auto r = install_pack(pack.dir(), s.state, {s.pub}, today);  // returns: nothing blocked or ran out of memory
        INFO(all_messages(r.problems));
        CHECK_FALSE(r.ok);
        CHECK(refused_because(r, c.reason));
        // Development mode reads without a signature, and checks just the same.
        auto dev = load_pack(pack.dir());
        CHECK_FALSE(dev.ok());
    }
}

TEST_CASE("a pack of more files than a pack ever needs is refused at once, without reading them") {
    TrustSetup s;
    PackFixture pack;
    s.sign_version(pack, 4);
    for (size_t i = 0; i <= max_pack_entries; ++i) std::ofstream(pack.dir() / ("tiny-" + std::to_string(i)));
    auto r = install_pack(pack.dir(), s.state, {s.pub}, today);
    CHECK(refused_because(r, "holds more than 10000 files and folders"));
    auto v = verify_pack(pack.dir(), {s.pub});
    CHECK_FALSE(v.ok);
    CHECK(v.problems.size() < 30);  // one line per kind of trouble, not one per file
    // An unlisted folder is refused as a folder, and not walked into at all.
    PackFixture nested;
    s.sign_version(nested, 5);
    fs::create_directories(nested.dir() / "media" / "deeper");
    for (size_t i = 0; i < 2000; ++i) std::ofstream(nested.dir() / "media" / "deeper" / std::to_string(i));
    auto n = verify_pack(nested.dir(), {s.pub});
    CHECK_FALSE(n.ok);
    REQUIRE(n.problems.size() == 1);
    CHECK(n.problems[0].file == "media");
}

TEST_CASE("installed copies get the installer's modes, not the stick's; old versions are removed") {
    TrustSetup s;
    PackFixture v1, v2, v3;
    for (auto* p : {&v1, &v2, &v3}) fs::permissions(p->dir(), fs::perms::all);
    s.sign_version(v1, 1);
    s.sign_version(v2, 2);
    s.sign_version(v3, 3);
    for (auto* p : {&v1, &v2, &v3})
        for (const auto& e : fs::directory_iterator(p->dir())) fs::permissions(e.path(), fs::perms::all);  // a FAT stick, umask 000
    const mode_t old_umask = ::umask(0);  // and an installer with a careless umask
    auto r1 = install_pack(v1.dir(), s.state, {s.pub}, today);
    ::umask(077);
    auto r2 = install_pack(v2.dir(), s.state, {s.pub}, today);
    auto r3 = install_pack(v3.dir(), s.state, {s.pub}, today);
    ::umask(old_umask);
    REQUIRE(r1.ok);
    REQUIRE(r2.ok);
    REQUIRE(r3.ok);
    CHECK(mode_of(s.state) == 0755);
    CHECK(mode_of(s.state / "packs") == 0755);
    const fs::path current = fs::canonical(s.state / "current");
    CHECK(mode_of(current) == 0755);
    for (const auto& e : fs::directory_iterator(current)) {
        CAPTURE(e.path().string());
        CHECK(mode_of(e.path()) == 0644);
    }
    CHECK(mode_of(s.state / "highest-version") == 0644);
    std::set<std::string> kept;
    for (const auto& e : fs::directory_iterator(s.state / "packs")) kept.insert(e.path().filename().string());
    CHECK(kept == std::set<std::string>{"test-minimal-v2", "test-minimal-v3"});
}

TEST_CASE("the kiosk refuses a state folder that others can change, and says why") {
    TrustSetup s;
    PackFixture v1;
    s.sign_version(v1, 1);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);
    REQUIRE(load_installed_for_service(s.state, {s.pub}).loaded.ok());
    fs::permissions(s.state, fs::perms::others_write, fs::perm_options::add);
    auto served = load_installed_for_service(s.state, {s.pub});
    CHECK_FALSE(served.loaded.ok());
    CHECK(all_messages(served.refusals).find("can be changed by users other than its owner") != std::string::npos);
    PackFixture v2;
    s.sign_version(v2, 2);
    CHECK(refused_because(install_pack(v2.dir(), s.state, {s.pub}, today), "chmod go-w"));
    fs::permissions(s.state, fs::perms::others_write, fs::perm_options::remove);
    // A file inside the pack in service made writable for all is refused just the same.
    fs::permissions(fs::canonical(s.state / "current") / "contacts.json", fs::perms::others_write, fs::perm_options::add);
    served = load_installed_for_service(s.state, {s.pub});
    CHECK_FALSE(served.loaded.ok());
    CHECK(all_messages(served.refusals).find("contacts.json: can be changed by users other than its owner") != std::string::npos);
}

TEST_CASE("the version served must be the highest installed, unless an admin rolled back") {
    TrustSetup s;
    PackFixture v1, v2;
    s.sign_version(v1, 1);
    s.sign_version(v2, 2);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);
    REQUIRE(install_pack(v2.dir(), s.state, {s.pub}, today).ok);
    // Someone points `current` back at the old copy by hand (both are whole and signed).
    fs::remove(s.state / "current");
    fs::create_symlink("packs/test-minimal-v1", s.state / "current");
    auto served = load_installed_for_service(s.state, {s.pub});
    CHECK_FALSE(served.loaded.ok());
    CHECK(all_messages(served.refusals).find("version 2 was installed") != std::string::npos);
    // Put right, then the admin's own rollback is honoured.
    fs::remove(s.state / "current");
    fs::create_symlink("packs/test-minimal-v2", s.state / "current");
    std::string error;
    REQUIRE(roll_back(s.state, error));
    served = load_installed_for_service(s.state, {s.pub});
    REQUIRE(served.loaded.ok());
    CHECK(served.loaded.content->manifest.version == 1);
}

TEST_CASE("a damaged record of the highest version stops installs instead of resetting them") {
    TrustSetup s;
    PackFixture v1, v2;
    s.sign_version(v1, 1);
    s.sign_version(v2, 2);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);
    spit(s.state / "highest-version", "garbage\n");
    CHECK(refused_because(install_pack(v2.dir(), s.state, {s.pub}, today), "highest-version is damaged"));
}

TEST_CASE("a version far ahead needs an admin's confirmation of exactly that signed manifest") {
    TrustSetup s;
    PackFixture v1, far, other;
    s.sign_version(v1, 1);
    s.sign_version(far, 9007199254740992LL / 2);
    s.sign_version(other, 5000);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);
    auto r = install_pack(far.dir(), s.state, {s.pub}, today);
    CHECK(r.needs_confirmation);
    CHECK(refused_because(r, "An admin must confirm it"));
    CHECK(version_in_service(s.state) == 1);
    // A confirmation of one manifest does not let another through.
    InstallOptions confirmed;
    confirmed.confirmed_manifest_sha256 = r.manifest_sha256;
    CHECK(install_pack(other.dir(), s.state, {s.pub}, today, confirmed).needs_confirmation);
    auto yes = install_pack(far.dir(), s.state, {s.pub}, today, confirmed);
    INFO(all_messages(yes.problems));
    CHECK(yes.ok);
    PackFixture next;
    s.sign_version(next, 9007199254740992LL / 2 + 1);
    CHECK(install_pack(next.dir(), s.state, {s.pub}, today).ok);  // one up from there needs nobody
}

TEST_CASE("a clock set back cannot revive an expired pack; a clock before a pack's creation is reported") {
    TrustSetup s;
    PackFixture v1, stale;
    s.sign_version(v1, 1);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);  // the kiosk has known 2026-11-23
    CHECK(slurp(s.state / "clock-floor") == "2026-11-23\n");
    s.sign_version(stale, 2, "2026-06-30");  // expired in June
    const Date a_year_ago{std::chrono::year{2025} / 11 / 23};
    auto r = install_pack(stale.dir(), s.state, {s.pub}, a_year_ago);
    INFO(all_messages(r.problems));
    CHECK(refused_because(r, "expired on 2026-06-30"));
    CHECK(all_messages(r.problems).find("the clock is wrong") != std::string::npos);
    // What visitors are told is judged the same way.
    auto served = load_installed_for_service(s.state, {s.pub});
    REQUIRE(served.loaded.ok());
    CHECK(judged_today(a_year_ago, s.state, served.loaded.content->manifest) == today);
    // Without any history, a pack's own creation date is the floor.
    const Date long_ago{std::chrono::year{2020} / 1 / 1};
    CHECK(judged_today(long_ago, {}, served.loaded.content->manifest).iso() == "2026-01-10");
}

// Found by an adversarial review of the first version of this chain.

TEST_CASE("a pack dated years ahead cannot push the clock floor and stop every later update; it waits for an admin") {
    TrustSetup s;
    PackFixture v10, typo, v12;
    s.sign_version(v10, 10);
    REQUIRE(install_pack(v10.dir(), s.state, {s.pub}, today).ok);
    typo.set("manifest.json", "/created", "2062-11-01");
    s.sign_version(typo, 11, "2063-12-31");
    auto r = install_pack(typo.dir(), s.state, {s.pub}, today);
    CHECK(r.needs_confirmation);
    CHECK(refused_because(r, "the pack's date or the kiosk's clock is wrong"));
    // Even once an admin lets it in, the floor moves no further than the clock: the next normal release installs.
    InstallOptions yes;
    yes.confirmed_manifest_sha256 = r.manifest_sha256;
    REQUIRE(install_pack(typo.dir(), s.state, {s.pub}, today, yes).ok);
    CHECK(slurp(s.state / "clock-floor") == "2026-11-25\n");  // the clock (and two days), not the typo
    s.sign_version(v12, 12, "2027-12-31");
    auto next = install_pack(v12.dir(), s.state, {s.pub}, today);
    INFO(all_messages(next.problems));
    CHECK(next.ok);
    // A kiosk clock far ahead at one install moves the floor at most a year past the pack's creation.
    TrustSetup t;
    PackFixture a, b;
    t.sign_version(a, 1, "2063-12-31");
    REQUIRE(install_pack(a.dir(), t.state, {t.pub}, Date{std::chrono::year{2062} / 1 / 1}).ok);
    CHECK(slurp(t.state / "clock-floor") == "2027-01-11\n");  // created 2026-01-10 + 366 days
    b.set("manifest.json", "/created", "2026-11-01");
    t.sign_version(b, 2, "2027-12-31");
    CHECK(install_pack(b.dir(), t.state, {t.pub}, today).ok);
}

TEST_CASE("no other user can hold the install lock; subfolders of a pack get 0755 under any umask") {
    TrustSetup s;
    PackFixture v1;
    fs::create_directories(v1.dir() / "media" / "icons");
    spit(v1.dir() / "media" / "icons" / "a.png", "png");
    s.sign_version(v1, 1);
    const mode_t old_umask = ::umask(077);
    auto r = install_pack(v1.dir(), s.state, {s.pub}, today);
    ::umask(old_umask);
    INFO(all_messages(r.problems));
    REQUIRE(r.ok);
    CHECK(mode_of(s.state / "install.lock") == 0600);
    const fs::path current = fs::canonical(s.state / "current");
    CHECK(mode_of(current / "media") == 0755);
    CHECK(mode_of(current / "media" / "icons") == 0755);
    CHECK(mode_of(current / "media" / "icons" / "a.png") == 0644);
    CHECK(load_installed_for_service(s.state, {s.pub}).loaded.ok());
}

TEST_CASE("a folder above the state folder that others can write is refused; a sticky one like /tmp is fine") {
    TrustSetup s;
    PackFixture v1;
    s.sign_version(v1, 1);
    REQUIRE(install_pack(v1.dir(), s.state, {s.pub}, today).ok);  // below /tmp (sticky)
    fs::permissions(s.root, fs::perms::others_write, fs::perm_options::add);
    auto served = load_installed_for_service(s.state, {s.pub});
    CHECK_FALSE(served.loaded.ok());
    CHECK(all_messages(served.refusals).find("a folder above the state folder") != std::string::npos);
    fs::permissions(s.root, fs::perms::others_write, fs::perm_options::remove);
    CHECK(load_installed_for_service(s.state, {s.pub}).loaded.ok());
}

TEST_CASE("files named like OS litter still count towards the limit on entries") {
    TrustSetup s;
    PackFixture pack;
    s.sign_version(pack, 4);
    for (size_t i = 0; i <= max_pack_entries; ++i) std::ofstream(pack.dir() / ("._" + std::to_string(i)));
    CHECK(refused_because(install_pack(pack.dir(), s.state, {s.pub}, today), "holds more than 10000 files and folders"));
}
