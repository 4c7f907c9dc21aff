// The kiosk program: one frame at a time from input to pixels, sleeping when nothing changes, and the
// headless script runner that tests use.
#pragma once

#include "content.hpp"
#include "admin.hpp"
#include "admin_gate.hpp"
#include "glyph_atlas.hpp"
#include "inbox_watcher.hpp"
#include "kiosk_clock.hpp"
#include "kiosk_config.hpp"
#include "screens.hpp"
#include "sdl_platform.hpp"
#include "script.hpp"
#include "session.hpp"
#include "shaping_text_drawer.hpp"
#include "text_layout.hpp"
#include "ui.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace haven {

struct AppOptions {
    WindowOptions window;
    std::shared_ptr<const Content> content;  // null: the "being updated" screen
    KioskConfig config;
    std::vector<std::string> ui_languages;   // languages with UI catalogues, for the no-pack screen
    bool virtual_clock = false;
    std::optional<std::chrono::sys_seconds> start_time;  // --now: what the clock says at start
    std::string signer;                      // fingerprint of the key that signed the pack in service
    std::vector<std::string> config_problems;  // errors in the configuration, for the admin screen
};

class KioskApp {
public:
    explicit KioskApp(AppOptions options);
    ~KioskApp();
    bool start(std::string& error);

    int run_interactive();                                      // until the window is closed
    int run_script(const std::vector<Step>& steps, const std::string& name);
    int screenshot(const std::string& path);

private:
    void frame();                  // one frame: input -> session -> draw -> render
    void frames(int n) { for (int i = 0; i < n; ++i) frame(); }
    bool take_pointer_events();    // applies queued input, at most one press or release; true if any
    int ms_until_next_change() const;
    double idle_seconds() const { return clock_.seconds() - last_input_seconds_; }
    bool run_step(const Step& step, std::string& failure);
    void rebuild_attract_lines();
    void forget_visit_caches();    // text layouts and glyphs a visit caused

    AppOptions options_;
    SdlPlatform platform_;
    FontSet fonts_;
    TextEngine text_engine_{fonts_};
    std::unique_ptr<GlyphAtlas> atlas_;         // needs the renderer: made in start()
    std::unique_ptr<ShapingTextDrawer> text_;
    std::unique_ptr<Ui> ui_;
    Session session_;
    KioskClock clock_;
    Pointer pointer_;
    std::vector<AttractLine> attract_lines_;
    std::vector<std::string> unreadable_languages_;  // no installed font draws their names
    std::vector<double> escape_times_;
    double last_frame_seconds_ = 0;
    bool imgui_started_ = false;
    bool was_in_visit_ = false;
    double last_input_seconds_ = 0;   // when the visitor last touched or typed
    double attract_since_ = 0;        // the attract screen's rotation starts afresh after every visit
    bool swallow_press_ = false;      // the press that dismissed the idle prompt must not tap anything
    enum class Mode { Visitor, AdminPin, Admin } mode_ = Mode::Visitor;
    AdminGate admin_gate_{options_.config.admin_pin_hash,
                          options_.config.state_dir.empty() ? std::filesystem::path() : options_.config.state_dir / "pin-failures"};
    PinPad pin_pad_;
    double press_started_ = 0;        // for the hidden hold that opens the admin PIN pad
    static constexpr double admin_hold_seconds = 5;
    static constexpr double admin_idle_seconds = 120;  // staff who walk away are logged out
    void draw_staff_screens(Rect window, double now);
    void take_inbox_results();      // installs done by the watcher; swapped in between visits
    void serve_installed();
    std::unique_ptr<InboxWatcher> inbox_;
    bool swap_pending_ = false;
    std::string last_rejection_;    // for the admin screen
    std::string inbox_status_;      // what the inbox did last, for the admin screen
    std::optional<InboxOutcome> pending_jump_;  // a version jump waiting for an admin's confirmation
    Date expiry_day() const;        // the clock, never earlier than this kiosk has known
    bool forget_pending_ = false;  // done at the next frame's start, not under a built draw list
    bool render_frames_ = true;    // false under a script, except for the frames a shot saves
};

}  // namespace haven
