#include "format.hpp"

#include "ui_text.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace haven {

std::vector<std::string> format_schedule(const Schedule& schedule) {
    if (schedule.always_open) return {_("Open day and night, every day")};
    const char* day_names[7] = {_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")};
    std::vector<std::string> lines;
    for (const auto& hours : schedule.weekly) {
        std::string days;
        // Consecutive days are written as a range: Mon–Fri.
        for (int d = 0; d < 7;) {
            if (!hours.days[size_t(d)]) { ++d; continue; }
            int end = d;
            while (end + 1 < 7 && hours.days[size_t(end + 1)]) ++end;
            if (!days.empty()) days += ", ";
            days += day_names[d];
            if (end > d) days += std::string(end == d + 1 ? ", " : "–") + day_names[end];
            d = end + 1;
        }
        lines.push_back(days + "  " + hours.opens.hhmm() + "–" + hours.closes.hhmm());
    }
    return lines;
}

std::string language_name(const Content& content, std::string_view code, std::string_view in_language) {
    icu::UnicodeString name;
    icu::Locale(std::string(code).c_str()).getDisplayLanguage(icu::Locale(std::string(in_language).c_str()), name);
    std::string out;
    name.toUTF8String(out);
    // ICU returns the code itself when it has no name for it in that language.
    if (!out.empty() && out != code) return out;
    if (const Language* l = content.language(code)) return l->name;
    return std::string(code);
}

std::string language_list(const Content& content, const std::vector<std::string>& codes, std::string_view in_language) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ", ") + language_name(content, c, in_language);
    return out;
}

std::string format_address(const Address& a) {
    return a.street + ", " + a.postal_code + " " + a.city;
}

}  // namespace haven
