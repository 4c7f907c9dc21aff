#include "screens.hpp"
#include "theme.hpp"
#include "ui_text.hpp"

#include <cstdio>

namespace haven {

void draw_unavailable(Ui& ui, Rect area, const KioskConfig& config, const std::vector<std::string>& languages) {
    // Staff must reach the admin screen here too, to read what is wrong (the same hidden hold).
    ui.hit("admin-corner", {0, 0, ui.px(160), ui.px(160)});
    // No visitor language is known here, so the message is given in every language the kiosk speaks.
    float y = area.y + ui.px(60);
    const float x = area.x + ui.px(theme::margin), w = area.w - 2 * ui.px(theme::margin);
    Direction saved = ui.direction();
    for (const auto& language : languages) {
        set_ui_language(language);
        ui.set_direction(ui_language_is_rtl(language) ? Direction::RightToLeft : Direction::LeftToRight);
        char line[512];
        std::snprintf(line, sizeof line, _("This kiosk is being updated. In an emergency, call %s."),
                      config.emergency_display.c_str());
        y += ui.text({x, y, w, 0}, line, TextStyle::Heading) + ui.px(20);
    }
    ui.set_direction(saved);
    set_ui_language("en");
}

void draw_current_screen(ScreenContext& ctx, const std::vector<AttractLine>& attract_lines) {
    switch (ctx.session.current().screen) {
        case Screen::Attract: return draw_attract(ctx, attract_lines);
        case Screen::Languages: return draw_languages(ctx);
        case Screen::Home: return draw_home(ctx);
        case Screen::Topics: return draw_topics(ctx);
        case Screen::Article: return draw_article(ctx);
        case Screen::Categories: return draw_categories(ctx);
        case Screen::Services: return draw_services(ctx);
        case Screen::Service: return draw_service(ctx);
        case Screen::Contacts: return draw_contacts(ctx);
        case Screen::Contact: return draw_contact(ctx);
        case Screen::Emergency: return draw_emergency(ctx);
    }
}

}  // namespace haven
