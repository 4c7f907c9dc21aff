#include "pack_fixture.hpp"
#include "pack_integrity.hpp"
#include "pack_loader.hpp"

#include <doctest/doctest.h>
#include <sodium.h>

#include <fstream>

using namespace haven;
using haven::testing::PackFixture;
namespace fs = std::filesystem;

namespace {

struct Keys {
    fs::path dir = fs::temp_directory_path() / ("haven-keys-" + std::to_string(std::random_device{}()));
    PublicKey pub{};
    SecretKey secret{};
    Keys(const char* name = "publisher") {
        fs::create_directories(dir);
        std::string error;
        REQUIRE(write_key_pair(dir / name, error));
        pub = *read_public_key(dir / (std::string(name) + ".pub"), error);
        secret = *read_secret_key(dir / (std::string(name) + ".secret"), error);
    }
    ~Keys() { fs::remove_all(dir); }
};

std::string listing(const Verification& v) {
    std::string out;
    for (const auto& p : v.problems) out += "  " + p.to_string() + "\n";
    return out;
}

bool refused_with(const Verification& v, const std::string& file, const std::string& text) {
    if (v.ok) return false;
    for (const auto& p : v.problems)
        if (p.file == file && p.message.find(text) != std::string::npos) return true;
    return false;
}

void append(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::app | std::ios::binary) << bytes; }

// Signs whatever manifest.json holds now, byte for byte (for manifests kiosk-pack sign would never write).
void resign_as_is(const fs::path& pack, const SecretKey& key) {
    std::ifstream in(pack / "manifest.json", std::ios::binary);
    std::string bytes(std::istreambuf_iterator<char>(in), {});
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), key.data());
    char hex[crypto_sign_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, sig, sizeof sig);
    std::ofstream(pack / signature_file, std::ios::trunc) << hex << "\n";
}

}  // namespace

TEST_CASE("keys: the secret key is owner-only, and a key is never overwritten") {
    Keys keys;
    const auto perms = fs::status(keys.dir / "publisher.secret").permissions();
    CHECK((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    std::string error;
    CHECK_FALSE(write_key_pair(keys.dir / "publisher", error));
    CHECK(error.find("exists already") != std::string::npos);
}

TEST_CASE("a signed pack verifies and names its signer; the manifest lists every file") {
    Keys keys;
    PackFixture pack;
    std::string error;
    REQUIRE(sign_pack(pack.dir(), keys.secret, error));
    auto v = verify_pack(pack.dir(), {keys.pub});
    INFO(listing(v));
    CHECK(v.ok);
    CHECK(v.signer == fingerprint(keys.pub));
    CHECK(pack.read("manifest.json")["files"].size() == 3);  // topics, services, contacts
    CHECK(load_pack(pack.dir()).ok());  // signing kept the manifest a valid pack manifest
}

TEST_CASE("every tampered, forged, partial or escaping pack is refused with its reason") {
    Keys keys, stranger("stranger");
    struct Case {
        const char* what;
        std::function<void(PackFixture&)> change;
        const char* file;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"manifest edited after signing", [](PackFixture& p) { p.set("manifest.json", "/version", 99); }, "manifest.json",
         "the signature does not match any trusted key"},
        {"signed by a key the kiosk does not trust", [&](PackFixture& p) { std::string e; sign_pack(p.dir(), stranger.secret, e); },
         "manifest.json", "the signature does not match any trusted key"},
        {"file changed after signing", [](PackFixture& p) {
             auto t = p.read("topics.json");
             t["topics"][0]["title"]["en"] = "Right to asylum!";  // one character more: also a size change
             p.write("topics.json", t);
         }, "topics.json", "changed after signing or copied only in part"},
        {"file changed after signing, same size", [](PackFixture& p) {
             std::fstream f(p.dir() / "contacts.json", std::ios::in | std::ios::out | std::ios::binary);
             f.seekp(10);
             f.put('X');
         }, "contacts.json", "does not match its SHA-256"},
        {"file added after signing", [](PackFixture& p) { std::ofstream(p.dir() / "extra.png") << "png"; }, "extra.png",
         "was added after signing"},
        {"folder added after signing, with a file in it", [](PackFixture& p) {
             fs::create_directories(p.dir() / "media");
             std::ofstream(p.dir() / "media" / "extra.png") << "png";
         }, "media", "is a folder the signed manifest does not list"},
        {"empty folder added after signing", [](PackFixture& p) { fs::create_directories(p.dir() / "empty"); }, "empty",
         "is a folder the signed manifest does not list"},
        {"file removed after signing", [](PackFixture& p) { fs::remove(p.dir() / "contacts.json"); }, "contacts.json",
         "listed in the manifest but missing"},
        {"truncated copy (USB stick pulled)", [](PackFixture& p) { fs::resize_file(p.dir() / "services.json", 100); },
         "services.json", "is 100 bytes, but the manifest says"},
        {"file far larger than declared", [](PackFixture& p) { append(p.dir() / "topics.json", std::string(20u << 20, ' ')); },
         "topics.json", "but the manifest says"},
        {"a listed file replaced by a symlink out of the pack", [](PackFixture& p) {
             fs::rename(p.dir() / "services.json", p.dir() / ".." / (p.dir().filename().string() + "-services.json"));
             fs::create_symlink(p.dir() / ".." / (p.dir().filename().string() + "-services.json"), p.dir() / "services.json");
         }, "services.json", "is a symbolic link"},
        {"a symlink added pointing out", [](PackFixture& p) { fs::create_symlink("/etc/passwd", p.dir() / "passwd"); }, "passwd",
         "is a symbolic link"},
        {"signature missing", [](PackFixture& p) { fs::remove(p.dir() / signature_file); }, signature_file, "is not signed"},
        {"signature garbled", [](PackFixture& p) { std::ofstream(p.dir() / signature_file) << "not hex\n"; }, signature_file,
         "is not a signature"},
    };
    for (const auto& c : cases) {
        const std::string what = c.what;
        CAPTURE(what);
        PackFixture pack;
        std::string error;
        REQUIRE(sign_pack(pack.dir(), keys.secret, error));
        c.change(pack);
        auto v = verify_pack(pack.dir(), {keys.pub});
        INFO(listing(v));
        CHECK(refused_with(v, c.file, c.reason));
        fs::remove(pack.dir() / ".." / (pack.dir().filename().string() + "-services.json"));
    }
}

TEST_CASE("a signed manifest naming a path outside the pack is refused") {
    Keys keys;
    PackFixture pack;
    std::string error;
    REQUIRE(sign_pack(pack.dir(), keys.secret, error));
    for (const char* path : {"../outside.json", "/etc/passwd", "media/../../x"}) {
        CAPTURE(path);
        auto manifest = pack.read("manifest.json");
        manifest["files"].push_back({{"path", path}, {"size", 1}, {"sha256", std::string(64, 'a')}});
        pack.write("manifest.json", manifest);
        resign_as_is(pack.dir(), keys.secret);  // the signature is good: only the path is wrong
        auto v = verify_pack(pack.dir(), {keys.pub});
        INFO(listing(v));
        CHECK(refused_with(v, "manifest.json", "points outside the pack"));
        REQUIRE(sign_pack(pack.dir(), keys.secret, error));
    }
}

TEST_CASE("signed but broken content is still refused by the loader: invalid UTF-8, deep nesting, duplicate keys, 200 MB") {
    Keys keys;
    struct Case {
        const char* what;
        std::string text;
        const char* reason;
    };
    const std::vector<Case> cases = {
        {"invalid UTF-8", "{\"topics\": [\"\xC3\x28\"]}", "Save the file as UTF-8"},
        {"nested thousands deep", std::string(5000, '[') + std::string(5000, ']'), "nested more than"},
        {"duplicate keys", "{\"topics\": [], \"topics\": []}", "appears twice"},
        {"a 200 MB string", "{\"topics\": [{\"id\": \"" + std::string(200u << 20, 'a') + "\"}]}", "the limit is"},
    };
    for (const auto& c : cases) {
        const std::string what = c.what;
        CAPTURE(what);
        PackFixture pack;
        pack.write_raw("topics.json", c.text);
        std::string error;
        REQUIRE(sign_pack(pack.dir(), keys.secret, error));  // a careless publisher signed it
        CHECK(verify_pack(pack.dir(), {keys.pub}).ok);
        auto loaded = load_pack(pack.dir());
        CHECK_FALSE(loaded.ok());
        bool found = false;
        for (const auto& p : loaded.problems) found = found || (p.file == "topics.json" && p.message.find(c.reason) != std::string::npos);
        CHECK(found);
    }
}
