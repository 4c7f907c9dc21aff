// kiosk-pack: the content editors' and admins' tool. Shares the pack library with the kiosk.
#include "admin_gate.hpp"
#include "wipe.hpp"
#include "pack_loader.hpp"

#include <iostream>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: kiosk-pack validate PACK_DIR\n"
                 "       kiosk-pack hash-pin      (reads a PIN on standard input)\n"
                 "  validate  list every problem in the pack (file, JSON pointer, what to do);\n"
                 "            exit status 0 only when there are no errors\n"
                 "  hash-pin  print the Argon2id hash of a PIN for the kiosk configuration's admin_pin_hash\n");
    return 2;
}

int validate(const char* directory) {
    auto result = haven::load_pack(directory);
    size_t errors = 0, warnings = 0;
    for (const auto& p : result.problems) {
        std::printf("%s\n", p.to_string().c_str());
        (p.is_error() ? errors : warnings)++;
    }
    if (result.ok()) {
        const auto& c = *result.content;
        std::printf("%s version %lld: %zu languages, %zu topics, %zu categories, %zu services, %zu contacts\n",
                    c.manifest.id.c_str(), c.manifest.version, c.manifest.languages.size(), c.topics.size(),
                    c.categories.size(), c.services.size(), c.contacts.size());
    }
    std::printf("%zu errors, %zu warnings\n", errors, warnings);
    return errors == 0 ? 0 : 1;
}

}  // namespace

int hash_pin_from_stdin() {
    std::string pin;
    std::getline(std::cin, pin);
    if (pin.size() < 6 || pin.find_first_not_of("0123456789") != std::string::npos) {
        std::fprintf(stderr, "kiosk-pack: a PIN is 6 to 12 digits\n");
        return 2;
    }
    std::string hash = haven::hash_pin(pin);
    haven::wipe(pin);
    if (hash.empty()) return 1;
    std::printf("%s\n", hash.c_str());
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "validate") == 0) return validate(argv[2]);
    if (argc == 2 && std::strcmp(argv[1], "hash-pin") == 0) return hash_pin_from_stdin();
    return usage();
}
