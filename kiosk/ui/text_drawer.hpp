// The one interface through which every user-facing string is measured and drawn. Screens never call
// ImGui's text functions; the shaping text engine replaces what is behind this without touching them.
#pragma once

#include "content.hpp"
#include "geometry.hpp"
#include "text_layout.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

struct ImDrawList;

namespace haven {

enum class TextStyle { Small, Body, Emphasis, Heading, Title, Huge };

// Parts of a text drawn differently: emphasis in bold, links (phone numbers) in the link colour and
// underlined, with the boxes they occupy reported for hit-testing.
struct TextMarks {
    std::vector<ByteRange> bold;
    std::vector<ByteRange> links;
    std::uint32_t link_color = 0;
};

class TextDrawer {
public:
    virtual ~TextDrawer() = default;
    // Size of `text` wrapped to `wrap_width` (no wrapping when <= 0).
    virtual Point measure(std::string_view text, TextStyle style, float wrap_width) = 0;
    // Draws `text` wrapped to box.w, aligned inside the box, starting at its top.
    virtual void draw(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style, Align align,
                      Direction direction, std::uint32_t color) = 0;
    virtual float line_height(TextStyle style) = 0;
    // Like draw(), with marks; returns the height used and, per link, the boxes of its pieces (a link
    // broken across lines has several).
    virtual float draw_marked(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style, Direction direction,
                              std::uint32_t color, const TextMarks& marks, std::vector<std::vector<Rect>>& link_boxes) = 0;
    virtual Point measure_marked(std::string_view text, TextStyle style, float wrap_width, const TextMarks& marks) = 0;
    // The visitor's text size (1 = normal). Controls that must fit a fixed bar draw at 1.
    virtual float text_scale() const = 0;
    virtual void set_text_scale(float factor) = 0;
};

}  // namespace haven
