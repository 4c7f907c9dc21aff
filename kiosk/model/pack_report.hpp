// What an editor needs to know beyond errors: how complete each language is, and what is getting old.
#pragma once

#include "content.hpp"
#include "problem.hpp"

#include <map>
#include <string>
#include <vector>

namespace haven {

struct LanguageCoverage {
    std::string code;
    int translated = 0;  // texts written in this language
    int fallback = 0;    // shown through the fallback chain
    int missing = 0;     // nothing to show at all
};

std::vector<LanguageCoverage> coverage(const Content& content);

// Every text written in each language (for checking the fonts cover them).
std::map<std::string, std::vector<std::string>> texts_by_language(const Content& content);

// Dates that have passed or are near: expiry, review-by, topics reviewed and services checked long ago.
std::vector<Problem> freshness(const Content& content, const Date& today);

}  // namespace haven
