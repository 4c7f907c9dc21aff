// The readers of each part of a pack; used only by pack_loader.cpp and one another.
#pragma once

#include "content.hpp"
#include "field_reader.hpp"

namespace haven::detail {

struct PackContext {
    LanguageSet languages;
    std::string timezone;  // the pack's, for schedules that do not name one
};

Manifest read_manifest(FieldReader& root);

std::vector<Topic> read_topics(FieldReader& root, const PackContext& pack);
void read_services(FieldReader& root, const PackContext& pack, std::vector<Category>& categories,
                   std::vector<Service>& services);
std::vector<Contact> read_contacts(FieldReader& root, const PackContext& pack);

// Shared pieces.
Phone read_phone(FieldReader& object, std::string_view number_key, Need need, std::string_view country);
Address read_address(FieldReader& object, const PackContext& pack);
Schedule read_schedule(FieldReader& object, const PackContext& pack);
std::vector<std::string> read_language_codes(FieldReader& object, std::string_view key);
void check_unique_ids(const std::vector<std::string>& ids, const std::string& list_pointer, Diagnostics& diag);
void check_inline_markup(const std::string& text, const std::string& pointer, Diagnostics& diag);

}  // namespace haven::detail
