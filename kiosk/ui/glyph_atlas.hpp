// Glyphs rasterised with FreeType into the project's own texture, keyed by font, size and glyph id,
// packed in shelves. When the texture is full it is emptied and refilled with what is drawn next.
#pragma once

#include "font_set.hpp"
#include "wiping_allocator.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace haven {

// Where glyph pixels go: implemented by the platform layer (an SDL texture).
class GlyphTexture {
public:
    virtual ~GlyphTexture() = default;
    virtual void* create_texture(int width, int height) = 0;  // RGBA, blended; returns an ImTextureID
    virtual void upload(void* texture, int x, int y, int width, int height, const std::uint32_t* rgba) = 0;
};

struct AtlasGlyph {
    float u0, v0, u1, v1;  // texture coordinates
    float left, top;       // bitmap offset from the pen position on the baseline (top is up)
    int width, height;     // 0 for glyphs that draw nothing (spaces)
};

class GlyphAtlas {
public:
    GlyphAtlas(FontSet& fonts, GlyphTexture& texture, int size = 2048);

    // nullptr only when the atlas filled up during this frame; begin_frame() then starts it afresh.
    const AtlasGlyph* get(int face, int px, std::uint32_t glyph);
    void begin_frame();
    void clear() { reset(); }  // forgets every glyph (a visit ended: what was shown is nobody's business)
    bool overflowed() const { return overflowed_; }  // the frame needs drawing again
    void* texture() const { return texture_; }
    size_t glyph_count() const { return glyphs_.size(); }
    int used_height() const { return shelf_y_ + shelf_height_; }
    int size() const { return size_; }

private:
    void reset();

    FontSet& fonts_;
    GlyphTexture& uploader_;
    int size_;
    void* texture_ = nullptr;
    // Which glyphs a visit drew, and their pixels: overwritten when released.
    std::unordered_map<std::uint64_t, AtlasGlyph, std::hash<std::uint64_t>, std::equal_to<std::uint64_t>,
                       WipingAllocator<std::pair<const std::uint64_t, AtlasGlyph>>>
        glyphs_;
    int shelf_x_ = 0, shelf_y_ = 0, shelf_height_ = 0;
    bool overflowed_ = false;
    WipingVector<std::uint32_t> scratch_;
};

}  // namespace haven
