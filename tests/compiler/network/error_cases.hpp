// What the tests of bad network descriptions share: the head of a small
// int8 network (lines 1-5, so its layers start on line 6) and the message
// read_string() throws for a text.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include "compiler/network/network.hpp"

namespace compiler::network::test {

inline const std::string kHead = "network: net\n"
                                 "type: int8\n"
                                 "seed: 7\n"
                                 "input: {name: in, shape: [1, 8, 8, 4], scale: 0.5, zero_point: -128}\n"
                                 "layers:\n";

// The NetworkError's message for `text` read as "net.yaml"; a test failure if it reads.
inline std::string error_of(const std::string& text)
{
  try {
    read_string(text, "net.yaml");
  } catch (const NetworkError& e) {
    return e.what();
  }
  FAIL("no NetworkError for:\n" << text);
  return "";
}

}  // namespace compiler::network::test
