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
    for (const auto& item : items) {
        const float h = Ui::row_height(ui, bounds.w, item.title, item.subtitle, item.status, !item.icon.empty());
        Rect r{bounds.x, column.y(), bounds.w, h};
        if (ui.row(item.id, r, item.title, item.subtitle, item.status, item.status_color, item.icon)) ctx.on_tap(item.on_tap);
        column.gap(h / ui.scale() + 16);
    }
    column.gap(32);
    ui.end_scroll(column.y());
}

}  // namespace haven
