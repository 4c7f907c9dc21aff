// Phone numbers as packs must write them: E.164 ("+4930123456") or a short code ("112", "116006").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace haven {

bool is_e164(std::string_view number);        // '+', a non-zero digit, 7..15 digits in all
bool is_short_code(std::string_view number);  // 3..6 digits, not starting with 0
inline bool is_valid_phone(std::string_view n) { return is_e164(n) || is_short_code(n); }

// True when `display` holds only ASCII digits, spaces and + ( ) - . / (no bidi controls, no other scripts).
bool is_plain_phone_display(std::string_view display);

// The digits of a number as a person reads it ("+49 30 5550-1001" -> "4930555010001"); '+' dropped.
std::string phone_digits(std::string_view text);

// What an editor probably meant, for the error message: "0049 30 123" -> "+4930123"; a national number
// such as "030 123" becomes "+4930123" when the country (ISO 3166 alpha-2) is known. nullopt when no
// E.164 number can be derived with confidence.
std::optional<std::string> suggest_e164(std::string_view text, std::string_view country = {});

}  // namespace haven
