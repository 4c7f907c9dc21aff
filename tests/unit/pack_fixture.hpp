// A copy of tests/data/minimal-pack in a fresh temporary folder, changed one field at a time by a test.
#pragma once

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <functional>
#include <random>
#include <string>

namespace haven::testing {

class PackFixture {
public:
    PackFixture() {
        std::random_device random;
        dir_ = std::filesystem::temp_directory_path() / ("haven-test-" + std::to_string(random()));
        std::filesystem::copy(HAVEN_TEST_DATA "/minimal-pack", dir_);
    }
    ~PackFixture() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    const std::filesystem::path& dir() const { return dir_; }

    nlohmann::json read(const std::string& file) const {
        std::ifstream in(dir_ / file);
        return nlohmann::json::parse(in);
    }
    void write(const std::string& file, const nlohmann::json& doc) const { write_raw(file, doc.dump(2)); }
    void write_raw(const std::string& file, const std::string& text) const {
        std::ofstream out(dir_ / file, std::ios::binary | std::ios::trunc);
        out << text;
    }
    // Sets (or, with a discarded value, removes) the value at a JSON pointer in one file.
    void set(const std::string& file, const std::string& pointer, const nlohmann::json& value) const {
        auto doc = read(file);
        nlohmann::json::json_pointer p(pointer);
        if (value.is_discarded()) doc.at(p.parent_pointer()).erase(p.back());
        else doc[p] = value;
        write(file, doc);
    }

private:
    std::filesystem::path dir_;
};

inline const nlohmann::json removed = nlohmann::json(nlohmann::json::value_t::discarded);

}  // namespace haven::testing
