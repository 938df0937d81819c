#include "sim/scratch_dir.hpp"

#include <unistd.h>

#include <stdexcept>
#include <string>

namespace sim {

namespace fs = std::filesystem;

ScratchDir::ScratchDir(std::string_view prefix) {
  std::string pattern = (fs::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory in " + fs::temp_directory_path().string());
  path_ = pattern;
}

ScratchDir ScratchDir::kept(const fs::path& dir) {
  fs::create_directories(dir);
  return ScratchDir(dir, false);
}

ScratchDir::ScratchDir(ScratchDir&& other) noexcept : path_(std::move(other.path_)), remove_(other.remove_) {
  other.remove_ = false;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;  // a destructor must not throw; a leftover temp dir is harmless
  if (remove_ && !path_.empty()) fs::remove_all(path_, ignored);
}

}  // namespace sim
