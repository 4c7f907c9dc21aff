// Calendar dates and times of day as a pack writes them ("2026-10-01", "09:30"), parsed strictly.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace haven {

struct Date {
    std::chrono::year_month_day ymd{};
    auto operator<=>(const Date&) const = default;
    std::string iso() const;  // "YYYY-MM-DD"
    std::chrono::sys_days days() const { return std::chrono::sys_days{ymd}; }
};

struct MinuteOfDay {
    int minutes = 0;  // 0..1440; 1440 is "24:00", the end of the day
    auto operator<=>(const MinuteOfDay&) const = default;
    std::string hhmm() const;  // "HH:MM"
};

std::optional<Date> parse_date(std::string_view text);         // exactly YYYY-MM-DD, a real day
std::optional<MinuteOfDay> parse_time(std::string_view text);  // exactly HH:MM, 00:00..24:00

// Day-of-week index used by schedules: 0 = Monday ... 6 = Sunday.
std::optional<int> parse_weekday(std::string_view text);  // "mon".."sun"

}  // namespace haven
