#include "sdl_platform.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb/stb_image_write.h>

#include <vector>

namespace haven {

void SdlPlatform::close() {
    for (void* texture : textures_) SDL_DestroyTexture(static_cast<SDL_Texture*>(texture));
    textures_.clear();
    if (imgui_backend_) ImGui_ImplSDLRenderer_Shutdown();
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    if (window_ || renderer_) SDL_Quit();
    imgui_backend_ = false;
    renderer_ = nullptr;
    window_ = nullptr;
}

bool SdlPlatform::open(const WindowOptions& options, std::string& error) {
    if (options.headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    lockdown_ = options.lockdown;
    if (lockdown_) {
        // Keys such as Alt+Tab and Super reach the kiosk, not the desktop, as far as SDL can arrange;
        // what it cannot (VT switching, the compositor's own keys) the README's cage service covers.
        SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
        SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
        // SIGTERM and SIGINT end the process at once (systemd restarts it) instead of becoming a quit
        // event that lockdown would ignore.
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    }
    // Touches arrive as finger events; we ignore SDL's mouse events synthesised from them (see handle()).
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("SDL could not start: ") + SDL_GetError();
        return false;
    }
    // No SDL_WINDOW_ALLOW_HIGHDPI: mouse coordinates and drawing must be in the same units.
    Uint32 flags = SDL_WINDOW_SHOWN;
    if (options.fullscreen && !options.headless) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    window_ = SDL_CreateWindow("Haven Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                               options.height, flags);
    if (!window_) {
        error = std::string("no window: ") + SDL_GetError();
        return false;
    }
    // Hardware acceleration when there is any, the software renderer otherwise (and always headless).
    if (!options.headless) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer_) {
        error = std::string("no renderer: ") + SDL_GetError();
        return false;
    }
    SDL_GetRendererOutputSize(renderer_, &width_, &height_);
    if (options.fullscreen && !options.headless) SDL_ShowCursor(SDL_DISABLE);
    if (lockdown_) SDL_SetWindowKeyboardGrab(window_, SDL_TRUE);
    imgui_backend_ = ImGui_ImplSDLRenderer_Init(renderer_);
    return imgui_backend_;
}

void SdlPlatform::handle(const SDL_Event& e) {
    auto finger_pos = [&](float x, float y) { return Point{x * float(width_), y * float(height_)}; };
    switch (e.type) {
        case SDL_QUIT:
            if (!lockdown_) quit_ = true;  // a locked-down kiosk does not close (Alt+F4, window manager)
            break;
        case SDL_KEYDOWN:
            if (e.key.keysym.sym == SDLK_ESCAPE && !e.key.repeat) ++escapes_;
            break;
        // Mouse events that SDL made up from touches carry SDL_TOUCH_MOUSEID; the finger events below
        // already report those touches.
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT)
                pointer_events_.push_back({PointerEvent::Kind::Down, {float(e.button.x), float(e.button.y)}});
            break;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT)
                pointer_events_.push_back({PointerEvent::Kind::Up, {float(e.button.x), float(e.button.y)}});
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which != SDL_TOUCH_MOUSEID)
                pointer_events_.push_back({PointerEvent::Kind::Move, {float(e.motion.x), float(e.motion.y)}});
            break;
        case SDL_FINGERDOWN:
            if (!finger_) {
                finger_ = e.tfinger.fingerId;
                pointer_events_.push_back({PointerEvent::Kind::Down, finger_pos(e.tfinger.x, e.tfinger.y)});
            }
            break;
        case SDL_FINGERMOTION:
            if (finger_ == e.tfinger.fingerId)
                pointer_events_.push_back({PointerEvent::Kind::Move, finger_pos(e.tfinger.x, e.tfinger.y)});
            break;
        case SDL_FINGERUP:
            if (finger_ == e.tfinger.fingerId) {
                finger_.reset();
                pointer_events_.push_back({PointerEvent::Kind::Up, finger_pos(e.tfinger.x, e.tfinger.y)});
            }
            break;
        case SDL_WINDOWEVENT:
            // Exposed, resized, restored: the loop draws again after any event; only the size needs noting.
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) SDL_GetRendererOutputSize(renderer_, &width_, &height_);
            break;
        default: break;
    }
}

bool SdlPlatform::wait_and_collect(int timeout_ms) {
    SDL_Event e;
    if (SDL_WaitEventTimeout(&e, timeout_ms)) handle(e);
    while (SDL_PollEvent(&e)) handle(e);
    return !quit_;
}

void SdlPlatform::inject(Device device, PointerEvent::Kind kind, Point pos) {
    SDL_Event e{};
    if (device == Device::Mouse) {
        if (kind == PointerEvent::Kind::Move) {
            e.type = SDL_MOUSEMOTION;
            e.motion.x = int(pos.x);
            e.motion.y = int(pos.y);
        } else {
            e.type = kind == PointerEvent::Kind::Down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
            e.button.button = SDL_BUTTON_LEFT;
            e.button.x = int(pos.x);
            e.button.y = int(pos.y);
        }
    } else {
        e.type = kind == PointerEvent::Kind::Down ? SDL_FINGERDOWN : kind == PointerEvent::Kind::Up ? SDL_FINGERUP : SDL_FINGERMOTION;
        e.tfinger.touchId = 1;
        e.tfinger.fingerId = 1;
        e.tfinger.x = pos.x / float(width_);
        e.tfinger.y = pos.y / float(height_);
        e.tfinger.pressure = 1;
    }
    SDL_PushEvent(&e);
}

void SdlPlatform::inject_key(const std::string& name) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDL_GetKeyFromName(name.c_str());
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    SDL_PushEvent(&e);
}

void SdlPlatform::wake() {
    SDL_Event e{};
    e.type = SDL_USEREVENT;  // SDL_PushEvent is thread-safe; the loop draws after any event
    SDL_PushEvent(&e);
}

void SdlPlatform::inject_quit() {
    SDL_Event e{};
    e.type = SDL_QUIT;
    SDL_PushEvent(&e);
}

void SdlPlatform::collect() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) handle(e);
}

void* SdlPlatform::create_texture(int width, int height) {
    SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!texture) return nullptr;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    textures_.push_back(texture);
    return texture;
}

void SdlPlatform::upload(void* texture, int x, int y, int width, int height, const std::uint32_t* rgba) {
    // Pixels arrive as 0xAARRGGBB words, which is SDL's ARGB8888.
    SDL_Rect area{x, y, width, height};
    SDL_UpdateTexture(static_cast<SDL_Texture*>(texture), &area, rgba, width * 4);
}

void SdlPlatform::begin_frame() { ImGui_ImplSDLRenderer_NewFrame(); }

void SdlPlatform::render() {
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
}

void SdlPlatform::present() { SDL_RenderPresent(renderer_); }

bool SdlPlatform::save_png(const std::string& path, std::string& error) {
    // RGB24 read-back: the PNG is opaque, whatever alpha the surface carries.
    std::vector<unsigned char> pixels(size_t(width_) * size_t(height_) * 3);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGB24, pixels.data(), width_ * 3) != 0) {
        error = std::string("could not read the screen: ") + SDL_GetError();
        return false;
    }
    if (!stbi_write_png(path.c_str(), width_, height_, 3, pixels.data(), width_ * 3)) {
        error = "could not write " + path;
        return false;
    }
    return true;
}

}  // namespace haven
