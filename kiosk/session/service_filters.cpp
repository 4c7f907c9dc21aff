#include "service_filters.hpp"

#include "opening_hours.hpp"

#include <algorithm>

namespace haven {

const char* filter_id(Filter f) {
    switch (f) {
        case Filter::OpenNow: return "open-now";
        case Filter::Free: return "free";
        case Filter::MyLanguage: return "my-language";
        case Filter::WomenOnly: return "women-only";
        case Filter::Children: return "children";
        case Filter::NoId: return "no-id";
        case Filter::Wheelchair: return "wheelchair";
    }
    return "";
}

bool ServiceFilters::is_on(Filter f, bool my_language_default) const {
    if (f == Filter::MyLanguage) return my_language_choice.value_or(my_language_default);
    return chosen.test(size_t(f));
}

void ServiceFilters::toggle(Filter f, bool my_language_default) {
    if (f == Filter::MyLanguage) my_language_choice = !is_on(f, my_language_default);
    else chosen.flip(size_t(f));
}

bool speaks(const Service& s, std::string_view language) {
    return std::find(s.languages.begin(), s.languages.end(), language) != s.languages.end();
}

bool passes(const Service& s, Filter f, std::string_view language, std::chrono::sys_seconds now) {
    switch (f) {
        case Filter::OpenNow: return s.status == Service::Status::Active && open_state(s.schedule, now).open;
        case Filter::Free: return s.free;
        case Filter::MyLanguage: return speaks(s, language);
        case Filter::WomenOnly: return s.eligibility.women_only;
        case Filter::Children: return s.eligibility.children;
        case Filter::NoId: return !s.eligibility.id_required;
        case Filter::Wheelchair: return s.wheelchair;
    }
    return true;
}

std::vector<const Service*> services_in(const Content& content, std::string_view category) {
    std::vector<const Service*> out;
    for (const auto& s : content.services)
        if (std::find(s.categories.begin(), s.categories.end(), category) != s.categories.end()) out.push_back(&s);
    return out;
}

bool any_speaks(const std::vector<const Service*>& services, std::string_view language) {
    return std::any_of(services.begin(), services.end(), [&](const Service* s) { return speaks(*s, language); });
}

std::vector<const Service*> apply_filters(const std::vector<const Service*>& services, const ServiceFilters& filters,
                                          std::string_view language, std::chrono::sys_seconds now) {
    const bool my_language_default = any_speaks(services, language);
    std::vector<const Service*> out;
    for (const Service* s : services) {
        bool keep = true;
        for (Filter f : all_filters)
            if (filters.is_on(f, my_language_default) && !passes(*s, f, language, now)) keep = false;
        if (keep) out.push_back(s);
    }
    return out;
}

}  // namespace haven
