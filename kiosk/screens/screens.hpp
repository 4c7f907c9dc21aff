// Every screen of the kiosk, one function (and one file) each.
#pragma once

#include "screen_context.hpp"

#include <vector>

namespace haven {

struct AttractLine {
    std::string text;
    Direction direction;
};

void draw_attract(ScreenContext& ctx, const std::vector<AttractLine>& lines);
void draw_languages(ScreenContext& ctx);
void draw_home(ScreenContext& ctx);
void draw_topics(ScreenContext& ctx);
void draw_article(ScreenContext& ctx);
void draw_categories(ScreenContext& ctx);
void draw_services(ScreenContext& ctx);
void draw_service(ScreenContext& ctx);
void draw_contacts(ScreenContext& ctx);
void draw_contact(ScreenContext& ctx);
void draw_emergency(ScreenContext& ctx);

// Shown instead of everything else when no pack can be served: calm, with the emergency number,
// in every language the kiosk has UI strings for.
void draw_unavailable(Ui& ui, Rect area, const KioskConfig& config, const std::vector<std::string>& languages);

// "Are you still there?" over everything, counting down; any tap keeps the visit.
void draw_idle_prompt(Ui& ui, Rect window, int seconds_left);

// Dispatches on the session's current screen.
void draw_current_screen(ScreenContext& ctx, const std::vector<AttractLine>& attract_lines);

}  // namespace haven
