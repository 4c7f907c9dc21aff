#include "pack_report.hpp"

#include <functional>

namespace haven {
namespace {

// Calls `text` for every plain text of the pack and `article` for every article body.
void visit(const Content& c, const std::function<void(const LocalizedText&)>& text,
           const std::function<void(const Localized<Article>&)>& article) {
    for (const auto& t : c.topics) {
        text(t.title);
        text(t.summary);
        article(t.body);
    }
    for (const auto& cat : c.categories) text(cat.name);
    for (const auto& s : c.services) {
        for (const auto* t : {&s.name, &s.description, &s.eligibility.notes, &s.cost_notes, &s.accessibility_notes,
                              &s.confidentiality_notes, &s.bring, &s.address.directions})
            if (!t->empty()) text(*t);
        for (const auto& e : s.schedule.exceptions)
            if (!e.note.empty()) text(e.note);
    }
    for (const auto& k : c.contacts)
        for (const auto* t : {&k.name, &k.description, &k.safety_note}) text(*t);
}

template <class T>
void count(const Content& c, const Localized<T>& text, LanguageCoverage& row) {
    if (text.has(row.code)) ++row.translated;
    else if (c.resolve(text, row.code)) ++row.fallback;
    else ++row.missing;
}

}  // namespace

std::vector<LanguageCoverage> coverage(const Content& content) {
    std::vector<LanguageCoverage> rows;
    for (const auto& l : content.manifest.languages) {
        LanguageCoverage row{l.code};
        visit(content, [&](const LocalizedText& t) { count(content, t, row); },
              [&](const Localized<Article>& a) { count(content, a, row); });
        rows.push_back(row);
    }
    return rows;
}

std::map<std::string, std::vector<std::string>> texts_by_language(const Content& content) {
    std::map<std::string, std::vector<std::string>> out;
    visit(content,
          [&](const LocalizedText& t) {
              for (const auto& [code, s] : t.by_language) out[code].push_back(s);
          },
          [&](const Localized<Article>& a) {
              for (const auto& [code, blocks] : a.by_language)
                  for (const auto& b : blocks) {
                      out[code].push_back(b.text);
                      for (const auto& item : b.items) out[code].push_back(item);
                  }
          });
    return out;
}

std::vector<Problem> freshness(const Content& c, const Date& today) {
    std::vector<Problem> out;
    auto warn = [&](std::string file, std::string pointer, std::string message) {
        out.push_back({Problem::Severity::Warning, std::move(file), std::move(pointer), std::move(message)});
    };
    const auto days_to = [&](const Date& d) { return (d.days() - today.days()).count(); };
    const auto& m = c.manifest;
    if (days_to(m.expires) < 0)
        out.push_back({Problem::Severity::Error, "manifest.json", "/expires",
                       "the pack expired on " + m.expires.iso() + "; kiosks will not install it. Check the content and set a later date."});
    else if (days_to(m.expires) <= 30)
        warn("manifest.json", "/expires", "the pack expires in " + std::to_string(days_to(m.expires)) + " days (" + m.expires.iso() + ").");
    if (days_to(m.review_by) < 0) warn("manifest.json", "/review_by", "the review date " + m.review_by.iso() + " has passed; review the pack.");
    for (size_t i = 0; i < c.topics.size(); ++i)
        if (days_to(c.topics[i].reviewed) < -365)
            warn("topics.json", "/topics/" + std::to_string(i) + "/reviewed",
                 "last reviewed " + c.topics[i].reviewed.iso() + ", over a year ago; laws change: check the article.");
    for (size_t i = 0; i < c.services.size(); ++i)
        if (days_to(c.services[i].last_checked) < -182)
            warn("services.json", "/services/" + std::to_string(i) + "/last_checked",
                 "last checked " + c.services[i].last_checked.iso() + ", over six months ago; call the service to confirm.");
    return out;
}

}  // namespace haven
