#include "admin_gate.hpp"

#include "wipe.hpp"

#include <algorithm>
#include <cmath>
#include <sodium.h>

namespace haven {

AdminGate::Result AdminGate::try_pin(std::string& pin, double now) {
    struct WipeOnReturn {
        std::string& s;
        ~WipeOnReturn() { wipe(s); }
    } wipe_pin{pin};
    if (!configured()) return Result::NotConfigured;
    if (locked_for(now) > 0) return Result::Locked;
    if (sodium_init() < 0) return Result::Wrong;
    if (crypto_pwhash_str_verify(hash_.c_str(), pin.c_str(), pin.size()) == 0) {
        failures_ = 0;
        return Result::Granted;
    }
    if (++failures_ >= free_tries)
        locked_until_ = now + std::min(longest_lock, first_lock * std::pow(2.0, failures_ - free_tries));
    return Result::Wrong;
}

std::string hash_pin(const std::string& pin) {
    if (sodium_init() < 0) return {};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return out;
}

}  // namespace haven
