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
    r.language = language_;
    return r;
}

Point ShapingTextDrawer::measure(std::string_view text, TextStyle style, float wrap_width) {
    auto layout = engine_.layout(request(text, style, wrap_width, Align::Start, Direction::LeftToRight));
    return {layout->width, layout->height};
}

void ShapingTextDrawer::draw(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style, Align align,
                             Direction direction, std::uint32_t color) {
    auto layout = engine_.layout(request(text, style, box.w, align, direction));
    draw_glyphs(list, box, *layout, int(pixels(style)), color, nullptr);
}

namespace {
bool inside(const std::vector<ByteRange>& ranges, std::uint32_t at) {
    for (const auto& r : ranges)
        if (at >= r.begin && at < r.end) return true;
    return false;
}
}  // namespace

void ShapingTextDrawer::draw_glyphs(ImDrawList& list, const Rect& box, const TextLayout& layout, int px,
                                    std::uint32_t color, const TextMarks* marks) {
    // Only lines inside the visible area are rasterised: a long article must not fill the atlas with
    // text nobody can see.
    const ImVec2 clip_min = list.GetClipRectMin(), clip_max = list.GetClipRectMax();
    size_t line = 0;
    for (const auto& glyph : layout.glyphs) {
        while (line + 1 < layout.lines.size() && glyph.y > layout.lines[line].top + layout.lines[line].height) ++line;
        const auto& box_line = layout.lines[line];
        if (box.y + box_line.top > clip_max.y || box.y + box_line.top + box_line.height < clip_min.y) continue;
        const AtlasGlyph* a = atlas_.get(glyph.face, px, glyph.glyph);
        if (!a || a->width == 0) continue;
        const std::uint32_t c = marks && inside(marks->links, glyph.source) ? marks->link_color : color;
        // Whole pixels: the atlas holds glyphs rasterised at whole-pixel positions.
        const float x = std::round(box.x + glyph.x + a->left);
        const float y = std::round(box.y + glyph.y - a->top);
        list.AddImage(atlas_.texture(), ImVec2(x, y), ImVec2(x + float(a->width), y + float(a->height)),
                      ImVec2(a->u0, a->v0), ImVec2(a->u1, a->v1), c);
    }
}

Point ShapingTextDrawer::measure_marked(std::string_view text, TextStyle style, float wrap_width, const TextMarks& marks) {
    TextRequest r = request(text, style, wrap_width, Align::Start, Direction::LeftToRight);
    r.bold_ranges = marks.bold;
    auto layout = engine_.layout(r);
    return {layout->width, layout->height};
}

float ShapingTextDrawer::draw_marked(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style,
                                     Direction direction, std::uint32_t color, const TextMarks& marks,
                                     std::vector<std::vector<Rect>>& link_boxes) {
    TextRequest r = request(text, style, box.w, Align::Start, direction);
    r.bold_ranges = marks.bold;
    auto layout = engine_.layout(r);
    const int px = int(pixels(style));
    draw_glyphs(list, box, *layout, px, color, &marks);
    // Each link's extent per line, from its glyphs' positions; underlined so it reads as tappable.
    link_boxes.assign(marks.links.size(), {});
    for (size_t k = 0; k < marks.links.size(); ++k) {
        const auto& link = marks.links[k];
        for (const auto& line : layout->lines) {
            float left = 1e9f, right = -1e9f;
            for (const auto& g : layout->glyphs) {
                if (g.source < link.begin || g.source >= link.end) continue;
                if (g.y < line.top || g.y > line.top + line.height) continue;
                const AtlasGlyph* a = atlas_.get(g.face, px, g.glyph);
                left = std::min(left, g.x);
                right = std::max(right, g.x + (a ? a->left + float(a->width) : 0.f));
            }
            if (right <= left) continue;
            Rect piece{box.x + left, box.y + line.top, right - left, line.height};
            list.AddLine(ImVec2(piece.x, box.y + line.baseline + float(px) * 0.15f),
                         ImVec2(piece.right(), box.y + line.baseline + float(px) * 0.15f), marks.link_color,
                         std::max(1.f, float(px) / 14.f));
            link_boxes[k].push_back(piece);
        }
    }
    return layout->height;
}

}  // namespace haven
