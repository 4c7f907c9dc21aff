// The kiosk serves only what a trusted publisher signed: installed with kiosk-pack, checked again at start.
#include "kiosk_runner.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using haven::testing::run_kiosk;
using haven::testing::shots_dir;

namespace {

int sh(const std::string& command) { return std::system(command.c_str()); }

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A kiosk's world for the inbox tests, in `root`: key ngo (and stranger), the demo pack signed as each
// version in pack-vN (by stranger for `forged`), version 1 installed into state/, and kiosk.json naming
// the key, the state folder and root/inbox.
void make_inbox_world(const fs::path& root, std::initializer_list<int> versions, int forged = 0) {
    fs::create_directories(root / "inbox");
    const std::string tool = "'" HAVEN_KIOSK_PACK_BINARY "'";
    auto r = [&](const std::string& name) { return "'" + (root / name).string() + "'"; };
    REQUIRE(sh("cd '" + root.string() + "' && " + tool + " keygen ngo > /dev/null && " + tool + " keygen stranger > /dev/null") == 0);
    for (int version : versions) {
        const std::string dir = "pack-v" + std::to_string(version);
        REQUIRE(sh("cp -r '" HAVEN_DEMO_PACK "' " + r(dir)) == 0);
        REQUIRE(sh("sed -i 's/\"version\": 1,/\"version\": " + std::to_string(version) + ",/' " + r(dir + "/manifest.json")) == 0);
        REQUIRE(sh(tool + " sign " + r(dir) + " --key " + r(version == forged ? "stranger.secret" : "ngo.secret") + " > /dev/null") == 0);
    }
    REQUIRE(sh(tool + " install " + r("pack-v1") + " --into " + r("state") + " --trust " + r("ngo.pub") + " > /dev/null") == 0);
    std::string key = slurp(root / "ngo.pub");
    key.erase(key.find_last_not_of("\n") + 1);
    std::ofstream(root / "kiosk.json") << "{\"trusted_keys\": [\"" << key << "\"], \"state_dir\": \"" << (root / "state").string()
                                       << "\", \"inbox\": \"" << (root / "inbox").string() << "\"}";
}

}  // namespace

TEST_CASE("a kiosk with trusted keys serves the signed pack it installed, and refuses it once a file is altered") {
    const fs::path root = shots_dir / "signed";
    fs::remove_all(root);
    fs::create_directories(root);
    const std::string tool = "'" HAVEN_KIOSK_PACK_BINARY "'";
    REQUIRE(sh("cp -r '" HAVEN_DEMO_PACK "' '" + (root / "pack").string() + "'") == 0);
    REQUIRE(sh("cd '" + root.string() + "' && " + tool + " keygen ngo > /dev/null") == 0);
    REQUIRE(sh(tool + " sign '" + (root / "pack").string() + "' --key '" + (root / "ngo.secret").string() + "' > /dev/null") == 0);
    REQUIRE(sh(tool + " install '" + (root / "pack").string() + "' --into '" + (root / "state").string() + "' --trust '" +
               (root / "ngo.pub").string() + "' > /dev/null") == 0);
    std::string key = slurp(root / "ngo.pub");
    key.erase(key.find_last_not_of("\n") + 1);
    std::ofstream(root / "kiosk.json") << "{\"trusted_keys\": [\"" << key << "\"], \"state_dir\": \"" << (root / "state").string() << "\"}";

    std::string output;
    CHECK(run_kiosk("--windowed 1280x800 --config '" + (root / "kiosk.json").string() + "' --screenshot signed.png", &output) == 0);
    INFO(output);
    CHECK(output.find("serving pack demo-lindenhof version 1") != std::string::npos);
    CHECK(output.find("development mode") == std::string::npos);

    // Someone with access to the disk swaps a hotline number in the installed copy, carefully: the
    // number and how it is shown, so that only the signature can tell.
    REQUIRE(sh("sed -i -e 's/+493023125901/+491701234567/' -e 's/+49 30 23125 901/+49 170 1234567/' '" +
               (root / "state" / "current" / "contacts.json").string() + "'") == 0);
    CHECK(run_kiosk("--windowed 1280x800 --config '" + (root / "kiosk.json").string() + "' --screenshot refused.png", &output) == 0);
    INFO(output);
    CHECK(output.find("haven-kiosk: pack: contacts.json: ") != std::string::npos);
    CHECK(output.find("changed after signing") != std::string::npos);
    CHECK(output.find("showing the 'being updated' screen") != std::string::npos);
}

TEST_CASE("a pack dropped in the inbox is installed in the background and swapped in between visits; a forged one is refused") {
    const fs::path root = shots_dir / "inbox-test";
    fs::remove_all(root);
    make_inbox_world(root, {1, 2, 3}, 3);
    auto r = [&](const char* name) { return "'" + (root / name).string() + "'"; };
    // An admin copies version 2 in just after start (during a visit), a forged version 3 later.
    REQUIRE(sh("(sleep 0.3; cp -r " + r("pack-v2") + " " + r("inbox") + "; sleep 4; cp -r " + r("pack-v3") + " " + r("inbox") +
               ") > /dev/null 2>&1 &") == 0);
    std::string output;
    CHECK(run_kiosk("--windowed 1280x800 --config " + r("kiosk.json") + " --script '" HAVEN_E2E_DIR "/inbox.txt'", &output) == 0);
    INFO(output);
    const size_t installed = output.find("installed pack-v2 version 2 from the inbox");
    const size_t during_visit = output.find("stats:");
    const size_t after_visit = output.find("stats:", during_visit + 1);
    const size_t swapped = output.find("serving pack demo-lindenhof version 2");
    REQUIRE(installed != std::string::npos);
    REQUIRE(swapped != std::string::npos);
    CHECK(output.substr(during_visit, 60).find("in-visit=1") != std::string::npos);
    CHECK(installed < during_visit);  // installed while the visitor was there...
    CHECK(swapped > during_visit);    // ...but not swapped in under them
    CHECK(swapped < after_visit);     // swapped as soon as the visit ended
    CHECK(output.find("rejected pack-v3 from the inbox") != std::string::npos);
    CHECK(output.find("the signature does not match any trusted key") != std::string::npos);
    CHECK(output.find("version 3") == std::string::npos);
}

TEST_CASE("an expired pack is still served (a stale number beats no number), with a notice to visitors") {
    std::string output;
    CHECK(run_kiosk("--windowed 1280x800 --now 2027-07-01T10:00Z --screenshot expired.png", &output) == 0);
    INFO(output);
    CHECK(output.find("serving pack demo-lindenhof") != std::string::npos);
    CHECK(run_kiosk("--windowed 1280x800 --now 2026-11-23T10:00Z --screenshot current.png") == 0);
    // Same screen, one more notice line: the pictures differ.
    CHECK(slurp(shots_dir / "expired.png") != slurp(shots_dir / "current.png"));
}

TEST_CASE("kiosk-pack validate checks audio files are there and really audio, and prints a coverage table") {
    const fs::path root = shots_dir / "media-test";
    fs::remove_all(root);
    REQUIRE(sh("cp -r '" HAVEN_TEST_DATA "/minimal-pack' '" + root.string() + "' && mkdir -p '" + (root / "media").string() + "'") == 0);
    std::ofstream(root / "media" / "a.ogg", std::ios::binary) << std::string("OggS\0\2\0\0\0\0\0\0\0\0", 14);
    std::ofstream(root / "media" / "b.ogg") << "not audio at all";
    REQUIRE(sh("sed -i 's/\"sources\"/\"audio\": {\"en\": \"media\\/a.ogg\", \"ar\": \"media\\/b.ogg\", \"fr\": \"media\\/c.ogg\"}, \"sources\"/' '" +
               (root / "topics.json").string() + "'") == 0);
    REQUIRE(sh("'" HAVEN_KIOSK_PACK_BINARY "' validate '" + root.string() + "' > '" + (root / "out.txt").string() + "'") != 0);
    const std::string out = slurp(root / "out.txt");
    INFO(out);
    CHECK(out.find("topics.json /topics/0/audio/ar: 'media/b.ogg' is not an Ogg, Opus, MP3 or WAV recording") != std::string::npos);
    CHECK(out.find("topics.json /topics/0/audio/fr: 'media/c.ogg' is missing from the pack") != std::string::npos);
    CHECK(out.find("audio/en") == std::string::npos);
    CHECK(out.find("language  translated  fallback  missing") != std::string::npos);
    // sign gives the same verdict: a pack validate calls wrong is never signed.
    REQUIRE(sh("cd '" + root.string() + "' && '" HAVEN_KIOSK_PACK_BINARY "' keygen k > /dev/null") == 0);
    CHECK(sh("'" HAVEN_KIOSK_PACK_BINARY "' sign '" + root.string() + "' --key '" + (root / "k.secret").string() + "' > '" +
             (root / "sign.txt").string() + "' 2>&1") != 0);
    CHECK(slurp(root / "sign.txt").find("'media/b.ogg' is not an Ogg, Opus, MP3 or WAV recording") != std::string::npos);
    CHECK_FALSE(fs::exists(root / "manifest.sig"));
    // Nor an expired one.
    REQUIRE(sh("sed -i 's/\"audio\": {[^}]*}, //; s/\"expires\": \"[0-9-]*\"/\"expires\": \"2020-01-01\"/; "
               "s/\"created\": \"[0-9-]*\"/\"created\": \"2019-01-01\"/; s/\"review_by\": \"[0-9-]*\"/\"review_by\": \"2019-06-01\"/' '" +
               (root / "topics.json").string() + "' '" + (root / "manifest.json").string() + "'") == 0);
    CHECK(sh("'" HAVEN_KIOSK_PACK_BINARY "' sign '" + root.string() + "' --key '" + (root / "k.secret").string() + "' > '" +
             (root / "sign.txt").string() + "' 2>&1") != 0);
    CHECK(slurp(root / "sign.txt").find("the pack expired on 2020-01-01") != std::string::npos);
    CHECK_FALSE(fs::exists(root / "manifest.sig"));
}

TEST_CASE("the inbox looks before it reads: pipes, links to devices and huge sparse files are refused, good packs still install, SIGTERM still ends the kiosk") {
    const fs::path root = shots_dir / "inbox-hostile";
    fs::remove_all(root);
    make_inbox_world(root, {1, 2});
    auto r = [&](const char* name) { return "'" + (root / name).string() + "'"; };
    // What a hostile stick holds, made for real, beside the pack in service and a good update.
    for (const char* bad : {"fifo-pack", "zero-pack", "sparse-pack"}) REQUIRE(sh("cp -r " + r("pack-v2") + " " + r("inbox") + "/" + bad) == 0);
    REQUIRE(sh("rm " + r("inbox") + "/fifo-pack/manifest.json && mkfifo " + r("inbox") + "/fifo-pack/manifest.json") == 0);
    REQUIRE(sh("rm " + r("inbox") + "/zero-pack/manifest.json && ln -s /dev/zero " + r("inbox") + "/zero-pack/manifest.json") == 0);
    REQUIRE(sh("truncate -s 3G " + r("inbox") + "/sparse-pack/manifest.json") == 0);
    REQUIRE(sh("cp -r " + r("pack-v1") + " " + r("inbox") + "/same-pack && touch " + r("inbox") + "/same-pack/.DS_Store") == 0);
    REQUIRE(sh("cp -r " + r("pack-v2") + " " + r("inbox") + "/good-pack && mkdir " + r("inbox") + "/good-pack/.Trashes") == 0);
    std::ofstream(root / "wait.txt") << "sleep 4000\nstats\n";
    std::string output;
    CHECK(run_kiosk("--windowed 1280x800 --config " + r("kiosk.json") + " --script " + r("wait.txt"), &output) == 0);
    INFO(output);
    CHECK(output.find("rejected fifo-pack from the inbox: manifest.json: is a pipe (FIFO)") != std::string::npos);
    CHECK(output.find("rejected zero-pack from the inbox: manifest.json: is a symbolic link") != std::string::npos);
    CHECK(output.find("rejected sparse-pack from the inbox: manifest.json: is 3221225472 bytes") != std::string::npos);
    CHECK(output.find("same-pack: version 1 is already installed") != std::string::npos);
    CHECK(output.find("installed good-pack version 2 from the inbox") != std::string::npos);
    CHECK(output.find("serving pack demo-lindenhof version 2") != std::string::npos);
    CHECK_FALSE(fs::exists(fs::canonical(root / "state" / "current") / ".Trashes"));  // litter is never copied

    // SIGTERM, with a pipe and a 3 GiB file still in the inbox: the kiosk ends at once.
    std::ofstream(root / "long.txt") << "sleep 60000\n";
    const fs::path pid_file = root / "kiosk.pid";
    REQUIRE(sh("cd " + r("") + " && ('" HAVEN_KIOSK_BINARY "' --headless --windowed 640x480 --config " + r("kiosk.json") + " --script " +
               r("long.txt") + " > kiosk.log 2>&1 & echo $! > kiosk.pid)") == 0);
    std::this_thread::sleep_for(std::chrono::seconds(3));  // the inbox has looked at everything by now
    const std::string pid = [&] { auto s = slurp(pid_file); s.erase(s.find_last_not_of("\n") + 1); return s; }();
    REQUIRE(fs::exists("/proc/" + pid));
    REQUIRE(sh("kill -TERM " + pid) == 0);
    const auto sent = std::chrono::steady_clock::now();
    while (fs::exists("/proc/" + pid + "/status") && slurp("/proc/" + pid + "/status").find("State:\tZ") == std::string::npos &&
           std::chrono::steady_clock::now() - sent < std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
    MESSAGE("SIGTERM ended the kiosk in " << took << " s");
    CHECK(took < 1.0);
    sh("kill -KILL " + pid + " 2> /dev/null");
}

TEST_CASE("a bad configuration fails closed: never development mode, staff can read why on the admin screen") {
    const fs::path root = shots_dir / "config-closed";
    fs::remove_all(root);
    fs::create_directories(root);
    const std::string pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$k89H3tUqJIdX4Ln5v4C2Jg$oLWIsZVL2wF979zcr1TJBI2SyPoF3HMPW3vs90H9G6U";
    // One value out of range, keys given: the keys stay, so the unsigned demo pack is refused, not served.
    std::ofstream(root / "range.json") << R"({"idle_timeout_seconds": 20, "trusted_keys": [")" << std::string(64, 'a') << R"("]})";
    std::string output;
    CHECK(run_kiosk("--windowed 1280x800 --config '" + (root / "range.json").string() + "' --screenshot '" + (root / "range.png").string() + "'",
                    &output) == 0);
    INFO(output);
    CHECK(output.find("idle_timeout_seconds: 20 is out of range") != std::string::npos);
    CHECK(output.find("development mode") == std::string::npos);
    CHECK(output.find("manifest.sig: is missing: the pack is not signed") != std::string::npos);
    CHECK(output.find("showing the 'being updated' screen") != std::string::npos);
    // A misspelt trusted_keys: nothing is served, and the admin screen says why.
    std::ofstream(root / "typo.json") << R"({"admin_pin_hash": ")" << pin_hash << R"(", "trusted_key": [")" << std::string(64, 'a') << R"("]})";
    std::ofstream(root / "admin.txt") << "hold admin-corner 5.5\ntap pin.4\ntap pin.8\ntap pin.2\ntap pin.9\ntap pin.1\ntap pin.6\ntap pin.ok\n"
                                         "expect admin.close\nshot config-closed-admin.png\n";
    CHECK(run_kiosk("--windowed 1280x800 --config '" + (root / "typo.json").string() + "' --script '" + (root / "admin.txt").string() + "'",
                    &output) == 0);
    INFO(output);
    CHECK(output.find("did you mean \"trusted_keys\"") != std::string::npos);
    CHECK(output.find("no pack is served until it is fixed") != std::string::npos);
    CHECK(output.find("development mode") == std::string::npos);
}

TEST_CASE("a stick mounted onto the inbox is noticed and its pack installed; what macOS leaves on it is ignored") {
    if (geteuid() != 0) {
        MESSAGE("skipped: mounting needs root");
        return;
    }
    const fs::path root = shots_dir / "inbox-mount";
    sh("umount '" + (root / "inbox").string() + "' 2> /dev/null");
    fs::remove_all(root);
    fs::create_directories(root / "stick");
    make_inbox_world(root, {1, 2});
    auto r = [&](const char* name) { return "'" + (root / name).string() + "'"; };
    // The stick, as a Mac leaves it: the pack at its root, with .DS_Store, ._ files and .Trashes.
    REQUIRE(sh("cp -r " + r("pack-v2") + "/. " + r("stick") + " && touch " + r("stick") + "/.DS_Store " + r("stick") + "/._manifest.json && mkdir " +
               r("stick") + "/.Trashes") == 0);
    std::ofstream(root / "wait.txt") << "sleep 6000\nstats\n";
    // Plugged in a second after start: a bind mount puts the whole stick there at once, as a real mount does.
    REQUIRE(sh("(sleep 1; mount --bind " + r("stick") + " " + r("inbox") + ") > /dev/null 2>&1 &") == 0);
    std::string output;
    CHECK(run_kiosk("--windowed 1280x800 --config " + r("kiosk.json") + " --script " + r("wait.txt"), &output) == 0);
    sh("umount " + r("inbox"));
    INFO(output);
    CHECK(output.find("installed inbox version 2 from the inbox") != std::string::npos);
    CHECK(output.find("serving pack demo-lindenhof version 2") != std::string::npos);
    CHECK(output.find("rejected") == std::string::npos);  // the litter did not get it refused
    CHECK_FALSE(fs::exists(fs::canonical(root / "state" / "current") / ".DS_Store"));
}
