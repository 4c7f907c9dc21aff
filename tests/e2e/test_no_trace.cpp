// No trace: a visit writes nothing to disk, leaves nothing on screen, and the process cannot dump core.
#include "kiosk_runner.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using haven::testing::run_kiosk;
using haven::testing::shots_dir;

namespace {

// The write-like system calls in an strace log, except on `allowed` paths. Attempts that failed count too:
// on another machine they might succeed.
std::vector<std::string> writes_outside(const fs::path& trace, const std::set<std::string>& allowed) {
    static const std::regex open_call(R"re((open|openat|creat)\((?:AT_FDCWD, |\d+, )?"([^"]*)"(?:, ([A-Z_|]+))?)re");
    static const std::regex path_call(
        R"re((rename|renameat|renameat2|unlink|unlinkat|mkdir|mkdirat|rmdir|truncate|link|linkat|symlink|symlinkat)\((?:AT_FDCWD, |\d+, )?"([^"]*)")re");
    std::vector<std::string> found;
    std::ifstream in(trace);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        std::string path;
        if (std::regex_search(line, m, open_call)) {
            const std::string flags = m[3];
            if (m[1] != "creat" && flags.find("O_WRONLY") == std::string::npos && flags.find("O_RDWR") == std::string::npos &&
                flags.find("O_CREAT") == std::string::npos && flags.find("O_TRUNC") == std::string::npos)
                continue;
            path = m[2];
        } else if (std::regex_search(line, m, path_call)) {
            path = m[2];
        } else if (line.find("ftruncate(") != std::string::npos) {
            path = "(ftruncate on a descriptor)";
        } else {
            continue;
        }
        if (!allowed.count(path)) found.push_back(line);
    }
    return found;
}

bool empty_tree(const fs::path& dir) { return fs::is_directory(dir) && fs::is_empty(dir); }

std::string file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a visit writes nothing anywhere, with fresh empty HOME and XDG folders, and leaves nothing on screen") {
    const fs::path root = shots_dir / "no-trace";
    fs::remove_all(root);
    for (const char* d : {"home", "cache", "config", "data", "state", "runtime"}) fs::create_directories(root / d);
    fs::permissions(root / "runtime", fs::perms::owner_all, fs::perm_options::replace);
    const fs::path trace = root / "strace.log";
    fs::remove(shots_dir / "after-visits.png");
    const std::string env = "env HOME='" + (root / "home").string() + "' XDG_CACHE_HOME='" + (root / "cache").string() +
                            "' XDG_CONFIG_HOME='" + (root / "config").string() + "' XDG_DATA_HOME='" + (root / "data").string() +
                            "' XDG_STATE_HOME='" + (root / "state").string() + "' XDG_RUNTIME_DIR='" + (root / "runtime").string() + "'";
    const std::string strace = env + " strace -f -qq -o '" + trace.string() +
                               "' -e trace=open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,rmdir,"
                               "truncate,ftruncate,link,linkat,symlink,symlinkat";
    std::string output;
    const int status = run_kiosk("--windowed 1920x1080 --now 2026-11-23T21:00Z --script '" HAVEN_E2E_DIR "/no-trace-visit.txt'",
                                 &output, strace);
    INFO(output);
    REQUIRE(status == 0);
    REQUIRE(fs::file_size(trace) > 0);  // strace really watched

    const auto writes = writes_outside(trace, {"after-visits.png"});
    std::string listing;
    for (const auto& w : writes) listing += "  " + w + "\n";
    INFO("writes the kiosk must not make:\n" << listing);
    CHECK(writes.empty());
    for (const char* d : {"home", "cache", "config", "data", "state", "runtime"}) {
        CAPTURE(d);
        CHECK(empty_tree(root / d));
    }

    // The caches hold what a fresh start's hold, and no more: the first and last stats lines agree.
    std::vector<std::string> stats;
    for (size_t at = output.find("stats:"); at != std::string::npos; at = output.find("stats:", at + 1))
        stats.push_back(output.substr(at, output.find('\n', at) - at));
    REQUIRE(stats.size() == 2);
    CHECK(stats[0] == stats[1]);
    CHECK(stats[1].find("in-visit=0") != std::string::npos);

    // The screen after the visits equals a fresh start's attract screen, pixel for pixel.
    fs::remove(shots_dir / "fresh-start.png");
    REQUIRE(run_kiosk("--windowed 1920x1080 --now 2026-11-23T21:00Z --screenshot fresh-start.png") == 0);
    CHECK(file_bytes(shots_dir / "after-visits.png") == file_bytes(shots_dir / "fresh-start.png"));
}

TEST_CASE("staff reach the admin screen by a hidden hold and a PIN; wrong PINs lock the pad") {
    std::string output;
    CHECK(run_kiosk("--windowed 1920x1080 --config '" HAVEN_E2E_DIR "/admin-config.json' --script '" HAVEN_E2E_DIR "/admin.txt'",
                    &output) == 0);
    INFO(output);
}

TEST_CASE("a locked-down kiosk ignores close requests; a development window obeys them") {
    std::string output;
    CHECK(run_kiosk("--windowed 1280x800 --script '" HAVEN_E2E_DIR "/quit.txt'", &output) == 0);
    CHECK(output.find("quit at") != std::string::npos);
    CHECK(run_kiosk("--windowed 1280x800 --lockdown --script '" HAVEN_E2E_DIR "/quit.txt'", &output) == 1);
    CHECK(output.find("quit.txt:6: no widget 'no-such-widget-so-the-script-fails-unless-it-quit-first'") != std::string::npos);
}

TEST_CASE("Escape three times is a quick exit; twice is not") {
    std::string output;
    CHECK(run_kiosk("--windowed 1280x800 --script '" HAVEN_E2E_DIR "/escape.txt'", &output) == 0);
    INFO(output);
}

TEST_CASE("core dumps are off and the process is not dumpable, seen from outside the process") {
    // Run the kiosk (waiting on its attract screen) as an unprivileged user, so that /proc shows whether
    // it made itself non-dumpable: the files of a non-dumpable process belong to root.
    const bool as_root = geteuid() == 0;
    const std::string user_switch = as_root ? "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp " : "";
    // The checkout may sit in a folder other users cannot enter (a clone under /root, a 0700 mktemp):
    // what the other user runs is copied where it can reach it.
    char reachable_template[] = "/tmp/haven-dump-test-XXXXXX";
    REQUIRE(mkdtemp(reachable_template));
    const fs::path reachable = reachable_template;
    fs::permissions(reachable, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
    fs::copy_file(HAVEN_KIOSK_BINARY, reachable / "haven-kiosk");
    fs::copy(HAVEN_DEMO_PACK, reachable / "pack", fs::copy_options::recursive);
    fs::copy(HAVEN_LOCALE_DIR, reachable / "locale", fs::copy_options::recursive);
    const fs::path pid_file = shots_dir / "kiosk.pid";
    fs::remove(pid_file);
    const std::string command = "cd /tmp && " + user_switch + "'" + (reachable / "haven-kiosk").string() + "' --pack '" +
                                (reachable / "pack").string() + "' --locale-dir '" + (reachable / "locale").string() +
                                "' --headless --windowed 640x400 > /dev/null 2>&1 & echo $! > '" + pid_file.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    int pid = 0;
    std::ifstream(pid_file) >> pid;
    REQUIRE(pid > 0);
    const fs::path proc = "/proc/" + std::to_string(pid);
    REQUIRE(fs::exists(proc / "status"));

    std::ifstream limits(proc / "limits");
    std::string line, core_limit;
    while (std::getline(limits, line))
        if (line.rfind("Max core file size", 0) == 0) core_limit = line;
    CAPTURE(core_limit);
    CHECK(std::regex_search(core_limit, std::regex(R"(Max core file size\s+0\s+0\s)")));

    struct stat st {};
    REQUIRE(stat((proc / "status").c_str(), &st) == 0);
    std::ifstream status(proc / "status");
    std::string uid_line;
    while (std::getline(status, line))
        if (line.rfind("Uid:", 0) == 0) uid_line = line;
    CAPTURE(uid_line);
    CHECK(uid_line.find("\t0\t") == std::string::npos);  // it really runs unprivileged
    CHECK(st.st_uid == 0);                                 // yet /proc says root: not dumpable
    kill(pid, SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    fs::remove_all(reachable);
}
