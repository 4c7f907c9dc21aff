// What every screen gets: the widget context, the pack, the visit, and where to draw.
// A screen reads content and session and draws; what a tap does is a Session function.
#pragma once

#include "content.hpp"
#include "kiosk_config.hpp"
#include "session.hpp"
#include "ui.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

namespace haven {

struct ScreenContext {
    Ui& ui;
    const Content& content;
    Session& session;
    const KioskConfig& config;
    Rect area;           // the screen's part of the window, below the top bar
    double now_seconds;  // the kiosk's clock, for anything that changes with time
    std::chrono::sys_seconds wall_time;  // the date and time, for opening hours
    Date expiry_day;  // the date expiry is judged by: the clock, never earlier than the kiosk has known
    const std::vector<std::string>& unreadable_languages;  // no installed font draws their names: not offered
    // What a tap asks for, run after the screen has drawn: changing the session mid-draw would pull the
    // route (and its scroll offset) out from under the screen.
    std::function<void()> after_draw;
    void on_tap(std::function<void()> action) { after_draw = std::move(action); }

    std::string_view language() const { return session.language(); }
    // A pack text in the visitor's language, or through the fallback chain.
    std::string_view text(const LocalizedText& t) const {
        auto r = content.resolve(t, language());
        return r ? std::string_view(*r.value) : std::string_view();
    }
};

// A top-to-bottom column inside a scroll area, with RTL-aware placement.
class Column {
public:
    Column(Ui& ui, Rect bounds, float top) : ui_(ui), bounds_(bounds), y_(top) {}
    float y() const { return y_; }
    float width() const { return bounds_.w; }
    void gap(float at_1080p) { y_ += ui_.px(at_1080p); }
    void text(std::string_view s, TextStyle style, std::uint32_t color = 0) {
        if (s.empty()) return;
        y_ += ui_.text({bounds_.x, y_, bounds_.w, 0}, s, style, Align::Start, color);
    }
    // A labelled fact ("Address" / "Musterstraße 12 ...").
    void fact(std::string_view label, std::string_view value) {
        if (value.empty()) return;
        text(label, TextStyle::Emphasis);
        text(value, TextStyle::Body);
        gap(16);
    }
    Rect take(float height_at_1080p) {
        Rect r{bounds_.x, y_, bounds_.w, ui_.px(height_at_1080p)};
        y_ += r.h;
        return r;
    }
    void notice(std::string_view s);

private:
    Ui& ui_;
    Rect bounds_;
    float y_;
};

// The content area inside margins, for screens that scroll.
Rect content_bounds(const ScreenContext& ctx);

}  // namespace haven
