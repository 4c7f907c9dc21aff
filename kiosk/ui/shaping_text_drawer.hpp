// The TextDrawer every screen uses: HarfBuzz-shaped, bidi-ordered, line-broken text (text_layout.hpp)
// drawn as quads from the glyph atlas through ImGui's draw lists.
#pragma once

#include <string>
#include "glyph_atlas.hpp"
#include "text_drawer.hpp"
#include "text_layout.hpp"

namespace haven {

class ShapingTextDrawer final : public TextDrawer {
public:
    ShapingTextDrawer(TextEngine& engine, GlyphAtlas& atlas, float scale) : engine_(engine), atlas_(atlas), scale_(scale) {}

    Point measure(std::string_view text, TextStyle style, float wrap_width) override;
    void draw(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style, Align align,
              Direction direction, std::uint32_t color) override;
    float line_height(TextStyle style) override;
    float draw_marked(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style, Direction direction,
                      std::uint32_t color, const TextMarks& marks, std::vector<std::vector<Rect>>& link_boxes) override;
    Point measure_marked(std::string_view text, TextStyle style, float wrap_width, const TextMarks& marks) override;

    // The visitor's text size: 1 normal, larger for the larger steps. Layout sizes follow it.
    void set_text_scale(float factor) override { text_scale_ = factor; }
    // The reader's language (BCP 47), for the language's own font style (Urdu's Nastaliq, Chinese forms).
    void set_language(std::string language) { language_ = std::move(language); }
    float text_scale() const override { return text_scale_; }
    void set_scale(float scale) { scale_ = scale; }  // the screen's size may change (rotation)

    // The size and weight each style is drawn at, at this screen's scale.
    float pixels(TextStyle style) const;
    bool bold(TextStyle style) const;

private:
    TextRequest request(std::string_view text, TextStyle style, float width, Align align, Direction direction) const;
    void draw_glyphs(ImDrawList& list, const Rect& box, const TextLayout& layout, int px, std::uint32_t color,
                     const TextMarks* marks);

    TextEngine& engine_;
    GlyphAtlas& atlas_;
    float scale_;
    float text_scale_ = 1;
    std::string language_;
};

}  // namespace haven
