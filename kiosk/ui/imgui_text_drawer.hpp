// Interim TextDrawer on Dear ImGui's own fonts: covers the glyphs of every demo script but does NOT shape
// (Arabic letters stay unjoined, Bengali conjuncts do not form) and does not reorder right-to-left text.
// The HarfBuzz/ICU text engine (its own issue) replaces this class behind the same interface.
#pragma once

#include "text_drawer.hpp"

#include <array>

struct ImFont;

namespace haven {

class ImGuiTextDrawer final : public TextDrawer {
public:
    // Adds fonts for every style at `scale` (1.0 at 1080 p) to ImGui's font atlas. False if no font was found.
    bool load_fonts(float scale);

    Point measure(std::string_view text, TextStyle style, float wrap_width) override;
    void draw(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style, Align align,
              Direction direction, std::uint32_t color) override;
    float line_height(TextStyle style) override;

private:
    ImFont* font(TextStyle style) const { return fonts_[size_t(style)]; }
    std::array<ImFont*, 6> fonts_{};
};

}  // namespace haven
