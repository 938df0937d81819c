#include "sim/cache_stats.hpp"

#include "memory/traffic.hpp"

namespace sim {

namespace {
void register_geometry(StatsRegistry& stats, const std::string& p, const memory::Cache& cache) {
  stats.add_constant(p + "size_bytes", "byte", "cache size", uint64_t{cache.config().size_bytes});
  stats.add_constant(p + "ways", "way", "associativity (lines per set)", uint64_t{cache.config().ways});
  stats.add_constant(p + "line_bytes", "byte", "line size", uint64_t{cache.line_bytes()});
}

// core.l1i.*: the instruction cache, looked up once per line the fetch enters.
void register_icache(StatsRegistry& stats, const memory::L1Caches& l1) {
  const memory::Cache& cache = *l1.icache();
  const memory::CacheCounters* c = &cache.counters();
  const std::string p = "core.l1i.";
  register_geometry(stats, p, cache);
  stats.add(p + "hits", "lookup", "fetches entering a line the I-cache held (each line entered is one lookup)",
            [c] { return c->read_hits; });
  stats.add(p + "misses", "lookup", "fetches entering a line the I-cache did not hold", [c] { return c->read_misses; });
  stats.add(p + "line_fills", "line", "lines read from memory into the I-cache", [c] { return c->line_fills; });
  stats.add(p + "bytes_from_memory", "byte", "bytes the I-cache read from memory (line fills)",
            [c] { return c->bytes_from_next; });
  stats.add(p + "stall_cycles", "cycle", "core cycles waiting for I-cache line fills (part of core.stall.fetch_wait)",
            [&l1] { return l1.fetch_stall_cycles(); });
}

// core.l1d.*: the data cache, looked up by every load and store to a cached region.
void register_dcache(StatsRegistry& stats, const memory::L1Caches& l1) {
  const memory::Cache& cache = *l1.dcache();
  const memory::CacheCounters* c = &cache.counters();
  const std::string p = "core.l1d.";
  register_geometry(stats, p, cache);
  stats.add(p + "read_hits", "access", "loads the D-cache served", [c] { return c->read_hits; });
  stats.add(p + "read_misses", "access", "loads the D-cache did not hold (each fills a line)",
            [c] { return c->read_misses; });
  stats.add(p + "write_hits", "access", "stores to a line the D-cache held", [c] { return c->write_hits; });
  stats.add(p + "write_misses", "access", "stores to a line the D-cache did not hold (write-allocate fills it)",
            [c] { return c->write_misses; });
  stats.add(p + "line_fills", "line", "lines read from memory into the D-cache", [c] { return c->line_fills; });
  stats.add(p + "writebacks", "line", "dirty lines evicted and written back to memory", [c] { return c->writebacks; });
  stats.add(p + "write_throughs", "access",
            "stores passed on to memory (write-through regions, and write misses that did not allocate)",
            [c] { return c->write_throughs; });
  stats.add(p + "bytes_from_memory", "byte", "bytes the D-cache read from memory (line fills)",
            [c] { return c->bytes_from_next; });
  stats.add(p + "bytes_to_memory", "byte", "bytes the D-cache wrote to memory (write-backs and write-throughs)",
            [c] { return c->bytes_to_next; });
  stats.add(p + "dirty_lines", "line", "dirty lines still in the D-cache at the end: written to no memory yet",
            [&cache] { return uint64_t{cache.dirty_lines()}; });
  stats.add(p + "stall_cycles", "cycle",
            "core cycles waiting for D-cache fills, write-backs and write-throughs (part of core.stall.data_wait)",
            [&l1] { return l1.data_stall_cycles(); });
}

// memory.<name>.l1.*: what the core asked of a cached memory, hits included.
void register_core_traffic(StatsRegistry& stats, const memory::L1Caches& l1, const std::string& name) {
  const std::string p = "memory." + name + ".l1.";
  auto traffic = [&l1, name] { return l1.core_traffic(name); };
  stats.add(p + "reads", "access", "core reads through the L1 caches, fetches included (hits and misses)",
            [traffic] { return memory::all_reads(traffic()); });
  stats.add(p + "writes", "access", "core writes through the L1 D-cache (hits and misses)",
            [traffic] { return traffic().writes; });
  stats.add(p + "bytes_read", "byte", "bytes of core reads through the L1 caches, fetches included",
            [traffic] { return memory::all_bytes_read(traffic()); });
  stats.add(p + "bytes_written", "byte", "bytes of core writes through the L1 D-cache",
            [traffic] { return traffic().bytes_written; });
  stats.add(p + "fetches", "access", "instruction fetches through the L1 I-cache (part of reads)",
            [traffic] { return traffic().fetches; });
  stats.add(p + "fetch_bytes", "byte", "bytes fetched through the L1 I-cache (part of bytes_read)",
            [traffic] { return traffic().fetch_bytes; });
}
}  // namespace

void register_cache_stats(StatsRegistry& stats, const Platform& platform) {
  const memory::L1Caches* l1 = platform.l1();
  if (!l1) return;
  if (l1->icache()) register_icache(stats, *l1);
  if (l1->dcache()) register_dcache(stats, *l1);
  for (const std::string& name : l1->cached_memories()) register_core_traffic(stats, *l1, name);
}

}  // namespace sim
