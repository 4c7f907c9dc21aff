// The scrolling list of large rows that topics, categories, services and contacts share.
#pragma once

#include "screen_context.hpp"

#include <functional>
#include <string>
#include <vector>

namespace haven {

struct ListItem {
    std::string id;        // widget id, e.g. "topic.asylum"
    std::string title;
    std::string subtitle;
    std::function<void()> on_tap;
    std::string status;               // optional line in its own colour, e.g. "Open now"
    std::uint32_t status_color = 0;
    std::string icon;                 // a pack icon name, e.g. "shield"
};

void draw_list(ScreenContext& ctx, std::string_view heading, const std::vector<ListItem>& items,
               std::string_view empty_message = {});

}  // namespace haven
