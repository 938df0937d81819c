// The fixed pseudo-random generator behind a network's weights: SplitMix64
// (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
// 2014, with the constants of Vigna's public-domain reference). Its output is
// defined bit for bit, unlike std::uniform_*_distribution's, so the same
// YAML gives the same weights with every compiler and library.
#pragma once

#include <cstdint>
#include <string_view>

namespace compiler::network {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t state) : state_(state) {}

  std::uint64_t next()
  {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
  }

  // Uniform in [-1, 1): the top 53 bits as a fraction of 2^53, doubled,
  // minus one (every step exact in a double).
  double next_symmetric()
  {
    const double unit = static_cast<double>(next() >> 11) * 0x1.0p-53;
    return 2.0 * unit - 1.0;
  }

 private:
  std::uint64_t state_;
};

// 64-bit FNV-1a of a name (offset basis 0xcbf29ce484222325, prime
// 0x100000001b3).
constexpr std::uint64_t fnv1a64(std::string_view text)
{
  std::uint64_t hash = 0xcbf29ce484222325u;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3u;
  }
  return hash;
}

// Each constant tensor draws from its own stream, seeded by the network's
// seed and the tensor's name: adding or renaming one layer leaves the other
// layers' weights as they were.
inline SplitMix64 stream_for(std::uint64_t seed, std::string_view tensor_name)
{
  return SplitMix64(seed ^ fnv1a64(tensor_name));
}

}  // namespace compiler::network
