// Installing a pack into the kiosk's state folder, so that a power cut at any instant leaves either the
// old or the new pack in service, whole, and nobody but the folder's owner can change what is served:
//   STATE/                         0755, owned by whoever installs (root or the kiosk's user)
//   STATE/packs/<id>-v<version>/   complete copies (files 0644), each verified *as copied* before use
//   STATE/current, STATE/previous  symlinks, switched by rename (atomic), the folder fsynced after
//   STATE/highest-version          the highest version ever installed: deleting a pack does not reset it
//   STATE/rolled-back-to           the version an admin went back to (served although not the highest)
//   STATE/clock-floor              the latest date this kiosk has known: a clock set back cannot revive
//                                  an expired pack
// Older copies than `current` and `previous` are removed after each install.
#pragma once

#include "calendar.hpp"
#include "pack_integrity.hpp"
#include "pack_loader.hpp"
#include "pack_service.hpp"

#include <atomic>
#include <filesystem>
#include <optional>
#include <vector>

namespace haven {

// A new version may be at most this much higher than the highest installed (or than 0 on a new kiosk)
// unless an admin confirms it: a mistaken or stolen signature on version 2^53 must not freeze a fleet.
inline constexpr long long max_version_step = 1000;

struct InstallOptions {
    bool allow_version_jump = false;        // kiosk-pack install --allow-version-jump (an admin at the shell)
    std::string confirmed_manifest_sha256;  // an admin confirmed a jump to exactly this signed manifest
    const std::atomic<bool>* stop = nullptr;
    std::function<void(const std::string& file, const char* event)> on_progress;  // tests: see PackReadOptions
};

struct InstallResult {
    bool ok = false;
    long long version = 0;
    std::string pack_id;
    std::string signer;             // empty in development mode (no trusted keys)
    std::string manifest_sha256;    // which signed manifest this was about
    std::vector<Problem> problems;  // why it was refused (nothing changed then), and warnings
    bool already_installed = false;  // the same signed pack is the one in service
    bool needs_confirmation = false; // a version jump an admin must confirm
    bool retry_later = false;        // still being written, or another install was under way
};

// Verifies (signature and files, unless `trusted` is empty: development mode), refuses an expired pack
// or one not newer than any installed before, copies it into a private staging folder from the bytes
// it verifies, verifies and loads the copy, then switches atomically.
InstallResult install_pack(const std::filesystem::path& pack, const std::filesystem::path& state,
                           const std::vector<PublicKey>& trusted, const Date& today, const InstallOptions& options = {});

// Why the state folder must not be used (a user other than its owner, or another user than root or the
// kiosk, could change it), or empty when it is safe.
std::string unsafe_state_folder(const std::filesystem::path& state);

// The latest date this kiosk has known (STATE/clock-floor), if any.
std::optional<Date> clock_floor(const std::filesystem::path& state);

// Puts the previous pack back in service (the admin's rollback). False when there is none.
bool roll_back(const std::filesystem::path& state, std::string& error);

}  // namespace haven
