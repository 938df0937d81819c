// Where the MLPerf Tiny models are, if they are there.
#pragma once

#include <filesystem>
#include <string>

namespace tflite_test {

inline std::filesystem::path mlperf_tiny_dir()
{
  return std::filesystem::path(EDGESIM_SHARED_MODELS_DIR) / "mlperf-tiny";
}

// True when the models are present; otherwise the caller WARNs and returns.
inline bool have_mlperf_tiny() { return std::filesystem::is_directory(mlperf_tiny_dir()); }

inline std::string missing_models_message()
{
  return "SKIPPED: " + mlperf_tiny_dir().string() +
         " is missing (the MLPerf Tiny models live in ../shared/models beside the checkout)";
}

} // namespace tflite_test
