// The staff's side: a PIN pad behind a hidden gesture, then what the kiosk serves. Not part of any visit
// and shows nothing about visits.
#pragma once

#include "content.hpp"
#include "kiosk_config.hpp"
#include "ui.hpp"

#include <functional>
#include <string>
#include <vector>

namespace haven {

struct PinPad {
    std::string digits;   // typed so far; wiped after every check
    std::string message;  // the answer to the last try
};

// Draws the pad; `act` receives "0".."9", "clear", "ok" or "cancel" for the tap of this frame.
void draw_admin_pin(Ui& ui, Rect area, const PinPad& pad, std::function<void(std::string)>& act);

struct AdminView {
    const Content* content;
    const KioskConfig& config;
    std::string last_rejection;  // the last pack refused from the inbox, and why
    std::string signer;          // key fingerprint; empty in development mode
    Date today;
    std::string inbox_status;    // what the inbox did last
    std::string version_jump;    // a pack waiting for confirmation of its version jump ("stick version 5000")
    std::vector<std::string> config_problems;  // what is wrong with the configuration
    bool close = false;          // set when staff leave
    bool confirm_version_jump = false;  // set when staff confirm it
    bool roll_back = false;      // set when staff ask for the previous pack
};

void draw_admin(Ui& ui, Rect area, AdminView& view);

}  // namespace haven
