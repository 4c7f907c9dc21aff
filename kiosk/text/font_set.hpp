// The fonts the kiosk draws with: Debian's Noto families found through fontconfig, per script and
// weight, with fallback per character to any installed font that has it. Each font is loaded once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <unicode/uscript.h>

typedef struct FT_LibraryRec_* FT_Library;
typedef struct FT_FaceRec_* FT_Face;
typedef struct hb_font_t hb_font_t;

namespace haven {

struct FontFace {
    std::string path;
    bool bold = false;
    FT_Face ft = nullptr;      // for rasterising
    hb_font_t* hb = nullptr;   // for shaping, at a scale of one unit per font unit
    unsigned units_per_em = 1000;
    float line_spacing = 0;    // the line height this style needs, as a multiple of the size; 0: the usual
    bool covers(char32_t cp) const;
};

struct FontFile;  // a font file and the face in it

class FontSet {
public:
    FontSet();
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    bool ok() const { return !faces_.empty(); }  // false when not even a Latin font was found

    // The face to draw `cp` with: the script's own font when it has the character, else the face of the
    // previous character, else any loaded face, else one fontconfig finds. -1 only when no installed
    // font has it (the caller then draws the primary font's .notdef box).
    // `language` (BCP 47, may be empty) picks the language's own style of a script: Urdu's Nastaliq,
    // Simplified Chinese's forms of Han.
    int face_for(char32_t cp, UScriptCode script, bool bold, int previous, std::string_view language = {});
    int primary(bool bold);  // the Latin face, whose .notdef box marks a character no font has
    const FontFace& face(int index) const { return *faces_[size_t(index)]; }
    size_t face_count() const { return faces_.size(); }

    // Characters of `text` that no installed font can draw (for the pack validator's coverage report).
    std::vector<char32_t> uncovered(std::u16string_view text);

private:
    int load(const FontFile& file, bool bold);
    int script_face(UScriptCode script, bool bold, std::string_view language = {});
    int fallback_face(char32_t cp, bool bold);

    FT_Library library_ = nullptr;
    std::vector<std::unique_ptr<FontFace>> faces_;
    std::map<std::pair<std::string, bool>, int> by_path_;
    std::map<std::tuple<int, bool, std::string>, int> by_script_;  // script code, bold, family -> face or -1
    std::map<std::pair<char32_t, bool>, int> by_codepoint_;  // fallback results, including misses
    static constexpr int max_searches = 256;                  // fontconfig searches for the kiosk's life
    int searches_ = 0;
};

}  // namespace haven
