// One pointer (mouse or the first finger on a touchscreen), as widgets see it during a frame.
#pragma once

#include "geometry.hpp"

#include <cmath>

namespace haven {

struct Pointer {
    Point pos;              // where it is now
    bool down = false;      // pressed now
    bool pressed = false;   // went down this frame
    bool released = false;  // went up this frame
    Point press_pos;        // where the current (or just-ended) press started
    float travel = 0;       // furthest distance from press_pos during this press

    // Movement beyond this many pixels makes a press a drag, which never counts as a tap.
    static constexpr float tap_slop = 24;
    bool dragging() const { return travel >= tap_slop; }

    void press(Point p) { pos = press_pos = p; down = pressed = true; travel = 0; }
    void move(Point p) {
        pos = p;
        if (down) travel = std::max(travel, std::hypot(p.x - press_pos.x, p.y - press_pos.y));
    }
    void release(Point p) { move(p); down = false; released = true; }
    void next_frame() { pressed = released = false; }
};

}  // namespace haven
