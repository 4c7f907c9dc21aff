#include "format.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

#include <cstdio>

namespace haven {

void draw_services(ScreenContext& ctx) {
    const Category* category = ctx.content.category(ctx.session.current().id);
    if (!category) return ctx.on_tap([&s = ctx.session] { s.back(); });
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    const auto language = ctx.language();
    const auto all = services_in(ctx.content, category->id);
    const bool my_language_default = any_speaks(all, language);
    const auto& filters = ctx.session.filters();
    const auto shown = apply_filters(all, filters, language, ctx.wall_time);

    Column column(ui, bounds, ui.begin_scroll("services", ctx.area, ctx.session.scroll()));
    column.gap(24);
    column.text(ctx.text(category->name), TextStyle::Title);
    column.gap(16);

    // Filters: one tap each, visibly on or off, in a grid that wraps on narrow screens.
    const float gap = ui.px(16);
    const int columns = bounds.w > ui.px(1500) ? 4 : bounds.w > ui.px(900) ? 3 : 2;
    const float chip_w = (bounds.w - gap * float(columns - 1)) / float(columns);
    float chip_h = ui.px(theme::touch_target);
    for (Filter f : all_filters) chip_h = std::max(chip_h, ui.button_height(filter_label(f), chip_w));
    int i = 0;
    for (Filter f : all_filters) {
        const int col = i % columns, line = i / columns;
        Rect r = ui.place({bounds.x + float(col) * (chip_w + gap), column.y() + float(line) * (chip_h + gap), chip_w, chip_h}, bounds);
        if (ui.toggle(std::string("filter.") + filter_id(f), r, filter_label(f), filters.is_on(f, my_language_default)))
            ctx.on_tap([&s = ctx.session, f, my_language_default] { s.filters().toggle(f, my_language_default); });
        ++i;
    }
    const int rows = (int(all_filters.size()) + columns - 1) / columns;
    column.gap((float(rows) * (chip_h + gap)) / ui.scale() + 8);

    char count[128];
    std::snprintf(count, sizeof count, _("%d of %d services shown"), int(shown.size()), int(all.size()));
    column.text(count, TextStyle::Small, ui.palette().text_muted);
    column.gap(12);

    if (shown.empty()) {
        // Never a dead end: say so, and offer to relax each filter that is on.
        column.notice(_("No service here matches all your choices. Turn off a choice to see more."));
        for (Filter f : all_filters) {
            if (!filters.is_on(f, my_language_default)) continue;
            Rect r = ui.place({bounds.x, column.y(), std::min(bounds.w, ui.px(700)), chip_h}, bounds);
            char label[256];
            std::snprintf(label, sizeof label, _("Turn off: %s"), filter_label(f));
            if (ui.button(std::string("relax.") + filter_id(f), r, label, ButtonKind::Plain))
                ctx.on_tap([&s = ctx.session, f, my_language_default] { s.filters().toggle(f, my_language_default); });
            column.gap(chip_h / ui.scale() + 16);
        }
    }

    for (const Service* service : shown) {
        const bool closed = service->status == Service::Status::TemporarilyClosed;
        const OpenState state = open_state(service->schedule, ctx.wall_time);
        const std::string status = closed ? _("Temporarily closed") : format_open_state(state);
        const std::string title(ctx.text(service->name));
        const std::string_view description = ctx.text(service->description);
        const float h = Ui::row_height(ui, bounds.w, title, description, status);
        Rect r{bounds.x, column.y(), bounds.w, h};
        if (ui.row("service." + service->id, r, title, description, status,
                   state.open && !closed ? ui.palette().open : ui.palette().closed))
            ctx.on_tap([&s = ctx.session, id = service->id] { s.open(Screen::Service, id); });
        column.gap(h / ui.scale() + 16);
    }
    column.gap(32);
    ui.end_scroll(column.y());
}

}  // namespace haven
