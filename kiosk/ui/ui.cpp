#include "ui.hpp"

#include "icons.hpp"
#include "qr_code.hpp"
#include "theme.hpp"

#include <imgui.h>

#include <cmath>

namespace haven {
namespace {

ImVec2 im(Point p) { return {p.x, p.y}; }

struct Colors {
    std::uint32_t fill, fill_pressed, text;
};

Colors colors(ButtonKind kind, const Palette& p) {
    switch (kind) {
        case ButtonKind::Primary: return {p.primary, p.primary_pressed, p.on_primary};
        case ButtonKind::Emergency: return {p.emergency, p.emergency_pressed, p.on_primary};
        case ButtonKind::Exit: return {p.exit, p.exit_pressed, p.background};
        case ButtonKind::Plain: break;
    }
    return {p.surface, p.surface_pressed, p.text};
}

}  // namespace

void Ui::begin_frame(ImDrawList& list, const Pointer& pointer, Point screen, float scale, Direction direction,
                     const Palette& palette, float seconds_elapsed) {
    palette_ = &palette;
    dt_ = seconds_elapsed;
    list_ = &list;
    pointer_ = pointer;
    screen_ = screen;
    scale_ = scale;
    direction_ = direction;
    building_.clear();
}

void Ui::end_frame() { published_.swap(building_); }

bool Ui::on_screen(std::string_view id) const { return find(id) != nullptr; }

const WidgetRecord* Ui::find(std::string_view id) const {
    for (const auto& w : published_)
        if (w.id == id) return &w;
    return nullptr;
}

bool Ui::interact(std::string_view id, Rect r, bool& pressed_look) {
    Rect visible = scroll_.active ? r.intersect(scroll_.viewport) : r;
    pressed_look = false;
    if (visible.empty()) return false;
    building_.push_back({std::string(id), visible});
    const bool started_here = visible.contains(pointer_.press_pos);
    const bool over = visible.contains(pointer_.pos);
    pressed_look = pointer_.down && started_here && over && !pointer_.dragging();
    return pointer_.released && started_here && over && !pointer_.dragging();
}

void Ui::fill(Rect r, std::uint32_t color, float rounding) {
    list_->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), color, rounding);
}

void Ui::qr(std::string_view id, Point at, float side, std::string_view text) {
    auto matrix = make_qr(text);
    if (!matrix) return;
    const int quiet = 4;  // modules of white border the QR standard asks for
    const float module = std::floor(side / float(matrix->size + 2 * quiet));
    const float drawn = module * float(matrix->size + 2 * quiet);
    Rect box{at.x, at.y, drawn, drawn};
    bool pressed;
    interact(id, box, pressed);  // recorded so scripts and tests can find it; tapping does nothing
    fill(box, rgb(0xFF, 0xFF, 0xFF), px(6));
    for (int y = 0; y < matrix->size; ++y)
        for (int x = 0; x < matrix->size; ++x)
            if (matrix->at(x, y))
                fill({at.x + module * float(x + quiet), at.y + module * float(y + quiet), module, module}, rgb(0, 0, 0));
}

float Ui::text(Rect box, std::string_view s, TextStyle style, Align align, std::uint32_t color) {
    if (s.empty()) return 0;
    text_.draw(*list_, box, s, style, align, direction_, color ? color : palette().text);
    return text_height(s, style, box.w);
}

float Ui::marked_text(Rect box, std::string_view s, TextStyle style, const std::vector<ByteRange>& bold,
                      const std::vector<InlineLink>& links, int& tapped) {
    tapped = -1;
    TextMarks marks{bold, {}, palette().primary};
    for (const auto& l : links) marks.links.push_back(l.range);
    std::vector<std::vector<Rect>> boxes;
    const float h = text_.draw_marked(*list_, box, s, style, direction_, palette().text, marks, boxes);
    for (size_t k = 0; k < boxes.size(); ++k)
        for (Rect piece : boxes[k]) {
            // Grow the target around the number: a finger is bigger than a line of text.
            const float grow_y = std::max(0.f, (px(theme::touch_target) - piece.h) / 2);
            Rect target{piece.x - px(12), piece.y - grow_y, piece.w + px(24), piece.h + 2 * grow_y};
            if (hit(links[k].id, target)) tapped = int(k);
        }
    return h;
}

float Ui::text_height(std::string_view s, TextStyle style, float width) { return text_.measure(s, style, width).y; }

bool Ui::hit(std::string_view id, Rect r) {
    bool pressed;
    return interact(id, r, pressed);
}

bool Ui::button(std::string_view id, Rect r, std::string_view label, ButtonKind kind, Icon icon) {
    bool pressed;
    bool tapped = interact(id, r, pressed);
    auto c = colors(kind, palette());
    fill(r, pressed ? c.fill_pressed : c.fill, px(theme::rounding));
    if (kind == ButtonKind::Plain)
        list_->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), palette().border, px(theme::rounding), 0, px(2));
    const float pad = px(16);
    const float icon_w = icon == Icon::None ? 0 : px(36), icon_gap = icon == Icon::None || label.empty() ? 0 : px(14);
    Rect inner = r.inset(pad);
    const float room = inner.w - icon_w - icon_gap;
    bool fits = true;
    const TextStyle style = label_style(label, room, fits);
    float label_w = std::min(room, text_.measure(label, style, 0).x);
    float h = text_height(label, style, label_w + 1);
    // Wrapped and still taller than the button (a tall script in a narrow top-bar button): smaller still,
    // so that the label, Quick exit's above all, is never cut off.
    const float saved_scale = text_.text_scale();
    for (int step = 0; step < 4 && h > r.h - px(8); ++step) {
        text_.set_text_scale(text_.text_scale() * 0.85f);
        label_w = std::min(room, text_.measure(label, style, 0).x);
        h = text_height(label, style, label_w + 1);
    }
    // Icon and label centred together; the icon comes first in reading order.
    float x = r.x + (r.w - icon_w - icon_gap - label_w) / 2;
    Rect icon_box = place({x, r.y + (r.h - icon_w) / 2, icon_w, icon_w}, r);
    Rect label_box = place({x + icon_w + icon_gap, r.y + std::max(pad, (r.h - h) / 2), label_w + 1, h}, r);
    if (icon != Icon::None) draw_icon(icon, icon_box, c.text);
    text(label_box, label, style, Align::Center, c.text);
    text_.set_text_scale(saved_scale);
    return tapped;
}

TextStyle Ui::label_style(std::string_view label, float room, bool& fits) {
    // A long translation or a larger text size steps down before it wraps: a label reads best on one line.
    for (TextStyle style : {TextStyle::Emphasis, TextStyle::Body, TextStyle::Small})
        if (text_.measure(label, style, 0).x <= room) {
            fits = true;
            return style;
        }
    fits = false;
    return TextStyle::Small;
}

float Ui::button_height(std::string_view label, float width) {
    const float room = width - px(32);
    bool fits = true;
    const TextStyle style = label_style(label, room, fits);
    const float needed = text_height(label, style, room) + px(32);
    return std::max(px(theme::touch_target), needed);
}

void Ui::draw_icon(Icon icon, Rect b, std::uint32_t color) {
    const float t = px(4);
    // Only the back arrow points somewhere; check marks and crosses read the same in every script.
    const bool mirror = rtl() && icon == Icon::Back;
    auto p = [&](float fx, float fy) { return ImVec2(b.x + b.w * (mirror ? 1 - fx : fx), b.y + b.h * fy); };
    switch (icon) {
        case Icon::Back:  // an arrow pointing against the reading direction
            list_->AddLine(p(0.1f, 0.5f), p(0.9f, 0.5f), color, t);
            list_->AddLine(p(0.1f, 0.5f), p(0.45f, 0.15f), color, t);
            list_->AddLine(p(0.1f, 0.5f), p(0.45f, 0.85f), color, t);
            break;
        case Icon::Home: {
            ImVec2 roof[] = {p(0.08f, 0.5f), p(0.5f, 0.1f), p(0.92f, 0.5f)};
            list_->AddPolyline(roof, 3, color, 0, t);
            ImVec2 walls[] = {p(0.2f, 0.42f), p(0.2f, 0.9f), p(0.8f, 0.9f), p(0.8f, 0.42f)};
            list_->AddPolyline(walls, 4, color, 0, t);
            break;
        }
        case Icon::Close:
            list_->AddLine(p(0.15f, 0.15f), p(0.85f, 0.85f), color, t * 1.25f);
            list_->AddLine(p(0.85f, 0.15f), p(0.15f, 0.85f), color, t * 1.25f);
            break;
        case Icon::Check:
            list_->AddLine(p(0.12f, 0.55f), p(0.4f, 0.82f), color, t * 1.25f);
            list_->AddLine(p(0.4f, 0.82f), p(0.9f, 0.2f), color, t * 1.25f);
            break;
        case Icon::Contrast: {  // a circle, half filled
            const ImVec2 c = p(0.5f, 0.5f);
            const float radius = b.w * 0.42f;
            list_->AddCircle(c, radius, color, 32, t);
            list_->PathArcTo(c, radius, 3.14159f * 0.5f, 3.14159f * 1.5f, 24);
            list_->PathFillConvex(color);
            break;
        }
        case Icon::None: break;
    }
}

bool Ui::tile(std::string_view id, Rect r, std::string_view title, std::string_view subtitle, ButtonKind kind,
              std::string_view icon) {
    bool pressed;
    bool tapped = interact(id, r, pressed);
    auto c = colors(kind, palette());
    fill(r, pressed ? c.fill_pressed : c.fill, px(theme::rounding));
    const float pad = px(32);
    // A large icon at the start, the words beside it.
    const float icon_side = icon.empty() ? 0 : std::min(r.h - 2 * pad, px(120));
    Rect inner{r.x + pad + (icon_side > 0 ? icon_side + pad : 0), r.y + pad, r.w - 2 * pad - (icon_side > 0 ? icon_side + pad : 0), r.h - 2 * pad};
    // The largest pair of styles whose words fit the tile: a long translation, a tall script (Urdu's
    // Nastaliq) or the largest text size steps down instead of running out of the tile.
    static constexpr std::pair<TextStyle, TextStyle> sizes[] = {
        {TextStyle::Title, TextStyle::Body}, {TextStyle::Heading, TextStyle::Body}, {TextStyle::Heading, TextStyle::Small},
        {TextStyle::Emphasis, TextStyle::Small}};
    TextStyle title_style = TextStyle::Title, sub_style = TextStyle::Body;
    float title_h = 0, sub_h = 0;
    for (const auto& [t, b] : sizes) {
        title_style = t;
        sub_style = b;
        title_h = text_height(title, t, inner.w);
        sub_h = subtitle.empty() ? 0 : text_height(subtitle, b, inner.w) + px(12);
        if (title_h + sub_h <= inner.h) break;
    }
    float y = r.y + std::max(pad, (r.h - title_h - sub_h) / 2);
    if (icon_side > 0)
        draw_named_icon(*list_, icon, place({r.x + pad, r.y + (r.h - icon_side) / 2, icon_side, icon_side}, r), c.text, px(6));
    Rect text_box = place({inner.x, y, inner.w, title_h}, r);
    text(text_box, title, title_style, Align::Start, c.text);
    if (!subtitle.empty()) text({text_box.x, y + title_h + px(12), inner.w, sub_h}, subtitle, sub_style, Align::Start, c.text);
    return tapped;
}

bool Ui::toggle(std::string_view id, Rect r, std::string_view label, bool on) {
    return button(id, r, label, on ? ButtonKind::Primary : ButtonKind::Plain, on ? Icon::Check : Icon::None);
}

float Ui::row_height(Ui& ui, float width, std::string_view title, std::string_view subtitle, std::string_view status,
                     bool with_icon) {
    const float pad = ui.px(24), chevron = ui.px(40);
    const float text_w = width - 2 * pad - chevron - (with_icon ? ui.px(64) + pad : 0);
    float h = ui.text_height(title, TextStyle::Heading, text_w);
    if (!status.empty()) h += ui.px(6) + ui.text_height(status, TextStyle::Emphasis, text_w);
    if (!subtitle.empty()) h += ui.px(6) + ui.text_height(subtitle, TextStyle::Body, text_w);
    // Rows grow with their text, so long translations and larger text wrap instead of being cut off.
    return std::max(h + 2 * pad, ui.px(theme::touch_target + 24));
}

bool Ui::row(std::string_view id, Rect r, std::string_view title, std::string_view subtitle, std::string_view status,
             std::uint32_t status_color, std::string_view icon) {
    bool pressed;
    bool tapped = interact(id, r, pressed);
    fill(r, pressed ? palette().surface_pressed : palette().surface, px(theme::rounding));
    const float pad = px(24);
    const float chevron = px(40);
    const float icon_side = icon.empty() ? 0 : px(64);
    if (icon_side > 0)
        draw_named_icon(*list_, icon, place({r.x + pad, r.y + pad, icon_side, icon_side}, r), palette().primary, px(4));
    const float indent = icon_side > 0 ? icon_side + pad : 0;
    Rect inner{r.x + pad + indent, r.y + pad, r.w - 2 * pad - chevron - indent, r.h - 2 * pad};
    Rect box = place(inner, r);
    float y = box.y + text(box, title, TextStyle::Heading);
    if (!status.empty())
        y += px(6) + text({box.x, y + px(6), box.w, 0}, status, TextStyle::Emphasis, Align::Start,
                          status_color ? status_color : palette().text_muted);
    if (!subtitle.empty()) text({box.x, y + px(6), box.w, 0}, subtitle, TextStyle::Body, Align::Start, palette().text_muted);
    // A chevron pointing the way the reading goes: right for LTR, left for RTL.
    Rect mark = place({r.right() - pad - chevron, r.y, chevron, r.h}, r);
    float cx = mark.x + mark.w / 2, cy = mark.y + mark.h / 2, d = px(12);
    float dir = rtl() ? -1.f : 1.f;
    list_->AddLine(ImVec2(cx - dir * d / 2, cy - d), ImVec2(cx + dir * d / 2, cy), palette().text_muted, px(4));
    list_->AddLine(ImVec2(cx + dir * d / 2, cy), ImVec2(cx - dir * d / 2, cy + d), palette().text_muted, px(4));
    return tapped;
}

float Ui::begin_scroll(std::string_view, Rect viewport, float& offset) {
    scroll_ = {viewport, &offset, viewport.y, true};
    const bool ours = viewport.contains(pointer_.press_pos);
    if (fling_target_ != &offset || pointer_.pressed) fling_velocity_ = 0;  // another list, or a new touch
    if (pointer_.pressed && ours) {
        drag_start_offset_ = offset;
        drag_velocity_ = 0;
        last_pointer_y_ = pointer_.pos.y;
    }
    if (pointer_.down && ours && pointer_.dragging()) {
        offset = drag_start_offset_ - (pointer_.pos.y - pointer_.press_pos.y);
        if (dt_ > 0) drag_velocity_ = 0.6f * ((pointer_.pos.y - last_pointer_y_) / dt_) + 0.4f * drag_velocity_;
    }
    if (pointer_.released && ours && pointer_.dragging()) {
        // Let go while moving: the list glides on and slows down, as touch users expect.
        fling_velocity_ = std::abs(drag_velocity_) > px(200) ? -drag_velocity_ : 0;
        fling_target_ = &offset;
    } else if (fling_velocity_ != 0 && !pointer_.down) {
        offset += fling_velocity_ * dt_;
        fling_velocity_ *= std::exp(-4.f * dt_);
        if (std::abs(fling_velocity_) < px(30)) fling_velocity_ = 0;
    }
    last_pointer_y_ = pointer_.pos.y;
    if (offset < 0) {
        offset = 0;
        fling_velocity_ = 0;
    }
    list_->PushClipRect(im({viewport.x, viewport.y}), im({viewport.right(), viewport.bottom()}), true);
    return viewport.y - offset;
}

void Ui::end_scroll(float content_bottom) {
    list_->PopClipRect();
    float content_height = content_bottom + *scroll_.offset - scroll_.content_top;
    float max_offset = std::max(0.f, content_height - scroll_.viewport.h);
    if (*scroll_.offset > max_offset) {
        *scroll_.offset = max_offset;
        fling_velocity_ = 0;
    }
    scroll_.active = false;
}

}  // namespace haven
