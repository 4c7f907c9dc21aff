#include "screens.hpp"
#include "theme.hpp"

namespace haven {

void draw_attract(ScreenContext& ctx, const std::vector<AttractLine>& lines) {
    Ui& ui = ctx.ui;
    Rect whole{0, 0, ui.screen().x, ui.screen().y};
    // The whole screen is one touch target: any touch starts a visit.
    if (ui.hit("attract", whole)) ctx.on_tap([&s = ctx.session] { s.start(); });
    // The staff's hidden way in: hold this corner (the app watches the hold); a short tap is a visitor's.
    ui.hit("admin-corner", {0, 0, ui.px(160), ui.px(160)});
    if (lines.empty()) return;
    // One language at a time, changing every few seconds, so everyone sees their own sooner or later.
    constexpr double seconds_per_line = 4;
    const auto& line = lines[size_t(ctx.now_seconds / seconds_per_line) % lines.size()];
    Direction saved = ui.direction();
    ui.set_direction(line.direction);
    float w = whole.w * 0.8f;
    float h = ui.text_height(line.text, TextStyle::Title, w);
    ui.text({whole.x + (whole.w - w) / 2, (whole.h - h) / 2, w, h}, line.text, TextStyle::Title, Align::Center, ui.palette().primary);
    ui.set_direction(saved);
}

}  // namespace haven
