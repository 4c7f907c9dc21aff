#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

#include <algorithm>

namespace haven {

void draw_languages(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Rect bounds = content_bounds(ctx);
    // A language no installed font can draw is left out rather than offered as a row of boxes.
    std::vector<const Language*> languages;
    for (const auto& l : ctx.content.manifest.languages)
        if (std::find(ctx.unreadable_languages.begin(), ctx.unreadable_languages.end(), l.code) == ctx.unreadable_languages.end())
            languages.push_back(&l);
    // Large tiles, each language named in its own script, in the pack's order; two columns (a 1080-wide
    // portrait screen too, so that a dozen languages fit without scrolling), one only on a narrow one.
    const int columns = bounds.w > ui.px(900) ? 2 : 1;
    const float gap = ui.px(theme::gap);
    const float tile_w = (bounds.w - gap * float(columns - 1)) / float(columns);
    const float tile_h = ui.px(120);
    float top = ui.begin_scroll("languages", ctx.area, ctx.session.scroll()) + ui.px(32);
    for (size_t i = 0; i < languages.size(); ++i) {
        const auto& lang = *languages[i];
        int col = int(i) % columns, line = int(i) / columns;
        Rect r{bounds.x + float(col) * (tile_w + gap), top + float(line) * (tile_h + gap), tile_w, tile_h};
        // Each name is drawn in its own direction, whatever the layout's.
        Direction saved = ui.direction();
        ui.set_direction(lang.direction);
        if (ui.button("lang." + lang.code, r, lang.name, ButtonKind::Plain)) ctx.on_tap([&s = ctx.session, code = lang.code] { s.choose_language(code); });
        ui.set_direction(saved);
    }
    float rows = float((languages.size() + size_t(columns) - 1) / size_t(columns));
    ui.end_scroll(top + rows * (tile_h + gap) + ui.px(32));
}

}  // namespace haven
