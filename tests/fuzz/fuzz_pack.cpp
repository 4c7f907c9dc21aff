// libFuzzer: a whole pack load from its documents' bytes (manifest, topics, services, contacts and a UI
// catalogue), as the kiosk parses what it verified. The input is split on a line "\x1e" (record separator).
#include "pack_loader.hpp"

#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    haven::PackDocuments docs;
    const char* names[] = {"manifest.json", "topics.json", "services.json", "contacts.json", "ui/ar.po"};
    for (size_t part = 0; part < 5; ++part) {
        const size_t cut = input.find("\n\x1e\n");
        const std::string_view piece = input.substr(0, cut);
        if (part == 0) docs.manifest = std::string(piece);
        else docs.files[names[part]] = std::string(piece);
        if (cut == std::string_view::npos) break;
        input.remove_prefix(cut + 3);
    }
    auto result = haven::load_pack(docs);
    if (!result.ok() && !haven::has_errors(result.problems)) __builtin_trap();  // every refusal says why
    if (result.ok())
        for (const auto& lang : result.content->manifest.languages)
            if (haven::canonical_language_tag(lang.code) != lang.code) __builtin_trap();
    return 0;
}
