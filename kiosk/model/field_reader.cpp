#include "field_reader.hpp"

#include "json_document.hpp"

#include <algorithm>

namespace haven {
namespace {

using json = nlohmann::json;

std::string expected_name(json::value_t type) {
    switch (type) {
        case json::value_t::object: return "an object { ... }";
        case json::value_t::array: return "a list [ ... ]";
        case json::value_t::string: return "a string in quotes";
        case json::value_t::boolean: return "true or false";
        case json::value_t::number_integer: return "a whole number";
        case json::value_t::number_float: return "a number";
        default: return "a value";
    }
}

bool type_matches(const json& v, json::value_t type) {
    switch (type) {
        case json::value_t::number_integer: return v.is_number_integer();
        case json::value_t::number_float: return v.is_number();
        default: return v.type() == type;
    }
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string shown(std::string_view s) {
    constexpr size_t max_shown = 60;  // a 200 MB string must not become a 200 MB message
    size_t cut = std::min(s.size(), max_shown);
    while (cut < s.size() && cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    std::string out(s.substr(0, cut));
    return "'" + out + (s.size() > max_shown ? "…'" : "'");
}

bool LanguageSet::contains(std::string_view code) const {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string LanguageSet::listing() const {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c;
    return out;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string json_type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "a list";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::number_float: return "the number " + v.dump();
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "the number " + v.dump();
        default: return "something else";
    }
}

FieldReader::FieldReader(const json& object, std::string pointer, Diagnostics& diag)
    : object_(object.is_object() ? &object : nullptr), pointer_(std::move(pointer)), diag_(diag) {
    if (!object_)
        diag_.error(pointer_, "expected an object { ... } here, found " + json_type_name(object) + ".");
}

FieldReader::~FieldReader() {
    if (!object_) return;
    std::vector<std::string> known(read_.begin(), read_.end());
    for (const auto& [key, _] : object_->items()) {
        if (read_.count(key)) continue;
        std::string hint;
        for (const auto& candidate : known)
            if (edit_distance(key, candidate) <= 2) hint = " Did you mean \"" + candidate + "\"?";
        diag_.warning(pointer_of(key), "unknown field \"" + key + "\"; it is ignored." +
                                           (hint.empty() ? " Remove it, or check content/SCHEMA.md for the right name." : hint));
    }
}

std::string FieldReader::pointer_of(std::string_view key) const { return pointer_ + "/" + pointer_token(key); }

bool FieldReader::has(std::string_view key) const { return object_ && object_->contains(key); }

const json* FieldReader::value(std::string_view key, json::value_t type, Need need) {
    if (!object_) return nullptr;
    read_.insert(std::string(key));
    auto it = object_->find(key);
    if (it == object_->end()) {
        if (need == Need::Required)
            diag_.error(pointer_, "the field \"" + std::string(key) + "\" is missing; add it (" + expected_name(type) + ").");
        return nullptr;
    }
    if (!type_matches(*it, type)) {
        diag_.error(pointer_of(key), "expected " + expected_name(type) + ", found " + json_type_name(*it) + ".");
        return nullptr;
    }
    return &*it;
}

std::string FieldReader::string(std::string_view key, Need need) {
    const json* v = value(key, json::value_t::string, need);
    if (!v) return {};
    auto s = v->get<std::string>();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) {
        diag_.error(pointer_of(key), "is empty; write the value or remove the field.");
        return {};
    }
    return s;
}

std::string FieldReader::id(std::string_view key) {
    auto s = string(key);
    if (!s.empty() && !is_valid_id(s)) {
        diag_.error(pointer_of(key), shown(s) + " is not a valid id; use lower-case letters a-z, digits and '-', "
                                                 "at most 64 characters, e.g. \"night-shelter\".");
        return {};
    }
    return s;
}

bool FieldReader::boolean(std::string_view key, bool fallback, Need need) {
    const json* v = value(key, json::value_t::boolean, need);
    return v ? v->get<bool>() : fallback;
}

std::optional<long long> FieldReader::integer(std::string_view key, long long min, long long max, Need need) {
    const json* v = value(key, json::value_t::number_integer, need);
    if (!v) return std::nullopt;
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
        diag_.error(pointer_of(key), "must be between " + std::to_string(min) + " and " + std::to_string(max) + ".");
        return std::nullopt;
    }
    long long n = v->get<long long>();
    if (n < min || n > max) {
        diag_.error(pointer_of(key), std::to_string(n) + " is out of range; it must be between " + std::to_string(min) +
                                         " and " + std::to_string(max) + ".");
        return std::nullopt;
    }
    return n;
}

std::optional<double> FieldReader::number(std::string_view key, double min, double max, Need need) {
    const json* v = value(key, json::value_t::number_float, need);
    if (!v) return std::nullopt;
    double n = v->get<double>();
    if (n < min || n > max) {
        diag_.error(pointer_of(key), v->dump() + " is out of range; it must be between " + json(min).dump() + " and " +
                                         json(max).dump() + ".");
        return std::nullopt;
    }
    return n;
}

Date FieldReader::date(std::string_view key, Need need) {
    auto s = string(key, need);
    if (s.empty()) return {};
    auto d = parse_date(s);
    if (!d) {
        diag_.error(pointer_of(key), shown(s) + " is not a date; write it as YYYY-MM-DD, e.g. \"2026-03-31\".");
        return {};
    }
    return *d;
}

MinuteOfDay FieldReader::time(std::string_view key) {
    auto s = string(key);
    if (s.empty()) return {};
    auto t = parse_time(s);
    if (!t) {
        diag_.error(pointer_of(key), shown(s) + " is not a time; write it as HH:MM on the 24-hour clock, "
                                                 "e.g. \"09:00\" or \"17:30\" (\"24:00\" for midnight at the end of a day).");
        return {};
    }
    return *t;
}

std::vector<std::string> FieldReader::strings(std::string_view key, Need need) {
    std::vector<std::string> out;
    const json* v = value(key, json::value_t::array, need);
    if (!v) return out;
    for (size_t i = 0; i < v->size(); ++i) {
        const json& item = (*v)[i];
        if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
            diag_.error(pointer_of(key) + "/" + std::to_string(i),
                        "expected a non-empty string in quotes, found " + json_type_name(item) + ".");
            continue;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

void check_language_keys(const json& object, const std::string& pointer, const LanguageSet& languages,
                         Diagnostics& diag) {
    if (object.empty()) {
        diag.error(pointer, "has no text in any language; give at least the default language (\"" +
                                languages.default_code + "\").");
        return;
    }
    for (const auto& [code, _] : object.items())
        if (!languages.contains(code))
            diag.warning(pointer + "/" + pointer_token(code),
                         "\"" + code + "\" is not one of the pack's languages (" + languages.listing() +
                             "); fix the code or add the language to manifest.json.");
    if (!languages.default_code.empty() && !object.contains(languages.default_code))
        diag.warning(pointer, "has no text in the default language (\"" + languages.default_code +
                                  "\"), so a visitor whose language lacks it will see nothing here; add it.");
}

LocalizedText FieldReader::text(std::string_view key, const LanguageSet& languages, Need need) {
    LocalizedText out;
    const json* v = value(key, json::value_t::object, need);
    if (!v) return out;
    const auto here = pointer_of(key);
    check_language_keys(*v, here, languages, diag_);
    for (const auto& [code, item] : v->items()) {
        const auto at = here + "/" + pointer_token(code);
        if (!item.is_string()) {
            diag_.error(at, "expected the text as a string in quotes, found " + json_type_name(item) + ".");
        } else if (item.get_ref<const std::string&>().find_first_not_of(" \t\r\n") == std::string::npos) {
            diag_.error(at, "the text is empty; translate it or remove this language so the fallback is used.");
        } else {
            out.by_language.emplace(code, item.get<std::string>());
        }
    }
    return out;
}

void FieldReader::objects(std::string_view key, Need need, const std::function<void(FieldReader&, size_t)>& each) {
    const json* v = value(key, json::value_t::array, need);
    if (!v) return;
    for (size_t i = 0; i < v->size(); ++i) {
        FieldReader element((*v)[i], pointer_of(key) + "/" + std::to_string(i), diag_);
        if (element.ok()) each(element, i);
    }
}

}  // namespace haven
