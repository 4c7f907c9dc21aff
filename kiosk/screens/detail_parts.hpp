// Pieces the service and contact pages share: open state, the week's hours, and QR codes to scan.
#pragma once

#include "screen_context.hpp"

#include <string>
#include <vector>

namespace haven {

// "Open now, until 17:00" in green, or "Closed now, opens ..." in red; "Temporarily closed" when it is.
void draw_open_state(ScreenContext& ctx, Column& column, const Schedule& schedule, bool temporarily_closed);

// The next seven days with their real hours, today first and highlighted.
void draw_week(ScreenContext& ctx, Column& column, const Schedule& schedule);

struct QrItem {
    std::string id;       // widget id, e.g. "qr.phone"
    std::string payload;  // what the code holds, e.g. "tel:+493023125001"
    std::string caption;  // what it is, in words
};
void draw_qr_codes(ScreenContext& ctx, Column& column, const std::vector<QrItem>& codes);

// A geo: URI for the location when there is one, else the address as text.
std::string address_payload(const Address& address, const std::optional<Location>& location);

}  // namespace haven
