#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

namespace haven {

void draw_home(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    const float gap = ui.px(theme::gap);
    // Four large choices: a 2x2 grid, or one column on a portrait screen.
    const bool portrait = ui.screen().y > ui.screen().x;
    const int columns = portrait ? 1 : 2, rows = portrait ? 4 : 2;
    const float top = bounds.y + ui.px(32);
    const float bottom = bounds.bottom() - ui.px(32);
    const float tile_w = (bounds.w - gap * float(columns - 1)) / float(columns);
    const float tile_h = (bottom - top - gap * float(rows - 1)) / float(rows);
    struct Choice {
        const char* id;
        const char* title;
        const char* subtitle;
        Screen screen;
        ButtonKind kind;
        const char* icon;
    };
    const Choice choices[] = {
        {"home.rights", _("Your rights"), _("What the law says you are entitled to"), Screen::Topics, ButtonKind::Primary, "scale"},
        {"home.services", _("Find help near you"), _("Shelter, doctors, legal advice, food"), Screen::Categories, ButtonKind::Primary, "pin"},
        {"home.contact", _("Contact someone safely"), _("Helplines you can call, message or visit"), Screen::Contacts, ButtonKind::Primary, "phone"},
        {"home.emergency", _("Emergency"), _("Danger to life or health: call now"), Screen::Emergency, ButtonKind::Emergency, "alert"},
    };
    for (int i = 0; i < 4; ++i) {
        int col = i % columns, line = i / columns;
        Rect r{bounds.x + float(col) * (tile_w + gap), top + float(line) * (tile_h + gap), tile_w, tile_h};
        r = ui.place(r, bounds);
        if (ui.tile(choices[i].id, r, choices[i].title, choices[i].subtitle, choices[i].kind, choices[i].icon))
            ctx.on_tap([&s = ctx.session, screen = choices[i].screen] { s.open(screen); });
    }
}

}  // namespace haven
