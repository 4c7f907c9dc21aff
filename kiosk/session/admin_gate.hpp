// The PIN in front of the admin screen: checked against a libsodium password hash (Argon2id) from the
// kiosk's configuration, with wrong PINs slowing the next try down. The PIN itself is never stored.
#pragma once

#include <string>

namespace haven {

// What the admin PIN pad can enter, and so what kiosk-pack hash-pin accepts.
inline constexpr size_t min_pin_digits = 6, max_pin_digits = 12;

class AdminGate {
public:
    explicit AdminGate(std::string pin_hash) : hash_(std::move(pin_hash)) {}

    enum class Result { Granted, Wrong, Locked, NotConfigured };
    bool configured() const { return !hash_.empty(); }
    // Checks `pin` and overwrites it, whatever the answer. `now` is the kiosk clock in seconds.
    Result try_pin(std::string& pin, double now);
    double locked_for(double now) const { return locked_until_ > now ? locked_until_ - now : 0; }

    static constexpr int free_tries = 3;       // then each wrong PIN locks the pad, doubling each time
    static constexpr double first_lock = 30;   // seconds
    static constexpr double longest_lock = 3600;

private:
    std::string hash_;
    int failures_ = 0;
    double locked_until_ = 0;
};

// An Argon2id hash of `pin` for the configuration file (kiosk-pack hash-pin); empty on failure.
std::string hash_pin(const std::string& pin);

}  // namespace haven
