#include "calendar.hpp"

#include <array>
#include <cstdio>

namespace haven {
namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buf;
}

std::string MinuteOfDay::hhmm() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

std::optional<Date> parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{to_int(y)}, std::chrono::month{unsigned(to_int(m))},
                                    std::chrono::day{unsigned(to_int(d))}};
    if (!ymd.ok()) return std::nullopt;
    return Date{ymd};
}

std::optional<MinuteOfDay> parse_time(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    auto h = t.substr(0, 2), m = t.substr(3, 2);
    if (!all_digits(h) || !all_digits(m)) return std::nullopt;
    int hours = to_int(h), minutes = to_int(m);
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
    return MinuteOfDay{hours * 60 + minutes};
}

std::optional<int> parse_weekday(std::string_view t) {
    static constexpr std::array<std::string_view, 7> names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; ++i)
        if (names[i] == t) return i;
    return std::nullopt;
}

}  // namespace haven
