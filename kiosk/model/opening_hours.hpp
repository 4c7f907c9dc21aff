// Whether a place is open at a given instant, in the schedule's own time zone, and when that changes.
// Weekly hours may run past midnight (closes <= opens); dated exceptions replace a day's weekly hours.
#pragma once

#include "content.hpp"

#include <chrono>
#include <optional>
#include <vector>

namespace haven {

struct LocalMoment {
    Date date;
    int weekday = 0;  // 0 = Monday
    int minute = 0;   // of the day, 0..1439
};

// The wall-clock date and time in an IANA zone (via ICU); nullopt for an unknown zone.
std::optional<LocalMoment> local_moment(std::chrono::sys_seconds instant, const std::string& timezone);

struct OpenState {
    bool open = false;
    bool always = false;                // open day and night, with no exception ahead
    // When it next closes (if open) or opens (if closed), within the coming week.
    std::optional<int> change_in_days;  // 0 = today, 1 = tomorrow, ...
    int change_minute = 0;              // local time of day of the change
    int change_weekday = 0;             // 0 = Monday
};

OpenState open_state(const Schedule& schedule, std::chrono::sys_seconds now);

// Hours that apply on one calendar day (exceptions first, then the weekly hours of that weekday), as
// [opens, closes) minute pairs; a pair running past midnight has closes > 1440.
std::vector<std::pair<int, int>> hours_on(const Schedule& schedule, const Date& date, int weekday);

}  // namespace haven
