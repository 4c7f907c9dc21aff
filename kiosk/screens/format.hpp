// Turning pack data into words for the visitor: opening hours, language names, addresses.
#pragma once

#include "content.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace haven {

// One line per group of days, e.g. "Mon–Fri  09:00–17:00"; "Open day and night" when always open.
std::vector<std::string> format_schedule(const Schedule& schedule);

// The name of a language, in the visitor's language where the system knows it (ICU), else the pack's
// own name for it, else the code.
std::string language_name(const Content& content, std::string_view code, std::string_view in_language);
std::string language_list(const Content& content, const std::vector<std::string>& codes, std::string_view in_language);

std::string format_address(const Address& address);

}  // namespace haven
