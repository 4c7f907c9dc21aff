#include "icons.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

#include <imgui.h>

#include <cstdio>

namespace haven {

void draw_idle_prompt(Ui& ui, Rect window, int seconds_left) {
    // Over the whole screen, opaque: nothing of the visit stays readable while nobody may be there.
    ui.fill(window, ui.palette().background);
    const float w = std::min(window.w - 2 * ui.px(theme::margin), ui.px(1100));
    const Rect box{window.x + (window.w - w) / 2, window.y + window.h * 0.2f, w, window.h * 0.6f};
    ui.fill(box, ui.palette().surface, ui.px(theme::rounding));
    const float icon = ui.px(140);
    draw_named_icon(ui.draw_list(), "clock", {box.x + (box.w - icon) / 2, box.y + ui.px(40), icon, icon}, ui.palette().primary, ui.px(8));
    float y = box.y + ui.px(40) + icon + ui.px(30);
    const Rect inner{box.x + ui.px(40), y, box.w - ui.px(80), 0};
    y += ui.text({inner.x, y, inner.w, 0}, _("Are you still there?"), TextStyle::Title, Align::Center) + ui.px(16);
    char countdown[256];
    std::snprintf(countdown, sizeof countdown, _("If not, this screen is cleared in %d seconds."), seconds_left);
    y += ui.text({inner.x, y, inner.w, 0}, countdown, TextStyle::Body, Align::Center, ui.palette().text_muted) + ui.px(30);
    const float bw = std::min(inner.w, ui.px(600));
    ui.button("still-here", {box.x + (box.w - bw) / 2, y, bw, ui.px(theme::touch_target)}, _("I am still here"), ButtonKind::Primary);
}

}  // namespace haven
