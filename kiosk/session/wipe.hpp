// Overwrites memory that held what a visitor did before it is freed (libsodium, so the compiler cannot
// drop the writes as dead stores).
#pragma once

#include <sodium.h>
#include <string>

namespace haven {

inline void wipe(std::string& s) {
    if (s.capacity() > 0) sodium_memzero(s.data(), s.capacity());  // the whole buffer, not just the text
    s.clear();
    s.shrink_to_fit();
}

}  // namespace haven
