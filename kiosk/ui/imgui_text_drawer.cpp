#include "imgui_text_drawer.hpp"

#include "font_finder.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace haven {
namespace {

struct StyleSpec {
    float pixels;
    bool bold;
};
constexpr std::array<StyleSpec, 6> specs{{{26, false}, {32, false}, {32, true}, {42, true}, {56, true}, {96, true}}};

// Glyph ranges per script (ImWchar is 16-bit in Debian's build; every demo script is in the BMP).
const ImWchar latin_cyrillic[] = {0x0020, 0x017F, 0x0400, 0x052F, 0x2000, 0x206F, 0x20AC, 0x20AC,
                                  0x2190, 0x21FF, 0x2713, 0x2717, 0xFFFD, 0xFFFD, 0};
const ImWchar arabic[] = {0x0600, 0x06FF, 0x0750, 0x077F, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
const ImWchar ethiopic[] = {0x1200, 0x139F, 0x2D80, 0x2DDF, 0};
const ImWchar bengali[] = {0x0964, 0x0965, 0x0980, 0x09FF, 0};  // with the danda (।) punctuation
const ImWchar digits_only[] = {0x0020, 0x007E, 0};

struct ScriptFont {
    const char* language;
    const ImWchar* ranges;
};
constexpr std::array<ScriptFont, 4> scripts{{{"en", latin_cyrillic}, {"ar", arabic}, {"ti", ethiopic}, {"bn", bengali}}};

}  // namespace

bool ImGuiTextDrawer::load_fonts(float scale) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (size_t s = 0; s < specs.size(); ++s) {
        const bool huge = TextStyle(s) == TextStyle::Huge;  // only phone numbers are drawn this large
        bool first = true;
        for (const auto& script : scripts) {
            if (huge && !first) break;
            std::string file = find_font(script.language, specs[s].bold);
            if (file.empty()) file = find_font(script.language, false);
            if (file.empty()) {
                std::fprintf(stderr, "haven-kiosk: no font found for %s; its text will show as boxes\n", script.language);
                continue;
            }
            ImFontConfig config;
            config.MergeMode = !first;
            config.OversampleH = 1;  // the software renderer draws at 1:1; oversampling only costs memory
            config.PixelSnapH = true;
            fonts_[s] = atlas->AddFontFromFileTTF(file.c_str(), specs[s].pixels * scale, &config,
                                                  huge ? digits_only : script.ranges);
            if (first && !fonts_[s]) return false;
            first = false;
        }
    }
    return atlas->Build();
}

float ImGuiTextDrawer::line_height(TextStyle style) { return font(style)->FontSize * 1.25f; }

Point ImGuiTextDrawer::measure(std::string_view text, TextStyle style, float wrap_width) {
    ImFont* f = font(style);
    ImVec2 size = f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap_width > 0 ? wrap_width : 0.f, text.data(),
                                   text.data() + text.size());
    // ImGui measures lines at FontSize; we draw them line_height apart.
    int lines = std::max(1, int(size.y / f->FontSize + 0.5f));
    return {size.x, lines * line_height(style)};
}

void ImGuiTextDrawer::draw(ImDrawList& list, const Rect& box, std::string_view text, TextStyle style, Align align,
                           Direction direction, std::uint32_t color) {
    ImFont* f = font(style);
    const char* p = text.data();
    const char* end = p + text.size();
    float y = box.y;
    const bool rtl = direction == Direction::RightToLeft;
    while (p < end) {
        const char* line_end = f->CalcWordWrapPositionA(1.f, p, end, box.w);
        if (line_end == p) ++line_end;  // a word wider than the box: break inside it rather than loop
        const char* newline = static_cast<const char*>(std::memchr(p, '\n', size_t(line_end - p)));
        if (newline) line_end = newline;
        float width = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, p, line_end).x;
        float x = box.x;
        bool at_end = (align == Align::End) != rtl;  // Start means right in RTL
        if (align == Align::Center) x += (box.w - width) / 2;
        else if (at_end) x += box.w - width;
        list.AddText(f, f->FontSize, ImVec2(x, y), color, p, line_end);
        y += line_height(style);
        p = line_end;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
    }
}

}  // namespace haven
