// A value given in several languages, resolved for a visitor through a fallback chain that reports which
// language it actually came from (so the screen can say "shown in English").
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>

namespace haven {

template <class T>
struct Resolved {
    const T* value = nullptr;       // nullptr when no language in the chain has the text
    std::string_view language;      // the language the value is in
    bool is_fallback = false;       // true when that is not the language asked for
    explicit operator bool() const { return value != nullptr; }
};

template <class T>
struct Localized {
    std::map<std::string, T, std::less<>> by_language;

    bool empty() const { return by_language.empty(); }
    bool has(std::string_view code) const { return by_language.find(code) != by_language.end(); }

    // Tries each language of `chain` in order; chain[0] is the one the visitor asked for.
    Resolved<T> resolve(std::span<const std::string_view> chain) const {
        for (size_t i = 0; i < chain.size(); ++i) {
            auto it = by_language.find(chain[i]);
            if (it != by_language.end()) return {&it->second, it->first, i != 0};
        }
        return {};
    }
};

using LocalizedText = Localized<std::string>;

}  // namespace haven
