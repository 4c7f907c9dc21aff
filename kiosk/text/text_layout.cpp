#include "text_layout.hpp"

#include "shaping_buffer.hpp"
#include "utf.hpp"

#include <hb-icu.h>
#include <hb.h>
#include <unicode/brkiter.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstring>

namespace haven {
namespace {

constexpr size_t cache_limit = 4096;  // paragraphs; a visit sees far fewer

// What every UTF-16 unit of a paragraph is drawn with.
struct UnitStyle {
    UScriptCode script = USCRIPT_COMMON;
    int face = -1;
    bool bold = false;
};

struct Paragraph {
    const char16_t* text;
    int32_t length;
    const std::uint32_t* source;  // byte offsets, one per unit
};

bool is_strong_script(UScriptCode s) { return s != USCRIPT_COMMON && s != USCRIPT_INHERITED && s != USCRIPT_INVALID_CODE; }

// Scripts per unit: characters common to many scripts (digits, spaces, punctuation) and combining marks
// take the script around them, so "+49 30" inside Arabic stays one run with its neighbours' font choice.
WipingVector<UnitStyle> itemise(const Paragraph& p, const TextRequest& request, const DecodedText& decoded,
                               size_t offset, FontSet& fonts) {
    WipingVector<UnitStyle> units(size_t(p.length));
    UScriptCode last = USCRIPT_COMMON;
    for (int32_t i = 0; i < p.length;) {
        int32_t start = i;
        UChar32 cp;
        U16_NEXT(p.text, i, p.length, cp);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(cp, &status);
        if (is_strong_script(script)) last = script;
        for (int32_t k = start; k < i; ++k) units[size_t(k)].script = is_strong_script(script) ? script : last;
    }
    // Leading neutral characters take the first real script of the paragraph.
    UScriptCode first = USCRIPT_LATIN;
    for (const auto& u : units)
        if (is_strong_script(u.script)) { first = u.script; break; }
    for (auto& u : units) {
        if (!is_strong_script(u.script)) u.script = first;
        else break;
    }
    // Bold where the whole text or an emphasis range asks for it.
    for (int32_t i = 0; i < p.length; ++i) {
        bool bold = request.bold;
        const auto byte = decoded.source[offset + size_t(i)];
        for (const auto& r : request.bold_ranges)
            if (byte >= r.begin && byte < r.end) bold = true;
        units[size_t(i)].bold = bold;
    }
    int previous = -1;
    for (int32_t i = 0; i < p.length;) {
        int32_t start = i;
        UChar32 cp;
        U16_NEXT(p.text, i, p.length, cp);
        const auto& u = units[size_t(start)];
        int face = fonts.face_for(char32_t(cp), u.script, u.bold, previous, request.language);
        if (face < 0) face = fonts.primary(u.bold);  // its .notdef: a visible box
        for (int32_t k = start; k < i; ++k) units[size_t(k)].face = face;
        previous = face;
    }
    return units;
}

bool same_run(const UnitStyle& a, const UnitStyle& b) { return a.script == b.script && a.face == b.face && a.bold == b.bold; }

struct ShapedGlyph {
    std::uint32_t glyph;
    float x_advance, x_offset, y_offset;
    std::uint32_t cluster;  // unit index within the context given to HarfBuzz
};

// Shapes units [start, start+length) of `context` (which HarfBuzz sees around the run, for joining).
WipingVector<ShapedGlyph> shape(const FontFace& face, float px, const char16_t* context, int32_t context_length,
                                int32_t start, int32_t length, bool rtl, UScriptCode script) {
    ShapingBuffer shaping{unsigned(length)};
    hb_buffer_t* buffer = shaping.get();
    hb_buffer_add_utf16(buffer, reinterpret_cast<const uint16_t*>(context), context_length, unsigned(start), length);
    hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, hb_icu_script_to_script(script));
    hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
    hb_buffer_set_flags(buffer, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);  // the isolates draw nothing
    hb_shape(face.hb, buffer, nullptr, 0);
    shaping.check_not_moved();
    unsigned count = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    const float scale = px / float(face.units_per_em);
    WipingVector<ShapedGlyph> out(count);
    for (unsigned i = 0; i < count; ++i)
        out[i] = {info[i].codepoint, float(pos[i].x_advance) * scale, float(pos[i].x_offset) * scale,
                  float(pos[i].y_offset) * scale, info[i].cluster};
    return out;  // the ShapingBuffer overwrites HarfBuzz's copies on the way out
}

// Width of each unit as shaped in logical runs (a cluster's advance counts at its first unit); line
// breaking sums these.
WipingVector<float> unit_advances(const Paragraph& p, const WipingVector<UnitStyle>& units, UBiDi* bidi, float px,
                                 FontSet& fonts) {
    WipingVector<float> advance(size_t(p.length), 0.f);
    for (int32_t start = 0; start < p.length;) {
        int32_t end = start + 1;
        const UBiDiLevel level = ubidi_getLevelAt(bidi, start);
        while (end < p.length && same_run(units[size_t(end)], units[size_t(start)]) && ubidi_getLevelAt(bidi, end) == level) ++end;
        const auto& u = units[size_t(start)];
        for (const auto& g : shape(fonts.face(u.face), px, p.text, p.length, start, end - start, level & 1, u.script))
            if (g.cluster < advance.size()) advance[g.cluster] += g.x_advance;
        start = end;
    }
    return advance;
}

bool is_space(char16_t c) { return u_isWhitespace(c) || c == 0x00A0; }

// Greedy line breaking at ICU's line-break opportunities; a word longer than the line is broken
// between grapheme clusters, never inside one.
WipingVector<std::pair<int32_t, int32_t>> break_lines(const Paragraph& p, const WipingVector<float>& advance, float max_width) {
    WipingVector<std::pair<int32_t, int32_t>> lines;
    auto width = [&](int32_t a, int32_t b, bool trim) {
        if (trim) while (b > a && is_space(p.text[b - 1])) --b;
        float w = 0;
        for (int32_t i = a; i < b; ++i) w += advance[size_t(i)];
        return w;
    };
    if (max_width <= 0) return {{0, p.length}};
    UErrorCode status = U_ZERO_ERROR;
    // The iterators read the paragraph where it is, through a UText: ICU 72's setText(UnicodeString)
    // would copy it, alias or not, into a string the iterator frees unwiped (its StringCharacterIterator),
    // while setText(UText*) makes a shallow clone that points at this wiping buffer.
    UText text = UTEXT_INITIALIZER;
    utext_openUChars(&text, reinterpret_cast<const UChar*>(p.text), p.length, &status);
    std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    std::unique_ptr<icu::BreakIterator> graphemes(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_SUCCESS(status)) words->setText(&text, status);
    if (U_SUCCESS(status)) graphemes->setText(&text, status);
    utext_close(&text);
    if (U_FAILURE(status)) return {{0, p.length}};
    int32_t line_start = 0;
    float line_width = 0;
    int32_t previous = 0;
    // A phone number (marked by isolate_numbers with a left-to-right override) is never broken across
    // lines: a person must be able to read and dial it whole. It moves to the next line as one word.
    std::vector<bool> inside_number(size_t(p.length) + 1, false);
    for (int32_t i = 0, depth = 0; i < p.length; ++i) {
        if (p.text[i] == 0x202D) ++depth;
        else if (p.text[i] == 0x202C && depth > 0) --depth;
        inside_number[size_t(i) + 1] = depth > 0;
    }
    for (int32_t boundary = words->next(); boundary != icu::BreakIterator::DONE; boundary = words->next()) {
        if (boundary < p.length && inside_number[size_t(boundary)]) continue;
        float visible = width(previous, boundary, true);
        if (line_width > 0 && line_width + visible > max_width) {
            lines.push_back({line_start, previous});
            line_start = previous;
            line_width = 0;
        }
        if (visible > max_width) {
            // One word alone is wider than the line: cut it between grapheme clusters.
            int32_t piece_start = line_start, cluster_start = previous;
            float piece = 0;
            for (int32_t g = graphemes->following(previous); g != icu::BreakIterator::DONE && g <= boundary;
                 g = graphemes->next()) {
                const float w = width(cluster_start, g, false);
                if (piece > 0 && piece + w > max_width) {
                    lines.push_back({piece_start, cluster_start});
                    piece_start = cluster_start;
                    piece = 0;
                }
                piece += w;
                cluster_start = g;
            }
            line_start = piece_start;
            line_width = piece;
        } else {
            line_width += width(previous, boundary, false);
        }
        previous = boundary;
    }
    if (line_start < p.length || lines.empty()) lines.push_back({line_start, p.length});
    return lines;
}

}  // namespace

TextEngine::~TextEngine() { clear_cache(); }

void TextEngine::clear_cache() {
    // The keys are the texts a visitor looked at, the layouts their glyphs: all of it lives in wiping
    // containers, overwritten as it is freed (a layout a screen still holds goes when it lets go).
    cache_.clear();
}

std::shared_ptr<const TextLayout> TextEngine::layout(const TextRequest& r) {
    WipingString key(r.text);
    char style[96];
    std::snprintf(style, sizeof style, "|%.2f|%d|%d|%.1f|%d|%.2f", double(r.px), int(r.bold), int(r.direction),
                  double(r.max_width), int(r.align), double(r.line_spacing));
    key += style;
    key += r.language;
    for (const auto& b : r.bold_ranges) {
        std::snprintf(style, sizeof style, "|%u-%u", unsigned(b.begin), unsigned(b.end));
        key += style;
    }
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (cache_.size() >= cache_limit) cache_.clear();
    std::shared_ptr<const TextLayout> result = std::allocate_shared<TextLayout>(WipingAllocator<TextLayout>{}, compute(r));
    cache_.emplace(std::move(key), result);
    return result;
}

TextLayout TextEngine::compute(const TextRequest& r) {
    TextLayout out;
    out.px = r.px;
    if (!fonts_.ok()) return out;
    DecodedText decoded = decode_utf8(r.text);
    isolate_numbers(decoded);
    const float line_height = r.px * r.line_spacing;
    const float ascent = line_height * 0.7f;  // room for Arabic and Bengali marks above and below
    const bool rtl_base = r.direction == TextDirection::RightToLeft;
    UBiDi* bidi = ubidi_open();
    UBiDi* line_bidi = ubidi_open();
    float y = 0;

    // Paragraphs end at '\n'; each is laid out on its own.
    size_t paragraph_start = 0;
    while (paragraph_start <= decoded.text.size()) {
        size_t paragraph_end = decoded.text.find(u'\n', paragraph_start);
        if (paragraph_end == WipingU16String::npos) paragraph_end = decoded.text.size();
        Paragraph p{decoded.text.data() + paragraph_start, int32_t(paragraph_end - paragraph_start),
                    decoded.source.data() + paragraph_start};
        const std::uint32_t end_byte = paragraph_end < decoded.source.size() ? decoded.source[paragraph_end] : std::uint32_t(r.text.size());
        if (p.length == 0) {
            const std::uint32_t at = paragraph_start < decoded.source.size() ? decoded.source[paragraph_start] : std::uint32_t(r.text.size());
            out.lines.push_back({0, y, 0, line_height, y + ascent, at, at});
            y += line_height;
        } else {
            UErrorCode status = U_ZERO_ERROR;
            ubidi_setPara(bidi, reinterpret_cast<const UChar*>(p.text), p.length, rtl_base ? 1 : 0, nullptr, &status);
            auto units = itemise(p, r, decoded, paragraph_start, fonts_);
            auto advance = unit_advances(p, units, bidi, r.px, fonts_);
            for (auto [a, b] : break_lines(p, advance, r.max_width)) {
                int32_t e = b;
                while (e > a && is_space(p.text[e - 1])) --e;  // trailing spaces take no room
                // A line set in a tall style (Urdu's Nastaliq, Burmese with its stacked marks) gets the height
                // that style needs, so nothing touches the next line; other lines keep the usual spacing.
                float spacing = r.line_spacing;
                for (int32_t k = a; k < e; ++k) spacing = std::max(spacing, fonts_.face(units[size_t(k)].face).line_spacing);
                const float this_height = r.px * spacing;
                const float this_ascent = ascent + (this_height - line_height) * 0.7f;
                LineBox line{0, y, 0, this_height, y + this_ascent, p.source[a], b < p.length ? p.source[b] : end_byte};
                const size_t first_glyph = out.glyphs.size();
                float pen = 0;
                if (e > a) {
                    status = U_ZERO_ERROR;
                    ubidi_setLine(bidi, a, e, line_bidi, &status);
                    const int32_t runs = U_SUCCESS(status) ? ubidi_countRuns(line_bidi, &status) : 0;
                    for (int32_t run = 0; run < runs; ++run) {
                        int32_t run_start = 0, run_length = 0;
                        const bool rtl = ubidi_getVisualRun(line_bidi, run, &run_start, &run_length) == UBIDI_RTL;
                        run_start += a;
                        // Split the bidi run where script, font or weight changes; RTL pieces go right to left.
                        WipingVector<std::pair<int32_t, int32_t>> pieces;
                        for (int32_t s = run_start; s < run_start + run_length;) {
                            int32_t t = s + 1;
                            while (t < run_start + run_length && same_run(units[size_t(t)], units[size_t(s)])) ++t;
                            pieces.push_back({s, t});
                            s = t;
                        }
                        if (rtl) std::reverse(pieces.begin(), pieces.end());
                        for (auto [s, t] : pieces) {
                            const auto& u = units[size_t(s)];
                            // The line is HarfBuzz's context: letters join within it, never across a break.
                            for (const auto& g : shape(fonts_.face(u.face), r.px, p.text + a, e - a, s - a, t - s, rtl, u.script)) {
                                const size_t unit = size_t(a) + g.cluster;
                                out.glyphs.push_back({u.face, g.glyph, pen + g.x_offset, line.baseline - g.y_offset,
                                                      unit < size_t(p.length) ? p.source[unit] : end_byte});
                                pen += g.x_advance;
                            }
                        }
                    }
                }
                line.width = pen;
                const float room = r.max_width > 0 ? r.max_width : pen;
                const bool at_right = (r.align == Align::End) != rtl_base;
                line.x = r.align == Align::Center ? (room - pen) / 2 : at_right ? room - pen : 0;
                for (size_t g = first_glyph; g < out.glyphs.size(); ++g) out.glyphs[g].x += line.x;
                out.width = std::max(out.width, pen);
                out.lines.push_back(line);
                y += this_height;
            }
        }
        if (paragraph_end >= decoded.text.size()) break;
        paragraph_start = paragraph_end + 1;
    }
    ubidi_close(line_bidi);
    ubidi_close(bidi);
    out.height = y;
    return out;
}

}  // namespace haven
