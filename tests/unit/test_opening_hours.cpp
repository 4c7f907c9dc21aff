#include "opening_hours.hpp"
#include "service_filters.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace haven;
using namespace std::chrono;

namespace {

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min = 0) {
    return sys_seconds{sys_days{year{y} / month{m} / day{d}}} + hours{h} + minutes{min};
}

Schedule weekly(std::initializer_list<int> days, const char* opens, const char* closes, const char* zone = "Europe/Berlin") {
    Schedule s;
    s.timezone = zone;
    Schedule::Hours h;
    for (int d : days) h.days[size_t(d)] = true;
    h.opens = *parse_time(opens);
    h.closes = *parse_time(closes);
    s.weekly.push_back(h);
    return s;
}

Schedule::Exception closed_on(const char* date) {
    Schedule::Exception e;
    e.date = *parse_date(date);
    e.closed = true;
    return e;
}

}  // namespace

// 2026-11-23 is a Monday; Berlin is UTC+1 in November and UTC+2 in July.

TEST_CASE("weekday office hours, in the schedule's own time zone") {
    auto office = weekly({0, 1, 2, 3, 4}, "09:00", "17:00");
    auto s = open_state(office, utc(2026, 11, 23, 8, 30));  // 09:30 in Berlin
    CHECK(s.open);
    REQUIRE(s.change_in_days == 0);
    CHECK(s.change_minute == 17 * 60);
    s = open_state(office, utc(2026, 11, 23, 7, 30));  // 08:30 in Berlin
    CHECK_FALSE(s.open);
    CHECK(s.change_in_days == 0);
    CHECK(s.change_minute == 9 * 60);
}

TEST_CASE("a time zone different from the machine's, and summer time") {
    setenv("TZ", "Asia/Tokyo", 1);  // the machine's zone must not matter
    auto office = weekly({0, 1, 2, 3, 4}, "09:00", "17:00");
    CHECK(open_state(office, utc(2026, 11, 23, 8, 30)).open);       // 09:30 CET
    CHECK(open_state(office, utc(2026, 7, 1, 7, 30)).open);         // 09:30 CEST
    CHECK_FALSE(open_state(office, utc(2026, 7, 1, 6, 30)).open);   // 08:30 CEST, though 07:30 CET
    auto new_york = weekly({0, 1, 2, 3, 4}, "09:00", "17:00", "America/New_York");
    CHECK_FALSE(open_state(new_york, utc(2026, 11, 23, 8, 30)).open);  // 03:30 in New York
    CHECK(open_state(new_york, utc(2026, 11, 23, 15, 0)).open);        // 10:00 in New York
    unsetenv("TZ");
}

TEST_CASE("open now across midnight") {
    auto night = weekly({0, 1, 2, 3, 4, 5, 6}, "20:00", "08:00");
    auto s = open_state(night, utc(2026, 11, 24, 1, 0));  // Tuesday 02:00 in Berlin
    CHECK(s.open);
    CHECK(s.change_in_days == 0);
    CHECK(s.change_minute == 8 * 60);
    s = open_state(night, utc(2026, 11, 23, 20, 0));  // Monday 21:00: closes tomorrow at 08:00
    CHECK(s.open);
    CHECK(s.change_in_days == 1);
    CHECK(s.change_weekday == 1);
    s = open_state(night, utc(2026, 11, 23, 11, 0));  // Monday noon: opens tonight
    CHECK_FALSE(s.open);
    CHECK(s.change_in_days == 0);
    CHECK(s.change_minute == 20 * 60);
}

TEST_CASE("an exception such as a public holiday replaces the day's hours") {
    auto office = weekly({0, 1, 2, 3, 4}, "09:00", "17:00");
    office.exceptions.push_back(closed_on("2026-12-25"));  // Friday
    auto s = open_state(office, utc(2026, 12, 25, 10, 0));
    CHECK_FALSE(s.open);
    CHECK(s.change_in_days == 3);    // next Monday
    CHECK(s.change_weekday == 0);
    CHECK(open_state(office, utc(2026, 12, 24, 10, 0)).open);
    // Special hours on a day
    Schedule::Exception short_day;
    short_day.date = *parse_date("2026-12-31");
    short_day.closed = false;
    short_day.opens = *parse_time("10:00");
    short_day.closes = *parse_time("13:00");
    office.exceptions.push_back(short_day);
    CHECK(open_state(office, utc(2026, 12, 31, 10, 0)).open);        // 11:00
    CHECK_FALSE(open_state(office, utc(2026, 12, 31, 13, 0)).open);  // 14:00
}

TEST_CASE("overnight hours that began before a closed day still end in the morning") {
    auto night = weekly({0, 1, 2, 3, 4, 5, 6}, "20:00", "08:00");
    night.exceptions.push_back(closed_on("2026-12-24"));
    CHECK(open_state(night, utc(2026, 12, 24, 1, 0)).open);         // 02:00, from the 23rd's night
    CHECK_FALSE(open_state(night, utc(2026, 12, 24, 20, 0)).open);  // 21:00 on the 24th: closed
    CHECK(open_state(night, utc(2026, 12, 25, 20, 0)).open);
}

TEST_CASE("a service closed today says when it opens") {
    auto office = weekly({0, 1, 2, 3, 4}, "09:00", "17:00");
    auto s = open_state(office, utc(2026, 11, 28, 10, 0));  // Saturday
    CHECK_FALSE(s.open);
    CHECK(s.change_in_days == 2);
    CHECK(s.change_weekday == 0);
    CHECK(s.change_minute == 9 * 60);
}

TEST_CASE("always open, unless an exception says otherwise; unknown zones are never open") {
    Schedule always;
    always.timezone = "Europe/Berlin";
    always.always_open = true;
    auto s = open_state(always, utc(2026, 11, 23, 3, 0));
    CHECK(s.open);
    CHECK(s.always);
    always.exceptions.push_back(closed_on("2026-11-24"));
    s = open_state(always, utc(2026, 11, 23, 3, 0));
    CHECK(s.open);
    CHECK_FALSE(s.always);
    CHECK(s.change_in_days == 1);
    CHECK(s.change_minute == 0);
    Schedule nowhere = weekly({0}, "09:00", "17:00", "Mars/Olympus_Mons");
    CHECK_FALSE(open_state(nowhere, utc(2026, 11, 23, 10, 0)).open);
}

TEST_CASE("filters: each one tap, combined with AND; 'speaks my language' on by default when any service does") {
    Service a, b, c;
    a.id = "a";
    a.languages = {"de", "ti"};
    a.free = true;
    a.schedule.always_open = true;
    a.schedule.timezone = "Europe/Berlin";
    a.eligibility.women_only = true;
    b.id = "b";
    b.languages = {"de", "ar"};
    b.free = false;
    b.schedule = weekly({0, 1, 2, 3, 4}, "09:00", "17:00");
    b.wheelchair = true;
    c = a;
    c.id = "c";
    c.status = Service::Status::TemporarilyClosed;
    c.eligibility.id_required = true;
    std::vector<const Service*> all{&a, &b, &c};
    const auto monday_night = utc(2026, 11, 23, 22, 0);

    ServiceFilters f;
    CHECK(f.is_on(Filter::MyLanguage, any_speaks(all, "ti")));
    CHECK(apply_filters(all, f, "ti", monday_night).size() == 2);  // a and c speak Tigrinya
    CHECK(apply_filters(all, f, "bn", monday_night).size() == 3);  // nobody speaks Bengali: filter off
    f.toggle(Filter::OpenNow, true);
    auto open = apply_filters(all, f, "ti", monday_night);
    REQUIRE(open.size() == 1);  // c is temporarily closed
    CHECK(open[0]->id == "a");
    f.toggle(Filter::MyLanguage, true);  // off, by the visitor's choice
    CHECK_FALSE(f.is_on(Filter::MyLanguage, true));
    CHECK(apply_filters(all, f, "ti", utc(2026, 11, 23, 10, 0)).size() == 2);  // a and b at 11:00
    f.toggle(Filter::Free, true);
    CHECK(apply_filters(all, f, "ti", utc(2026, 11, 23, 10, 0)).size() == 1);
    f = {};
    f.toggle(Filter::NoId, true);
    f.toggle(Filter::MyLanguage, true);
    CHECK(apply_filters(all, f, "ti", monday_night).size() == 2);
    f.toggle(Filter::Wheelchair, true);
    CHECK(apply_filters(all, f, "ti", monday_night).size() == 1);
    f.toggle(Filter::WomenOnly, true);
    CHECK(apply_filters(all, f, "ti", monday_night).empty());
}
