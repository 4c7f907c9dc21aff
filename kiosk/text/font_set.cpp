#include "font_set.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb-ot.h>
#include <hb.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

namespace haven {

struct FontFile {
    std::string path;
    int index = 0;  // the face inside a collection (.ttc)
};

namespace {

// The language fontconfig is asked about for each script's font.
const char* language_for(UScriptCode script) {
    switch (script) {
        case USCRIPT_LATIN: return "en";
        case USCRIPT_CYRILLIC: return "uk";
        case USCRIPT_GREEK: return "el";
        case USCRIPT_ARABIC: return "ar";
        case USCRIPT_HEBREW: return "he";
        case USCRIPT_ETHIOPIC: return "ti";
        case USCRIPT_BENGALI: return "bn";
        case USCRIPT_DEVANAGARI: return "hi";
        case USCRIPT_GURMUKHI: return "pa";
        case USCRIPT_TAMIL: return "ta";
        case USCRIPT_ARMENIAN: return "hy";
        case USCRIPT_GEORGIAN: return "ka";
        case USCRIPT_THAI: return "th";
        case USCRIPT_MYANMAR: return "my";
        case USCRIPT_KHMER: return "km";
        case USCRIPT_HAN: return "zh-cn";
        case USCRIPT_HANGUL: return "ko";
        default: return nullptr;
    }
}

// Where a language is written in its own style of a script, or a script's font holds several languages'
// forms: Urdu in Nastaliq (not Naskh), Chinese, Japanese and Korean from their own faces of the CJK
// collection (face 0 of NotoSansCJK-Regular.ttc is Japanese).
struct FontChoice {
    const char* language = nullptr;  // what fontconfig is asked for (FC_LANG)
    const char* family = "Noto Sans";
};

FontChoice choice_for(UScriptCode script, std::string_view language) {
    const std::string_view base = language.substr(0, language.find('-'));
    if (script == USCRIPT_ARABIC && base == "ur") return {"ur", "Noto Nastaliq Urdu"};
    if (script == USCRIPT_HAN) {
        if (language == "zh-Hant" || language.starts_with("zh-Hant-") || language == "zh-TW") return {"zh-tw", "Noto Sans CJK TC"};
        if (language == "zh-HK") return {"zh-hk", "Noto Sans CJK HK"};
        if (base == "ja") return {"ja", "Noto Sans CJK JP"};
        if (base == "ko") return {"ko", "Noto Sans CJK KR"};
        return {"zh-cn", "Noto Sans CJK SC"};  // Simplified Chinese, and Han text in any other language
    }
    return {language_for(script), "Noto Sans"};
}

// Asks fontconfig for the best font of `family` (else like it) that satisfies `language` and `codepoint`.
FontFile find_font(bool bold, const char* language, char32_t codepoint, const char* family = "Noto Sans") {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    if (language) FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(language));
    FcCharSet* chars = nullptr;
    if (codepoint) {
        chars = FcCharSetCreate();
        FcCharSetAddChar(chars, codepoint);
        FcPatternAddCharSet(pattern, FC_CHARSET, chars);
    }
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);  // a preference only: outline fonts are required below
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcFontSet* sorted = FcFontSort(nullptr, pattern, FcTrue, nullptr, &result);
    FontFile found;
    std::string& path = found.path;
    for (int i = 0; sorted && i < sorted->nfont && path.empty(); ++i) {
        FcPattern* font = sorted->fonts[i];
        FcBool scalable = FcFalse, color = FcFalse;
        FcPatternGetBool(font, FC_SCALABLE, 0, &scalable);
        FcPatternGetBool(font, FC_COLOR, 0, &color);
        if (!scalable || color) continue;  // the atlas takes 8-bit coverage from outline fonts only
        if (language) {
            FcLangSet* langs = nullptr;
            if (FcPatternGetLangSet(font, FC_LANG, 0, &langs) != FcResultMatch ||
                FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>(language)) == FcLangDifferentLang)
                continue;
        }
        if (codepoint) {
            FcCharSet* has = nullptr;
            if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch || !FcCharSetHasChar(has, codepoint))
                continue;
        }
        FcChar8* file = nullptr;
        if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch) {
            path = reinterpret_cast<const char*>(file);
            FcPatternGetInteger(font, FC_INDEX, 0, &found.index);
        }
    }
    if (sorted) FcFontSetDestroy(sorted);
    if (chars) FcCharSetDestroy(chars);
    FcPatternDestroy(pattern);
    return found;
}

bool is_mark_or_joiner(char32_t cp) {
    const auto gc = U_GET_GC_MASK(cp);
    return (gc & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_MC_MASK)) || cp == 0x200C || cp == 0x200D ||
           (cp >= 0xFE00 && cp <= 0xFE0F);
}

}  // namespace

bool FontFace::covers(char32_t cp) const { return FT_Get_Char_Index(ft, cp) != 0; }

FontSet::FontSet() {
    if (FT_Init_FreeType(&library_) != 0) return;
    primary(false);
}

FontSet::~FontSet() {
    for (auto& f : faces_) {
        hb_font_destroy(f->hb);
        FT_Done_Face(f->ft);
    }
    if (library_) FT_Done_FreeType(library_);
}

int FontSet::load(const FontFile& file, bool bold) {
    const std::string& path = file.path;
    if (path.empty()) return -1;
    auto key = std::make_pair(path + "#" + std::to_string(file.index), bold);
    if (auto it = by_path_.find(key); it != by_path_.end()) return it->second;
    auto face = std::make_unique<FontFace>();
    face->path = path;
    face->bold = bold;
    if (FT_New_Face(library_, path.c_str(), file.index, &face->ft) != 0) return by_path_[key] = -1;
    face->units_per_em = face->ft->units_per_EM ? face->ft->units_per_EM : 1000;
    // Styles whose letters reach far above and below: Nastaliq's slanted words, Burmese stacked marks.
    // (Their fonts' own metrics also cover rare extremes; these are what running text needs.)
    const std::string_view family = face->ft->family_name ? face->ft->family_name : "";
    if (family.find("Nastaliq") != std::string_view::npos) face->line_spacing = 2.1f;
    else if (family.find("Myanmar") != std::string_view::npos) face->line_spacing = 1.9f;
    // HarfBuzz reads the same file through FreeType's face; positions come out in font units.
    face->hb = hb_ft_font_create_referenced(face->ft);
    hb_ot_font_set_funcs(face->hb);
    hb_font_set_scale(face->hb, int(face->units_per_em), int(face->units_per_em));
    faces_.push_back(std::move(face));
    return by_path_[key] = int(faces_.size() - 1);
}

int FontSet::primary(bool bold) { return script_face(USCRIPT_LATIN, bold); }

int FontSet::script_face(UScriptCode script, bool bold, std::string_view language) {
    const FontChoice choice = choice_for(script, language);
    auto key = std::make_tuple(int(script), bold, std::string(choice.family));
    if (auto it = by_script_.find(key); it != by_script_.end()) return it->second;
    int index = choice.language ? load(find_font(bold, choice.language, 0, choice.family), bold) : -1;
    if (index < 0 && std::string_view(choice.family) != "Noto Sans")  // that style is not installed: the script's usual font
        index = script_face(script, bold, {});
    return by_script_[key] = index;
}

int FontSet::fallback_face(char32_t cp, bool bold) {
    auto key = std::make_pair(cp, bold);
    if (auto it = by_codepoint_.find(key); it != by_codepoint_.end()) return it->second;
    // No font draws unassigned, private-use or non-characters; and a pack full of odd characters must
    // not buy one fontconfig search each, which would stall the screen.
    const auto type = u_charType(UChar32(cp));
    if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE || (cp & 0xFFFE) == 0xFFFE ||
        (cp >= 0xFDD0 && cp <= 0xFDEF) || searches_ >= max_searches)
        return by_codepoint_[key] = -1;
    ++searches_;
    for (size_t i = 0; i < faces_.size(); ++i)
        if (faces_[i]->bold == bold && faces_[i]->covers(cp)) return by_codepoint_[key] = int(i);
    int index = load(find_font(bold, nullptr, cp), bold);
    if (index >= 0 && !faces_[size_t(index)]->covers(cp)) index = -1;
    return by_codepoint_[key] = index;
}

int FontSet::face_for(char32_t cp, UScriptCode script, bool bold, int previous, std::string_view language) {
    // Combining marks and joiners belong with their base character's font.
    if (previous >= 0 && is_mark_or_joiner(cp)) return previous;
    int own = script_face(script, bold, language);
    if (own >= 0 && faces_[size_t(own)]->covers(cp)) return own;
    if (previous >= 0 && faces_[size_t(previous)]->bold == bold && faces_[size_t(previous)]->covers(cp)) return previous;
    int found = fallback_face(cp, bold);
    if (found < 0 && bold) found = fallback_face(cp, false);  // a regular glyph beats a box
    return found;
}

std::vector<char32_t> FontSet::uncovered(std::u16string_view text) {
    std::vector<char32_t> missing;
    for (int32_t i = 0; i < int32_t(text.size());) {
        UChar32 cp;
        U16_NEXT(text.data(), i, int32_t(text.size()), cp);
        if (cp == '\n' || cp == ' ' || is_mark_or_joiner(char32_t(cp))) continue;
        if (face_for(char32_t(cp), [&] { UErrorCode e = U_ZERO_ERROR; return uscript_getScript(cp, &e); }(), false, -1) < 0) missing.push_back(char32_t(cp));
    }
    return missing;
}

}  // namespace haven
