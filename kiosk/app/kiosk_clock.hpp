// The kiosk's clock: real time when a person uses it; virtual time under a script, so waits take no real
// time and "advance" can jump forward (timeouts, opening hours) deterministically.
#pragma once

#include <chrono>

namespace haven {

class KioskClock {
public:
    explicit KioskClock(bool virtual_time)
        : virtual_(virtual_time), start_(std::chrono::steady_clock::now()),
          start_wall_(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())) {}
    void set_wall_start(std::chrono::sys_seconds at) {  // --now pins the date and time
        start_wall_ = at;
        pinned_ = true;
    }
    // The date and time for opening hours: the real time, or the script's, moved on by advance().
    std::chrono::sys_seconds wall() const {
        if (!virtual_ && !pinned_)  // the system's clock, which NTP may correct after start-up
            return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) +
                   std::chrono::seconds(static_cast<long long>(offset_));
        return start_wall_ + std::chrono::seconds(static_cast<long long>(seconds()));
    }
    double seconds() const {  // since start-up, monotonic
        if (virtual_) return offset_;
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() + offset_;
    }
    void advance(double seconds) { offset_ += seconds; }

private:
    bool virtual_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::sys_seconds start_wall_;
    double offset_ = 0;
    bool pinned_ = false;
};

}  // namespace haven
