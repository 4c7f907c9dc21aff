// Installing a pack into the kiosk's state folder, so that a power cut at any instant leaves either the
// old or the new pack in service, whole:
//   STATE/packs/<id>-v<version>/   complete copies, each written and fsynced before it is used
//   STATE/current, STATE/previous  symlinks, switched by rename (atomic), the folder fsynced after
//   STATE/highest-version          the highest version ever installed: deleting a pack does not reset it
#pragma once

#include "calendar.hpp"
#include "pack_integrity.hpp"
#include "pack_loader.hpp"

#include <filesystem>
#include <vector>

namespace haven {

struct InstallResult {
    bool ok = false;
    long long version = 0;
    std::string signer;            // empty in development mode (no trusted keys)
    std::vector<Problem> problems;  // why it was refused; nothing changed then
};

// Verifies (signature and files, unless `trusted` is empty: development mode), validates, refuses an
// expired pack or one not newer than any installed before, then copies and switches atomically.
InstallResult install_pack(const std::filesystem::path& pack, const std::filesystem::path& state,
                           const std::vector<PublicKey>& trusted, const Date& today);

// The pack in service: `current`, or `previous` if `current` cannot be loaded.
LoadResult load_installed(const std::filesystem::path& state);

// A pack ready to be shown: loaded and, with trusted keys, verified file by file (content null otherwise).
struct ServedPack {
    LoadResult loaded;
    std::string signer;             // empty in development mode
    std::vector<Problem> refusals;  // verification problems, when it was refused
};
ServedPack load_for_service(const std::filesystem::path& pack, const std::vector<PublicKey>& trusted);
// The state folder's `current` pack, or its `previous` one when `current` cannot be served; each is
// verified on its own, so a damaged current falls back to a whole previous pack.
ServedPack load_installed_for_service(const std::filesystem::path& state, const std::vector<PublicKey>& trusted);

// Puts the previous pack back in service (the admin's rollback). False when there is none.
bool roll_back(const std::filesystem::path& state, std::string& error);

}  // namespace haven
