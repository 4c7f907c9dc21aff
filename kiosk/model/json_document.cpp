#include "json_document.hpp"

#include "safe_file.hpp"

#include <set>
#include <sstream>
#include <system_error>

namespace haven {
namespace {

using json = nlohmann::json;

struct TooDeep {
    std::string pointer;
};

// Follows the parser's events to know the JSON pointer of the current position, so that duplicate keys
// and excessive nesting can be reported where they are.
class PathTracker {
public:
    PathTracker(Diagnostics& diag, int max_depth) : diag_(diag), max_depth_(max_depth) {}

    bool on_event(int depth, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start:
            case json::parse_event_t::array_start:
                advance_array_index();
                if (depth >= max_depth_) throw TooDeep{pointer()};
                frames_.push_back({event == json::parse_event_t::object_start, {}, {}, -1});
                break;
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                if (!frames_.empty()) frames_.pop_back();
                break;
            case json::parse_event_t::key:
                if (!frames_.empty() && parsed.is_string()) {
                    auto& frame = frames_.back();
                    frame.key = parsed.get<std::string>();
                    if (!frame.keys.insert(frame.key).second)
                        diag_.error(pointer(), "the key \"" + frame.key +
                                                   "\" appears twice in the same object; only one may stay. "
                                                   "Delete or merge the other one.");
                }
                break;
            case json::parse_event_t::value:
                advance_array_index();
                break;
        }
        return true;
    }

private:
    struct Frame {
        bool is_object;
        std::set<std::string> keys;
        std::string key;
        long index;
    };

    void advance_array_index() {
        if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().index;
    }

    std::string pointer() const {
        std::string p;
        for (const auto& f : frames_)
            p += "/" + (f.is_object ? pointer_token(f.key) : std::to_string(f.index));
        return p;
    }

    Diagnostics& diag_;
    int max_depth_;
    std::vector<Frame> frames_;
};

// nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 1: syntax error while
// parsing object key - unexpected '}'; expected string literal"; an editor needs the part after the
// prefix, and a hint.
std::string describe_syntax_error(const json::parse_error& e) {
    std::string what = e.what();
    auto at = what.find("parse error at ");
    std::string detail = at == std::string::npos ? what : what.substr(at + 15);
    if (detail.find("ill-formed UTF-8") != std::string::npos || detail.find("invalid string") != std::string::npos)
        return "invalid text at " + detail +
               ". Save the file as UTF-8 and check for a stray quote or a control character inside a string.";
    return "JSON syntax error at " + detail +
           ". Look for a missing or extra comma, quote or bracket just before this point.";
}

}  // namespace

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::optional<json> parse_json_text(std::string_view text, Diagnostics& diag, const JsonLimits& limits) {
    if (text.size() > limits.max_bytes) {
        diag.error("", "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                           std::to_string(limits.max_bytes) + ". Split it or remove what does not belong in it.");
        return std::nullopt;
    }
    const size_t errors_before = diag.error_count();
    PathTracker tracker(diag, limits.max_depth);
    try {
        json doc = json::parse(text, [&](int d, json::parse_event_t ev, json& v) { return tracker.on_event(d, ev, v); });
        if (diag.error_count() != errors_before) return std::nullopt;  // duplicate keys
        return doc;
    } catch (const TooDeep& deep) {
        diag.error(deep.pointer, "the JSON is nested more than " + std::to_string(limits.max_depth) +
                                     " levels deep; a pack never needs this. The file is damaged or not a pack file.");
    } catch (const json::parse_error& e) {
        diag.error("", describe_syntax_error(e));
    } catch (const std::exception& e) {
        diag.error("", std::string("the file could not be read as JSON: ") + e.what());
    }
    return std::nullopt;
}

std::optional<json> read_json_file(const std::filesystem::path& path, Diagnostics& diag, const JsonLimits& limits, FileStamp* stamp) {
    std::string error;
    auto text = read_regular_file(path, limits.max_bytes, error, stamp);
    if (!text) {
        report_unreadable(diag, error, path.string());
        return std::nullopt;
    }
    return parse_json_text(*text, diag, limits);
}

void report_unreadable(Diagnostics& diag, const std::string& why, const std::string& where) {
    if (why == "is missing")
        diag.error("", "the file is missing; check the path (" + where + ").");
    else if (why.find("the limit is") != std::string::npos)
        diag.error("", "the file " + why + ". Split it or remove what does not belong in it.");
    else if (why.find("not a regular file") != std::string::npos || why.find("link") != std::string::npos)
        diag.error("", "the file " + why + ". Replace it with the file itself.");
    else
        diag.error("", "the file " + why + ". Copy it again.");
}

}  // namespace haven
