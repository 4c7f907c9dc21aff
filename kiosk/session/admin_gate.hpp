// The PIN in front of the admin screen: checked against a libsodium password hash (Argon2id) from the
// kiosk's configuration, with wrong PINs slowing the next try down. The PIN itself is never stored.
#pragma once

#include <filesystem>
#include <string>

namespace haven {

// What the admin PIN pad can enter, and so what kiosk-pack hash-pin accepts.
inline constexpr size_t min_pin_digits = 6, max_pin_digits = 12;

class AdminGate {
public:
    // `record`, when given (STATE/pin-failures), keeps the count of wrong PINs across restarts, so that
    // restarting the kiosk does not buy an attacker fresh tries. It records no visit.
    explicit AdminGate(std::string pin_hash, std::filesystem::path record = {});

    enum class Result { Granted, Wrong, Locked, NotConfigured };
    bool configured() const { return !hash_.empty(); }
    // Checks `pin` and overwrites it, whatever the answer. `now` is the kiosk clock in seconds.
    Result try_pin(std::string& pin, double now);
    double locked_for(double now) const { return locked_until_ > now ? locked_until_ - now : 0; }

    static constexpr int free_tries = 3;       // then each wrong PIN locks the pad, doubling each time
    static constexpr double first_lock = 30;   // seconds
    static constexpr double longest_lock = 3600;

private:
    void save() const;
    std::string hash_;
    std::filesystem::path record_;
    int failures_ = 0;
    double locked_until_ = 0;
};

// An Argon2id hash of `pin` for the configuration file (kiosk-pack hash-pin); empty on failure.
std::string hash_pin(const std::string& pin);

}  // namespace haven
