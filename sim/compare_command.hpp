// `edgesim compare A.json B.json [C.json...]`: the --stats files of several
// runs side by side, with each run's ratio to the first.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "sim/compare_table.hpp"

namespace sim {

struct CompareCommand {
  std::vector<std::string> files;    // --stats JSON of each run, two or more
  std::vector<std::string> names;    // column headings; empty: each file's stem
  std::vector<std::string> metrics;  // glob patterns; empty: default_comparison()
  bool nonzero = false;              // leave out the matched stats that are zero in every run
  CompareFormat format = CompareFormat::Text;
};

// The table goes to `out`; an unreadable file, a file that is not a stats
// JSON, a wrong number of names or a pattern matching nothing is one
// "edgesim: error:" line on `err` and exit status 2.
int compare_command(const CompareCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace sim
