// The kiosk's clock: real time when a person uses it; virtual time under a script, so waits take no real
// time and "advance" can jump forward (timeouts, opening hours) deterministically.
#pragma once

#include <chrono>

namespace haven {

class KioskClock {
public:
    explicit KioskClock(bool virtual_time) : virtual_(virtual_time), start_(std::chrono::steady_clock::now()) {}
    double seconds() const {  // since start-up, monotonic
        if (virtual_) return offset_;
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() + offset_;
    }
    void advance(double seconds) { offset_ += seconds; }

private:
    bool virtual_;
    std::chrono::steady_clock::time_point start_;
    double offset_ = 0;
};

}  // namespace haven
