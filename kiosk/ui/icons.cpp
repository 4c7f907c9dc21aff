#include "icons.hpp"

#include <imgui.h>

#include <cmath>

namespace haven {

void draw_named_icon(ImDrawList& l, std::string_view name, Rect b, std::uint32_t c, float t) {
    auto p = [&](float fx, float fy) { return ImVec2(b.x + b.w * fx, b.y + b.h * fy); };
    const float r = b.w / 2;
    constexpr float pi = 3.14159265f;
    if (name == "shield") {
        ImVec2 s[] = {p(0.5f, 0.05f), p(0.9f, 0.2f), p(0.85f, 0.6f), p(0.5f, 0.95f), p(0.15f, 0.6f), p(0.1f, 0.2f)};
        l.AddPolyline(s, 6, c, ImDrawFlags_Closed, t);
    } else if (name == "scale") {
        l.AddLine(p(0.5f, 0.1f), p(0.5f, 0.9f), c, t);
        l.AddLine(p(0.25f, 0.9f), p(0.75f, 0.9f), c, t);
        l.AddLine(p(0.1f, 0.25f), p(0.9f, 0.25f), c, t);
        l.PathArcTo(p(0.2f, 0.45f), r * 0.2f, 0, pi, 12);
        l.PathStroke(c, ImDrawFlags_Closed, t);
        l.PathArcTo(p(0.8f, 0.45f), r * 0.2f, 0, pi, 12);
        l.PathStroke(c, ImDrawFlags_Closed, t);
    } else if (name == "clock") {
        l.AddCircle(p(0.5f, 0.5f), r * 0.85f, c, 32, t);
        l.AddLine(p(0.5f, 0.5f), p(0.5f, 0.22f), c, t);
        l.AddLine(p(0.5f, 0.5f), p(0.7f, 0.6f), c, t);
    } else if (name == "heart") {
        l.PathArcTo(p(0.32f, 0.35f), r * 0.32f, pi * 0.75f, pi * 2.0f, 16);
        l.PathArcTo(p(0.68f, 0.35f), r * 0.32f, pi * 1.0f, pi * 2.25f, 16);
        l.PathLineTo(p(0.5f, 0.9f));
        l.PathStroke(c, ImDrawFlags_Closed, t);
    } else if (name == "home") {
        ImVec2 roof[] = {p(0.05f, 0.5f), p(0.5f, 0.1f), p(0.95f, 0.5f)};
        l.AddPolyline(roof, 3, c, 0, t);
        ImVec2 walls[] = {p(0.18f, 0.4f), p(0.18f, 0.92f), p(0.82f, 0.92f), p(0.82f, 0.4f)};
        l.AddPolyline(walls, 4, c, 0, t);
        l.AddRect(p(0.42f, 0.62f), p(0.58f, 0.92f), c, 0, 0, t);
    } else if (name == "document") {
        ImVec2 page[] = {p(0.2f, 0.05f), p(0.65f, 0.05f), p(0.82f, 0.22f), p(0.82f, 0.95f), p(0.2f, 0.95f)};
        l.AddPolyline(page, 5, c, ImDrawFlags_Closed, t);
        for (float y : {0.4f, 0.58f, 0.76f}) l.AddLine(p(0.32f, y), p(0.7f, y), c, t);
    } else if (name == "handshake" || name == "people") {
        l.AddCircle(p(0.3f, 0.3f), r * 0.2f, c, 16, t);
        l.AddCircle(p(0.7f, 0.3f), r * 0.2f, c, 16, t);
        l.PathArcTo(p(0.3f, 0.85f), r * 0.4f, pi, 2 * pi, 16);
        l.PathStroke(c, 0, t);
        l.PathArcTo(p(0.7f, 0.85f), r * 0.4f, pi, 2 * pi, 16);
        l.PathStroke(c, 0, t);
    } else if (name == "lock") {
        l.AddRect(p(0.18f, 0.45f), p(0.82f, 0.92f), c, r * 0.1f, 0, t);
        l.PathArcTo(p(0.5f, 0.45f), r * 0.45f, pi, 2 * pi, 16);
        l.PathStroke(c, 0, t);
        l.AddCircleFilled(p(0.5f, 0.66f), r * 0.08f, c);
    } else if (name == "eye") {
        l.PathArcTo(p(0.5f, 1.0f), r * 1.1f, pi * 1.2f, pi * 1.8f, 16);
        l.PathArcTo(p(0.5f, 0.0f), r * 1.1f, pi * 0.2f, pi * 0.8f, 16);
        l.PathStroke(c, ImDrawFlags_Closed, t);
        l.AddCircle(p(0.5f, 0.5f), r * 0.2f, c, 16, t);
    } else if (name == "child") {
        l.AddCircle(p(0.5f, 0.22f), r * 0.18f, c, 16, t);
        l.AddLine(p(0.5f, 0.4f), p(0.5f, 0.68f), c, t);
        l.AddLine(p(0.25f, 0.5f), p(0.75f, 0.5f), c, t);
        l.AddLine(p(0.5f, 0.68f), p(0.32f, 0.95f), c, t);
        l.AddLine(p(0.5f, 0.68f), p(0.68f, 0.95f), c, t);
    } else if (name == "food") {
        l.PathArcTo(p(0.5f, 0.45f), r * 0.42f, 0, pi, 16);
        l.PathStroke(c, ImDrawFlags_Closed, t);
        l.AddLine(p(0.35f, 0.1f), p(0.35f, 0.3f), c, t);
        l.AddLine(p(0.5f, 0.05f), p(0.5f, 0.3f), c, t);
        l.AddLine(p(0.65f, 0.1f), p(0.65f, 0.3f), c, t);
    } else if (name == "pin") {
        l.PathArcTo(p(0.5f, 0.38f), r * 0.32f, pi * 0.8f, pi * 2.2f, 20);
        l.PathLineTo(p(0.5f, 0.95f));
        l.PathStroke(c, ImDrawFlags_Closed, t);
        l.AddCircle(p(0.5f, 0.38f), r * 0.1f, c, 12, t);
    } else if (name == "phone") {
        l.AddRect(p(0.3f, 0.05f), p(0.7f, 0.95f), c, r * 0.1f, 0, t);
        l.AddLine(p(0.44f, 0.85f), p(0.56f, 0.85f), c, t);
    } else if (name == "alert") {
        ImVec2 tri[] = {p(0.5f, 0.08f), p(0.95f, 0.9f), p(0.05f, 0.9f)};
        l.AddPolyline(tri, 3, c, ImDrawFlags_Closed, t);
        l.AddLine(p(0.5f, 0.35f), p(0.5f, 0.62f), c, t);
        l.AddCircleFilled(p(0.5f, 0.76f), t * 0.8f, c);
    } else {
        l.AddCircle(p(0.5f, 0.5f), r * 0.8f, c, 32, t);
    }
}

}  // namespace haven
