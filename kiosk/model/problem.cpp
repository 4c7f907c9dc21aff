#include "problem.hpp"

#include <algorithm>

namespace haven {

std::string Problem::to_string() const {
    std::string out = file;
    if (!pointer.empty()) out += " " + pointer;
    out += is_error() ? ": " : ": warning: ";
    out += message;
    return out;
}

void Diagnostics::error(std::string pointer, std::string message) {
    sink_.push_back({Problem::Severity::Error, file_, std::move(pointer), std::move(message)});
}

void Diagnostics::warning(std::string pointer, std::string message) {
    sink_.push_back({Problem::Severity::Warning, file_, std::move(pointer), std::move(message)});
}

size_t Diagnostics::error_count() const {
    return size_t(std::count_if(sink_.begin(), sink_.end(),
                                [&](const Problem& p) { return p.is_error() && p.file == file_; }));
}

bool has_errors(const std::vector<Problem>& problems) {
    return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.is_error(); });
}

}  // namespace haven
