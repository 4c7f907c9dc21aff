// Watches the kiosk's inbox (a folder an admin copies to, or an automounted USB stick) with inotify;
// once a copy has settled, installs each pack found there in the background, exactly as kiosk-pack
// install does, and wakes the UI. The pack is swapped in by the app, between visits.
#pragma once

#include "pack_install.hpp"

#include <atomic>
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
    bool installed = false;
    long long version = 0;
    std::string pack;               // the folder's name in the inbox
    std::vector<Problem> problems;  // why it was refused
};

class InboxWatcher {
public:
    InboxWatcher(std::filesystem::path inbox, std::filesystem::path state, std::vector<PublicKey> trusted,
                 std::function<void()> wake);
    ~InboxWatcher();
    std::optional<InboxOutcome> take();  // the next result not yet taken

private:
    void run();
    void try_packs();

    std::filesystem::path inbox_, state_;
    std::vector<PublicKey> trusted_;
    std::function<void()> wake_;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::vector<InboxOutcome> outcomes_;
    std::set<std::string> tried_;  // manifest signatures already tried: a refused pack is not retried
    std::thread thread_;
};

}  // namespace haven
