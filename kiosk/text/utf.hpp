// UTF-8 from a pack, decoded defensively into UTF-16 for ICU and HarfBuzz.
#pragma once

#include "wiping_allocator.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace haven {

// Wiping containers: this is the text a visitor looks at, in the UTF-16 form only layout creates.
struct DecodedText {
    WipingU16String text;                 // invalid bytes became U+FFFD; control characters were dropped
    WipingVector<std::uint32_t> source;   // for each UTF-16 unit, the byte offset in the UTF-8 input
};

// Ill-formed sequences (stray continuation bytes, overlong forms, encoded surrogates, truncated
// characters) each become one U+FFFD. C0/C1 controls are dropped, except '\n' (kept) and tab (a space).
DecodedText decode_utf8(std::string_view utf8);

// Wraps every number written in groups ("+49 30 1234567", "116 006", "030-1234", "2011/36/EU") in a
// left-to-right isolate (U+2066 ... U+2069). Without it the bidi algorithm puts the groups of a phone
// number inside right-to-left text in reverse order, showing a different number.
void isolate_numbers(DecodedText& text);

}  // namespace haven
