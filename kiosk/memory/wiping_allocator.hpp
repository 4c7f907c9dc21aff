// Containers for what a visitor caused the kiosk to hold (texts laid out, glyph runs, cache keys): their
// memory is overwritten when it is released, including every buffer a container outgrows and drops, so
// nothing of a visit lingers in freed heap memory for the next visitor or a memory dump to find.
#pragma once

#include <sodium.h>

#include <cstddef>
#include <functional>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace haven {

template <class T>
struct WipingAllocator {
    using value_type = T;
    using is_always_equal = std::true_type;  // stateless: buffers move between containers freely

    WipingAllocator() noexcept = default;
    template <class U>
    WipingAllocator(const WipingAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
    void deallocate(T* p, std::size_t n) noexcept {
        sodium_memzero(p, n * sizeof(T));  // libsodium: a write the compiler may not drop as dead
        std::allocator<T>{}.deallocate(p, n);
    }

    template <class U>
    bool operator==(const WipingAllocator<U>&) const noexcept { return true; }
};

using WipingString = std::basic_string<char, std::char_traits<char>, WipingAllocator<char>>;
using WipingU16String = std::basic_string<char16_t, std::char_traits<char16_t>, WipingAllocator<char16_t>>;
template <class T>
using WipingVector = std::vector<T, WipingAllocator<T>>;

// std::hash has no specialisation for strings with other allocators; hash the characters.
struct WipingStringHash {
    std::size_t operator()(const WipingString& s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace haven
