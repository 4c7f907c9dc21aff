// Reads the fields of one JSON object of a pack, reporting every problem with its JSON pointer and
// remembering which fields were read so that the rest can be reported as unknown (typos never pass).
#pragma once

#include "calendar.hpp"
#include "localized_text.hpp"
#include "problem.hpp"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace haven {

enum class Need { Required, Optional };

// What text fields are checked against: the pack's languages.
struct LanguageSet {
    std::vector<std::string> codes;
    std::string default_code;
    bool contains(std::string_view code) const;
    std::string listing() const;  // "en, fr, ar"
};

class FieldReader {
public:
    FieldReader(const nlohmann::json& object, std::string pointer, Diagnostics& diag);
    FieldReader(const FieldReader&) = delete;
    ~FieldReader();  // reports the fields nobody read

    bool ok() const { return object_ != nullptr; }  // false when the value was not an object
    const std::string& pointer() const { return pointer_; }
    std::string pointer_of(std::string_view key) const;
    Diagnostics& diagnostics() { return diag_; }
    bool has(std::string_view key) const;

    // The raw value of a field, type-checked; nullptr (with a problem if required) when absent or wrong.
    const nlohmann::json* value(std::string_view key, nlohmann::json::value_t type, Need need);

    std::string string(std::string_view key, Need need = Need::Required);
    std::string id(std::string_view key = "id");  // lower-case letters, digits, '-'
    bool boolean(std::string_view key, bool fallback, Need need = Need::Required);
    std::optional<long long> integer(std::string_view key, long long min, long long max, Need need = Need::Required);
    std::optional<double> number(std::string_view key, double min, double max, Need need = Need::Required);
    Date date(std::string_view key, Need need = Need::Required);
    MinuteOfDay time(std::string_view key);
    std::vector<std::string> strings(std::string_view key, Need need = Need::Required);
    LocalizedText text(std::string_view key, const LanguageSet& languages, Need need = Need::Required);

    // Calls `each` with a reader for every element of an array of objects.
    void objects(std::string_view key, Need need, const std::function<void(FieldReader&, size_t)>& each);

private:
    const nlohmann::json* object_;
    std::string pointer_;
    Diagnostics& diag_;
    std::set<std::string, std::less<>> read_;
};

// Checks the keys of a localized object against the pack's languages; shared by plain and rich text.
void check_language_keys(const nlohmann::json& object, const std::string& pointer, const LanguageSet& languages,
                         Diagnostics& diag);

bool is_valid_id(std::string_view id);
std::string json_type_name(const nlohmann::json& value);  // "a number", "a string", ...
std::string shown(std::string_view value);               // quoted for a message, long values cut

}  // namespace haven
