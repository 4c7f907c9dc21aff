#include "pack_readers.hpp"

namespace haven::detail {
namespace {

std::optional<Contact::Kind> parse_kind(std::string_view s) {
    if (s == "emergency") return Contact::Kind::Emergency;
    if (s == "hotline") return Contact::Kind::Hotline;
    if (s == "messaging") return Contact::Kind::Messaging;
    if (s == "walk_in") return Contact::Kind::WalkIn;
    return std::nullopt;
}

std::optional<Channel> parse_channel(std::string_view s) {
    if (s == "call") return Channel::Call;
    if (s == "sms") return Channel::Sms;
    if (s == "messaging") return Channel::Messaging;
    if (s == "walk_in") return Channel::WalkIn;
    return std::nullopt;
}

}  // namespace

std::vector<Contact> read_contacts(FieldReader& root, const PackContext& pack) {
    std::vector<Contact> contacts;
    std::vector<std::string> ids;
    root.objects("contacts", Need::Required, [&](FieldReader& c, size_t) {
        Diagnostics& diag = c.diagnostics();
        Contact contact;
        contact.id = c.id();
        auto kind_text = c.string("kind");
        if (auto kind = parse_kind(kind_text)) contact.kind = *kind;
        else if (!kind_text.empty())
            diag.error(c.pointer_of("kind"), shown(kind_text) + " is not a kind of contact; write \"emergency\", \"hotline\", \"messaging\" or \"walk_in\".");
        contact.name = c.text("name", pack.languages);
        contact.description = c.text("description", pack.languages);
        if (const auto* a = c.value("address", nlohmann::json::value_t::object, Need::Optional)) {
            FieldReader address(*a, c.pointer_of("address"), diag);
            contact.address = read_address(address, pack);
        }
        const bool walk_in = contact.kind == Contact::Kind::WalkIn;
        if (walk_in && !contact.address)
            diag.error(c.pointer(), "a walk-in contact needs an \"address\" so people can find it.");
        contact.phone = read_phone(c, "number", walk_in ? Need::Optional : Need::Required,
                                   contact.address ? std::string_view(contact.address->country) : std::string_view{});
        auto channels = c.strings("channels");
        for (size_t i = 0; i < channels.size(); ++i) {
            if (auto ch = parse_channel(channels[i])) contact.channels.push_back(*ch);
            else
                diag.error(c.pointer_of("channels") + "/" + std::to_string(i),
                           shown(channels[i]) + " is not a channel; write \"call\", \"sms\", \"messaging\" or \"walk_in\".");
        }
        if (c.has("channels") && channels.empty())
            diag.error(c.pointer_of("channels"), "names no channel; say how people reach this contact, e.g. [\"call\"].");
        contact.app = c.string("app", Need::Optional);
        if (const auto* sch = c.value("schedule", nlohmann::json::value_t::object, Need::Required)) {
            FieldReader schedule(*sch, c.pointer_of("schedule"), diag);
            contact.schedule = read_schedule(schedule, pack);
        }
        contact.free = c.boolean("free", true);
        contact.anonymous = c.boolean("anonymous", false);
        contact.languages = read_language_codes(c, "languages");
        contact.safety_note = c.text("safety_note", pack.languages);
        ids.push_back(contact.id);
        contacts.push_back(std::move(contact));
    });
    check_unique_ids(ids, root.pointer_of("contacts"), root.diagnostics());
    return contacts;
}

}  // namespace haven::detail
