// The pack a kiosk shows: read once, verified from the same bytes it is parsed from, and, from the state
// folder, only the version that was installed last (or that an admin rolled back to).
#pragma once

#include "pack_loader.hpp"
#include "pack_keys.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace haven {

struct ServedPack {
    LoadResult loaded;              // content null when it cannot be served
    std::string signer;             // empty in development mode
    std::vector<Problem> refusals;  // why a pack was refused (also one that was passed over for `previous`)
    bool from_previous = false;     // `current` could not be served; the previous pack is
};

// A pack folder given directly (--pack): loaded and, with trusted keys, verified file by file.
ServedPack load_for_service(const std::filesystem::path& pack, const std::vector<PublicKey>& trusted);

// The state folder's `current` pack, or its `previous` one when `current` cannot be served; each is
// verified on its own. Refused outright when others could change the folder.
ServedPack load_installed_for_service(const std::filesystem::path& state, const std::vector<PublicKey>& trusted);

// The same in development mode (nothing verified): for tests and tools.
LoadResult load_installed(const std::filesystem::path& state);

// What installing must know about a state folder: the highest version ever installed and the identity
// of the pack in service. `error` is set when a record is damaged: then nothing may be installed.
struct InstalledHistory {
    long long highest = 0;
    std::optional<long long> rolled_back_to;
    std::string in_service_sha256;
    std::string error;
};
InstalledHistory installed_history(const std::filesystem::path& state);

// The date that expiry is judged by: the clock, but never earlier than what the kiosk has known.
Date judged_today(const Date& clock, const std::filesystem::path& state, const Manifest& manifest);

}  // namespace haven
