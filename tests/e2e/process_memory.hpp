// Searches the writable memory of a running process, read from outside through /proc/PID/mem (root may
// read it even when the process made itself non-dumpable), for sequences of 16- or 32-bit values laid
// out at a fixed stride: text in UTF-16 or UTF-32, glyph ids in arrays or arrays of structs.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace haven::testing {

struct Needle {
    std::string form;                   // what is searched for, e.g. "glyph ids, one every 20 bytes"
    std::vector<std::uint32_t> values;  // the sequence
    unsigned unit = 4;                  // bytes per value, little-endian: 1, 2 or 4
    unsigned stride = 4;                // bytes from one value to the next
};

struct Found {
    std::map<std::string, std::set<std::uint64_t>> addresses;  // per form, where a needle starts
    std::uint64_t bytes_read = 0;
    size_t count(const std::string& form) const {
        auto it = addresses.find(form);
        return it == addresses.end() ? 0 : it->second.size();
    }
    std::string summary() const {
        std::ostringstream out;
        out << bytes_read / (1024 * 1024) << " MiB read;";
        for (const auto& [form, at] : addresses) {
            out << " " << form << ": " << at.size() << " at";
            int shown = 0;
            for (auto a : at) {
                if (shown++ == 4) break;
                out << " 0x" << std::hex << a << std::dec;
            }
            out << ";";
        }
        return out.str();
    }
};

namespace detail {

inline std::uint32_t load(const unsigned char* p, unsigned unit) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, unit);  // little-endian machine
    return v;
}

// Needles indexed by their unit size and first value, so each position costs one lookup.
struct Index {
    std::unordered_map<std::uint32_t, std::vector<const Needle*>> by_first[5];
    std::vector<unsigned char> small_first[5];  // quick filter for first values below 65536
    size_t longest = 0;                // bytes a needle spans, at most
    explicit Index(const std::vector<Needle>& needles) {
        for (auto& s : small_first) s.assign(65536, 0);
        for (const auto& n : needles) {
            by_first[n.unit][n.values[0]].push_back(&n);
            if (n.values[0] < 65536) small_first[n.unit][n.values[0]] = 1;
            longest = std::max(longest, (n.values.size() - 1) * n.stride + n.unit);
        }
    }
};

inline void scan_chunk(const Index& index, const unsigned char* data, size_t size, std::uint64_t base, Found& found) {
    for (unsigned unit : {1u, 2u, 4u}) {
        const auto& table = index.by_first[unit];
        if (table.empty()) continue;
        const auto& small = index.small_first[unit];
        for (size_t at = 0; at + unit <= size; at += unit) {
            const std::uint32_t v = load(data + at, unit);
            if (v < 65536 && !small[v]) continue;
            auto it = table.find(v);
            if (it == table.end()) continue;
            for (const Needle* n : it->second) {
                const size_t span = (n->values.size() - 1) * n->stride + n->unit;
                if (at + span > size) continue;
                bool all = true;
                for (size_t k = 1; all && k < n->values.size(); ++k) all = load(data + at + k * n->stride, unit) == n->values[k];
                if (all) found.addresses[n->form].insert(base + at);
            }
        }
    }
}

}  // namespace detail

// Every readable and writable mapping of `pid` (heap, anonymous memory, stacks, libraries' data).
inline Found search_writable_memory(pid_t pid, const std::vector<Needle>& needles) {
    Found found;
    const detail::Index index(needles);
    std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
    const int mem = open(("/proc/" + std::to_string(pid) + "/mem").c_str(), O_RDONLY);
    if (mem < 0) return found;
    constexpr size_t chunk = 8 << 20;
    const size_t overlap = (index.longest + 7) / 8 * 8;  // a needle across two chunks is still seen
    std::vector<unsigned char> buffer(chunk + overlap);
    for (std::string line; std::getline(maps, line);) {
        std::istringstream fields(line);
        std::string range, perms;
        fields >> range >> perms;
        if (perms.size() < 2 || perms[0] != 'r' || perms[1] != 'w') continue;
        const std::uint64_t begin = std::stoull(range.substr(0, range.find('-')), nullptr, 16);
        const std::uint64_t end = std::stoull(range.substr(range.find('-') + 1), nullptr, 16);
        for (std::uint64_t at = begin; at < end; at += chunk) {
            const size_t want = size_t(std::min<std::uint64_t>(chunk + overlap, end - at));
            const ssize_t got = pread(mem, buffer.data(), want, off_t(at));
            if (got <= 0) break;  // e.g. [vvar]
            found.bytes_read += std::uint64_t(std::min<ssize_t>(got, ssize_t(chunk)));
            detail::scan_chunk(index, buffer.data(), size_t(got), at, found);
        }
    }
    close(mem);
    return found;
}

}  // namespace haven::testing
