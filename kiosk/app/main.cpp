// haven-kiosk: the touchscreen kiosk. See README.md for the options.
#include "kiosk_app.hpp"
#include "calendar.hpp"
#include "pack_loader.hpp"
#include "pack_install.hpp"
#include "pack_integrity.hpp"
#include "pack_service.hpp"
#include "process_hardening.hpp"
#include "ui_text.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace {

struct Arguments {
    std::string pack = HAVEN_DEMO_PACK;
    bool pack_given = false;
    std::string config;
    std::string script;
    std::string screenshot;
    std::string locale_dir = HAVEN_LOCALE_DIR;
    std::string windowed;  // "WxH"
    std::string now;       // "YYYY-MM-DDTHH:MMZ"
    bool headless = false;
    bool lockdown = false;
};

int usage() {
    std::fprintf(stderr,
                 "usage: haven-kiosk [--pack DIR] [--config FILE] [--windowed WxH] [--headless] [--lockdown]\n"
                 "                   [--script FILE | --screenshot FILE.png] [--locale-dir DIR] [--now YYYY-MM-DDTHH:MMZ]\n"
                 "  Runs full screen on the display; headless (no window) when no display is set or with --headless.\n"
                 "  --script FILE      run the steps in FILE (tap, drag, wait, advance, shot, ids, expect, expect-not)\n"
                 "                     and exit; non-zero status if a step fails\n"
                 "  --screenshot FILE  render the first screen to FILE and exit\n"
                 "  --now TIME         start the clock at this UTC time (for opening hours in tests and demos)\n"
                 "  --lockdown         kiosk mode in a window: keyboard grabbed, close requests ignored\n"
                 "                     (full screen always is)\n");
    return 2;
}

bool parse(int argc, char** argv, Arguments& a) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        if (arg == "--pack" ? !(a.pack_given = value(a.pack))
            : arg == "--config" ? !value(a.config)
            : arg == "--script" ? !value(a.script)
            : arg == "--screenshot" ? !value(a.screenshot)
            : arg == "--locale-dir" ? !value(a.locale_dir)
            : arg == "--windowed" ? !value(a.windowed)
            : arg == "--now" ? !value(a.now)
            : arg == "--headless" ? !(a.headless = true)
            : arg == "--lockdown" ? !(a.lockdown = true)
            : true)
            return false;
    }
    return true;
}

bool has_display() {
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

}  // namespace

int main(int argc, char** argv) {
    Arguments args;
    if (!parse(argc, argv, args)) return usage();
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // script output and log lines keep their order in one file
    if (!haven::harden_process()) std::fprintf(stderr, "haven-kiosk: warning: could not disable core dumps\n");
    // Libraries must not leave caches behind either: Mesa would keep compiled shaders in ~/.cache.
    setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
    setenv("MESA_GLSL_CACHE_DISABLE", "true", 1);
    haven::init_ui_text(args.locale_dir);

    haven::AppOptions options;
    options.ui_languages = haven::builtin_ui_languages();
    if (!args.config.empty()) {
        std::vector<haven::Problem> problems;
        options.config = haven::load_kiosk_config(args.config, problems);
        for (const auto& p : problems) {
            std::fprintf(stderr, "haven-kiosk: config: %s\n", p.to_string().c_str());
            if (p.is_error()) options.config_problems.push_back(p.to_string());
        }
        if (options.config.closed)
            std::fprintf(stderr, "haven-kiosk: the configuration does not say which publishers to trust; no pack is served "
                                 "until it is fixed (emergency number %s)\n", options.config.emergency_display.c_str());
        else if (!options.config_problems.empty())
            std::fprintf(stderr, "haven-kiosk: the configuration has errors; their settings keep their defaults\n");
    }
    // The pack in service: --pack for development and demonstrations, else the state folder's. With
    // trusted keys, every file is checked against the signed manifest before anything is shown.
    // With a state folder, the pack in service is always the installed one: a --pack folder beside it would
    // bring a stale pack back at every restart and skip the checks on versions and the folder's owners.
    if (args.pack_given && !options.config.state_dir.empty()) {
        std::fprintf(stderr, "haven-kiosk: --pack and a configuration with state_dir cannot go together; install the pack into "
                             "the state folder (kiosk-pack install) and start the kiosk without --pack\n");
        return 2;
    }
    const bool from_state = !args.pack_given && !options.config.state_dir.empty();
    const std::string source = from_state ? options.config.state_dir.string() : args.pack;
    auto served = options.config.closed ? haven::ServedPack{}
                  : from_state          ? haven::load_installed_for_service(options.config.state_dir, options.config.trusted_keys)
                                        : haven::load_for_service(args.pack, options.config.trusted_keys);
    for (const auto& p : served.refusals) std::fprintf(stderr, "haven-kiosk: pack: %s\n", p.to_string().c_str());
    const haven::LoadResult& loaded = served.loaded;
    options.signer = served.signer;
    for (const auto& p : loaded.problems) std::fprintf(stderr, "haven-kiosk: pack: %s\n", p.to_string().c_str());
    if (loaded.ok())
        std::fprintf(stderr, "haven-kiosk: serving pack %s version %lld\n", loaded.content->manifest.id.c_str(),
                     loaded.content->manifest.version);
    else
        std::fprintf(stderr, "haven-kiosk: no pack can be served from %s; showing the 'being updated' screen\n", source.c_str());
    if (served.from_previous)
        std::fprintf(stderr, "haven-kiosk: the current pack was refused; serving the previous one (reasons above)\n");
    const haven::Date clock{std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}};
    if (loaded.ok() && loaded.content->manifest.expires <
                           haven::judged_today(clock, from_state ? options.config.state_dir : std::filesystem::path(), loaded.content->manifest))
        std::fprintf(stderr, "haven-kiosk: the pack expired on %s; it is still served, with a notice to visitors that "
                             "it may be out of date\n", loaded.content->manifest.expires.iso().c_str());
    if (options.config.development_mode())
        std::fprintf(stderr, "haven-kiosk: development mode: no trusted keys configured, content is not verified\n");
    options.content = loaded.content;

    const bool scripted = !args.script.empty() || !args.screenshot.empty();
    options.window.headless = args.headless || !has_display();
    options.window.fullscreen = args.windowed.empty() && !options.window.headless;
    // Full screen is kiosk mode, locked down; --lockdown asks for it in a window too (tests).
    options.window.lockdown = options.window.fullscreen || args.lockdown;
    if (!args.windowed.empty() && std::sscanf(args.windowed.c_str(), "%dx%d", &options.window.width, &options.window.height) != 2)
        return usage();
    options.virtual_clock = scripted;
    if (!args.now.empty()) {
        int y, mo, d, h, mi;
        if (std::sscanf(args.now.c_str(), "%d-%d-%dT%d:%dZ", &y, &mo, &d, &h, &mi) != 5) return usage();
        auto date = haven::parse_date(args.now.substr(0, 10));
        if (!date || h < 0 || h > 23 || mi < 0 || mi > 59) return usage();
        options.start_time = std::chrono::sys_seconds{date->days()} + std::chrono::hours{h} + std::chrono::minutes{mi};
    }

    std::vector<haven::Step> steps;
    if (!args.script.empty()) {
        std::ifstream in(args.script);
        if (!in) {
            std::fprintf(stderr, "haven-kiosk: cannot read script %s\n", args.script.c_str());
            return 2;
        }
        std::stringstream text;
        text << in.rdbuf();
        auto parsed = haven::parse_script(text.str());
        if (auto* error = std::get_if<haven::ScriptError>(&parsed)) {
            std::fprintf(stderr, "%s:%d: %s\n", args.script.c_str(), error->line, error->message.c_str());
            return 2;
        }
        steps = std::get<std::vector<haven::Step>>(parsed);
    }

    haven::KioskApp app(std::move(options));
    std::string error;
    if (!app.start(error)) {
        std::fprintf(stderr, "haven-kiosk: %s\n", error.c_str());
        return 1;
    }
    if (!args.screenshot.empty()) return app.screenshot(args.screenshot);
    if (!args.script.empty()) return app.run_script(steps, args.script);
    return app.run_interactive();
}
