#include "phone.hpp"

#include <array>
#include <utility>

namespace haven {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Country calling codes of the countries a European pack is likely to serve. A country missing here only
// means no suggestion is offered for a national number; validation does not depend on it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 36> calling_codes{{
    {"AT", "43"}, {"BE", "32"}, {"BG", "359"}, {"CH", "41"}, {"CY", "357"}, {"CZ", "420"},
    {"DE", "49"}, {"DK", "45"}, {"EE", "372"}, {"ES", "34"}, {"FI", "358"}, {"FR", "33"},
    {"GB", "44"}, {"GR", "30"}, {"HR", "385"}, {"HU", "36"}, {"IE", "353"}, {"IS", "354"},
    {"IT", "39"}, {"LT", "370"}, {"LU", "352"}, {"LV", "371"}, {"MD", "373"}, {"MT", "356"},
    {"NL", "31"}, {"NO", "47"}, {"PL", "48"}, {"PT", "351"}, {"RO", "40"}, {"RS", "381"},
    {"SE", "46"}, {"SI", "386"}, {"SK", "421"}, {"TR", "90"}, {"UA", "380"}, {"BA", "387"},
}};

std::string_view calling_code(std::string_view country) {
    for (auto [iso, code] : calling_codes)
        if (iso == country) return code;
    return {};
}

}  // namespace

bool is_e164(std::string_view n) {
    if (n.size() < 8 || n.size() > 16 || n[0] != '+' || n[1] == '0') return false;
    for (char c : n.substr(1))
        if (!is_digit(c)) return false;
    return true;
}

bool is_short_code(std::string_view n) {
    if (n.size() < 3 || n.size() > 6 || n[0] == '0') return false;
    for (char c : n)
        if (!is_digit(c)) return false;
    return true;
}

bool is_plain_phone_display(std::string_view display) {
    for (char c : display)
        if (!is_digit(c) && c != ' ' && c != '+' && c != '(' && c != ')' && c != '-' && c != '.' && c != '/') return false;
    return !display.empty();
}

std::string phone_digits(std::string_view text) {
    std::string digits;
    for (char c : text)
        if (is_digit(c)) digits += c;
    return digits;
}

std::optional<std::string> suggest_e164(std::string_view text, std::string_view country) {
    // Only separators people type between digit groups may be dropped; anything else (letters, "ext")
    // means we cannot be sure what the number is.
    bool plus = false;
    std::string digits;
    for (char c : text) {
        if (is_digit(c)) digits += c;
        else if (c == '+' && digits.empty() && !plus) plus = true;
        else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '(' && c != ')') return std::nullopt;
    }
    std::string candidate;
    if (plus) candidate = "+" + digits;
    else if (digits.starts_with("00")) candidate = "+" + digits.substr(2);
    else if (digits.starts_with("0")) {
        auto code = calling_code(country);
        if (code.empty()) return std::nullopt;
        candidate = "+" + std::string(code) + digits.substr(1);
    } else return std::nullopt;
    if (!is_e164(candidate)) return std::nullopt;
    return candidate;
}

}  // namespace haven
