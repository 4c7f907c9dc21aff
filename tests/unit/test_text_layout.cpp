// The text engine checked against HarfBuzz/ICU facts (glyph forms, order, clusters), not against itself.
#include "font_set.hpp"
#include "shaping_buffer.hpp"
#include "text_layout.hpp"
#include "utf.hpp"

#include <doctest/doctest.h>
#include <unicode/ubidi.h>
#include <set>
#include <hb.h>

#include <algorithm>

using namespace haven;

namespace {

FontSet& fonts() {
    static FontSet set;  // loading fonts is the slow part; every test shares one set
    return set;
}

TextLayout lay(std::string_view text, TextDirection direction = TextDirection::LeftToRight, float width = 0,
               float px = 32, bool bold = false) {
    TextEngine engine(fonts());
    TextRequest r;
    r.text = text;
    r.direction = direction;
    r.max_width = width;
    r.px = px;
    r.bold = bold;
    return engine.compute(r);
}

// The glyph HarfBuzz's font maps a character to when nothing is shaped (its nominal, isolated form).
std::uint32_t nominal_glyph(int face, char32_t cp) {
    hb_codepoint_t glyph = 0;
    hb_font_get_nominal_glyph(fonts().face(face).hb, cp, &glyph);
    return glyph;
}

std::string text_of(const std::string& s, const TextLayout& l, size_t line) {
    return s.substr(l.lines[line].source_begin, l.lines[line].source_end - l.lines[line].source_begin);
}

}  // namespace

TEST_CASE("fonts for every demo script are installed and found by language") {
    REQUIRE(fonts().ok());
    for (const char* sample : {"English", "Українська", "العربية", "فارسی", "ትግርኛ", "বাংলা", "پښتو"}) {
        CAPTURE(sample);
        CHECK(fonts().uncovered(decode_utf8(sample).text).empty());
    }
}

TEST_CASE("Arabic letters join and run right to left") {
    const std::string word = "تعلم";  // ت ع ل م: initial, medial, medial, final (no lam-alef ligature)
    auto l = lay(word, TextDirection::RightToLeft);
    REQUIRE(l.glyphs.size() == 4);
    const int face = l.glyphs[0].face;
    // HarfBuzz emits RTL glyphs in visual order, so the last glyph is the first letter. Every letter takes a
    // joined form, which is another glyph than its nominal (isolated) one.
    const char32_t letters[] = {U'ت', U'ع', U'ل', U'م'};
    for (size_t i = 0; i < 4; ++i) CHECK(l.glyphs[3 - i].glyph != nominal_glyph(face, letters[i]));
    // lam followed by alef becomes one ligature glyph.
    CHECK(lay("لا", TextDirection::RightToLeft).glyphs.size() == 1);
    // Visual order is right to left: the first letter (byte 0) is the rightmost glyph.
    auto first = std::max_element(l.glyphs.begin(), l.glyphs.end(), [](auto& a, auto& b) { return a.x < b.x; });
    CHECK(first->source == 0);
    auto last = std::min_element(l.glyphs.begin(), l.glyphs.end(), [](auto& a, auto& b) { return a.x < b.x; });
    CHECK(last->source == word.size() - 2);  // meem, 2 bytes
}

TEST_CASE("Farsi joins too, including Persian letters") {
    const std::string word = "پیام";
    auto l = lay(word, TextDirection::RightToLeft);
    REQUIRE(l.glyphs.size() == 4);
    CHECK(l.glyphs.back().glyph != nominal_glyph(l.glyphs.back().face, U'پ'));  // initial form of peh
}

TEST_CASE("a Pashto word with ټ ډ ړ ښ ګ has no missing glyph") {
    auto l = lay("ټډړښګ", TextDirection::RightToLeft);
    REQUIRE(l.glyphs.size() == 5);
    for (const auto& g : l.glyphs) CHECK(g.glyph != 0);
}

TEST_CASE("a Bengali conjunct forms one cluster") {
    const std::string word = "ক্ষ";  // ka + virama + ssa: one conjunct
    auto l = lay(word);
    REQUIRE(!l.glyphs.empty());
    for (const auto& g : l.glyphs) CHECK(g.source == 0);  // every glyph belongs to the first character's cluster
    CHECK(l.glyphs.size() < 3);                            // fewer glyphs than characters: it formed
    for (const auto& g : l.glyphs) CHECK(g.glyph != 0);
}

TEST_CASE("a phone number inside Arabic keeps its digits left to right, in place, in any script's digits") {
  // ASCII, Arabic-Indic, Extended Arabic-Indic (Farsi, Urdu), Bengali, Devanagari.
  for (const std::string number : {"+49 30 1234567", "+٤٩ ٣٠ ١٢٣٤٥٦٧", "+۴۹ ۳۰ ۱۲۳۴۵۶۷", "+৪৯ ৩০ ১২৩৪৫৬৭", "+४९ ३० १२३४५६७"}) {
    CAPTURE(number);
    const std::string text = "اتصل على " + number + " الآن";
    auto l = lay(text, TextDirection::RightToLeft);
    const size_t number_at = text.find(number);
    std::vector<const PlacedGlyph*> digits;
    for (const auto& g : l.glyphs)
        if (g.source >= number_at && g.source < number_at + number.size()) digits.push_back(&g);
    REQUIRE(digits.size() >= 12);
    // Within the number, source order equals left-to-right order.
    for (size_t i = 1; i < digits.size(); ++i) CHECK(digits[i - 1]->x < digits[i]->x);
    for (size_t i = 1; i < digits.size(); ++i) CHECK(digits[i - 1]->source <= digits[i]->source);
    // "اتصل" (first in logical order) is right of the number, "الآن" (last) left of it.
    float first_word_x = 0, last_word_x = 1e9f;
    for (const auto& g : l.glyphs) {
        if (g.source < 8) first_word_x = std::max(first_word_x, g.x);
        if (g.source >= text.find("الآن")) last_word_x = std::min(last_word_x, g.x);
    }
    CHECK(first_word_x > digits.back()->x);
    CHECK(last_word_x < digits.front()->x);
  }
}

TEST_CASE("the plain bidi algorithm (ICU) would reverse those groups: why they are isolated") {
    // Outside truth: ICU's visual order of the same text without isolates puts "٣٠" left of "٤٩".
    const std::u16string text = u"اتصل ٤٩ ٣٠ الآن";
    UErrorCode status = U_ZERO_ERROR;
    UBiDi* bidi = ubidi_open();
    ubidi_setPara(bidi, reinterpret_cast<const UChar*>(text.data()), int32_t(text.size()), 1, nullptr, &status);
    REQUIRE(U_SUCCESS(status));
    const int32_t first_group = ubidi_getVisualIndex(bidi, int32_t(text.find(u'٤')), &status);
    const int32_t second_group = ubidi_getVisualIndex(bidi, int32_t(text.find(u'٣')), &status);
    ubidi_close(bidi);
    CHECK(second_group < first_group);  // read left to right, the second group would come first
}

TEST_CASE("numbers written in groups are isolated left to right; plain numbers are left alone") {
    auto grouped = decode_utf8("اتصل 116 006");
    isolate_numbers(grouped);
    CHECK(grouped.text == u"اتصل \u2066\u202D116 006\u202C\u2069");
    auto act = decode_utf8("التوجيه 2011/36/EU، المادة 8");
    isolate_numbers(act);
    CHECK(act.text == u"التوجيه \u20662011/36/EU\u2069، المادة 8");
    auto plain = decode_utf8("المادة 33");
    isolate_numbers(plain);
    CHECK(plain.text == u"المادة 33");
    auto l = lay("اتصل 116 006", TextDirection::RightToLeft);
    std::vector<const PlacedGlyph*> digits;
    for (const auto& g : l.glyphs)
        if (g.source >= 9) digits.push_back(&g);
    REQUIRE(digits.size() == 7);  // six digits and the space between the groups
    for (size_t i = 1; i < digits.size(); ++i) CHECK(digits[i - 1]->source < digits[i]->source);
}

TEST_CASE("line breaks fall between words and never inside a grapheme cluster") {
    const std::string text = "The right to asylum protects you from being sent back to danger.";
    auto l = lay(text, TextDirection::LeftToRight, 300);
    REQUIRE(l.lines.size() > 1);
    for (size_t i = 0; i + 1 < l.lines.size(); ++i) {
        CAPTURE(text_of(text, l, i));
        const char before = text[l.lines[i].source_end - 1];
        CHECK(before == ' ');  // each line ends after a space: a break between words
        CHECK(l.lines[i].width <= 300.f);
    }
    // Bengali with vowel signs: a break never separates a sign from its consonant.
    const std::string bengali = "আপনার অধিকার আছে আশ্রয় চাওয়ার এবং নিরাপদে থাকার";
    auto b = lay(bengali, TextDirection::LeftToRight, 260);
    REQUIRE(b.lines.size() > 1);
    for (size_t i = 0; i + 1 < b.lines.size(); ++i) CHECK(bengali[b.lines[i].source_end - 1] == ' ');
}

TEST_CASE("a word longer than the line is cut between grapheme clusters, and nothing is lost") {
    const std::string word = "Menschenhandelsbekämpfungsberatungsstelle";
    auto l = lay(word, TextDirection::LeftToRight, 200);
    REQUIRE(l.lines.size() > 1);
    for (const auto& line : l.lines) CHECK(line.width <= 200.f + 0.5f);
    CHECK(l.lines.front().source_begin == 0);
    CHECK(l.lines.back().source_end == word.size());
    for (size_t i = 1; i < l.lines.size(); ++i) CHECK(l.lines[i].source_begin == l.lines[i - 1].source_end);
    // "ä" written as a + combining diaeresis stays whole.
    const std::string combining = "aaaaaaaaaaaaaaaaaaaaa\xCC\x88" "aaaaaaaaaaaaaa";
    auto c = lay(combining, TextDirection::LeftToRight, 120);
    for (const auto& line : c.lines) CHECK(combining.substr(line.source_begin, 2) != "\xCC\x88");
}

TEST_CASE("text laid out at its own natural width stays on one line, in any direction") {
    for (const char* s : {"Quick exit", "خروج سريع", "ብቕልጡፍ ዕጸዉ", "দ্রুত বন্ধ করুন"}) {
        CAPTURE(s);
        for (auto direction : {TextDirection::LeftToRight, TextDirection::RightToLeft}) {
            auto natural = lay(s, direction, 0, 32, true);
            auto fitted = lay(s, direction, natural.width + 1, 32, true);
            CHECK(fitted.lines.size() == 1);
        }
    }
}

TEST_CASE("alignment: start is right for RTL, left for LTR") {
    auto rtl = lay("سلام", TextDirection::RightToLeft, 500);
    auto ltr = lay("Hello", TextDirection::LeftToRight, 500);
    CHECK(rtl.lines[0].x + rtl.lines[0].width == doctest::Approx(500));
    CHECK(ltr.lines[0].x == 0);
}

TEST_CASE("bad input never crashes: invalid UTF-8, surrogates, controls, unknown characters") {
    auto d = decode_utf8("a\xFF" "b\xED\xA0\x80" "c\xC3");
    CHECK(d.text == u"a\uFFFDb\uFFFDc\uFFFD");
    CHECK(decode_utf8("a\x01\x7F\xC2\x85" "b\tc").text == u"ab c");  // controls dropped, tab to space
    auto l = lay("x\xFF y", TextDirection::LeftToRight);
    CHECK(l.glyphs.size() == 4);
    // A private-use character no font has is drawn as the primary font's .notdef box (glyph 0).
    auto box = lay("\xEE\x80\x80");
    REQUIRE(box.glyphs.size() == 1);
    CHECK(box.glyphs[0].glyph == 0);
    CHECK_FALSE(fonts().uncovered(u"\uE000").empty());
    CHECK(lay("").glyphs.empty());
    // Paragraph and line separators pasted from word processors break lines, and lose no text.
    auto separated = lay("one\u2029two\u2028three");
    CHECK(separated.lines.size() == 3);
    CHECK(separated.glyphs.size() == 11);
    CHECK(lay("\n\n").lines.size() == 3);
}

TEST_CASE("layouts are cached by text, style and width, and the cache can be cleared") {
    TextEngine engine(fonts());
    TextRequest r;
    r.text = "Find help near you";
    auto a = engine.layout(r);
    auto b = engine.layout(r);
    CHECK(a == b);
    r.max_width = 100;
    CHECK(engine.layout(r) != a);
    CHECK(engine.cache_size() == 2);
    engine.clear_cache();
    CHECK(engine.cache_size() == 0);
}

TEST_CASE("HarfBuzz never reallocates its arrays while shaping, so the ShapingBuffer can wipe them all") {
    // Texts that lengthen while shaped: split Bengali vowels, marks with no base (dotted circles), a
    // Hangul syllable a font may decompose, and plain long Arabic. A moved array leaves a copy behind.
    const std::size_t before = ShapingBuffer::moves();
    lay("কোৌ ো ৌ ো ৌ কোকৌকো", TextDirection::LeftToRight, 300);
    lay("\u0651\u0651\u0651\u064B\u064B ِ ُ َ", TextDirection::RightToLeft);
    lay("한국어 텍스트 각각", TextDirection::LeftToRight, 300);
    std::string arabic;
    for (int i = 0; i < 200; ++i) arabic += "يمكنك طلب الحماية في أوروبا. ";
    lay(arabic, TextDirection::RightToLeft, 900);
    CHECK(ShapingBuffer::moves() == before);
}

TEST_CASE("a phone number is never broken across lines: it moves whole to the next one") {
    const std::string number = "+49 30 23125 901";
    const std::string text = "Call the hotline at any hour on " + number + " and ask for help";
    const size_t at = text.find(number);
    // Widths that would have cut the number at each of its spaces.
    for (float width : {300.f, 340.f, 380.f, 420.f, 460.f, 500.f, 540.f}) {
        CAPTURE(width);
        auto l = lay(text, TextDirection::LeftToRight, width);
        std::set<float> baselines;
        for (const auto& g : l.glyphs)
            if (g.source >= at && g.source < at + number.size()) baselines.insert(g.y);
        CHECK(baselines.size() == 1);
    }
}
