// The kiosk's own configuration (not part of any pack): what it shows when no pack can be served.
#pragma once

#include "pack_keys.hpp"
#include "problem.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace haven {

struct KioskConfig {
    std::string emergency_number = "112";      // shown when no pack can be served, and on Emergency
    std::string emergency_display = "112";
    int idle_timeout_seconds = 90;              // no input for this long: "are you still there?"
    int idle_prompt_seconds = 25;               // then this long to answer before the visit ends
    std::string admin_pin_hash;                 // Argon2id (kiosk-pack hash-pin); empty: no admin access
    std::vector<PublicKey> trusted_keys;        // publishers' keys; none: development mode (unsigned packs)
    std::filesystem::path state_dir;            // where installed packs live (kiosk-pack install --into)
    std::filesystem::path inbox;                // a folder (or automounted USB stick) to install packs from
    // The configuration could not be trusted to say which keys to trust (unreadable, or keys expected but
    // none readable): no pack is served, only the "being updated" screen with the emergency number.
    bool closed = false;
    bool development_mode() const { return trusted_keys.empty() && !closed; }
};

// Reads a JSON configuration file. It never fails open: every problem is in `problems`, a bad value
// keeps its default (and is an error), and when the keys cannot be known the result is `closed`.
KioskConfig load_kiosk_config(const std::filesystem::path& file, std::vector<Problem>& problems);

}  // namespace haven
