// Rectangles in screen pixels, with the mirroring an RTL layout needs.
#pragma once

#include <algorithm>

namespace haven {

struct Point {
    float x = 0, y = 0;
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    Point center() const { return {x + w / 2, y + h / 2}; }
    bool contains(Point p) const { return p.x >= x && p.x < right() && p.y >= y && p.y < bottom(); }
    bool empty() const { return w <= 0 || h <= 0; }
    Rect inset(float d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
    Rect intersect(const Rect& o) const {
        float l = std::max(x, o.x), t = std::max(y, o.y);
        float r = std::min(right(), o.right()), b = std::min(bottom(), o.bottom());
        return {l, t, std::max(0.f, r - l), std::max(0.f, b - t)};
    }
    // The same rectangle seen in a mirror placed down the middle of `within` (for right-to-left layouts).
    Rect mirrored(const Rect& within) const { return {within.x + within.right() - right(), y, w, h}; }
};

}  // namespace haven
