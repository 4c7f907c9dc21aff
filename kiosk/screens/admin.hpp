// The staff's side: a PIN pad behind a hidden gesture, then what the kiosk serves. Not part of any visit
// and shows nothing about visits.
#pragma once

#include "content.hpp"
#include "kiosk_config.hpp"
#include "ui.hpp"

#include <functional>
#include <string>

namespace haven {

struct PinPad {
    std::string digits;   // typed so far; wiped after every check
    std::string message;  // the answer to the last try
};

// Draws the pad; `act` receives "0".."9", "clear", "ok" or "cancel" for the tap of this frame.
void draw_admin_pin(Ui& ui, Rect area, const PinPad& pad, std::function<void(std::string)>& act);

// Pack and kiosk facts; `close` is set when staff leave.
void draw_admin(Ui& ui, Rect area, const Content* content, const KioskConfig& config, bool& close);

}  // namespace haven
