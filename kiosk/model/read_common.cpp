#include "pack_loader.hpp"
#include "pack_readers.hpp"
#include "phone.hpp"
#include "rich_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

namespace haven {

bool is_known_timezone(std::string_view name) {
    if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != std::string_view::npos)
        return false;
    for (char c : name)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
              c == '-' || c == '+'))
            return false;
    const char* tzdir = std::getenv("TZDIR");
    std::filesystem::path zone = std::filesystem::path(tzdir && *tzdir ? tzdir : "/usr/share/zoneinfo") / std::string(name);
    std::error_code ec;
    return std::filesystem::is_regular_file(zone, ec);
}

namespace detail {

Phone read_phone(FieldReader& object, std::string_view number_key, Need need, std::string_view country) {
    Phone phone;
    phone.number = object.string(number_key, need);
    if (phone.number.empty()) return phone;
    const auto at = object.pointer_of(number_key);
    if (!is_valid_phone(phone.number)) {
        auto hint = suggest_e164(phone.number, country);
        object.diagnostics().error(at, shown(phone.number) + " is not an E.164 number; " +
                                           (hint ? "write it as " + *hint
                                                 : std::string("write + and the country code, then the number without "
                                                               "spaces, e.g. +4930123456 (or a short code such as 112)")));
        phone.number.clear();
        return phone;
    }
    phone.display = object.string("display", Need::Optional);
    if (phone.display.empty()) {
        phone.display = phone.number;
    } else if (!is_plain_phone_display(phone.display)) {
        // Anything else (bidi controls, other digit systems, letters) could make the shown number differ
        // from the dialled one while the digits still compare equal.
        object.diagnostics().error(object.pointer_of("display"),
                                   shown(phone.display) + " may contain only digits 0-9, spaces and + ( ) - . /; "
                                                         "write the number as people should read it, e.g. \"+49 30 23125 001\".");
        phone.display = phone.number;
    } else if (phone_digits(phone.display) != phone_digits(phone.number)) {
        // The number shown and the number dialled or encoded in a QR code must never differ.
        object.diagnostics().error(object.pointer_of("display"),
                                   shown(phone.display) + " shows different digits from the number '" + phone.number +
                                       "'; correct one of them so both are the same number.");
        phone.display = phone.number;
    }
    return phone;
}

std::vector<std::string> read_language_codes(FieldReader& object, std::string_view key) {
    auto codes = object.strings(key);
    for (size_t i = 0; i < codes.size(); ++i) {
        const auto& c = codes[i];
        bool plausible = c.size() >= 2 && c.size() <= 8 &&
                         std::all_of(c.begin(), c.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == '-'; });
        if (!plausible)
            object.diagnostics().error(object.pointer_of(key) + "/" + std::to_string(i),
                                       shown(c) + " is not a language code; use lower-case codes such as \"ar\", \"ti\" or \"prs\".");
    }
    return codes;
}

Address read_address(FieldReader& object, const PackContext& pack) {
    Address a;
    a.street = object.string("street");
    a.postal_code = object.string("postal_code");
    a.city = object.string("city");
    a.country = object.string("country");
    if (!a.country.empty() &&
        (a.country.size() != 2 || !std::isupper(static_cast<unsigned char>(a.country[0])) ||
         !std::isupper(static_cast<unsigned char>(a.country[1]))))
        object.diagnostics().error(object.pointer_of("country"),
                                   shown(a.country) + " is not a country code; use the two capital letters of ISO 3166, e.g. \"DE\".");
    a.directions = object.text("directions", pack.languages, Need::Optional);
    return a;
}

Schedule read_schedule(FieldReader& object, const PackContext& pack) {
    Schedule s;
    s.timezone = object.string("timezone", Need::Optional);
    if (!s.timezone.empty() && !is_known_timezone(s.timezone))
        object.diagnostics().error(object.pointer_of("timezone"),
                                   shown(s.timezone) + " is not a time zone this system knows; use an IANA name such as \"Europe/Berlin\".");
    if (s.timezone.empty()) s.timezone = pack.timezone;
    s.always_open = object.boolean("always_open", false, Need::Optional);
    const bool has_weekly = object.has("weekly");
    if (s.always_open && has_weekly)
        object.diagnostics().error(object.pointer(), "gives both \"always_open\" and \"weekly\"; keep only one.");
    if (!s.always_open && !has_weekly)
        object.diagnostics().error(object.pointer(), "says nothing about opening hours; add \"weekly\" hours or \"always_open\": true.");
    object.objects("weekly", Need::Optional, [&](FieldReader& hours, size_t) {
        Schedule::Hours h;
        auto days = hours.strings("days");
        if (days.empty() && hours.has("days"))
            hours.diagnostics().error(hours.pointer_of("days"), "names no day; list days such as [\"mon\", \"tue\"].");
        for (size_t i = 0; i < days.size(); ++i) {
            auto day = parse_weekday(days[i]);
            if (!day)
                hours.diagnostics().error(hours.pointer_of("days") + "/" + std::to_string(i),
                                          shown(days[i]) + " is not a day; use mon, tue, wed, thu, fri, sat or sun.");
            else
                h.days[size_t(*day)] = true;
        }
        h.opens = hours.time("opens");
        h.closes = hours.time("closes");
        if (hours.has("opens") && hours.has("closes") && h.opens == h.closes)
            hours.diagnostics().error(hours.pointer(), "opens and closes at the same time; for a service open day and "
                                                       "night write \"always_open\": true instead of \"weekly\".");
        s.weekly.push_back(h);
    });
    object.objects("exceptions", Need::Optional, [&](FieldReader& ex, size_t) {
        Schedule::Exception e;
        e.date = ex.date("date");
        const bool has_hours = ex.has("opens") || ex.has("closes");
        e.closed = ex.boolean("closed", !has_hours, Need::Optional);
        if (e.closed && has_hours)
            ex.diagnostics().error(ex.pointer(), "is marked closed but also gives hours; keep one of them.");
        if (!e.closed) {
            e.opens = ex.time("opens");
            e.closes = ex.time("closes");
        }
        e.note = ex.text("note", pack.languages, Need::Optional);
        s.exceptions.push_back(std::move(e));
    });
    return s;
}

void check_unique_ids(const std::vector<std::string>& ids, const std::string& list_pointer, Diagnostics& diag) {
    std::map<std::string, size_t> first;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (ids[i].empty()) continue;
        auto [it, inserted] = first.emplace(ids[i], i);
        if (!inserted)
            diag.error(list_pointer + "/" + std::to_string(i) + "/id",
                       "the id \"" + ids[i] + "\" is already used at " + list_pointer + "/" + std::to_string(it->second) +
                           "; every id in the list must be different.");
    }
}

void check_inline_markup(const std::string& text, const std::string& pointer, Diagnostics& diag) {
    for (const auto& e : parse_inline(text).errors) diag.error(pointer, e.message);
}

}  // namespace detail
}  // namespace haven
