#include "imgui_memory.hpp"

#include <imgui.h>
#include <sodium.h>

#include <cstddef>
#include <cstdlib>

namespace haven {
namespace {

// Each block starts with its size, so MemFree knows how much to overwrite; the header keeps malloc's
// alignment for what follows.
constexpr std::size_t header = alignof(std::max_align_t);

void* wiping_alloc(std::size_t size, void*) {
    auto* block = static_cast<unsigned char*>(std::malloc(header + size));
    if (!block) return nullptr;
    *reinterpret_cast<std::size_t*>(block) = size;
    return block + header;
}

void wiping_free(void* memory, void*) {
    if (!memory) return;
    auto* block = static_cast<unsigned char*>(memory) - header;
    sodium_memzero(block, header + *reinterpret_cast<std::size_t*>(block));
    std::free(block);
}

}  // namespace

void use_wiping_imgui_allocator() { ImGui::SetAllocatorFunctions(wiping_alloc, wiping_free, nullptr); }

void release_imgui_draw_memory() {
    if (ImGui::GetCurrentContext()) ImGui::GetBackgroundDrawList()->_ClearFreeMemory();
}

}  // namespace haven
