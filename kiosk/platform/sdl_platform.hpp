// The only place that talks to SDL: window, renderer, input translation, sleeping, screenshots.
#pragma once

#include "glyph_atlas.hpp"
#include "pointer.hpp"

#include <cstdint>
#include <deque>
#include <vector>
#include <optional>
#include <string>

struct SDL_Window;
struct SDL_Renderer;
union SDL_Event;

namespace haven {

struct WindowOptions {
    bool fullscreen = true;
    int width = 1920, height = 1080;  // windowed or headless size
    bool headless = false;            // no display: SDL's dummy video driver, software rendering
    bool lockdown = false;            // kiosk mode: keyboard grabbed, window close ignored
};

// Pointer transitions in the order they happened, consumed at most one button change per frame so a
// press and release that arrive together still make a tap.
struct PointerEvent {
    enum class Kind { Down, Move, Up } kind;
    Point pos;
};

class SdlPlatform final : public GlyphTexture {
public:
    ~SdlPlatform() { close(); }
    void close();  // idempotent; call before the ImGui context goes away
    bool open(const WindowOptions& options, std::string& error);
    Point size() const { return {float(width_), float(height_)}; }

    // Waits up to `timeout_ms` (-1: forever) for input, then collects all pending events.
    // Returns false when the kiosk was asked to quit.
    bool wait_and_collect(int timeout_ms);
    std::deque<PointerEvent>& pointer_events() { return pointer_events_; }
    int escape_presses() { int n = escapes_; escapes_ = 0; return n; }

    // Puts a synthetic mouse or touch event into SDL's own queue (scripts), so it takes the same path
    // through handle() as real input.
    enum class Device { Mouse, Touch };
    void inject(Device device, PointerEvent::Kind kind, Point pos);
    void inject_key(const std::string& name);  // "escape"
    void collect();  // takes whatever SDL has queued, without waiting
    void inject_quit();             // as Alt+F4 or a window manager's close would
    static void wake();             // from any thread: makes wait_and_collect() return
    bool quit_requested() const { return quit_; }

    void* create_texture(int width, int height) override;
    void upload(void* texture, int x, int y, int width, int height, const std::uint32_t* rgba) override;

    void begin_frame();
    void render();   // draws ImGui's draw data into the back buffer
    void present();  // shows it (read screenshots between the two)
    bool save_png(const std::string& path, std::string& error);

private:
    void handle(const SDL_Event& event);

    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::vector<void*> textures_;
    int width_ = 0, height_ = 0;
    bool imgui_backend_ = false;
    std::optional<long long> finger_;  // the one finger we follow; others are ignored
    std::deque<PointerEvent> pointer_events_;
    int escapes_ = 0;
    bool quit_ = false;
    bool lockdown_ = false;
};

}  // namespace haven
