// Watches the kiosk's inbox (a folder an admin copies to, or an automounted USB stick) with inotify;
// once a copy has settled, installs each pack found there in the background, exactly as kiosk-pack
// install does, and wakes the UI. The pack is swapped in by the app, between visits.
// It looks before it reads: only real folders and regular files, a bounded number of them, nothing that
// can block; a pack still being written is tried again later; stop() ends it within half a second.
#pragma once

#include "pack_install.hpp"

#include <atomic>
#include <chrono>
#include <map>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace haven {

struct InboxOutcome {
    enum class Kind { Installed, AlreadyInstalled, Refused, NeedsConfirmation, Waiting };
    Kind kind = Kind::Refused;
    long long version = 0;
    std::string pack;               // the folder's name in the inbox
    std::string manifest_sha256;    // which signed manifest (for an admin's confirmation)
    std::vector<Problem> problems;  // why it was refused
};

class InboxWatcher {
public:
    InboxWatcher(std::filesystem::path inbox, std::filesystem::path state, std::vector<PublicKey> trusted,
                 std::function<void()> wake);
    ~InboxWatcher();
    std::optional<InboxOutcome> take();  // the next result not yet taken
    // An admin confirmed a version jump for exactly this signed manifest: it is tried again, allowed.
    void confirm_version_jump(const std::string& manifest_sha256);

private:
    void run();
    void try_packs();

    std::filesystem::path inbox_, state_;
    std::vector<PublicKey> trusted_;
    std::function<void()> wake_;
    std::atomic<bool> stop_{false};
    int stop_fd_ = -1;                // an eventfd: stopping wakes the watcher at once
    std::atomic<bool> retry_{false};  // a pack was still being written: look again after it settles
    std::mutex mutex_;
    std::vector<InboxOutcome> outcomes_;
    std::string confirmed_;           // guarded by mutex_
    std::set<std::string> tried_;     // manifest hash + folder state hash: a refused pack is not retried unchanged
    std::map<std::string, std::chrono::steady_clock::time_point> waiting_since_;  // packs tried again and again
    std::thread thread_;
};

}  // namespace haven
