// The filters of the services list: each one tap, on or off, remembered for the rest of the visit.
#pragma once

#include "content.hpp"

#include <array>
#include <bitset>
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

namespace haven {

enum class Filter { OpenNow, Free, MyLanguage, WomenOnly, Children, NoId, Wheelchair };
constexpr std::array<Filter, 7> all_filters{Filter::OpenNow, Filter::MyLanguage, Filter::Free, Filter::WomenOnly,
                                            Filter::Children, Filter::NoId, Filter::Wheelchair};

const char* filter_id(Filter f);  // "open-now", "my-language", ... (widget id: "filter.<id>")

struct ServiceFilters {
    std::bitset<7> chosen;                   // filters the visitor turned on
    std::optional<bool> my_language_choice;  // unset: on whenever any listed service speaks their language

    bool is_on(Filter f, bool my_language_default) const;
    void toggle(Filter f, bool my_language_default);
};

// Does `service` pass this one filter for a visitor reading `language` at `now`?
bool passes(const Service& service, Filter f, std::string_view language, std::chrono::sys_seconds now);

std::vector<const Service*> services_in(const Content& content, std::string_view category);
bool speaks(const Service& service, std::string_view language);
bool any_speaks(const std::vector<const Service*>& services, std::string_view language);
std::vector<const Service*> apply_filters(const std::vector<const Service*>& services, const ServiceFilters& filters,
                                          std::string_view language, std::chrono::sys_seconds now);

}  // namespace haven
