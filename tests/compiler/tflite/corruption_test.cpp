// Truncated and corrupted files: one clear error, never a crash or another
// kind of exception.
#include "compiler/tflite/reader.hpp"

#include "model_builder.hpp"
#include "shared_models.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <random>

namespace graph = compiler::graph;
namespace reader = compiler::tflite;
using namespace tflite_test;
using Catch::Matchers::Contains;

namespace {

std::vector<std::uint8_t> prefix(const std::vector<std::uint8_t>& bytes, std::size_t n)
{
  return {bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n)};
}

void check_truncations(const std::vector<std::uint8_t>& bytes)
{
  for (std::size_t n : {std::size_t{0}, std::size_t{16}, bytes.size() / 2}) {
    INFO("first " << n << " of " << bytes.size() << " bytes");
    CHECK_THROWS_AS(reader::read_bytes(prefix(bytes, n), "cut.tflite"), reader::ReadError);
    CHECK_THROWS_WITH(reader::read_bytes(prefix(bytes, n), "cut.tflite"),
                      Contains("cut.tflite: not a valid TFLite model (" + std::to_string(n) + " bytes"));
  }
}

// Reads `rounds` copies of `bytes`, each with 1 to 8 random bytes replaced.
// Returns how many still read; every other one must throw ReadError.
int read_corrupted(const std::vector<std::uint8_t>& bytes, int rounds, std::uint32_t seed)
{
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> position(0, bytes.size() - 1);
  std::uniform_int_distribution<int> count(1, 8), value(0, 255);
  int accepted = 0;
  for (int round = 0; round < rounds; ++round) {
    std::vector<std::uint8_t> corrupt = bytes;
    for (int k = count(rng); k > 0; --k)
      corrupt[position(rng)] = static_cast<std::uint8_t>(value(rng));
    try {
      reader::read_bytes(corrupt, "corrupt.tflite");
      ++accepted;
    } catch (const reader::ReadError& e) {
      // expected; the message names the file
      if (std::string(e.what()).rfind("corrupt.tflite: ", 0) != 0)
        FAIL("round " << round << ": message does not start with the file name: " << e.what());
    } catch (const std::exception& e) {
      FAIL("round " << round << ": " << typeid(e).name() << " instead of ReadError: " << e.what());
    }
  }
  return accepted;
}

std::vector<std::uint8_t> file_bytes(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("a truncated model is not a valid TFLite model, and the message says its size")
{
  check_truncations(small_int8_model());
  if (!have_mlperf_tiny()) {
    WARN(missing_models_message() << " (truncating the built model only)");
    return;
  }
  check_truncations(file_bytes(mlperf_tiny_dir() / "kws_ref_model.tflite"));
}

TEST_CASE("a file that is not a flatbuffer at all is rejected")
{
  const std::string text = "this is a YAML file, not a model\n";
  const std::vector<std::uint8_t> bytes(text.begin(), text.end());
  CHECK_THROWS_WITH(reader::read_bytes(bytes, "net.yaml"),
                    Contains("net.yaml: not a valid TFLite model (33 bytes"));
}

TEST_CASE("random byte corruption gives ReadError or a graph, never a crash")
{
  const std::vector<std::uint8_t> small = small_int8_model();
  const int accepted = read_corrupted(small, 3000, 1);
  // Some corruptions only touch weights or names; most break the structure.
  CHECK(accepted < 3000);
  if (!have_mlperf_tiny()) {
    WARN(missing_models_message() << " (corrupting the built model only)");
    return;
  }
  read_corrupted(file_bytes(mlperf_tiny_dir() / "kws_ref_model.tflite"), 300, 2);
}
