// Prints how verification time grows with the number of files in a pack, side by side with sha256sum
// over the same files, and how long refusing a stick of 100,000 tiny files takes. Never fails on
// timing. Run: build/tests/pack-benchmark
#include "pack_integrity.hpp"

#include <chrono>
#include <algorithm>
#include <cmath>
#include <functional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

namespace fs = std::filesystem;
using namespace haven;

namespace {

double seconds_of(const std::function<void()>& f, int repeats = 3) {
    std::vector<double> runs;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        runs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

// A signed copy of the demo pack with `extra` media files of 2 KiB each, spread over 10 folders.
fs::path make_pack(const fs::path& root, int extra, const SecretKey& key) {
    const fs::path pack = root / ("pack-" + std::to_string(extra));
    fs::remove_all(pack);
    fs::copy(HAVEN_DEMO_PACK, pack, fs::copy_options::recursive);
    std::mt19937 random(42);
    std::string bytes(2048, '\0');
    for (int i = 0; i < extra; ++i) {
        for (auto& b : bytes) b = char(random());
        const fs::path dir = pack / "media" / ("d" + std::to_string(i % 10));
        fs::create_directories(dir);
        std::ofstream(dir / (std::to_string(i) + ".bin"), std::ios::binary) << bytes;
    }
    std::string error;
    if (!sign_pack(pack, key, error)) std::fprintf(stderr, "sign: %s\n", error.c_str());
    return pack;
}

}  // namespace

int main() {
    const fs::path root = fs::temp_directory_path() / "haven-pack-benchmark";
    fs::remove_all(root);
    fs::create_directories(root);
    std::string error;
    if (!write_key_pair(root / "bench", error)) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    const auto pub = *read_public_key(root / "bench.pub", error);
    const auto secret = *read_secret_key(root / "bench.secret", error);

    std::printf("verify_pack over a signed pack with N extra 2 KiB files (median of 3, warm cache)\n");
    std::printf("%8s %12s %14s %10s\n", "files", "verify s", "sha256sum s", "ratio");
    std::vector<std::pair<double, double>> points;
    for (int n : {1000, 2500, 5000, 9900}) {
        const fs::path pack = make_pack(root, n, secret);
        bool ok = false;
        const double verify = seconds_of([&] {
            auto v = verify_pack(pack, {pub});
            ok = v.ok;
            if (!ok && !v.problems.empty()) std::fprintf(stderr, "%s\n", v.problems[0].to_string().c_str());
        });
        const std::string command = "cd '" + pack.string() + "' && find . -type f -print0 | xargs -0 sha256sum > /dev/null";
        const double baseline = seconds_of([&] { (void)std::system(command.c_str()); });
        std::printf("%8d %12.4f %14.4f %10.2f%s\n", n, verify, baseline, verify / baseline, ok ? "" : "  (NOT VERIFIED)");
        points.push_back({std::log(double(n)), std::log(verify)});
        fs::remove_all(pack);
    }
    const double exponent = (points.back().second - points.front().second) / (points.back().first - points.front().first);
    std::printf("growth exponent (log time / log files, first to last): %.2f  (1.0 = linear)\n\n", exponent);

    // A stick of 100,000 tiny files: refused after the first 10,001 entries, whatever the rest.
    const fs::path flood = make_pack(root, 0, secret);
    for (int i = 0; i < 100000; ++i) std::ofstream(flood / ("tiny-" + std::to_string(i)));
    Verification v;
    const double refuse = seconds_of([&] { v = verify_pack(flood, {pub}); }, 3);
    std::printf("100,000 unlisted tiny files: refused in %.4f s with %zu problem(s): %s\n", refuse, v.problems.size(),
                v.problems.empty() ? "" : v.problems[0].message.c_str());
    fs::remove_all(root);
    return 0;
}
