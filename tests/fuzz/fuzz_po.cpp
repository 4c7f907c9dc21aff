// libFuzzer: the PO catalogue reader, which reads ui/LANG.po from packs on USB sticks.
#include "po_catalogue.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    std::vector<haven::Problem> problems;
    haven::Diagnostics diag("ui/xx.po", problems);
    auto catalogue = haven::parse_po(std::string_view(reinterpret_cast<const char*>(data), size), diag);
    // Invariants: a catalogue comes with no error, a refusal with at least one; every msgstr is found again.
    if (catalogue == std::nullopt && problems.empty()) __builtin_trap();
    if (catalogue)
        for (const auto& [id, text] : catalogue->strings)
            if (catalogue->find(id) != &text) __builtin_trap();
    return 0;
}
