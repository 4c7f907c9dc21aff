#include "detail_parts.hpp"

#include "format.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

#include <cstdio>

namespace haven {

void draw_open_state(ScreenContext& ctx, Column& column, const Schedule& schedule, bool temporarily_closed) {
    const OpenState state = open_state(schedule, ctx.wall_time);
    const bool open = state.open && !temporarily_closed;
    column.text(temporarily_closed ? std::string(_("Temporarily closed")) : format_open_state(state), TextStyle::Heading,
                open ? ctx.ui.palette().open : ctx.ui.palette().closed);
    column.gap(12);
}

void draw_week(ScreenContext& ctx, Column& column, const Schedule& schedule) {
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    column.text(_("Opening hours"), TextStyle::Emphasis);
    column.gap(6);
    const float day_w = std::min(bounds.w * 0.4f, ui.px(380));
    for (const auto& day : week_hours(schedule, ctx.wall_time)) {
        const TextStyle style = day.today ? TextStyle::Emphasis : TextStyle::Body;
        const float h = std::max(ui.text_height(day.day, style, day_w), ui.text_height(day.hours, style, bounds.w - day_w)) + ui.px(12);
        const Rect line{bounds.x, column.y(), bounds.w, h};
        if (day.today) ui.fill(line, ui.palette().notice, ui.px(8));
        const std::uint32_t color = day.today ? ui.palette().on_notice : ui.palette().text;
        ui.text(ui.place({bounds.x + ui.px(12), line.y + ui.px(6), day_w, h}, bounds), day.day, style, Align::Start, color);
        ui.text(ui.place({bounds.x + day_w + ui.px(12), line.y + ui.px(6), bounds.w - day_w - ui.px(24), h}, bounds), day.hours,
                style, Align::Start, color);
        column.gap(h / ui.scale());
    }
    column.gap(16);
}

void draw_qr_codes(ScreenContext& ctx, Column& column, const std::vector<QrItem>& codes) {
    if (codes.empty()) return;
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    column.text(_("Scan with your phone to save it"), TextStyle::Emphasis);
    column.gap(12);
    const float side = ui.px(300), gap = ui.px(48);
    float tallest = 0;
    for (size_t i = 0; i < codes.size(); ++i) {
        Rect slot = ui.place({bounds.x + float(i) * (side + gap), column.y(), side, side}, bounds);
        ui.qr(codes[i].id, {slot.x, slot.y}, side, codes[i].payload);
        float h = ui.text({slot.x, slot.y + side + ui.px(8), side, 0}, codes[i].caption, TextStyle::Small, Align::Center,
                          ui.palette().text_muted);
        tallest = std::max(tallest, side + ui.px(8) + h);
    }
    column.gap(tallest / ui.scale() + 24);
}

std::string address_payload(const Address& address, const std::optional<Location>& location) {
    if (location) {
        char geo[64];
        std::snprintf(geo, sizeof geo, "geo:%.6f,%.6f", location->lat, location->lon);
        return geo;
    }
    return format_address(address);
}

}  // namespace haven
