// A configuration or usage error: the CLI reports it as one line and exits
// with status 2.
#pragma once
#include <stdexcept>

namespace sim {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sim
