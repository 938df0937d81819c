// A temporary directory that `edgesim compile` and `edgesim validate` build
// in, removed when it goes out of scope unless the user asked to keep it.
#pragma once

#include <filesystem>
#include <string_view>

namespace sim {

class ScratchDir {
 public:
  // A fresh directory under the system's temporary directory, named
  // PREFIX-XXXXXX; removed by the destructor. Throws std::runtime_error.
  explicit ScratchDir(std::string_view prefix);
  // The user's directory (created if missing); kept.
  static ScratchDir kept(const std::filesystem::path& dir);

  ScratchDir(ScratchDir&& other) noexcept;
  ScratchDir& operator=(ScratchDir&&) = delete;
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir();

  const std::filesystem::path& path() const { return path_; }

 private:
  ScratchDir(std::filesystem::path path, bool remove) : path_(std::move(path)), remove_(remove) {}

  std::filesystem::path path_;
  bool remove_ = true;
};

}  // namespace sim
