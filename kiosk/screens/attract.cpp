#include "screens.hpp"
#include "theme.hpp"

#include <algorithm>

namespace haven {

void draw_attract(ScreenContext& ctx, const std::vector<AttractLine>& lines) {
    Ui& ui = ctx.ui;
    Rect whole{0, 0, ui.screen().x, ui.screen().y};
    // The whole screen is one touch target: any touch starts a visit.
    if (ui.hit("attract", whole)) ctx.on_tap([&s = ctx.session] { s.start(); });
    // The staff's hidden way in: hold this corner (the app watches the hold); a short tap is a visitor's.
    ui.hit("admin-corner", {0, 0, ui.px(160), ui.px(160)});
    if (lines.empty()) return;
    // A few languages at a time, the next few every few seconds: with fifteen languages a person still
    // sees their own within half a minute, and each line stays long enough to be read.
    constexpr size_t lines_per_page = 3;
    const size_t pages = (lines.size() + lines_per_page - 1) / lines_per_page;
    const size_t page = size_t(ctx.now_seconds / theme::attract_page_seconds) % pages;
    const size_t first = page * lines_per_page, last = std::min(lines.size(), first + lines_per_page);
    const float w = whole.w * 0.8f, gap = ui.px(48);
    float total = 0;
    for (size_t i = first; i < last; ++i) total += ui.text_height(lines[i].text, TextStyle::Title, w) + (i + 1 < last ? gap : 0);
    float y = (whole.h - total) / 2;
    Direction saved = ui.direction();
    for (size_t i = first; i < last; ++i) {
        ui.set_direction(lines[i].direction);
        const float h = ui.text_height(lines[i].text, TextStyle::Title, w);
        ui.text({whole.x + (whole.w - w) / 2, y, w, h}, lines[i].text, TextStyle::Title, Align::Center, ui.palette().primary);
        y += h + gap;
    }
    ui.set_direction(saved);
}

}  // namespace haven
