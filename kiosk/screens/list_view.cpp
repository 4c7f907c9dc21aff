#include "list_view.hpp"

#include "theme.hpp"

namespace haven {

void draw_list(ScreenContext& ctx, std::string_view heading, const std::vector<ListItem>& items,
               std::string_view empty_message) {
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    Column column(ui, bounds, ui.begin_scroll("list", ctx.area, ctx.session.scroll()));
    column.gap(24);
    column.text(heading, TextStyle::Title);
    column.gap(16);
    if (items.empty() && !empty_message.empty()) column.notice(empty_message);
    const float pad = ui.px(24), chevron = ui.px(40);
    const float text_w = bounds.w - 2 * pad - chevron;
    for (const auto& item : items) {
        // Rows grow with their text, so long translations wrap instead of being cut off.
        float h = ui.text_height(item.title, TextStyle::Heading, text_w) +
                  (item.subtitle.empty() ? 0 : ui.px(6) + ui.text_height(item.subtitle, TextStyle::Body, text_w));
        h = std::max(h + 2 * pad, ui.px(theme::touch_target + 24));
        Rect r{bounds.x, column.y(), bounds.w, h};
        if (ui.row(item.id, r, item.title, item.subtitle)) ctx.on_tap(item.on_tap);
        column.gap(h / ui.scale() + 16);
    }
    column.gap(32);
    ui.end_scroll(column.y());
}

}  // namespace haven
