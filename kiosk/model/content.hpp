// The content of one pack, as the kiosk serves it: immutable once loaded, shared by every visit.
// Plain data; no UI, SDL or JSON types appear here (see content/SCHEMA.md for the file format).
#pragma once

#include "calendar.hpp"
#include "localized_text.hpp"
#include "po_catalogue.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace haven {

enum class Direction { LeftToRight, RightToLeft };
enum class TranslationStatus { Draft, Reviewed };

struct Language {
    std::string code;                   // BCP 47, e.g. "ti"
    std::string name;                   // in that language's own script, e.g. "ትግርኛ"
    Direction direction = Direction::LeftToRight;
    std::vector<std::string> fallback;  // tried in order when a text lacks this language
    TranslationStatus status = TranslationStatus::Draft;
};

struct PackFile {
    std::string path;    // relative to the pack directory
    long long size = 0;  // bytes
    std::string sha256;  // lower-case hex
};

struct Manifest {
    int format = 1;
    std::string id;
    bool demo = false;
    std::string publisher;
    std::string region;
    long long version = 0;
    Date created, review_by, expires;
    std::string timezone;  // IANA, e.g. "Europe/Berlin"
    std::string default_language;
    std::vector<Language> languages;  // in the order the picker shows them
    std::vector<PackFile> files;
};

// An article is a list of blocks; inline markup (*emphasis*, <tel:...>, <https://...>) stays in the text
// and is interpreted by rich_text.hpp.
struct Block {
    enum class Kind { Heading, Paragraph, List };
    Kind kind = Kind::Paragraph;
    std::string text;                // heading or paragraph
    std::vector<std::string> items;  // list
};
using Article = std::vector<Block>;

struct Topic {
    std::string id;
    std::string icon;
    Date reviewed;
    LocalizedText title, summary;
    Localized<Article> body;
    std::vector<std::string> sources;
    std::map<std::string, std::string> audio;  // language -> media path
};

struct Category {
    std::string id;
    std::string icon;
    LocalizedText name;
};

struct Phone {
    std::string number;   // E.164 or short code, validated
    std::string display;  // as shown; same digits as number (defaults to number)
    std::vector<std::string> languages;
};

struct Address {
    std::string street, postal_code, city, country;
    LocalizedText directions;
};

struct Location {
    double lat = 0, lon = 0;
};

struct Schedule {
    struct Hours {
        std::array<bool, 7> days{};  // index 0 = Monday
        MinuteOfDay opens, closes;   // closes <= opens means the hours run past midnight
    };
    struct Exception {
        Date date;
        bool closed = true;
        MinuteOfDay opens, closes;
        LocalizedText note;
    };
    std::string timezone;  // IANA; empty means the pack's
    bool always_open = false;
    std::vector<Hours> weekly;
    std::vector<Exception> exceptions;
};

struct Eligibility {
    bool women_only = false;
    bool children = false;  // serves children or families with children
    std::optional<int> min_age, max_age;
    bool id_required = false;
    bool referral_required = false;
    LocalizedText notes;
};

struct Service {
    enum class Status { Active, TemporarilyClosed };
    std::string id;
    LocalizedText name;
    std::string organization;
    LocalizedText description;
    std::vector<std::string> categories;
    Status status = Status::Active;
    Address address;
    std::optional<Location> location;
    std::vector<Phone> phones;
    std::string url;
    Schedule schedule;
    std::vector<std::string> languages;  // languages the service is delivered in
    Eligibility eligibility;
    bool free = true;
    LocalizedText cost_notes;
    bool wheelchair = false;
    LocalizedText accessibility_notes;
    bool anonymous = false;
    LocalizedText confidentiality_notes;
    LocalizedText bring;
    Date last_checked;
};

enum class Channel { Call, Sms, Messaging, WalkIn };

struct Contact {
    enum class Kind { Emergency, Hotline, Messaging, WalkIn };
    std::string id;
    Kind kind = Kind::Hotline;
    LocalizedText name, description;
    Phone phone;  // number empty for walk-in only
    std::vector<Channel> channels;
    std::string app;
    std::optional<Address> address;
    Schedule schedule;
    bool free = true;
    bool anonymous = false;
    std::vector<std::string> languages;
    LocalizedText safety_note;
};

// Everything a pack holds, with look-ups the screens need. Never modified after loading.
struct Content {
    Manifest manifest;
    std::vector<Topic> topics;
    std::vector<Category> categories;
    std::vector<Service> services;
    std::vector<Contact> contacts;
    // The kiosk's interface strings the pack brings (ui/LANG.po), by language code; they override the
    // built-in catalogues string by string.
    std::map<std::string, PoCatalogue> ui_catalogues;

    const Language* language(std::string_view code) const;
    const Topic* topic(std::string_view id) const;
    const Category* category(std::string_view id) const;
    const Service* service(std::string_view id) const;
    const Contact* contact(std::string_view id) const;

    // The order in which languages are tried for a visitor reading `code`: the language itself, its
    // fallback chain, then the pack's default language.
    std::vector<std::string_view> lookup_chain(std::string_view code) const;

    template <class T>
    Resolved<T> resolve(const Localized<T>& text, std::string_view code) const {
        return text.resolve(lookup_chain(code));
    }
};

}  // namespace haven
