#include "font_finder.hpp"

#include <fontconfig/fontconfig.h>

namespace haven {

std::string find_font(const std::string& language, bool bold) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("Noto Sans"));
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(language.c_str()));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);

    // Noto Sans itself covers Latin and Cyrillic only; for other scripts take the first font in the
    // sorted list that really covers the language.
    std::string path;
    FcResult result;
    FcFontSet* sorted = FcFontSort(nullptr, pattern, FcTrue, nullptr, &result);
    FcLangSet* wanted = FcLangSetCreate();
    FcLangSetAdd(wanted, reinterpret_cast<const FcChar8*>(language.c_str()));
    for (int i = 0; sorted && i < sorted->nfont && path.empty(); ++i) {
        FcLangSet* langs = nullptr;
        FcChar8* file = nullptr;
        if (FcPatternGetLangSet(sorted->fonts[i], FC_LANG, 0, &langs) != FcResultMatch) continue;
        if (FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>(language.c_str())) == FcLangDifferentLang) continue;
        if (FcPatternGetString(sorted->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
            path = reinterpret_cast<const char*>(file);
    }
    FcLangSetDestroy(wanted);
    if (sorted) FcFontSetDestroy(sorted);
    FcPatternDestroy(pattern);
    return path;
}

}  // namespace haven
