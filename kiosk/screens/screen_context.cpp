#include "screen_context.hpp"

#include "theme.hpp"

namespace haven {

void Column::notice(std::string_view s) {
    const float pad = ui_.px(16);
    float h = ui_.text_height(s, TextStyle::Body, bounds_.w - 2 * pad) + 2 * pad;
    ui_.fill({bounds_.x, y_, bounds_.w, h}, ui_.palette().notice, ui_.px(8));
    ui_.text({bounds_.x + pad, y_ + pad, bounds_.w - 2 * pad, 0}, s, TextStyle::Body, Align::Start, ui_.palette().on_notice);
    y_ += h + ui_.px(16);
}

Rect content_bounds(const ScreenContext& ctx) {
    const float m = ctx.ui.px(theme::margin);
    return {ctx.area.x + m, ctx.area.y, ctx.area.w - 2 * m, ctx.area.h};
}

}  // namespace haven
