#include "qr_code.hpp"

#include <qrencode.h>

#include <string>

namespace haven {

std::optional<QrMatrix> make_qr(std::string_view text) {
    const std::string copy(text);
    // Level M survives a smudged or glare-struck screen; 8-bit mode keeps "tel:" and addresses as written.
    QRcode* code = QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return std::nullopt;
    QrMatrix m;
    m.size = code->width;
    m.dark.resize(size_t(m.size) * size_t(m.size));
    for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return m;
}

}  // namespace haven
