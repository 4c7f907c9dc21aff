#include "shell.hpp"

#include "theme.hpp"

#include <chrono>
#include <string>
#include "ui_text.hpp"

namespace haven {

Rect draw_shell_top(ScreenContext& ctx, Rect window) {
    Ui& ui = ctx.ui;
    const Screen screen = ctx.session.current().screen;
    if (screen == Screen::Attract) return window;
    const Rect bar{window.x, window.y, window.w, ui.px(theme::bar_height)};
    // The bar's controls keep their size at every text size, so they always fit and never move.
    const float visitor_text_scale = ui.text_drawer().text_scale();
    ui.text_drawer().set_text_scale(1);
    ui.fill(bar, ui.palette().bar);
    const float pad = (bar.h - ui.px(theme::touch_target)) / 2;
    const float h = ui.px(theme::touch_target);
    const float square = h;  // text size and contrast: icon-only, one tap each
    const float w = std::min(ui.px(300), (bar.w - 7 * pad - 2 * square) / 4);
    // Reading order: back and home at the start, emergency and quick exit at the end, mirrored for RTL
    // as RTL readers expect (their close control sits top-left); within a visit nothing moves.
    auto at = [&](float x, float width) { return ui.place({x, bar.y + pad, width, h}, bar); };
    Session& session = ctx.session;
    if (ui.button("back", at(bar.x + pad, w), _("Back"), ButtonKind::Plain, Icon::Back))
        ctx.on_tap([&session] { session.back(); });
    if (screen != Screen::Languages && screen != Screen::Home &&
        ui.button("home", at(bar.x + 2 * pad + w, w), _("Home"), ButtonKind::Plain, Icon::Home))
        ctx.on_tap([&session] { session.home(); });
    const float end = bar.right() - 2 * (pad + w);
    // "A+" is understood without reading any one language; drawn left to right in every layout.
    const Rect text_size_box = at(end - 2 * (pad + square), square);
    const Direction layout_direction = ui.direction();
    ui.set_direction(Direction::LeftToRight);
    if (ui.button("text-size", text_size_box, session.text_size() == 2 ? "A" : "A+", ButtonKind::Plain))
        ctx.on_tap([&session] { session.next_text_size(); });
    ui.set_direction(layout_direction);
    if (ui.button("contrast", at(end - (pad + square), square), {}, session.high_contrast() ? ButtonKind::Primary : ButtonKind::Plain,
                  Icon::Contrast))
        ctx.on_tap([&session] { session.toggle_contrast(); });
    // Emergency numbers are one tap away on every screen of a visit, the language picker included.
    if (screen != Screen::Emergency &&
        ui.button("emergency", at(end, w), _("Emergency"), ButtonKind::Emergency))
        ctx.on_tap([&session] { session.open(Screen::Emergency); });
    // Quick exit: always the same corner, one tap, the visit is gone.
    if (ui.button("quick-exit", at(bar.right() - pad - w, w), _("Quick exit"), ButtonKind::Exit, Icon::Close))
        ctx.on_tap([&session] { session.end(); });
    ui.text_drawer().set_text_scale(visitor_text_scale);
    return {window.x, bar.bottom(), window.w, window.h - bar.h};
}

Rect draw_shell_bottom(ScreenContext& ctx, Rect area) {
    Ui& ui = ctx.ui;
    // Said plainly on every screen: content nobody verified, information that may be out of date, a demo.
    std::string note;
    auto add = [&](const char* s) { note += (note.empty() ? "" : "  ") + std::string(s); };
    if (ctx.config.development_mode()) add(_("Development mode: content not verified."));
    if (ctx.content.manifest.expires < ctx.expiry_day)
        add(_("This information may be out of date. Check phone numbers and opening hours with staff."));
    if (ctx.content.manifest.demo) add(_("Demonstration only: the services and local numbers shown here are fictional."));
    if (note.empty()) return area;
    const float pad = ui.px(10);
    float h = ui.text_height(note, TextStyle::Small, area.w - 2 * pad) + 2 * pad;
    Rect strip{area.x, area.bottom() - h, area.w, h};
    ui.fill(strip, ui.palette().notice);
    ui.text(strip.inset(pad), note, TextStyle::Small, Align::Center, ui.palette().on_notice);
    return {area.x, area.y, area.w, area.h - h};
}

}  // namespace haven
