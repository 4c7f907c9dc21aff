// A problem found in a pack, addressed the way an editor finds it: file, JSON pointer, and what to do.
#pragma once

#include <string>
#include <vector>

namespace haven {

struct Problem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string file;     // relative to the pack, e.g. "services.json"
    std::string pointer;  // RFC 6901, e.g. "/services/3/phones/0"; empty for the whole file
    std::string message;  // what is wrong and how to fix it, in plain words

    bool is_error() const { return severity == Severity::Error; }
    // "services.json /services/3/phones/0: '0049 30 123' is not an E.164 number; write it as +4930123"
    std::string to_string() const;
};

// Collects problems for one file; every reader of that file reports through it.
class Diagnostics {
public:
    Diagnostics(std::string file, std::vector<Problem>& sink) : file_(std::move(file)), sink_(sink) {}
    void error(std::string pointer, std::string message);
    void warning(std::string pointer, std::string message);
    const std::string& file() const { return file_; }
    size_t error_count() const;

private:
    std::string file_;
    std::vector<Problem>& sink_;
};

bool has_errors(const std::vector<Problem>& problems);

}  // namespace haven
