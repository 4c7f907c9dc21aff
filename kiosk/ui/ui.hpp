// The widget context of one frame: hit-testing with the pointer, taps that a drag never triggers,
// drag-to-scroll areas, RTL mirroring, and the record of every widget on screen (for scripts and tests).
#pragma once

#include "geometry.hpp"
#include "pointer.hpp"
#include "text_drawer.hpp"
#include "theme.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct ImDrawList;

namespace haven {

struct WidgetRecord {
    std::string id;
    Rect rect;  // the visible part, in screen pixels
};

enum class ButtonKind { Plain, Primary, Emergency, Exit };

struct InlineLink {
    ByteRange range;  // in the text
    std::string id;   // widget id, e.g. "tel.116006"
};
// Drawn as shapes, not font glyphs, so they never depend on a font having them.
enum class Icon { None, Back, Home, Close, Check, Contrast };

class Ui {
public:
    explicit Ui(TextDrawer& text) : text_(text) {}

    void begin_frame(ImDrawList& list, const Pointer& pointer, Point screen, float scale, Direction direction,
                     const Palette& palette, float seconds_elapsed);
    void end_frame();  // publishes this frame's widgets

    float scale() const { return scale_; }
    const Palette& palette() const { return *palette_; }
    float px(float size_at_1080p) const { return size_at_1080p * scale_; }
    Point screen() const { return screen_; }
    bool rtl() const { return direction_ == Direction::RightToLeft; }
    Direction direction() const { return direction_; }
    void set_direction(Direction d) { direction_ = d; }
    ImDrawList& draw_list() { return *list_; }
    TextDrawer& text_drawer() { return text_; }
    const Pointer& pointer() const { return pointer_; }

    // A rectangle laid out left-to-right, flipped for RTL within `row`.
    Rect place(Rect r, const Rect& row) const { return rtl() ? r.mirrored(row) : r; }

    // Widgets. Each returns true on the frame it is tapped. Ids are stable and language-independent.
    bool button(std::string_view id, Rect r, std::string_view label, ButtonKind kind = ButtonKind::Plain,
                Icon icon = Icon::None);
    // The height a button of this width needs for its label (at least a touch target).
    float button_height(std::string_view label, float width);
    bool tile(std::string_view id, Rect r, std::string_view title, std::string_view subtitle, ButtonKind kind,
              std::string_view icon = {});
    // A list item: title, then an optional status line in its own colour (e.g. "Open now"), then a subtitle.
    bool row(std::string_view id, Rect r, std::string_view title, std::string_view subtitle,
             std::string_view status = {}, std::uint32_t status_color = 0, std::string_view icon = {});
    static float row_height(Ui& ui, float width, std::string_view title, std::string_view subtitle, std::string_view status,
                            bool with_icon = false);
    // On/off, visibly: filled with a check mark when on, outlined when off.
    bool toggle(std::string_view id, Rect r, std::string_view label, bool on);
    // An invisible touch target over already-drawn content.
    bool hit(std::string_view id, Rect r);

    // Text; returns the height used.
    float text(Rect box, std::string_view s, TextStyle style, Align align = Align::Start, std::uint32_t color = 0);
    float text_height(std::string_view s, TextStyle style, float width);
    // Text with bold ranges and tappable links; returns the height used. `tapped` is the index of the link
    // tapped this frame, or -1. Each link's touch target is at least a touch target high.
    float marked_text(Rect box, std::string_view s, TextStyle style, const std::vector<ByteRange>& bold,
                      const std::vector<InlineLink>& links, int& tapped);
    void fill(Rect r, std::uint32_t color, float rounding = 0);
    // A QR code of `text` in a square of side `side`, dark on white in every theme (scanners need it).
    void qr(std::string_view id, Point top_left, float side, std::string_view text);

    // A vertical scroll area: content is laid out from the returned top y (already shifted by the scroll
    // offset) and clipped to the viewport. `offset` persists in the session.
    float begin_scroll(std::string_view id, Rect viewport, float& offset);
    void end_scroll(float content_bottom);  // y just below the last content, as laid out

    bool animating() const { return fling_velocity_ != 0; }  // a list still gliding: draw another frame

    const std::vector<WidgetRecord>& widgets() const { return published_; }
    bool on_screen(std::string_view id) const;
    const WidgetRecord* find(std::string_view id) const;

private:
    bool interact(std::string_view id, Rect r, bool& pressed_look);
    void draw_icon(Icon icon, Rect box, std::uint32_t color);
    // The largest label style that fits `room` on one line; Small (wrapping) when none does.
    TextStyle label_style(std::string_view label, float room, bool& fits);

    TextDrawer& text_;
    ImDrawList* list_ = nullptr;
    Pointer pointer_;
    Point screen_;
    float scale_ = 1;
    Direction direction_ = Direction::LeftToRight;
    const Palette* palette_ = &calm_palette;
    float dt_ = 0;
    std::vector<WidgetRecord> building_, published_;

    struct ScrollState {
        Rect viewport;
        float* offset = nullptr;
        float content_top = 0;
        bool active = false;
    } scroll_;
    float drag_start_offset_ = 0;
    float drag_velocity_ = 0;     // px/s of the finger, smoothed, while dragging
    float fling_velocity_ = 0;    // px/s of the content after the finger let go
    const float* fling_target_ = nullptr;
    float last_pointer_y_ = 0;
};

}  // namespace haven
