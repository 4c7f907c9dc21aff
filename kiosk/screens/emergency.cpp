#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

namespace haven {

void draw_emergency(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    Column column(ui, bounds, ui.begin_scroll("emergency", ctx.area, ctx.session.scroll()));
    column.gap(24);
    column.text(_("Emergency"), TextStyle::Title, ui.palette().emergency);
    column.gap(16);
    // The pack's emergency numbers, and the kiosk's own if the pack lacks it: nothing else on this screen.
    bool config_number_listed = false;
    auto number_row = [&](const std::string& widget, std::string_view name, const std::string& display,
                          std::string_view note, std::function<void()> action) {
        const float h = ui.px(150);
        Rect r{bounds.x, column.y(), bounds.w, h};
        if (ui.hit(widget, r)) ctx.on_tap(std::move(action));
        ui.fill(r, ui.palette().surface, ui.px(theme::rounding));
        // The number on one line, never wrapped: a long one is drawn smaller rather than broken.
        TextStyle number_style = TextStyle::Huge;
        float number_w = ui.text_drawer().measure(display, number_style, 0).x;
        if (number_w > r.w * 0.45f) {
            number_style = TextStyle::Title;
            number_w = ui.text_drawer().measure(display, number_style, 0).x;
        }
        number_w = std::max(number_w + 1, ui.px(420));
        Rect number_box = ui.place({r.x + ui.px(24), r.y + ui.px(20), number_w, h}, r);
        Direction saved = ui.direction();
        ui.set_direction(Direction::LeftToRight);
        ui.text(number_box, display, number_style, Align::Start, ui.palette().emergency);
        ui.set_direction(saved);
        const float text_x = ui.px(24) + number_w + ui.px(36);
        Rect text_box = ui.place({r.x + text_x, r.y + ui.px(24), r.w - text_x - ui.px(20), h}, r);
        float used = ui.text(text_box, name, TextStyle::Heading);
        ui.text({text_box.x, text_box.y + used, text_box.w, h}, note, TextStyle::Small, Align::Start, ui.palette().text_muted);
        column.gap(150 + 16);
    };
    for (const auto& c : ctx.content.contacts) {
        if (c.kind != Contact::Kind::Emergency) continue;
        if (c.phone.number == ctx.config.emergency_number) config_number_listed = true;
        number_row("contact." + c.id, ctx.text(c.name), c.phone.display, ctx.text(c.description),
                   [&s = ctx.session, id = c.id] { s.open(Screen::Contact, id); });
    }
    if (!config_number_listed)
        number_row("emergency.kiosk", _("Emergency"), ctx.config.emergency_display, {},
                   [&s = ctx.session, n = ctx.config.emergency_number] { s.open(Screen::Contact, "tel:" + n); });
    column.gap(24);
    ui.end_scroll(column.y());
}

}  // namespace haven
