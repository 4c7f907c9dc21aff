#include "pack_readers.hpp"
#include "rich_text.hpp"

#include <algorithm>

namespace haven::detail {
namespace {

void read_categories(FieldReader& root, const PackContext& pack, std::vector<Category>& categories) {
    std::vector<std::string> ids;
    root.objects("categories", Need::Required, [&](FieldReader& c, size_t) {
        Category category;
        category.id = c.id();
        category.icon = c.string("icon");
        category.name = c.text("name", pack.languages);
        ids.push_back(category.id);
        categories.push_back(std::move(category));
    });
    check_unique_ids(ids, root.pointer_of("categories"), root.diagnostics());
}

Service read_service(FieldReader& s, const PackContext& pack, const std::vector<Category>& categories) {
    Diagnostics& diag = s.diagnostics();
    Service service;
    service.id = s.id();
    service.name = s.text("name", pack.languages);
    service.organization = s.string("organization");
    service.description = s.text("description", pack.languages);
    service.categories = s.strings("categories");
    if (s.has("categories") && service.categories.empty())
        diag.error(s.pointer_of("categories"), "names no category; give at least one category id.");
    for (size_t i = 0; i < service.categories.size(); ++i) {
        const auto& id = service.categories[i];
        if (std::none_of(categories.begin(), categories.end(), [&](const Category& c) { return c.id == id; }))
            diag.error(s.pointer_of("categories") + "/" + std::to_string(i),
                       "\"" + id + "\" is not a category of this pack; use an id from /categories or add the category there.");
    }
    auto status = s.string("status");
    if (status == "temporarily_closed") service.status = Service::Status::TemporarilyClosed;
    else if (!status.empty() && status != "active")
        diag.error(s.pointer_of("status"), shown(status) + " is not a status; write \"active\" or \"temporarily_closed\".");

    std::string country;
    if (const auto* a = s.value("address", nlohmann::json::value_t::object, Need::Required)) {
        FieldReader address(*a, s.pointer_of("address"), diag);
        service.address = read_address(address, pack);
        country = service.address.country;
    }
    if (const auto* l = s.value("location", nlohmann::json::value_t::object, Need::Optional)) {
        FieldReader location(*l, s.pointer_of("location"), diag);
        auto lat = location.number("lat", -90, 90);
        auto lon = location.number("lon", -180, 180);
        if (lat && lon) service.location = Location{*lat, *lon};
    }
    s.objects("phones", Need::Optional, [&](FieldReader& p, size_t) {
        Phone phone = read_phone(p, "number", Need::Required, country);
        phone.languages = read_language_codes(p, "languages");
        if (!phone.number.empty()) service.phones.push_back(std::move(phone));
    });
    service.url = s.string("url", Need::Optional);
    if (!service.url.empty() && !is_https_url(service.url))
        diag.error(s.pointer_of("url"), shown(service.url) + " is not a valid https:// address; write the full link, e.g. https://example.org/help.");
    if (const auto* sch = s.value("schedule", nlohmann::json::value_t::object, Need::Required)) {
        FieldReader schedule(*sch, s.pointer_of("schedule"), diag);
        service.schedule = read_schedule(schedule, pack);
    }
    service.languages = read_language_codes(s, "languages");

    if (const auto* e = s.value("eligibility", nlohmann::json::value_t::object, Need::Required)) {
        FieldReader el(*e, s.pointer_of("eligibility"), diag);
        auto& eligibility = service.eligibility;
        eligibility.women_only = el.boolean("women_only", false);
        eligibility.children = el.boolean("children", false);
        if (auto v = el.integer("min_age", 0, 120, Need::Optional)) eligibility.min_age = int(*v);
        if (auto v = el.integer("max_age", 0, 120, Need::Optional)) eligibility.max_age = int(*v);
        if (eligibility.min_age && eligibility.max_age && *eligibility.min_age > *eligibility.max_age)
            diag.error(el.pointer(), "min_age is above max_age; nobody could use this service. Correct one of them.");
        eligibility.id_required = el.boolean("id_required", false);
        eligibility.referral_required = el.boolean("referral_required", false);
        eligibility.notes = el.text("notes", pack.languages, Need::Optional);
    }
    if (const auto* c = s.value("cost", nlohmann::json::value_t::object, Need::Required)) {
        FieldReader cost(*c, s.pointer_of("cost"), diag);
        service.free = cost.boolean("free", true);
        service.cost_notes = cost.text("notes", pack.languages, Need::Optional);
    }
    if (const auto* a = s.value("accessibility", nlohmann::json::value_t::object, Need::Required)) {
        FieldReader access(*a, s.pointer_of("accessibility"), diag);
        service.wheelchair = access.boolean("wheelchair", false);
        service.accessibility_notes = access.text("notes", pack.languages, Need::Optional);
    }
    if (const auto* c = s.value("confidentiality", nlohmann::json::value_t::object, Need::Required)) {
        FieldReader conf(*c, s.pointer_of("confidentiality"), diag);
        service.anonymous = conf.boolean("anonymous", false);
        service.confidentiality_notes = conf.text("notes", pack.languages, Need::Optional);
    }
    service.bring = s.text("bring", pack.languages, Need::Optional);
    service.last_checked = s.date("last_checked");
    return service;
}

}  // namespace

void read_services(FieldReader& root, const PackContext& pack, std::vector<Category>& categories,
                   std::vector<Service>& services) {
    read_categories(root, pack, categories);
    std::vector<std::string> ids;
    root.objects("services", Need::Required, [&](FieldReader& s, size_t) {
        services.push_back(read_service(s, pack, categories));
        ids.push_back(services.back().id);
    });
    check_unique_ids(ids, root.pointer_of("services"), root.diagnostics());
}

}  // namespace haven::detail
