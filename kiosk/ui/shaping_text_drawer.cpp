#include "shaping_text_drawer.hpp"

#include <imgui.h>

#include <cmath>

namespace haven {
namespace {

struct StyleSpec {
    float px;
    bool bold;
};
// Small, Body, Emphasis, Heading, Title, Huge at 1080 p.
constexpr StyleSpec specs[] = {{26, false}, {32, false}, {32, true}, {42, true}, {56, true}, {96, true}};

}  // namespace

float ShapingTextDrawer::pixels(TextStyle style) const {
    // Phone numbers are already as large as the screen allows.
    const float factor = style == TextStyle::Huge ? 1.f : text_scale_;
    return std::round(specs[int(style)].px * scale_ * factor);
}
bool ShapingTextDrawer::bold(TextStyle style) const { return specs[int(style)].bold; }
float ShapingTextDrawer::line_height(TextStyle style) { return pixels(style) * TextRequest{}.line_spacing; }

TextRequest ShapingTextDrawer::request(std::string_view text, TextStyle style, float width, Align align,
                                       Direction direction) const {
    TextRequest r;
    r.text = text;
    r.px = pixels(style);
    r.bold = bold(style);
    r.direction = direction == Direction::RightToLeft ? TextDirection::RightToLeft : TextDirection::LeftToRight;
    r.max_width = width;
    r.align = align;
    return r;
}

Point ShapingTextDrawer::measure(std::string_view text, TextStyle style, float wrap_width) {
    auto layout = engine_.layout(request(text, style, wrap_width, Align::Start, Direction::LeftToRight));
    return {layout->width, layout->height};
}

void ShapingTextDrawer::draw(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style, Align align,
                             Direction direction, std::uint32_t color) {
    auto layout = engine_.layout(request(text, style, box.w, align, direction));
    const int px = int(pixels(style));
    // Only lines inside the visible area are rasterised: a long article must not fill the atlas with
    // text nobody can see.
    const ImVec2 clip_min = list.GetClipRectMin(), clip_max = list.GetClipRectMax();
    size_t line = 0;
    for (const auto& glyph : layout->glyphs) {
        while (line + 1 < layout->lines.size() && glyph.y > layout->lines[line].top + layout->lines[line].height) ++line;
        const auto& box_line = layout->lines[line];
        if (box.y + box_line.top > clip_max.y || box.y + box_line.top + box_line.height < clip_min.y) continue;
        const AtlasGlyph* a = atlas_.get(glyph.face, px, glyph.glyph);
        if (!a || a->width == 0) continue;
        // Whole pixels: the atlas holds glyphs rasterised at whole-pixel positions.
        const float x = std::round(box.x + glyph.x + a->left);
        const float y = std::round(box.y + glyph.y - a->top);
        list.AddImage(atlas_.texture(), ImVec2(x, y), ImVec2(x + float(a->width), y + float(a->height)),
                      ImVec2(a->u0, a->v0), ImVec2(a->u1, a->v1), color);
    }
}

}  // namespace haven
