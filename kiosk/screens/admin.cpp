#include "admin.hpp"

#include "theme.hpp"

namespace haven {

// Staff screens are in English on purpose: their strings stay out of the visitors' catalogues.

void draw_admin_pin(Ui& ui, Rect area, const PinPad& pad, std::function<void(std::string)>& act) {
    const float key = ui.px(150), gap = ui.px(20);
    const float pad_w = 3 * key + 2 * gap;
    float x = area.x + (area.w - pad_w) / 2, y = area.y + ui.px(60);
    y += ui.text({area.x, y, area.w, 0}, "Staff only: enter the PIN", TextStyle::Title, Align::Center) + ui.px(20);
    y += ui.text({area.x, y, area.w, 0}, std::string(pad.digits.size(), '*').append(pad.digits.empty() ? "-" : ""),
                 TextStyle::Huge, Align::Center) + ui.px(10);
    if (!pad.message.empty())
        y += ui.text({area.x, y, area.w, 0}, pad.message, TextStyle::Body, Align::Center, ui.palette().closed) + ui.px(10);
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"};
    for (int i = 0; i < 12; ++i) {
        Rect r{x + float(i % 3) * (key + gap), y + float(i / 3) * (ui.px(110) + gap), key, ui.px(110)};
        const std::string k = keys[i];
        const char* label = k == "clear" ? "Clear" : k == "ok" ? "OK" : keys[i];
        if (ui.button("pin." + k, r, label, k == "ok" ? ButtonKind::Primary : ButtonKind::Plain)) act(k);
    }
    y += 4 * (ui.px(110) + gap);
    if (ui.button("pin.cancel", {x, y, pad_w, ui.px(theme::touch_target)}, "Cancel")) act("cancel");
}

void draw_admin(Ui& ui, Rect area, const Content* content, const KioskConfig& config, bool& close) {
    const float m = ui.px(theme::margin);
    float y = area.y + ui.px(40);
    const float x = area.x + m, w = area.w - 2 * m;
    auto line = [&](const std::string& s, TextStyle style = TextStyle::Body) { y += ui.text({x, y, w, 0}, s, style) + ui.px(8); };
    line("Kiosk administration", TextStyle::Title);
    if (content) {
        const auto& m = content->manifest;
        line(std::string("Pack") + ": " + m.id + ", " + "version" + " " + std::to_string(m.version) + (m.demo ? " (demo)" : ""),
             TextStyle::Heading);
        line(m.publisher + " · " + m.region);
        line(std::string("Created") + " " + m.created.iso() + " · " + "Review by" + " " + m.review_by.iso() + " · " +
             "Expires" + " " + m.expires.iso());
        std::string languages;
        for (const auto& l : m.languages)
            languages += (languages.empty() ? "" : ", ") + l.code + " " + (l.status == TranslationStatus::Reviewed ? "reviewed" : "draft");
        line(std::string("Languages") + ": " + languages);
        line(std::to_string(content->topics.size()) + " topics, " + std::to_string(content->services.size()) + " services, " +
             std::to_string(content->contacts.size()) + " contacts");
    } else {
        line("No pack can be served: visitors see the 'being updated' screen.", TextStyle::Heading);
    }
    line(std::string("Emergency number") + ": " + config.emergency_display + " · " + "Idle timeout" + ": " +
         std::to_string(config.idle_timeout_seconds) + " s + " + std::to_string(config.idle_prompt_seconds) + " s");
    y += ui.px(20);
    if (ui.button("admin.close", {x, y, std::min(w, ui.px(500)), ui.px(theme::touch_target)}, "Close", ButtonKind::Primary))
        close = true;
}

}  // namespace haven
