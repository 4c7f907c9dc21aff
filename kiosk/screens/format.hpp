// Turning pack data into words for the visitor: opening hours, language names, addresses.
#pragma once

#include "content.hpp"
#include "opening_hours.hpp"
#include "service_filters.hpp"

#include <chrono>

#include <string>
#include <string_view>
#include <vector>

namespace haven {

// The name of a language, in the visitor's language where the system knows it (ICU), else the pack's
// own name for it, else the code.
std::string language_name(const Content& content, std::string_view code, std::string_view in_language);
std::string language_list(const Content& content, const std::vector<std::string>& codes, std::string_view in_language);

std::string format_address(const Address& address);

const char* weekday_name(int weekday);  // translated, 0 = Monday

// "Open now, until 17:00" / "Closed now, opens tomorrow at 09:00" / "Open day and night".
std::string format_open_state(const OpenState& state);

// The coming seven days from today, with the hours that really apply on each date (exceptions included).
struct DayHours {
    std::string day;    // "Monday"
    std::string hours;  // "09:00–17:00" or "Closed"
    bool today;
};
std::vector<DayHours> week_hours(const Schedule& schedule, std::chrono::sys_seconds now);

const char* filter_label(Filter f);  // translated

}  // namespace haven
