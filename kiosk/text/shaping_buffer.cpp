#include "shaping_buffer.hpp"

#include <hb.h>
#include <malloc.h>
#include <sodium.h>

#include <atomic>

namespace haven {
namespace {

std::atomic<std::size_t> move_count{0};

// The whole block malloc() gave HarfBuzz (glibc), not only the entries in use: entries past the end
// may still hold text from an earlier, longer stage of shaping.
void wipe_block(void* block) {
    if (block) sodium_memzero(block, malloc_usable_size(block));
}

}  // namespace

ShapingBuffer::ShapingBuffer(unsigned characters) : buffer_(hb_buffer_create()) {
    // Shaping can lengthen the buffer (decomposed vowels, inserted dotted circles): a few glyphs per
    // character at most for real text. HarfBuzz 6.0 grows info and positions by realloc() only when
    // the length reaches what was allocated (hb_buffer_t::enlarge), so this headroom means it never does.
    hb_buffer_pre_allocate(buffer_, 4 * characters + 64);
    unsigned length = 0;
    arrays_[0] = hb_buffer_get_glyph_infos(buffer_, &length);
    arrays_[1] = hb_buffer_get_glyph_positions(buffer_, &length);
}

bool ShapingBuffer::check_not_moved() {
    unsigned length = 0;
    const void* now[2] = {hb_buffer_get_glyph_infos(buffer_, &length), hb_buffer_get_glyph_positions(buffer_, &length)};
    // HarfBuzz swaps the two arrays' roles while shaping; either order is fine.
    const bool same = (now[0] == arrays_[0] && now[1] == arrays_[1]) || (now[0] == arrays_[1] && now[1] == arrays_[0]);
    if (!same) ++move_count;
    return same;
}

std::size_t ShapingBuffer::moves() { return move_count.load(); }

ShapingBuffer::~ShapingBuffer() {
    unsigned length = 0;
    wipe_block(hb_buffer_get_glyph_infos(buffer_, &length));
    wipe_block(hb_buffer_get_glyph_positions(buffer_, &length));
    hb_buffer_clear_contents(buffer_);  // zeroes the pre- and post-context codepoints it keeps inline
    hb_buffer_destroy(buffer_);
}

}  // namespace haven
