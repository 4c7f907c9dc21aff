#include "opening_hours.hpp"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <memory>

namespace haven {

std::optional<LocalMoment> local_moment(std::chrono::sys_seconds instant, const std::string& timezone) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(timezone)));
    icu::UnicodeString id;
    if (!zone || zone->getID(id) == icu::UnicodeString("Etc/Unknown")) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(zone.release(), status);
    calendar.setTime(UDate(instant.time_since_epoch().count()) * 1000.0, status);
    if (U_FAILURE(status)) return std::nullopt;
    LocalMoment m;
    const int year = calendar.get(UCAL_YEAR, status);
    const int month = calendar.get(UCAL_MONTH, status) + 1;
    const int day = calendar.get(UCAL_DATE, status);
    m.date.ymd = std::chrono::year{year} / std::chrono::month{unsigned(month)} / std::chrono::day{unsigned(day)};
    m.weekday = (calendar.get(UCAL_DAY_OF_WEEK, status) + 5) % 7;  // ICU: Sunday = 1
    m.minute = calendar.get(UCAL_HOUR_OF_DAY, status) * 60 + calendar.get(UCAL_MINUTE, status);
    if (U_FAILURE(status)) return std::nullopt;
    return m;
}

std::vector<std::pair<int, int>> hours_on(const Schedule& schedule, const Date& date, int weekday) {
    std::vector<std::pair<int, int>> hours;
    // A dated exception overrides the usual hours, for always-open places too.
    bool excepted = false;
    for (const auto& e : schedule.exceptions) {
        if (e.date != date) continue;
        excepted = true;
        if (!e.closed) hours.push_back({e.opens.minutes, e.closes.minutes});
    }
    if (!excepted && schedule.always_open) hours.push_back({0, 1440});
    else if (!excepted)
        for (const auto& h : schedule.weekly)
            if (h.days[size_t(weekday)]) hours.push_back({h.opens.minutes, h.closes.minutes});
    for (auto& [opens, closes] : hours)
        if (closes <= opens) closes += 1440;  // runs past midnight into the next day
    std::sort(hours.begin(), hours.end());
    return hours;
}

OpenState open_state(const Schedule& schedule, std::chrono::sys_seconds now) {
    OpenState state;
    auto local = local_moment(now, schedule.timezone);
    if (!local) return state;  // unknown zone: never claim a place is open
    if (schedule.always_open && schedule.exceptions.empty()) {
        state.open = state.always = true;
        return state;
    }
    // Intervals in minutes from today's midnight, from yesterday (for hours past midnight) to a week ahead.
    std::vector<std::pair<int, int>> intervals;
    for (int d = -1; d <= 7; ++d) {
        Date date{std::chrono::year_month_day{local->date.days() + std::chrono::days{d}}};
        int weekday = ((local->weekday + d) % 7 + 7) % 7;
        for (auto [opens, closes] : hours_on(schedule, date, weekday))
            intervals.push_back({d * 1440 + opens, d * 1440 + closes});
    }
    std::sort(intervals.begin(), intervals.end());
    // Touching or overlapping intervals are one opening (e.g. Mon 20:00-24:00 and Tue 00:00-08:00).
    std::vector<std::pair<int, int>> merged;
    for (auto i : intervals) {
        if (!merged.empty() && i.first <= merged.back().second) merged.back().second = std::max(merged.back().second, i.second);
        else merged.push_back(i);
    }
    const int t = local->minute;
    auto set_change = [&](int at) {
        const int days = at >= 0 ? at / 1440 : -1;
        state.change_in_days = days;
        state.change_minute = at - days * 1440;
        state.change_weekday = (local->weekday + days) % 7;
    };
    for (auto [opens, closes] : merged) {
        if (opens <= t && t < closes) {
            state.open = true;
            if (closes < 8 * 1440) set_change(closes);
            else state.always = true;  // open for the whole coming week
            return state;
        }
        if (opens > t) {
            set_change(opens);
            return state;
        }
    }
    return state;
}

}  // namespace haven
