#include "utf.hpp"

#include <unicode/uchar.h>

namespace haven {
namespace {

void append(DecodedText& out, char32_t cp, std::uint32_t offset) {
    if (cp < 0x10000) {
        out.text.push_back(char16_t(cp));
        out.source.push_back(offset);
    } else {
        cp -= 0x10000;
        out.text.push_back(char16_t(0xD800 + (cp >> 10)));
        out.text.push_back(char16_t(0xDC00 + (cp & 0x3FF)));
        out.source.push_back(offset);
        out.source.push_back(offset);
    }
}

}  // namespace

DecodedText decode_utf8(std::string_view s) {
    DecodedText out;
    out.text.reserve(s.size());
    out.source.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const auto offset = std::uint32_t(i);
        const unsigned char b = static_cast<unsigned char>(s[i]);
        char32_t cp;
        size_t length;
        if (b < 0x80) { cp = b; length = 1; }
        else if (b >= 0xC2 && b <= 0xDF) { cp = b & 0x1F; length = 2; }
        else if (b >= 0xE0 && b <= 0xEF) { cp = b & 0x0F; length = 3; }
        else if (b >= 0xF0 && b <= 0xF4) { cp = b & 0x07; length = 4; }
        else { append(out, 0xFFFD, offset); ++i; continue; }
        bool valid = i + length <= s.size();
        for (size_t k = 1; valid && k < length; ++k) {
            const unsigned char c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) valid = false;
            else cp = (cp << 6) | (c & 0x3F);
        }
        // Overlong 3- and 4-byte forms, UTF-16 surrogates and values past U+10FFFF are not characters.
        if (valid && ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
                      (cp >= 0xD800 && cp <= 0xDFFF)))
            valid = false;
        if (!valid) {
            append(out, 0xFFFD, offset);
            ++i;
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;  // skip the rest
            continue;
        }
        i += length;
        if (cp == '\t') cp = ' ';
        if (cp == 0x2028 || cp == 0x2029) cp = '\n';  // ICU would treat them as paragraph ends inside a line
        if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp < 0xA0)) continue;  // controls draw nothing
        append(out, cp, offset);
    }
    return out;
}


namespace {
bool is_ascii_digit(char16_t c) { return c >= u'0' && c <= u'9'; }
// Any script's decimal digits (Arabic-Indic, Extended Arabic-Indic as in Farsi and Urdu, Bengali,
// Devanagari, Myanmar ...): a phone number written in them keeps its groups in reading order too.
bool is_decimal_digit(char16_t c) { return is_ascii_digit(c) || (c > 0x7F && u_charType(c) == U_DECIMAL_DIGIT_NUMBER); }
bool is_group_separator(char16_t c) { return c == u' ' || c == u'-' || c == u'.' || c == u'/' || c == 0x00A0; }
}  // namespace

void isolate_numbers(DecodedText& t) {
    DecodedText out;
    out.text.reserve(t.text.size() + 8);
    out.source.reserve(t.source.size() + 8);
    size_t i = 0;
    while (i < t.text.size()) {
        const bool plus = t.text[i] == u'+' && i + 1 < t.text.size() && is_decimal_digit(t.text[i + 1]);
        if (!plus && !is_decimal_digit(t.text[i])) {
            out.text.push_back(t.text[i]);
            out.source.push_back(t.source[i]);
            ++i;
            continue;
        }
        // [+]digits, then any number of (one separator, digits)
        size_t end = i + (plus ? 1 : 0);
        while (end < t.text.size() && is_decimal_digit(t.text[end])) ++end;
        bool grouped = plus;
        // More groups: digits after a separator, or (not after a space) Latin letters, as in "2011/36/EU".
        auto is_ascii_alnum = [](char16_t c) { return is_decimal_digit(c) || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z'); };
        while (end + 1 < t.text.size() && is_group_separator(t.text[end]) &&
               (is_decimal_digit(t.text[end + 1]) || (t.text[end] != u' ' && t.text[end] != 0x00A0 && is_ascii_alnum(t.text[end + 1])))) {
            end += 1;
            while (end < t.text.size() && is_ascii_alnum(t.text[end])) ++end;
            grouped = true;
        }
        // A phone number ("+" or six digits or more) also gets an override inside its isolate: Arabic-Indic
        // digits are "Arabic numbers" to the bidi algorithm, which would still put the "+" and the groups
        // out of order within a plain isolate. A short range such as "٩-١٧" keeps the algorithm's order.
        size_t digit_count = 0;
        bool letters = false;
        for (size_t k = i; k < end; ++k) {
            digit_count += is_decimal_digit(t.text[k]) ? 1 : 0;
            letters = letters || (t.text[k] >= u'A' && t.text[k] <= u'z' && !is_ascii_digit(t.text[k]));
        }
        const bool phone = grouped && (plus || (digit_count >= 6 && !letters));
        if (grouped) {
            out.text.push_back(0x2066);  // LEFT-TO-RIGHT ISOLATE
            out.source.push_back(t.source[i]);
        }
        if (phone) {
            out.text.push_back(0x202D);  // LEFT-TO-RIGHT OVERRIDE
            out.source.push_back(t.source[i]);
        }
        for (size_t k = i; k < end; ++k) {
            out.text.push_back(t.text[k]);
            out.source.push_back(t.source[k]);
        }
        if (grouped) {
            const auto after = end < t.source.size() ? t.source[end] : t.source[end - 1];
            if (phone) {
                out.text.push_back(0x202C);  // POP DIRECTIONAL FORMATTING
                out.source.push_back(after);
            }
            out.text.push_back(0x2069);  // POP DIRECTIONAL ISOLATE
            out.source.push_back(after);
        }
        i = end;
    }
    t = std::move(out);
}

}  // namespace haven
