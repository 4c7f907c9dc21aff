// QR codes (libqrencode) as a plain matrix of modules, for phone numbers and addresses a visitor can scan.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace haven {

struct QrMatrix {
    int size = 0;             // modules per side
    std::vector<bool> dark;   // size * size, row by row
    bool at(int x, int y) const { return dark[size_t(y * size + x)]; }
};

std::optional<QrMatrix> make_qr(std::string_view text);

}  // namespace haven
