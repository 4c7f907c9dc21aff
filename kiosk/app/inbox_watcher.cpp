#include "inbox_watcher.hpp"

#include <chrono>
#include <fstream>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace haven {
namespace fs = std::filesystem;

namespace {

// A cheap fingerprint of everything in the inbox: while a copy is under way it keeps changing.
std::string tree_state(const fs::path& dir) {
    std::string s;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        s += it->path().string();
        if (it->is_regular_file(ec)) s += ":" + std::to_string(it->file_size(ec));
        s += "\n";
    }
    return s;
}

std::string identity(const fs::path& pack) {
    std::ifstream m(pack / "manifest.json", std::ios::binary), sig(pack / signature_file, std::ios::binary);
    // With the files' sizes: a pack refused while half copied is tried again once the copy is complete.
    return std::string(std::istreambuf_iterator<char>(m), {}) + std::string(std::istreambuf_iterator<char>(sig), {}) +
           tree_state(pack);
}

}  // namespace

InboxWatcher::InboxWatcher(fs::path inbox, fs::path state, std::vector<PublicKey> trusted, std::function<void()> wake)
    : inbox_(std::move(inbox)), state_(std::move(state)), trusted_(std::move(trusted)), wake_(std::move(wake)),
      thread_([this] { run(); }) {}

InboxWatcher::~InboxWatcher() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

std::optional<InboxOutcome> InboxWatcher::take() {
    std::lock_guard lock(mutex_);
    if (outcomes_.empty()) return std::nullopt;
    InboxOutcome o = std::move(outcomes_.front());
    outcomes_.erase(outcomes_.begin());
    return o;
}

void InboxWatcher::try_packs() {
    std::vector<fs::path> candidates;
    std::error_code ec;
    if (fs::exists(inbox_ / "manifest.json", ec)) candidates.push_back(inbox_);  // a stick holding one pack at its root
    for (const auto& entry : fs::directory_iterator(inbox_, ec))
        if (entry.is_directory(ec) && fs::exists(entry.path() / "manifest.json", ec)) candidates.push_back(entry.path());
    for (const auto& pack : candidates) {
        std::string id = identity(pack);
        if (!tried_.insert(id).second) continue;
        const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        auto r = install_pack(pack, state_, trusted_, Date{std::chrono::year_month_day{today}});
        {
            std::lock_guard lock(mutex_);
            outcomes_.push_back({r.ok, r.version, pack.filename().string(), r.problems});
        }
        wake_();
    }
}

void InboxWatcher::run() {
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    bool watching = false;
    bool pending = true;  // look once at start: a stick may already be there
    std::string last_state;
    auto last_change = std::chrono::steady_clock::now() - std::chrono::seconds(10);
    constexpr auto settle = std::chrono::seconds(2);
    while (!stop_) {
        if (fd >= 0 && !watching && fs::is_directory(inbox_))  // the mount point may appear later
            watching = inotify_add_watch(fd, inbox_.c_str(), IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_ATTRIB) >= 0;
        pollfd p{fd, POLLIN, 0};
        if (fd >= 0 && poll(&p, 1, 500) > 0) {
            char buffer[4096];
            while (read(fd, buffer, sizeof buffer) > 0) {}
            pending = true;
        } else if (fd < 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            pending = true;  // no inotify: look every half second
        }
        if (!pending || !fs::is_directory(inbox_)) continue;
        // Only a copy that has stopped changing is tried; a half-copied pack would be refused anyway.
        const std::string now_state = tree_state(inbox_);
        if (now_state != last_state) {
            last_state = now_state;
            last_change = std::chrono::steady_clock::now();
            continue;
        }
        if (std::chrono::steady_clock::now() - last_change < settle) continue;
        pending = false;
        try_packs();
    }
    if (fd >= 0) close(fd);
}

}  // namespace haven
