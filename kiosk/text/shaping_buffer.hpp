// A HarfBuzz buffer that leaves nothing of the text it shaped in memory. hb_buffer_t keeps the
// codepoints, then the glyph ids, in two arrays it malloc()s itself and frees without overwriting;
// growing them by realloc() would also leave copies behind. So the arrays are allocated up front, large
// enough for shaping never to grow them, and overwritten in full before the buffer is destroyed.
#pragma once

#include <cstddef>

typedef struct hb_buffer_t hb_buffer_t;

namespace haven {

class ShapingBuffer {
public:
    explicit ShapingBuffer(unsigned characters);  // room for shaping `characters` UTF-16 units
    ~ShapingBuffer();                             // overwrites the arrays and the context, then destroys
    ShapingBuffer(const ShapingBuffer&) = delete;
    ShapingBuffer& operator=(const ShapingBuffer&) = delete;

    hb_buffer_t* get() const { return buffer_; }
    // Call after hb_shape(): false if HarfBuzz had to move its arrays anyway (a copy of the text was
    // freed unwiped). Counted process-wide, so tests can prove it never happens.
    bool check_not_moved();
    static std::size_t moves();

private:
    hb_buffer_t* buffer_;
    const void* arrays_[2] = {nullptr, nullptr};  // where info and positions live before shaping
};

}  // namespace haven
