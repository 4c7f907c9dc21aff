// Finds font files through fontconfig by language and weight, among Debian's Noto families.
#pragma once

#include <string>

namespace haven {

// Path of the best installed font for `language` ("ar", "ti", "bn", "en"...), or empty when none.
std::string find_font(const std::string& language, bool bold);

}  // namespace haven
