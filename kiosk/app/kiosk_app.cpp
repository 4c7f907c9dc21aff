#include "kiosk_app.hpp"

#include "imgui_memory.hpp"
#include "shell.hpp"
#include "theme.hpp"
#include "ui_text.hpp"
#include "utf.hpp"
#include "wipe.hpp"

#include <imgui.h>

#include <chrono>
#include <cmath>
#include <thread>
#include <cstdio>

namespace haven {

KioskApp::KioskApp(AppOptions options) : options_(std::move(options)), clock_(options_.virtual_clock) {
    if (options_.start_time) clock_.set_wall_start(*options_.start_time);
}

KioskApp::~KioskApp() {
    platform_.close();
    if (imgui_started_) ImGui::DestroyContext();
}

bool KioskApp::start(std::string& error) {
    IMGUI_CHECKVERSION();
    use_wiping_imgui_allocator();  // before the context: everything ImGui allocates is overwritten when freed
    ImGui::CreateContext();
    imgui_started_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: nothing about a visit may reach the disk
    io.LogFilename = nullptr;
    if (!platform_.open(options_.window, error)) return false;
    const Point size = platform_.size();
    const float scale = std::min(size.x, size.y) / 1080.f;
    if (!fonts_.ok()) {
        error = "no usable font found; install fonts-noto-core (scripts/setup does)";
        return false;
    }
    atlas_ = std::make_unique<GlyphAtlas>(fonts_, platform_);
    text_ = std::make_unique<ShapingTextDrawer>(text_engine_, *atlas_, scale);
    ui_ = std::make_unique<Ui>(*text_);
    rebuild_attract_lines();
    const auto& c = options_.config;
    // Without trusted keys anyone with a stick could install anything: development mode has no inbox.
    if (!c.inbox.empty() && !c.state_dir.empty() && !c.closed && c.development_mode())
        std::fprintf(stderr, "haven-kiosk: development mode (no trusted keys): the inbox is not watched\n");
    if (!c.inbox.empty() && !c.state_dir.empty() && !c.closed && !c.development_mode())
        inbox_ = std::make_unique<InboxWatcher>(c.inbox, c.state_dir, c.trusted_keys, [] { SdlPlatform::wake(); });
    return true;
}

void KioskApp::take_inbox_results() {
    if (!inbox_) return;
    while (auto o = inbox_->take()) {
        std::string reasons;
        for (const auto& p : o->problems) reasons += p.to_string() + " ";
        using Kind = InboxOutcome::Kind;
        switch (o->kind) {
            case Kind::Installed:
                std::fprintf(stderr, "haven-kiosk: installed %s version %lld from the inbox\n", o->pack.c_str(), o->version);
                inbox_status_ = o->pack + ": version " + std::to_string(o->version) + " installed.";
                swap_pending_ = true;
                break;
            case Kind::AlreadyInstalled:
                inbox_status_ = o->pack + ": version " + std::to_string(o->version) + " is already installed.";
                std::fprintf(stderr, "haven-kiosk: %s\n", inbox_status_.c_str());
                break;
            case Kind::NeedsConfirmation:
                pending_jump_ = *o;
                inbox_status_ = o->pack + ": " + reasons;
                std::fprintf(stderr, "haven-kiosk: %s from the inbox waits for an admin: %s\n", o->pack.c_str(), reasons.c_str());
                break;
            case Kind::Waiting:
                inbox_status_ = o->pack + ": waiting: " + reasons;
                std::fprintf(stderr, "haven-kiosk: %s from the inbox is still waiting: %s\n", o->pack.c_str(), reasons.c_str());
                break;
            case Kind::Refused:
                last_rejection_ = o->pack + ": " + reasons;
                inbox_status_ = "refused " + last_rejection_;
                std::fprintf(stderr, "haven-kiosk: rejected %s from the inbox: %s\n", o->pack.c_str(), reasons.c_str());
                break;
        }
    }
    // Never in the middle of a visit: a number someone is reading must not change under them.
    if (swap_pending_ && !session_.in_visit() && mode_ == Mode::Visitor) {
        swap_pending_ = false;
        serve_installed();
    }
}

Date KioskApp::expiry_day() const {
    const Date clock{std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(clock_.wall())}};
    if (!options_.content) return clock;
    return judged_today(clock, options_.config.state_dir, options_.content->manifest);
}

void KioskApp::serve_installed() {
    if (options_.config.closed) return;
    auto served = load_installed_for_service(options_.config.state_dir, options_.config.trusted_keys);
    for (const auto& p : served.refusals) std::fprintf(stderr, "haven-kiosk: pack: %s\n", p.to_string().c_str());
    if (!served.loaded.ok()) {
        std::fprintf(stderr, "haven-kiosk: the installed pack cannot be served; keeping the one in service\n");
        return;
    }
    options_.content = served.loaded.content;
    options_.signer = served.signer;
    std::fprintf(stderr, "haven-kiosk: serving pack %s version %lld\n", options_.content->manifest.id.c_str(),
                 options_.content->manifest.version);
    rebuild_attract_lines();
    forget_pending_ = true;
}

void KioskApp::rebuild_attract_lines() {
    attract_lines_.clear();
    set_ui_pack(options_.content.get());
    unreadable_languages_.clear();
    if (!options_.content) return;
    for (const auto& lang : options_.content->manifest.languages)
        if (!fonts_.uncovered(decode_utf8(lang.name).text).empty()) {
            std::fprintf(stderr, "haven-kiosk: no installed font draws the name of language %s; it is left out of the picker\n",
                         lang.code.c_str());
            unreadable_languages_.push_back(lang.code);
        }
    for (const auto& lang : options_.content->manifest.languages) {
        static constexpr const char* invitation = N_("Touch the screen to find help and information");
        if (!has_own_translation(lang.code, invitation)) continue;  // a fallback would show another language twice
        if (std::find(unreadable_languages_.begin(), unreadable_languages_.end(), lang.code) != unreadable_languages_.end()) continue;
        set_ui_language(lang.code);
        attract_lines_.push_back({tr(invitation), lang.direction});
    }
    set_ui_language("en");
}

bool KioskApp::take_pointer_events() {
    auto& queue = platform_.pointer_events();
    bool any = !queue.empty();
    while (!queue.empty()) {
        PointerEvent e = queue.front();
        queue.pop_front();
        if (e.kind == PointerEvent::Kind::Move) {
            pointer_.move(e.pos);
            continue;
        }
        if (e.kind == PointerEvent::Kind::Down) pointer_.press(e.pos);
        else if (pointer_.down) pointer_.release(e.pos);
        break;  // one button change per frame, so a fast tap is still seen as press then release
    }
    return any;
}

void KioskApp::frame() {
    if (options_.virtual_clock) clock_.advance(1.0 / 60);  // scripted frames come 60 to the second
    const double now = clock_.seconds();
    ImGuiIO& io = ImGui::GetIO();
    const Point size = platform_.size();
    io.DisplaySize = ImVec2(size.x, size.y);
    io.DeltaTime = float(std::max(1e-3, now - last_frame_seconds_));
    last_frame_seconds_ = now;

    // Escape pressed three times within two seconds on an attached keyboard: quick exit.
    for (int i = platform_.escape_presses(); i > 0; --i) escape_times_.push_back(now);
    std::erase_if(escape_times_, [&](double t) { return now - t > 2.0; });
    if (escape_times_.size() >= 3) {
        escape_times_.clear();
        session_.end();
    }

    take_inbox_results();
    pointer_.next_frame();
    const bool prompt_was_up = session_.in_visit() && idle_seconds() >= options_.config.idle_timeout_seconds;
    if (take_pointer_events()) last_input_seconds_ = now;
    if (pointer_.pressed) press_started_ = now;
    // Hidden gesture: on the attract screen, a finger held on the top-left corner opens the PIN pad.
    const float corner = std::min(size.x, size.y) / 1080.f * 160.f;
    if (mode_ == Mode::Visitor && !session_.in_visit() && pointer_.down && !pointer_.dragging() &&
        pointer_.press_pos.x < corner && pointer_.press_pos.y < corner && now - press_started_ >= admin_hold_seconds) {
        mode_ = Mode::AdminPin;
        swallow_press_ = true;  // the release must not start a visit
    }
    if (mode_ != Mode::Visitor && idle_seconds() >= admin_idle_seconds) {
        wipe(pin_pad_.digits);
        mode_ = Mode::Visitor;
    }
    if (!escape_times_.empty()) last_input_seconds_ = std::max(last_input_seconds_, escape_times_.back());
    // A touch while "are you still there?" shows answers it; that touch must not also press what is behind.
    if (prompt_was_up && pointer_.pressed) swallow_press_ = true;
    // Nobody answered: the visit ends exactly as a quick exit does.
    if (session_.in_visit() && idle_seconds() >= options_.config.idle_timeout_seconds + options_.config.idle_prompt_seconds)
        session_.end();
    Pointer seen = pointer_;
    if (swallow_press_) {
        seen = Pointer{};
        seen.pos = {-1, -1};
        if (!pointer_.down) swallow_press_ = false;
    }

    if (forget_pending_) {
        forget_visit_caches();
        forget_pending_ = false;
    }
    atlas_->begin_frame();
    platform_.begin_frame();
    ImGui::NewFrame();
    ImDrawList& list = *ImGui::GetBackgroundDrawList();
    const Content* content = options_.content.get();
    const Language* lang = content ? content->language(session_.language()) : nullptr;
    const Direction direction = lang ? lang->direction : Direction::LeftToRight;
    set_ui_language(session_.language());
    const float scale = std::min(size.x, size.y) / 1080.f;
    const Palette& palette = session_.high_contrast() ? high_contrast_palette : calm_palette;
    text_->set_scale(scale);
    text_->set_text_scale(1.f + 0.25f * float(session_.text_size()));
    text_->set_language(std::string(session_.language()));
    const bool prompt_up = session_.in_visit() && idle_seconds() >= options_.config.idle_timeout_seconds;
    if (prompt_up) {  // the screen underneath is drawn but takes no input
        seen = Pointer{};
        seen.pos = {-1, -1};
    }
    ui_->begin_frame(list, seen, size, scale, direction, palette, io.DeltaTime);
    const Rect window{0, 0, size.x, size.y};
    ui_->fill(window, ui_->palette().background);
    if (mode_ != Mode::Visitor) {
        draw_staff_screens(window, now);
    } else if (!content) {
        draw_unavailable(*ui_, window, options_.config, options_.ui_languages);
    } else {
        ScreenContext ctx{*ui_, *content, session_, options_.config, window, now - attract_since_, clock_.wall(), expiry_day(),
                          unreadable_languages_, {}};
        Rect area = draw_shell_top(ctx, window);
        ctx.area = draw_shell_bottom(ctx, area);
        draw_current_screen(ctx, attract_lines_);
        if (ctx.after_draw) ctx.after_draw();
        if (prompt_up) {
            const double left = options_.config.idle_timeout_seconds + options_.config.idle_prompt_seconds - idle_seconds();
            draw_idle_prompt(*ui_, window, std::max(1, int(std::ceil(left))));
        }
    }
    ui_->end_frame();
    // However the visit ended (quick exit, back past the picker, Escape), what it cached goes with it.
    if (was_in_visit_ && !session_.in_visit()) {
        forget_pending_ = true;
        attract_since_ = now;  // the first language again: nothing shows which one the last visitor read
    }
    was_in_visit_ = session_.in_visit();
    ImGui::Render();
    if (render_frames_) platform_.render();
}

void KioskApp::draw_staff_screens(Rect window, double now) {
    set_ui_language("en");
    if (mode_ == Mode::Admin) {
        AdminView view{options_.content.get(), options_.config, last_rejection_, options_.signer, expiry_day(), inbox_status_,
                       pending_jump_ ? pending_jump_->pack + " version " + std::to_string(pending_jump_->version) : std::string(),
                       options_.config_problems};
        draw_admin(*ui_, window, view);
        if (view.close) mode_ = Mode::Visitor;
        if (view.confirm_version_jump && pending_jump_ && inbox_) {
            inbox_->confirm_version_jump(pending_jump_->manifest_sha256);
            inbox_status_ = pending_jump_->pack + ": confirmed by an admin; installing.";
            pending_jump_.reset();
        }
        if (view.roll_back) {
            std::string error;
            if (roll_back(options_.config.state_dir, error)) serve_installed();
            else last_rejection_ = "rollback: " + error;
        }
        return;
    }
    std::function<void(std::string)> act = [&](std::string key) {
        if (key == "cancel") {
            wipe(pin_pad_.digits);
            pin_pad_.message.clear();
            mode_ = Mode::Visitor;
        } else if (key == "clear") {
            wipe(pin_pad_.digits);
        } else if (key == "ok") {
            switch (admin_gate_.try_pin(pin_pad_.digits, now)) {  // wipes the digits
                case AdminGate::Result::Granted:
                    pin_pad_.message.clear();
                    mode_ = Mode::Admin;
                    break;
                case AdminGate::Result::Wrong:
                    pin_pad_.message = admin_gate_.locked_for(now) > 0 ? "Wrong PIN. The pad is locked for a while." : "Wrong PIN.";
                    break;
                case AdminGate::Result::Locked:
                    pin_pad_.message = "Too many wrong PINs. Try again in " + std::to_string(int(std::ceil(admin_gate_.locked_for(now)))) + " s.";
                    break;
                case AdminGate::Result::NotConfigured:
                    pin_pad_.message = "Admin access is not configured on this kiosk (admin_pin_hash).";
                    break;
            }
        } else if (pin_pad_.digits.size() < max_pin_digits) {
            pin_pad_.digits += key;
        }
    };
    draw_admin_pin(*ui_, window, pin_pad_, act);
}

void KioskApp::forget_visit_caches() {
    text_engine_.clear_cache();
    forget_ui_fallbacks();
    atlas_->clear();
    release_imgui_draw_memory();
}

int KioskApp::ms_until_next_change() const {
    // Staff screens close themselves when left alone.
    if (mode_ != Mode::Visitor) return int(std::max(0.0, admin_idle_seconds - idle_seconds()) * 1000) + 1;
    // A finger held still sends nothing: wake when the hidden hold would be complete.
    if (pointer_.down && !session_.in_visit())
        return int(std::max(0.0, admin_hold_seconds - (clock_.seconds() - press_started_)) * 1000) + 1;
    // A visit changes by itself only when idle: the prompt appears, counts down each second, and ends it.
    if (session_.in_visit()) {
        const double idle = idle_seconds(), timeout = options_.config.idle_timeout_seconds;
        if (idle < timeout) return int((timeout - idle) * 1000) + 1;
        return int((1.0 - std::fmod(idle - timeout, 1.0)) * 1000) + 1;
    }
    // The attract screen changes by itself (its rotating invitation); everything else waits for input.
    if (!options_.content) return -1;
    constexpr double period = theme::attract_page_seconds;
    double now = clock_.seconds() - attract_since_;
    double next = (std::floor(now / period) + 1) * period;
    return int((next - now) * 1000) + 1;
}

int KioskApp::run_interactive() {
    int frames_wanted = 2;
    int overflow_retries = 0;
    for (;;) {
        if (frames_wanted > 0) {
            platform_.collect();  // input keeps arriving while frames are drawn (quick exit must always work)
            frame();
            platform_.present();
            --frames_wanted;
            // One more frame after the atlas was refilled, but only once: a screen whose glyphs cannot
            // all fit must not keep the kiosk busy forever.
            const bool refill = atlas_->overflowed() && overflow_retries++ < 1;
            if (!atlas_->overflowed()) overflow_retries = 0;
            // More input queued or a list still gliding: keep drawing.
            if (!platform_.pointer_events().empty() || ui_->animating() || refill) frames_wanted = std::max(frames_wanted, 1);
            continue;
        }
        // Nothing to draw: sleep until input arrives or the screen must change by itself.
        const int timeout = ms_until_next_change();
        if (!platform_.wait_and_collect(timeout)) return 0;
        frames_wanted = 2;  // ImGui needs a frame after a change to settle
    }
}

int KioskApp::screenshot(const std::string& path) {
    frames(2);
    std::string error;
    if (!platform_.save_png(path, error)) {
        std::fprintf(stderr, "haven-kiosk: %s\n", error.c_str());
        return 1;
    }
    return 0;
}

bool KioskApp::run_step(const Step& step, std::string& failure) {
    auto target = [&](const std::string& id) -> const WidgetRecord* {
        const WidgetRecord* w = ui_->find(id);
        if (!w) {
            failure = "no widget '" + id + "' on screen; on screen:";
            for (const auto& r : ui_->widgets()) failure += " " + r.id;
        }
        return w;
    };
    switch (step.kind) {
        case Step::Kind::Tap:
        case Step::Kind::Touch:
        case Step::Kind::Drag: {
            // Through SDL's own event queue, as a mouse or a finger, so scripts test the real input path.
            const WidgetRecord* w = target(step.argument);
            if (!w) return false;
            const auto device = step.kind == Step::Kind::Touch ? SdlPlatform::Device::Touch : SdlPlatform::Device::Mouse;
            const Point c = w->rect.center();
            auto send = [&](PointerEvent::Kind kind, Point p) {
                platform_.inject(device, kind, p);
                platform_.collect();
                frame();
            };
            send(PointerEvent::Kind::Down, c);
            Point end = c;
            if (step.kind == Step::Kind::Drag) {
                constexpr int steps = 8;
                for (int i = 1; i <= steps; ++i) {
                    end = {c.x + step.dx * float(i) / steps, c.y + step.dy * float(i) / steps};
                    send(PointerEvent::Kind::Move, end);
                }
            }
            send(PointerEvent::Kind::Up, end);
            frames(2);
            return true;
        }
        case Step::Kind::Wait: {
            // Frames at 60 per second of kiosk time (each frame advances it), without spending real time;
            // past ten seconds the clock jumps, as nothing on screen animates that long.
            const int n = int(step.amount * 60 / 1000);
            for (int i = 0; i < n && i < 600; ++i) frame();
            if (n > 600) clock_.advance(double(n - 600) / 60);
            frame();
            return true;
        }
        case Step::Kind::Advance:
            clock_.advance(step.amount);
            frames(2);
            return true;
        case Step::Kind::Shot: {
            // The one step that needs pixels: this frame goes through the real renderer.
            render_frames_ = true;
            frame();
            if (atlas_->overflowed()) frame();  // glyphs dropped while the atlas was refilled
            const bool saved = platform_.save_png(step.argument, failure);
            platform_.present();  // hands SDL's queued drawing over, so nothing piles up between shots
            render_frames_ = false;
            if (!saved) return false;
            std::printf("shot %s\n", step.argument.c_str());
            return true;
        }
        case Step::Kind::Hold: {
            // Press, keep the finger still for the given kiosk seconds (frames at 60 per second), release.
            const WidgetRecord* w = target(step.argument);
            if (!w) return false;
            const Point c = w->rect.center();
            platform_.inject(SdlPlatform::Device::Touch, PointerEvent::Kind::Down, c);
            platform_.collect();
            for (int i = 0; i < int(step.amount * 60); ++i) frame();
            platform_.inject(SdlPlatform::Device::Touch, PointerEvent::Kind::Up, c);
            platform_.collect();
            frames(3);
            return true;
        }
        case Step::Kind::Stats:
            // What the caches hold, for tests that a visit leaves nothing in them.
            std::printf("stats: layouts=%zu glyphs=%zu in-visit=%d\n", text_engine_.cache_size(), atlas_->glyph_count(),
                        int(session_.in_visit()));
            return true;
        case Step::Kind::Sleep:
            // Real time, for what happens outside the kiosk's clock (the inbox watcher's thread).
            for (int ms = 0; ms < int(step.amount) && !platform_.quit_requested(); ms += 50) {  // SIGTERM ends it too
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                platform_.collect();
                frame();
            }
            return true;
        case Step::Kind::Quit:
            platform_.inject_quit();
            platform_.collect();
            frames(2);
            return true;
        case Step::Kind::Key:
            platform_.inject_key(step.argument);
            platform_.collect();
            frames(2);
            return true;
        case Step::Kind::Ids:
            for (const auto& w : ui_->widgets()) std::printf("%s\n", w.id.c_str());
            return true;
        case Step::Kind::Expect:
            return target(step.argument) != nullptr;
        case Step::Kind::ExpectNot:
            if (ui_->on_screen(step.argument)) {
                failure = "widget '" + step.argument + "' is on screen but should not be";
                return false;
            }
            return true;
    }
    return false;
}

int KioskApp::run_script(const std::vector<Step>& steps, const std::string& name) {
    // Scripted frames run every step's logic and lay out every widget (taps hit-test against them), but
    // only a shot draws pixels: the software renderer is almost all of a frame's cost.
    render_frames_ = false;
    frames(2);  // the first screen is on, with its widgets known
    for (const auto& step : steps) {
        std::string failure;
        if (!run_step(step, failure)) {
            std::fprintf(stderr, "%s:%d: %s\n", name.c_str(), step.line, failure.c_str());
            return 1;
        }
        if (platform_.quit_requested()) {
            std::printf("quit at %s:%d\n", name.c_str(), step.line);
            return 0;
        }
    }
    return 0;
}

}  // namespace haven
