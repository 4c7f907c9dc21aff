#include "admin_gate.hpp"

#include "file_replace.hpp"
#include "safe_file.hpp"
#include "wipe.hpp"

#include <cstdlib>

#include <algorithm>
#include <cmath>
#include <sodium.h>

namespace haven {

namespace {

double lock_after(int failures) {
    return failures < AdminGate::free_tries
               ? 0
               : std::min(AdminGate::longest_lock, AdminGate::first_lock * std::pow(2.0, failures - AdminGate::free_tries));
}

}  // namespace

AdminGate::AdminGate(std::string pin_hash, std::filesystem::path record) : hash_(std::move(pin_hash)), record_(std::move(record)) {
    if (record_.empty()) return;
    std::string error;
    if (auto text = read_regular_file(record_, 32, error)) {
        failures_ = std::clamp(std::atoi(text->c_str()), 0, 1000);
        locked_until_ = lock_after(failures_);  // after a restart the lock starts again from the beginning
    }
}

void AdminGate::save() const {
    // A read-only state folder: the count then lives in memory only.
    if (!record_.empty()) replace_file(record_, std::to_string(failures_) + "\n", 0600);
}

AdminGate::Result AdminGate::try_pin(std::string& pin, double now) {
    struct WipeOnReturn {
        std::string& s;
        ~WipeOnReturn() { wipe(s); }
    } wipe_pin{pin};
    if (!configured()) return Result::NotConfigured;
    if (locked_for(now) > 0) return Result::Locked;
    if (sodium_init() < 0) return Result::Wrong;
    if (crypto_pwhash_str_verify(hash_.c_str(), pin.c_str(), pin.size()) == 0) {
        if (failures_ != 0) {
            failures_ = 0;
            save();
        }
        return Result::Granted;
    }
    ++failures_;
    save();
    if (failures_ >= free_tries) locked_until_ = now + lock_after(failures_);
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
