// Colours and sizes of the kiosk. Sizes are at 1080 p and multiplied by the screen's scale.
#pragma once

#include <cstdint>

namespace haven::theme {

constexpr std::uint32_t rgb(unsigned r, unsigned g, unsigned b) { return 0xFF000000u | (b << 16) | (g << 8) | r; }

constexpr std::uint32_t background = rgb(0xF4, 0xF1, 0xEA);   // warm paper: calm, not clinical
constexpr std::uint32_t surface = rgb(0xFF, 0xFF, 0xFF);
constexpr std::uint32_t surface_pressed = rgb(0xD9, 0xE6, 0xE4);
constexpr std::uint32_t text = rgb(0x1B, 0x26, 0x2C);
constexpr std::uint32_t text_muted = rgb(0x4A, 0x57, 0x5E);
constexpr std::uint32_t primary = rgb(0x1F, 0x5F, 0x66);       // tiles, links
constexpr std::uint32_t primary_pressed = rgb(0x15, 0x43, 0x48);
constexpr std::uint32_t on_primary = rgb(0xFF, 0xFF, 0xFF);
constexpr std::uint32_t emergency = rgb(0xA8, 0x1E, 0x1E);
constexpr std::uint32_t emergency_pressed = rgb(0x7A, 0x14, 0x14);
constexpr std::uint32_t exit = rgb(0x2B, 0x2B, 0x33);          // quick exit: dark, always the same place
constexpr std::uint32_t exit_pressed = rgb(0x10, 0x10, 0x14);
constexpr std::uint32_t bar = rgb(0xE4, 0xDF, 0xD3);
constexpr std::uint32_t notice = rgb(0xFF, 0xE8, 0xA3);         // demo / fallback notices
constexpr std::uint32_t border = rgb(0xC9, 0xC2, 0xB3);

constexpr float bar_height = 120;    // top bar with back, home, emergency, quick exit
constexpr float touch_target = 96;   // the smallest thing a finger must hit (>= 88 px at 1080 p)
constexpr float gap = 24;
constexpr float margin = 40;
constexpr float rounding = 18;

}  // namespace haven::theme
