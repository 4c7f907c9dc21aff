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

void draw_admin(Ui& ui, Rect area, AdminView& view) {
    const Content* content = view.content;
    const KioskConfig& config = view.config;
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
        // Expiry: staff are warned a month ahead; after it, visitors see a notice too.
        const auto days_left = (m.expires.days() - view.today.days()).count();
        if (days_left < 0)
            y += ui.text({x, y, w, 0}, "EXPIRED " + std::to_string(-days_left) + " days ago: visitors are told the information may be out of date. Install a new version.",
                         TextStyle::Emphasis, Align::Start, ui.palette().closed) + ui.px(8);
        else if (days_left <= 30)
            y += ui.text({x, y, w, 0}, "Expires in " + std::to_string(days_left) + " days: ask the publisher for a new version.",
                         TextStyle::Emphasis, Align::Start, ui.palette().closed) + ui.px(8);
    } else {
        line("No pack can be served: visitors see the 'being updated' screen.", TextStyle::Heading);
    }
    for (const auto& problem : view.config_problems)
        y += ui.text({x, y, w, 0}, "Configuration: " + problem, TextStyle::Body, Align::Start, ui.palette().closed) + ui.px(8);
    if (config.closed)
        y += ui.text({x, y, w, 0}, "No pack is served until the configuration says which publishers to trust.", TextStyle::Emphasis,
                     Align::Start, ui.palette().closed) + ui.px(8);
    line(config.closed ? "No trusted keys could be read." : config.development_mode() ? "Development mode: no trusted keys; packs are not verified."
                                   : "Signed by key " + (view.signer.empty() ? std::string("?") : view.signer) + " · " +
                                         std::to_string(config.trusted_keys.size()) + " trusted key(s).");
    if (!view.inbox_status.empty()) line("Inbox: " + view.inbox_status);
    if (!view.last_rejection.empty())
        y += ui.text({x, y, w, 0}, "Last pack refused: " + view.last_rejection, TextStyle::Body, Align::Start, ui.palette().closed) + ui.px(8);
    line(std::string("Emergency number") + ": " + config.emergency_display + " · " + "Idle timeout" + ": " +
         std::to_string(config.idle_timeout_seconds) + " s + " + std::to_string(config.idle_prompt_seconds) + " s");
    y += ui.px(20);
    if (!view.version_jump.empty()) {
        // A version far ahead of the last is installed only when a person has looked at it.
        if (ui.button("admin.confirm-version", {x, y, w, ui.px(theme::touch_target)}, "Install " + view.version_jump + " although its version jumps far ahead"))
            view.confirm_version_jump = true;
        y += ui.px(theme::touch_target) + ui.px(20);
    }
    const float bw = std::min(w / 2 - ui.px(10), ui.px(500));
    if (ui.button("admin.close", {x, y, bw, ui.px(theme::touch_target)}, "Close", ButtonKind::Primary)) view.close = true;
    if (!config.state_dir.empty() &&
        ui.button("admin.rollback", {x + bw + ui.px(20), y, bw, ui.px(theme::touch_target)}, "Go back to the previous pack"))
        view.roll_back = true;
}

}  // namespace haven
