#include "format.hpp"

#include "ui_text.hpp"

#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>
#include <set>

namespace haven {

namespace {

// The first language of the visitor's chain (prs -> fa -> en) that ICU has locale data for: Dari gets
// Farsi's names for languages and weekdays rather than English ones. Empty when none has.
std::string icu_locale_for(const Content& content, std::string_view language) {
    static const std::set<std::string> available = [] {
        std::set<std::string> s;
        for (int32_t i = 0, n = uloc_countAvailable(); i < n; ++i) s.insert(uloc_getAvailable(i));
        return s;
    }();
    for (auto code : content.lookup_chain(language)) {
        char locale[ULOC_FULLNAME_CAPACITY] = {};
        int32_t parsed = 0;
        UErrorCode status = U_ZERO_ERROR;
        uloc_forLanguageTag(std::string(code).c_str(), locale, sizeof locale - 1, &parsed, &status);
        for (std::string id = locale; U_SUCCESS(status) && !id.empty();) {  // ps_AF, then ps
            if (available.count(id) || id == "en") return id;
            const size_t cut = id.rfind('_');
            id = cut == std::string::npos ? std::string() : id.substr(0, cut);
        }
    }
    return {};
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

}  // namespace

std::string language_name(const Content& content, std::string_view code, std::string_view in_language) {
    const std::string locale = icu_locale_for(content, in_language);
    if (!locale.empty()) {
        icu::UnicodeString name;
        icu::Locale(std::string(code).c_str()).getDisplayLanguage(icu::Locale(locale.c_str()), name);
        std::string out = utf8(name);
        // ICU returns the code itself when it has no name for it in that language.
        if (!out.empty() && out != code) return out;
    }
    if (const Language* l = content.language(code)) return l->name;
    return std::string(code);
}

std::string language_list(const Content& content, const std::vector<std::string>& codes, std::string_view in_language) {
    std::vector<icu::UnicodeString> names;
    for (const auto& c : codes) names.push_back(icu::UnicodeString::fromUTF8(language_name(content, c, in_language)));
    // ICU's list pattern for the visitor's language: "German، English" in Arabic, "German und English" ...
    const std::string locale = icu_locale_for(content, in_language);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::ListFormatter> list(
        icu::ListFormatter::createInstance(icu::Locale(locale.empty() ? "en" : locale.c_str()), ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_NARROW, status));
    icu::UnicodeString joined;
    if (U_SUCCESS(status) && list) list->format(names.data(), int32_t(names.size()), joined, status);
    if (U_SUCCESS(status) && list) return utf8(joined);
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + utf8(n);
    return out;
}

std::string format_address(const Address& a) {
    return a.street + ", " + a.postal_code + " " + a.city;
}

const char* weekday_name(int weekday) {
    switch (weekday) {
        case 0: return _("Monday");
        case 1: return _("Tuesday");
        case 2: return _("Wednesday");
        case 3: return _("Thursday");
        case 4: return _("Friday");
        case 5: return _("Saturday");
        default: return _("Sunday");
    }
}

std::string format_open_state(const OpenState& s) {
    char line[256];
    const MinuteOfDay at{s.change_minute};
    if (s.open) {
        if (s.always || !s.change_in_days) return _("Open day and night");
        if (*s.change_in_days == 0) std::snprintf(line, sizeof line, _("Open now, until %s"), at.hhmm().c_str());
        else std::snprintf(line, sizeof line, _("Open now, until %s %s"), weekday_name(s.change_weekday), at.hhmm().c_str());
        return line;
    }
    if (!s.change_in_days) return _("Closed now");
    if (*s.change_in_days == 0) std::snprintf(line, sizeof line, _("Closed now, opens today at %s"), at.hhmm().c_str());
    else if (*s.change_in_days == 1) std::snprintf(line, sizeof line, _("Closed now, opens tomorrow at %s"), at.hhmm().c_str());
    else std::snprintf(line, sizeof line, _("Closed now, opens %s at %s"), weekday_name(s.change_weekday), at.hhmm().c_str());
    return line;
}

std::vector<DayHours> week_hours(const Schedule& schedule, std::chrono::sys_seconds now) {
    std::vector<DayHours> week;
    auto local = local_moment(now, schedule.timezone);
    if (!local) return week;
    for (int d = 0; d < 7; ++d) {
        Date date{std::chrono::year_month_day{local->date.days() + std::chrono::days{d}}};
        const int weekday = (local->weekday + d) % 7;
        std::string hours;
        for (auto [opens, closes] : hours_on(schedule, date, weekday)) {
            if (!hours.empty()) hours += ", ";
            hours += (opens == 0 && closes == 1440) ? std::string(_("Open all day"))
                                                    : MinuteOfDay{opens}.hhmm() + "–" + MinuteOfDay{closes % 1440}.hhmm();
        }
        week.push_back({weekday_name(weekday), hours.empty() ? _("Closed") : hours, d == 0});
    }
    return week;
}

const char* filter_label(Filter f) {
    switch (f) {
        case Filter::OpenNow: return _("Open now");
        case Filter::MyLanguage: return _("Speaks my language");
        case Filter::Free: return _("Free");
        case Filter::WomenOnly: return _("Women only");
        case Filter::Children: return _("For children");
        case Filter::NoId: return _("No ID needed");
        case Filter::Wheelchair: return _("Wheelchair access");
    }
    return "";
}

}  // namespace haven
