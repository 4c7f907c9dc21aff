#include "glyph_atlas.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

namespace haven {

GlyphAtlas::GlyphAtlas(FontSet& fonts, GlyphTexture& texture, int size)
    : fonts_(fonts), uploader_(texture), size_(size) {
    texture_ = uploader_.create_texture(size_, size_);
    reset();
}

void GlyphAtlas::reset() {
    glyphs_.clear();
    shelf_x_ = shelf_y_ = shelf_height_ = 0;
    // Cleared to transparent so stale pixels never show between glyphs.
    std::vector<std::uint32_t> clear(size_t(size_) * 64, 0);
    for (int y = 0; y < size_; y += 64) uploader_.upload(texture_, 0, y, size_, 64, clear.data());
}

void GlyphAtlas::begin_frame() {
    if (overflowed_) reset();
    overflowed_ = false;
}

const AtlasGlyph* GlyphAtlas::get(int face_index, int px, std::uint32_t glyph) {
    const std::uint64_t key = (std::uint64_t(std::uint32_t(face_index)) << 44) | (std::uint64_t(px & 0xFFF) << 32) | glyph;
    if (auto it = glyphs_.find(key); it != glyphs_.end()) return &it->second;
    if (overflowed_) return nullptr;

    FT_Face face = fonts_.face(face_index).ft;
    AtlasGlyph g{0, 0, 0, 0, 0, 0, 0, 0};
    // Outlines only, rendered to 8-bit coverage: an embedded 1-bit bitmap would have another layout.
    if (FT_Set_Pixel_Sizes(face, 0, FT_UInt(px)) == 0 &&
        FT_Load_Glyph(face, glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) == 0 &&
        FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) == 0 && face->glyph->bitmap.pixel_mode == FT_PIXEL_MODE_GRAY) {
        const FT_Bitmap& bitmap = face->glyph->bitmap;
        g.width = int(bitmap.width);
        g.height = int(bitmap.rows);
        g.left = float(face->glyph->bitmap_left);
        g.top = float(face->glyph->bitmap_top);
        if (g.width > 0 && g.height > 0) {
            constexpr int pad = 1;  // keeps neighbours from bleeding into each other when sampled
            if (g.width + pad > size_ || g.height + pad > size_) return &glyphs_.emplace(key, AtlasGlyph{}).first->second;
            if (shelf_x_ + g.width + pad > size_) {
                shelf_y_ += shelf_height_;
                shelf_x_ = shelf_height_ = 0;
            }
            if (shelf_y_ + g.height + pad > size_) {
                overflowed_ = true;
                return nullptr;
            }
            scratch_.assign(size_t(g.width) * size_t(g.height), 0);
            for (int y = 0; y < g.height; ++y)
                for (int x = 0; x < g.width; ++x) {
                    const std::uint32_t alpha = bitmap.buffer[y * bitmap.pitch + x];
                    scratch_[size_t(y * g.width + x)] = (alpha << 24) | 0x00FFFFFFu;  // white, coverage as alpha
                }
            uploader_.upload(texture_, shelf_x_, shelf_y_, g.width, g.height, scratch_.data());
            const float s = float(size_);
            g.u0 = float(shelf_x_) / s;
            g.v0 = float(shelf_y_) / s;
            g.u1 = float(shelf_x_ + g.width) / s;
            g.v1 = float(shelf_y_ + g.height) / s;
            shelf_x_ += g.width + pad;
            shelf_height_ = std::max(shelf_height_, g.height + pad);
        }
    }
    return &glyphs_.emplace(key, g).first->second;
}

}  // namespace haven
