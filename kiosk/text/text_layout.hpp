// Paragraph layout: bidi runs (ICU) -> script and font runs -> HarfBuzz shaping -> line breaking at
// legal break points (ICU) -> visual reordering per line -> alignment. The result is plain data that
// tests can check and any renderer can draw.
#pragma once

#include "font_set.hpp"
#include "wiping_allocator.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace haven {

enum class TextDirection { LeftToRight, RightToLeft };
enum class Align { Start, Center, End };  // Start is the left for LTR paragraphs and the right for RTL

struct ByteRange {
    std::uint32_t begin, end;  // in the UTF-8 text
};

struct TextRequest {
    std::string_view text;
    float px = 32;                       // font size in pixels
    bool bold = false;
    TextDirection direction = TextDirection::LeftToRight;  // the paragraph's base direction
    float max_width = 0;                 // wrap to this width; <= 0: one line per paragraph
    Align align = Align::Start;
    std::vector<ByteRange> bold_ranges;  // emphasis inside the text
    float line_spacing = 1.45f;          // line height as a multiple of px; taller where a font needs it
    std::string_view language;           // BCP 47 of the reader, for the language's own font style
};

struct PlacedGlyph {
    int face;              // index into the FontSet
    std::uint32_t glyph;   // glyph id in that face
    float x, y;            // pen position on the baseline, from the layout's top-left
    std::uint32_t source;  // byte offset in the text of the character(s) this glyph draws
};

struct LineBox {
    float x, top, width, height, baseline;
    std::uint32_t source_begin, source_end;  // byte range of the text on this line
};

// Wiping containers: the glyph sequence of a paragraph is the paragraph, to anyone reading memory.
struct TextLayout {
    WipingVector<PlacedGlyph> glyphs;  // in visual order, line by line
    WipingVector<LineBox> lines;
    float width = 0;   // widest line
    float height = 0;  // all lines
    float px = 0;
};

class TextEngine {
public:
    explicit TextEngine(FontSet& fonts) : fonts_(fonts) {}
    ~TextEngine();

    // Laid out once per (text, style, width); the cache is cleared with clear_cache() when a visit ends.
    std::shared_ptr<const TextLayout> layout(const TextRequest& request);
    TextLayout compute(const TextRequest& request);  // uncached
    void clear_cache();  // overwrites the texts the cache was keyed by, then frees everything
    size_t cache_size() const { return cache_.size(); }
    FontSet& fonts() { return fonts_; }

private:
    FontSet& fonts_;
    // Keyed by the text itself (with its style): the key, the nodes and the layouts all wipe on release.
    using CacheEntry = std::pair<const WipingString, std::shared_ptr<const TextLayout>>;
    std::unordered_map<WipingString, std::shared_ptr<const TextLayout>, WipingStringHash, std::equal_to<>,
                       WipingAllocator<CacheEntry>>
        cache_;
};

}  // namespace haven
