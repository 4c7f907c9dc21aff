#include "kiosk_config.hpp"

#include "field_reader.hpp"
#include "json_document.hpp"
#include "phone.hpp"

#include <sodium.h>

namespace haven {

std::optional<KioskConfig> load_kiosk_config(const std::filesystem::path& file, std::vector<Problem>& problems) {
    Diagnostics diag(file.string(), problems);
    auto doc = read_json_file(file, diag);
    if (!doc) return std::nullopt;
    KioskConfig config;
    {
        FieldReader root(*doc, "", diag);
        if (!root.ok()) return std::nullopt;
        auto number = root.string("emergency_number", Need::Optional);
        if (!number.empty()) {
            if (!is_valid_phone(number))
                diag.error(root.pointer_of("emergency_number"), shown(number) + " is not a phone number; write it as a short code such as 112 or in E.164 form.");
            config.emergency_number = config.emergency_display = number;
        }
        auto display = root.string("emergency_display", Need::Optional);
        if (!display.empty()) {
            if (!is_plain_phone_display(display) || phone_digits(display) != phone_digits(config.emergency_number))
                diag.error(root.pointer_of("emergency_display"), shown(display) + " shows different digits from emergency_number; make them the same number.");
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
        if (!config.admin_pin_hash.empty() && !config.admin_pin_hash.starts_with("$argon2id$"))
            diag.error(root.pointer_of("admin_pin_hash"), "is not an Argon2id hash; make one with: kiosk-pack hash-pin");
    }
    if (has_errors(problems)) return std::nullopt;
    return config;
}

}  // namespace haven
