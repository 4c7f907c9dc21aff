#include "ui.hpp"

#include "theme.hpp"

#include <imgui.h>

namespace haven {
namespace {

ImVec2 im(Point p) { return {p.x, p.y}; }

struct Colors {
    std::uint32_t fill, fill_pressed, text;
};

Colors colors(ButtonKind kind) {
    switch (kind) {
        case ButtonKind::Primary: return {theme::primary, theme::primary_pressed, theme::on_primary};
        case ButtonKind::Emergency: return {theme::emergency, theme::emergency_pressed, theme::on_primary};
        case ButtonKind::Exit: return {theme::exit, theme::exit_pressed, theme::on_primary};
        case ButtonKind::Plain: break;
    }
    return {theme::surface, theme::surface_pressed, theme::text};
}

}  // namespace

void Ui::begin_frame(ImDrawList& list, const Pointer& pointer, Point screen, float scale, Direction direction) {
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

float Ui::text(Rect box, std::string_view s, TextStyle style, Align align, std::uint32_t color) {
    if (s.empty()) return 0;
    text_.draw(*list_, box, s, style, align, direction_, color ? color : theme::text);
    return text_height(s, style, box.w);
}

float Ui::text_height(std::string_view s, TextStyle style, float width) { return text_.measure(s, style, width).y; }

bool Ui::hit(std::string_view id, Rect r) {
    bool pressed;
    return interact(id, r, pressed);
}

bool Ui::button(std::string_view id, Rect r, std::string_view label, ButtonKind kind, Icon icon) {
    bool pressed;
    bool tapped = interact(id, r, pressed);
    auto c = colors(kind);
    fill(r, pressed ? c.fill_pressed : c.fill, px(theme::rounding));
    if (kind == ButtonKind::Plain)
        list_->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), theme::border, px(theme::rounding), 0, px(2));
    const float pad = px(16);
    const float icon_w = icon == Icon::None ? 0 : px(36), icon_gap = icon == Icon::None ? 0 : px(14);
    Rect inner = r.inset(pad);
    const float room = inner.w - icon_w - icon_gap;
    // A long translation steps down a size before it wraps: a button label reads best on one line.
    TextStyle style = TextStyle::Emphasis;
    if (text_.measure(label, style, 0).x > room) style = TextStyle::Small;
    float label_w = std::min(room, text_.measure(label, style, 0).x);
    float h = text_height(label, style, label_w + 1);
    // Icon and label centred together; the icon comes first in reading order.
    float x = r.x + (r.w - icon_w - icon_gap - label_w) / 2;
    Rect icon_box = place({x, r.y + (r.h - icon_w) / 2, icon_w, icon_w}, r);
    Rect label_box = place({x + icon_w + icon_gap, r.y + std::max(pad, (r.h - h) / 2), label_w + 1, h}, r);
    if (icon != Icon::None) draw_icon(icon, icon_box, c.text);
    text(label_box, label, style, Align::Center, c.text);
    return tapped;
}

void Ui::draw_icon(Icon icon, Rect b, std::uint32_t color) {
    const float t = px(4);
    auto p = [&](float fx, float fy) { return ImVec2(b.x + b.w * (rtl() ? 1 - fx : fx), b.y + b.h * fy); };
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
        case Icon::None: break;
    }
}

bool Ui::tile(std::string_view id, Rect r, std::string_view title, std::string_view subtitle, ButtonKind kind) {
    bool pressed;
    bool tapped = interact(id, r, pressed);
    auto c = colors(kind);
    fill(r, pressed ? c.fill_pressed : c.fill, px(theme::rounding));
    const float pad = px(32);
    Rect inner = r.inset(pad);
    float title_h = text_height(title, TextStyle::Title, inner.w);
    float sub_h = subtitle.empty() ? 0 : text_height(subtitle, TextStyle::Body, inner.w) + px(12);
    float y = r.y + std::max(pad, (r.h - title_h - sub_h) / 2);
    text({inner.x, y, inner.w, title_h}, title, TextStyle::Title, Align::Start, c.text);
    if (!subtitle.empty()) text({inner.x, y + title_h + px(12), inner.w, sub_h}, subtitle, TextStyle::Body, Align::Start, c.text);
    return tapped;
}

bool Ui::row(std::string_view id, Rect r, std::string_view title, std::string_view subtitle) {
    bool pressed;
    bool tapped = interact(id, r, pressed);
    fill(r, pressed ? theme::surface_pressed : theme::surface, px(theme::rounding));
    const float pad = px(24);
    const float chevron = px(40);
    Rect inner{r.x + pad, r.y + pad, r.w - 2 * pad - chevron, r.h - 2 * pad};
    Rect text_box = place(inner, r);
    float title_h = text(text_box, title, TextStyle::Heading);
    if (!subtitle.empty())
        text({text_box.x, text_box.y + title_h + px(6), text_box.w, inner.h}, subtitle, TextStyle::Body, Align::Start, theme::text_muted);
    // A chevron pointing the way the reading goes: right for LTR, left for RTL.
    Rect mark = place({r.right() - pad - chevron, r.y, chevron, r.h}, r);
    float cx = mark.x + mark.w / 2, cy = mark.y + mark.h / 2, d = px(12);
    float dir = rtl() ? -1.f : 1.f;
    list_->AddLine(ImVec2(cx - dir * d / 2, cy - d), ImVec2(cx + dir * d / 2, cy), theme::text_muted, px(4));
    list_->AddLine(ImVec2(cx + dir * d / 2, cy), ImVec2(cx - dir * d / 2, cy + d), theme::text_muted, px(4));
    return tapped;
}

float Ui::begin_scroll(std::string_view, Rect viewport, float& offset) {
    scroll_ = {viewport, &offset, viewport.y, true};
    if (pointer_.pressed && viewport.contains(pointer_.press_pos)) drag_start_offset_ = offset;
    if (pointer_.down && viewport.contains(pointer_.press_pos) && pointer_.dragging())
        offset = drag_start_offset_ - (pointer_.pos.y - pointer_.press_pos.y);
    if (offset < 0) offset = 0;
    list_->PushClipRect(im({viewport.x, viewport.y}), im({viewport.right(), viewport.bottom()}), true);
    return viewport.y - offset;
}

void Ui::end_scroll(float content_bottom) {
    list_->PopClipRect();
    float content_height = content_bottom + *scroll_.offset - scroll_.content_top;
    float max_offset = std::max(0.f, content_height - scroll_.viewport.h);
    if (*scroll_.offset > max_offset) *scroll_.offset = max_offset;
    scroll_.active = false;
}

}  // namespace haven
