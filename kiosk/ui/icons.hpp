// Simple line icons drawn as shapes, named as packs name them ("shield", "home", ...), so a visitor
// who reads poorly can still tell the choices apart. An unknown name draws a plain circle.
#pragma once

#include "geometry.hpp"

#include <cstdint>
#include <string_view>

struct ImDrawList;

namespace haven {

void draw_named_icon(ImDrawList& list, std::string_view name, Rect box, std::uint32_t color, float thickness);

}  // namespace haven
