#include "kiosk_config.hpp"

#include "field_reader.hpp"
#include "json_document.hpp"
#include "phone.hpp"
#include "safe_file.hpp"

#include <sodium.h>

#include <cctype>

namespace haven {


KioskConfig load_kiosk_config(const std::filesystem::path& file, std::vector<Problem>& problems) {
    Diagnostics diag(file.string(), problems);
    KioskConfig config;
    FileStamp stamp;
    auto doc = read_json_file(file, diag, JsonLimits{1u << 20, 8}, &stamp);
    if (!doc || !doc->is_object()) {
        if (doc) diag.error("", "the configuration must be one JSON object { ... }.");
        config.closed = true;  // which keys to trust is unknown: trust nothing
        return config;
    }
    // It names the keys to trust: if others could change it, it says nothing trustworthy.
    if (!others_can_change(stamp).empty()) {
        diag.error("", "can be changed by users other than root or the kiosk's own user; it names the keys the kiosk trusts, so "
                       "no pack is served until it is fixed: chown root and chmod 644 it.");
        config.closed = true;
        return config;
    }
    // A misspelt "trusted_keys" must not quietly turn the kiosk into development mode.
    bool keys_expected = doc->contains("trusted_keys");
    for (const auto& [key, value] : doc->items()) {
        std::string lower = key;
        for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (key != "trusted_keys" && (lower.find("trust") != std::string::npos || lower.find("key") != std::string::npos)) {
            diag.error("/" + pointer_token(key), "\"" + key + "\" is not a setting; did you mean \"trusted_keys\"? Until it is "
                                                                 "fixed the kiosk serves no pack.");
            keys_expected = true;
        }
    }
    {
        FieldReader root(*doc, "", diag);
        auto number = root.string("emergency_number", Need::Optional);
        // A bad value is an error and keeps the default: the number on screen is never one nobody checked.
        if (!number.empty()) {
            if (!is_valid_phone(number))
                diag.error(root.pointer_of("emergency_number"), shown(number) + " is not a phone number; write it as a short code such as 112 or in E.164 form.");
            else
                config.emergency_number = config.emergency_display = number;
        }
        auto display = root.string("emergency_display", Need::Optional);
        if (!display.empty()) {
            if (!is_plain_phone_display(display) || phone_digits(display) != phone_digits(config.emergency_number))
                diag.error(root.pointer_of("emergency_display"), shown(display) + " shows different digits from emergency_number; make them the same number.");
            else
                config.emergency_display = display;
        }
        if (auto idle = root.integer("idle_timeout_seconds", 30, 600, Need::Optional)) config.idle_timeout_seconds = int(*idle);
        if (auto prompt = root.integer("idle_prompt_seconds", 10, 120, Need::Optional)) config.idle_prompt_seconds = int(*prompt);
        config.admin_pin_hash = root.string("admin_pin_hash", Need::Optional);
        const auto keys = root.strings("trusted_keys", Need::Optional);
        for (size_t i = 0; i < keys.size(); ++i) {
            PublicKey key{};
            size_t length = 0;
            if (keys[i].size() != 64 ||
                sodium_hex2bin(key.data(), key.size(), keys[i].data(), keys[i].size(), nullptr, &length, nullptr) != 0 || length != 32)
                diag.error(root.pointer_of("trusted_keys") + "/" + std::to_string(i),
                           "is not a public key: paste the 64 hex digits of a NAME.pub made by kiosk-pack keygen.");
            else
                config.trusted_keys.push_back(key);
        }
        config.state_dir = root.string("state_dir", Need::Optional);
        config.inbox = root.string("inbox", Need::Optional);
        if (!config.admin_pin_hash.empty() && !config.admin_pin_hash.starts_with("$argon2id$")) {
            diag.error(root.pointer_of("admin_pin_hash"), "is not an Argon2id hash; make one with: kiosk-pack hash-pin");
            config.admin_pin_hash.clear();
        }
    }
    // Keys were meant to be there and none could be read: nothing can be verified, so nothing is served.
    if (keys_expected && config.trusted_keys.empty()) config.closed = true;
    return config;
}

}  // namespace haven
