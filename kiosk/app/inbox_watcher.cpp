#include "inbox_watcher.hpp"

#include "pack_walk.hpp"

#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace haven {
namespace fs = std::filesystem;

namespace {

// A folder holding this many entries in all is not looked at further: no stick needs more.
constexpr std::size_t max_inbox_entries = 4 * max_pack_entries;

// What a folder holds, by name, size and times, without reading a file: while a copy is under way it
// keeps changing. Bounded: a folder of a million files costs no more than its first entries.
std::string tree_state(const fs::path& dir, std::size_t limit) {
    std::string error;
    auto folder = Folder::open(dir, error);
    if (!folder) return "unreadable";
    auto listing = walk_pack(folder->fd(), limit, {});
    std::string s;
    for (const auto& e : listing.entries)
        s += e.path + ":" + std::to_string(int(e.kind)) + ":" + std::to_string(e.stamp.size) + ":" + std::to_string(e.stamp.mtime_ns) + ":" +
             std::to_string(e.stamp.ctime_ns) + "\n";
    if (listing.too_many) s += "(more)";
    return s;
}

bool has_manifest(const fs::path& dir) {
    std::string error;
    auto folder = Folder::open(dir, error);
    if (!folder) return false;
    // Whatever it is (a pipe, a link): the installer says why it is refused, without reading it.
    return lstat_at(folder->fd(), "manifest.json").has_value();
}

}  // namespace

InboxWatcher::InboxWatcher(fs::path inbox, fs::path state, std::vector<PublicKey> trusted, std::function<void()> wake)
    : inbox_(std::move(inbox)), state_(std::move(state)), trusted_(std::move(trusted)), wake_(std::move(wake)),
      stop_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)), thread_([this] { run(); }) {}

InboxWatcher::~InboxWatcher() {
    stop_ = true;
    const std::uint64_t one = 1;
    if (stop_fd_ >= 0 && ::write(stop_fd_, &one, sizeof one) < 0) {}  // wakes the poll below at once
    if (thread_.joinable()) thread_.join();
    if (stop_fd_ >= 0) ::close(stop_fd_);
}

std::optional<InboxOutcome> InboxWatcher::take() {
    std::lock_guard lock(mutex_);
    if (outcomes_.empty()) return std::nullopt;
    InboxOutcome o = std::move(outcomes_.front());
    outcomes_.erase(outcomes_.begin());
    return o;
}

void InboxWatcher::confirm_version_jump(const std::string& manifest_sha256) {
    {
        std::lock_guard lock(mutex_);
        confirmed_ = manifest_sha256;
    }
    retry_ = true;
}

void InboxWatcher::try_packs() {
    // A stick holding one pack at its root, or packs in folders of their own; links are not followed.
    std::vector<fs::path> candidates;
    if (has_manifest(inbox_)) candidates.push_back(inbox_);
    std::string error;
    if (auto folder = Folder::open(inbox_, error)) {
        auto listing = walk_pack(folder->fd(), 256, [](const std::string&) { return false; });
        for (const auto& e : listing.entries)
            if (e.kind == PackEntry::Kind::Folder && !e.path.starts_with(".") && has_manifest(inbox_ / e.path))
                candidates.push_back(inbox_ / e.path);
    }
    std::string confirmed;
    {
        std::lock_guard lock(mutex_);
        confirmed = confirmed_;
    }
    for (const auto& pack : candidates) {
        if (stop_) return;
        const std::string before = tree_state(pack, max_pack_entries + 1);
        std::string manifest_error;
        auto manifest = read_regular_file(pack / "manifest.json", max_manifest_bytes, manifest_error);
        const std::string manifest_sha256 = manifest ? sha256_hex(*manifest) : "";
        const std::string key = manifest_sha256 + ":" + sha256_hex(before);  // small, whatever the folder holds
        const bool is_confirmed = !confirmed.empty() && confirmed == manifest_sha256;
        if (tried_.count(key) && !is_confirmed) continue;
        InstallOptions options;
        options.stop = &stop_;
        if (is_confirmed) options.confirmed_manifest_sha256 = confirmed;
        const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        auto r = install_pack(pack, state_, trusted_, Date{std::chrono::year_month_day{today}}, options);
        if (stop_) return;
        // Changed while it was read (a second copy over the first, a stick still being written): not a
        // verdict on the pack. Tried again once it has settled; nothing was installed, no version used.
        if (r.retry_later || tree_state(pack, max_pack_entries + 1) != before) {
            retry_ = true;
            // Not for ever in silence: after a minute of retries, staff are told why it waits.
            auto& since = waiting_since_[pack.filename().string()];
            if (since == std::chrono::steady_clock::time_point{}) since = std::chrono::steady_clock::now();
            if (std::chrono::steady_clock::now() - since > std::chrono::minutes(1)) {
                since = std::chrono::steady_clock::now();
                std::lock_guard lock(mutex_);
                outcomes_.push_back({InboxOutcome::Kind::Waiting, r.version, pack.filename().string(), r.manifest_sha256, r.problems});
                wake_();
            }
            continue;
        }
        waiting_since_.erase(pack.filename().string());
        if (tried_.size() >= 1024) tried_.clear();  // bounded: at worst a refusal is said again
        tried_.insert(key);
        InboxOutcome outcome{InboxOutcome::Kind::Refused, r.version, pack.filename().string(), r.manifest_sha256, r.problems};
        if (r.ok) outcome.kind = InboxOutcome::Kind::Installed;
        else if (r.already_installed) outcome.kind = InboxOutcome::Kind::AlreadyInstalled;
        else if (r.needs_confirmation) outcome.kind = InboxOutcome::Kind::NeedsConfirmation;
        {
            std::lock_guard lock(mutex_);
            if (is_confirmed) confirmed_.clear();
            outcomes_.push_back(std::move(outcome));
        }
        wake_();
    }
}

void InboxWatcher::run() {
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    // A stick mounted onto the inbox (or its automount folder appearing) changes nothing inotify sees in
    // the folder: the mount table does, and the kernel flags it on this file (proc(5)).
    const int mounts = ::open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    bool watching = false;
    bool pending = true;  // look once at start: a stick may already be there
    std::string last_state;
    auto last_change = std::chrono::steady_clock::now() - std::chrono::seconds(10);
    constexpr auto settle = std::chrono::seconds(2);
    while (!stop_) {
        std::error_code ec;
        if (fd >= 0 && !watching && fs::is_directory(inbox_, ec))  // the mount point may appear later
            watching = inotify_add_watch(fd, inbox_.c_str(), IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_ATTRIB) >= 0;
        pollfd p[3] = {{fd, POLLIN, 0}, {stop_fd_, POLLIN, 0}, {mounts, POLLPRI, 0}};
        const int ready = poll(p, 3, 500);
        if (stop_) break;
        if (ready > 0 && (p[2].revents & (POLLPRI | POLLERR))) {
            watching = false;  // watch what is now at the inbox's path: the stick's own root
            pending = true;
        }
        if (fd >= 0 && ready > 0 && (p[0].revents & POLLIN)) {
            char buffer[4096];
            while (read(fd, buffer, sizeof buffer) > 0) {}
            pending = true;
        } else if (fd < 0) {
            pending = true;  // no inotify: look every half second
        }
        if (retry_.exchange(false)) pending = true;
        if (stop_ || !pending || !fs::is_directory(inbox_, ec)) continue;
        // Only a copy that has stopped changing is tried; a half-copied pack would be refused anyway.
        const std::string now_state = tree_state(inbox_, max_inbox_entries);
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
    if (mounts >= 0) close(mounts);
}

}  // namespace haven
