// sim::Semihosting against a fake core: a register file, one block of RAM
// and a cycle counter. Expected values come from Arm's "Semihosting for
// AArch32 and AArch64" specification and newlib's errno numbers.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/semihosting.hpp"

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kRamBase = 0x20000000;
constexpr uint32_t kRamSize = 0x10000;
constexpr uint32_t kUnmapped = 0x40000000;
constexpr uint32_t kFail = 0xFFFFFFFF;

// newlib errno values (arm-none-eabi sys/errno.h).
constexpr uint32_t kEBADF = 9, kEACCES = 13, kEFAULT = 14, kEINVAL = 22, kENOSYS = 88;

enum Op : uint32_t {
  kOpen = 0x01, kClose = 0x02, kWriteC = 0x03, kWrite0 = 0x04, kWrite = 0x05, kRead = 0x06, kReadC = 0x07,
  kIsError = 0x08, kIsTty = 0x09, kSeek = 0x0A, kFlen = 0x0C, kTmpNam = 0x0D, kRemove = 0x0E, kRename = 0x0F,
  kClock = 0x10, kTime = 0x11, kSystem = 0x12, kErrno = 0x13, kGetCmdline = 0x15, kHeapInfo = 0x16,
  kExit = 0x18, kExitExtended = 0x20, kElapsed = 0x30, kTickFreq = 0x31,
};

// fopen modes as SYS_OPEN numbers them.
enum Mode : uint32_t { kR = 0, kRb = 1, kRPlus = 2, kW = 4, kWb = 5, kA = 8, kAPlus = 10 };

class FakeCore final : public sim::SemihostingPort {
 public:
  std::array<uint32_t, 16> r{};
  std::vector<uint8_t> ram = std::vector<uint8_t>(kRamSize);
  uint64_t cycle_count = 0;
  std::vector<int> exits;

  uint32_t reg(unsigned n) override { return r[n]; }
  void set_reg(unsigned n, uint32_t value) override { r[n] = value; }
  bool read(uint32_t addr, void* data, uint32_t len) override {
    if (!mapped(addr, len)) return false;
    std::copy_n(ram.begin() + (addr - kRamBase), len, static_cast<uint8_t*>(data));
    return true;
  }
  bool write(uint32_t addr, const void* data, uint32_t len) override {
    if (!mapped(addr, len)) return false;
    std::copy_n(static_cast<const uint8_t*>(data), len, ram.begin() + (addr - kRamBase));
    return true;
  }
  uint64_t cycles() override { return cycle_count; }
  void request_exit(int code) override { exits.push_back(code); }

 private:
  static bool mapped(uint32_t addr, uint32_t len) {
    return addr >= kRamBase && uint64_t{addr} + len <= uint64_t{kRamBase} + kRamSize;
  }
};

// A semihosting instance, its console and guest memory helpers.
struct Bench {
  std::ostringstream out, err;
  std::istringstream in;
  std::vector<std::string> warnings;
  FakeCore core;
  sim::Semihosting semi;
  uint32_t next = kRamBase;  // bump allocator for guest data

  explicit Bench(sim::SemihostingConfig config = {}, std::string input = "")
      : in(std::move(input)), semi(with_warnings(std::move(config)), sim::Console{out, err, &in}) {}

  sim::SemihostingConfig with_warnings(sim::SemihostingConfig config) {
    config.warn = [this](const std::string& m) { warnings.push_back(m); };
    return config;
  }

  uint32_t call(uint32_t op, uint32_t param) {
    core.r[0] = op;
    core.r[1] = param;
    REQUIRE(semi.handle(core, 0xAB));
    return core.r[0];
  }
  uint32_t put(const void* data, size_t len) {
    const uint32_t addr = next;
    REQUIRE(core.write(addr, data, static_cast<uint32_t>(len)));
    next += static_cast<uint32_t>((len + 3) & ~size_t{3});
    return addr;
  }
  uint32_t put_string(const std::string& s) { return put(s.c_str(), s.size() + 1); }
  uint32_t put_words(std::initializer_list<uint32_t> words) {
    std::vector<uint8_t> bytes;
    for (uint32_t w : words)
      for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<uint8_t>(w >> shift));
    return put(bytes.data(), bytes.size());
  }
  uint32_t alloc(size_t len) {
    const std::vector<uint8_t> zeros(len);
    return put(zeros.data(), len);
  }
  uint32_t word_at(uint32_t addr) {
    uint8_t b[4];
    REQUIRE(core.read(addr, b, 4));
    return b[0] | b[1] << 8 | b[2] << 16 | uint32_t{b[3]} << 24;
  }
  std::string bytes_at(uint32_t addr, size_t len) {
    std::string s(len, '\0');
    REQUIRE(core.read(addr, s.data(), static_cast<uint32_t>(len)));
    return s;
  }

  // The C-library-level calls, as newlib's libgloss makes them.
  uint32_t open(const std::string& name, uint32_t mode) {
    return call(kOpen, put_words({put_string(name), mode, static_cast<uint32_t>(name.size())}));
  }
  uint32_t write(uint32_t handle, const std::string& data) {
    return call(kWrite, put_words({handle, put(data.data(), data.size()), static_cast<uint32_t>(data.size())}));
  }
  // Returns SYS_READ's result; the bytes read go to `data`.
  uint32_t read(uint32_t handle, uint32_t len, std::string& data) {
    const uint32_t buffer = alloc(len);
    const uint32_t left = call(kRead, put_words({handle, buffer, len}));
    data = left <= len ? bytes_at(buffer, len - left) : "";
    return left;
  }
  uint32_t close(uint32_t handle) { return call(kClose, put_words({handle})); }
  uint32_t last_errno() { return call(kErrno, 0); }
};

// A fresh directory under the system temp dir, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "edgesim-semihosting-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}

sim::SemihostingConfig rooted(const fs::path& root) {
  sim::SemihostingConfig c;
  c.root = root;
  return c;
}

}  // namespace

TEST_CASE("only BKPT 0xAB is a semihosting call", "[semihosting]") {
  Bench b;
  b.core.r[0] = kWriteC;
  b.core.r[1] = b.put_string("x");
  CHECK_FALSE(b.semi.handle(b.core, 0x00));
  CHECK_FALSE(b.semi.handle(b.core, 0xAC));
  CHECK(b.out.str().empty());
  CHECK(b.core.r[0] == kWriteC);
}

TEST_CASE("SYS_WRITEC and SYS_WRITE0 print to the console", "[semihosting]") {
  Bench b;
  b.call(kWriteC, b.put_string("A"));
  b.call(kWrite0, b.put_string("hello, world\n"));
  CHECK(b.out.str() == "Ahello, world\n");
  CHECK(b.err.str().empty());
}

TEST_CASE(":tt opens stdin, stdout or stderr by mode", "[semihosting]") {
  Bench b;
  const uint32_t in = b.open(":tt", kR);
  const uint32_t out = b.open(":tt", kW);
  const uint32_t err = b.open(":tt", kA);
  CHECK(in != 0);
  CHECK(in != kFail);
  CHECK(out != in);
  CHECK(err != out);

  CHECK(b.write(out, "to stdout\n") == 0);
  CHECK(b.write(err, "to stderr\n") == 0);
  CHECK(b.out.str() == "to stdout\n");
  CHECK(b.err.str() == "to stderr\n");

  CHECK(b.call(kIsTty, b.put_words({out})) == 1);
  CHECK(b.write(in, "x") == kFail);  // stdin is not writable
  CHECK(b.last_errno() == kEBADF);
  CHECK(b.close(out) == 0);
  CHECK(b.write(out, "gone") == kFail);
  CHECK(b.last_errno() == kEBADF);
}

TEST_CASE("handles are nonzero and the lowest free one is reused", "[semihosting]") {
  Bench b;
  const uint32_t first = b.open(":tt", kW);
  const uint32_t second = b.open(":tt", kW);
  CHECK(first == 1);
  CHECK(second == 2);
  CHECK(b.close(first) == 0);
  CHECK(b.open(":tt", kA) == 1);
  CHECK(b.close(7) == kFail);
  CHECK(b.last_errno() == kEBADF);
}

TEST_CASE(":semihosting-features reports EXIT_EXTENDED and STDOUT_STDERR", "[semihosting]") {
  Bench b;
  const uint32_t h = b.open(":semihosting-features", kR);
  REQUIRE(h != kFail);
  CHECK(b.call(kFlen, b.put_words({h})) == 5);
  CHECK(b.call(kIsTty, b.put_words({h})) == 0);

  std::string data;
  CHECK(b.read(h, 5, data) == 0);
  CHECK(data == std::string("SHFB\x03", 5));
  CHECK(b.read(h, 4, data) == 4);  // at the end: nothing read
  CHECK(b.call(kSeek, b.put_words({h, 4})) == 0);
  CHECK(b.read(h, 8, data) == 7);  // one byte, then end of file
  CHECK(data == "\x03");
  CHECK(b.close(h) == 0);

  SECTION("it may be open twice at once") {
    const uint32_t h1 = b.open(":semihosting-features", kRb);
    const uint32_t h2 = b.open(":semihosting-features", kR);
    CHECK(h1 != kFail);
    CHECK(h2 != kFail);
    CHECK(h1 != h2);
  }
  SECTION("and only for reading") {
    CHECK(b.open(":semihosting-features", kW) == kFail);
    CHECK(b.open(":semihosting-features", kRPlus) == kFail);
  }
}

TEST_CASE("reading the console stdin", "[semihosting]") {
  SECTION("SYS_READ returns one line at a time, then end of file") {
    Bench b({}, "hello\nworld");
    const uint32_t in = b.open(":tt", kR);
    std::string data;
    CHECK(b.read(in, 100, data) == 94);
    CHECK(data == "hello\n");
    CHECK(b.read(in, 3, data) == 0);
    CHECK(data == "wor");
    CHECK(b.read(in, 100, data) == 98);
    CHECK(data == "ld");
    CHECK(b.read(in, 100, data) == 100);  // EOF: nothing filled
  }
  SECTION("SYS_READC returns bytes, then -1") {
    Bench b({}, "ok");
    CHECK(b.call(kReadC, 0) == 'o');
    CHECK(b.call(kReadC, 0) == 'k');
    CHECK(b.call(kReadC, 0) == kFail);
  }
  SECTION("stdout is not readable") {
    Bench b({}, "data");
    std::string data;
    CHECK(b.read(b.open(":tt", kW), 4, data) == kFail);
    CHECK(b.last_errno() == kEBADF);
  }
}

TEST_CASE("without a root, host files are refused", "[semihosting]") {
  Bench b;
  const fs::path probe = fs::temp_directory_path() / "edgesim-should-not-exist.txt";
  CHECK(b.open(probe.string(), kW) == kFail);
  CHECK(b.last_errno() == kEACCES);
  CHECK_FALSE(fs::exists(probe));
  CHECK(b.open("data.bin", kR) == kFail);
  CHECK(b.open("data.bin", kR) == kFail);
  CHECK(b.last_errno() == kEACCES);
  // One warning per file, pointing at the option that allows it.
  REQUIRE(b.warnings.size() == 2);
  CHECK(b.warnings[1].find("data.bin") != std::string::npos);
  CHECK(b.warnings[1].find("--semihosting-root") != std::string::npos);

  const uint32_t name = b.put_string("x");
  CHECK(b.call(kRemove, b.put_words({name, 1})) == kFail);
  CHECK(b.call(kTmpNam, b.put_words({b.alloc(64), 1, 64})) == kFail);
}

TEST_CASE("host files under the root", "[semihosting]") {
  TempDir dir;
  Bench b(rooted(dir.path));

  SECTION("write, read back, seek, length") {
    const uint32_t h = b.open("out.txt", kWb);
    REQUIRE(h != kFail);
    CHECK(b.call(kIsTty, b.put_words({h})) == 0);
    CHECK(b.write(h, "0123456789") == 0);
    CHECK(b.close(h) == 0);
    CHECK(slurp(dir.path / "out.txt") == "0123456789");

    const uint32_t r = b.open("out.txt", kRb);
    REQUIRE(r != kFail);
    CHECK(b.call(kFlen, b.put_words({r})) == 10);
    std::string data;
    CHECK(b.read(r, 4, data) == 0);
    CHECK(data == "0123");
    CHECK(b.call(kSeek, b.put_words({r, 8})) == 0);
    CHECK(b.read(r, 5, data) == 3);  // partial: two bytes left
    CHECK(data == "89");
    CHECK(b.read(r, 5, data) == 5);  // end of file
    CHECK(b.write(r, "x") == 1);     // opened read-only: nothing written
    CHECK(b.close(r) == 0);
  }
  SECTION("append mode appends") {
    std::ofstream(dir.path / "log.txt") << "a";
    const uint32_t h = b.open("log.txt", kA);
    CHECK(b.write(h, "b") == 0);
    CHECK(b.close(h) == 0);
    CHECK(slurp(dir.path / "log.txt") == "ab");
  }
  SECTION("a missing file is ENOENT") {
    CHECK(b.open("missing.txt", kR) == kFail);
    CHECK(b.last_errno() == 2);
  }
  SECTION("paths inside the root: subdirectories, .. that stays inside, absolute") {
    fs::create_directory(dir.path / "sub");
    std::ofstream(dir.path / "sub" / "f.txt") << "inside";
    std::string data;
    CHECK(b.read(b.open("sub/f.txt", kR), 6, data) == 0);
    CHECK(data == "inside");
    CHECK(b.open("sub/../sub/f.txt", kR) != kFail);
    CHECK(b.open((dir.path / "sub" / "f.txt").string(), kR) != kFail);
  }
  SECTION("SYS_REMOVE and SYS_RENAME") {
    std::ofstream(dir.path / "a.txt") << "A";
    const uint32_t from = b.put_string("a.txt"), to = b.put_string("b.txt");
    CHECK(b.call(kRename, b.put_words({from, 5, to, 5})) == 0);
    CHECK_FALSE(fs::exists(dir.path / "a.txt"));
    CHECK(slurp(dir.path / "b.txt") == "A");
    CHECK(b.call(kRemove, b.put_words({to, 5})) == 0);
    CHECK_FALSE(fs::exists(dir.path / "b.txt"));
    CHECK(b.call(kRemove, b.put_words({to, 5})) != 0);
    CHECK(b.last_errno() == 2);
  }
  SECTION("SYS_TMPNAM gives a name that opens inside the root, the same for the same id") {
    const uint32_t buf = b.alloc(64);
    CHECK(b.call(kTmpNam, b.put_words({buf, 7, 64})) == 0);
    const std::string name = b.bytes_at(buf, 64).c_str();
    CHECK_FALSE(name.empty());
    CHECK(b.call(kTmpNam, b.put_words({buf, 7, 64})) == 0);
    CHECK(std::string(b.bytes_at(buf, 64).c_str()) == name);
    CHECK(b.call(kTmpNam, b.put_words({buf, 8, 64})) == 0);
    CHECK(std::string(b.bytes_at(buf, 64).c_str()) != name);
    const uint32_t h = b.open(name, kW);
    CHECK(h != kFail);
    CHECK(b.close(h) == 0);
    CHECK(fs::exists(dir.path / name));
    CHECK(b.call(kTmpNam, b.put_words({buf, 300, 64})) == kFail);  // id must be 0..255
    CHECK(b.call(kTmpNam, b.put_words({buf, 1, 2})) == kFail);     // buffer too small
  }
}

TEST_CASE("guest paths cannot leave the root", "[semihosting]") {
  TempDir outside;
  TempDir dir;
  std::ofstream(outside.path / "secret.txt") << "secret";
  Bench b(rooted(dir.path));
  const std::string secret = (outside.path / "secret.txt").string();
  const std::string relative_escape = "../" + outside.path.filename().string() + "/secret.txt";

  CHECK(b.open(secret, kR) == kFail);
  CHECK(b.last_errno() == kEACCES);
  CHECK(b.open(relative_escape, kR) == kFail);
  CHECK(b.last_errno() == kEACCES);
  CHECK(b.open("sub/../../x.txt", kW) == kFail);
  CHECK(b.open("/etc/passwd", kR) == kFail);

  SECTION("through a symlink") {
    fs::create_symlink(outside.path, dir.path / "link");
    CHECK(b.open("link/secret.txt", kR) == kFail);
    CHECK(b.open("link/new.txt", kW) == kFail);
    CHECK_FALSE(fs::exists(outside.path / "new.txt"));
  }
  SECTION("through a dangling symlink that would create a file outside") {
    fs::create_symlink(outside.path / "created.txt", dir.path / "dangling");
    CHECK(b.open("dangling", kW) == kFail);
    CHECK_FALSE(fs::exists(outside.path / "created.txt"));
  }
  SECTION("remove and rename too") {
    const uint32_t name = b.put_string(secret);
    CHECK(b.call(kRemove, b.put_words({name, static_cast<uint32_t>(secret.size())})) != 0);
    CHECK(fs::exists(outside.path / "secret.txt"));
    std::ofstream(dir.path / "mine.txt") << "m";
    const uint32_t mine = b.put_string("mine.txt");
    const uint32_t away = b.put_string(relative_escape);
    CHECK(b.call(kRename, b.put_words({mine, 8, away, static_cast<uint32_t>(relative_escape.size())})) != 0);
    CHECK(slurp(outside.path / "secret.txt") == "secret");
  }
  SECTION("a symlink inside the root pointing inside is fine") {
    std::ofstream(dir.path / "real.txt") << "real";
    fs::create_symlink(dir.path / "real.txt", dir.path / "alias.txt");
    std::string data;
    CHECK(b.read(b.open("alias.txt", kR), 4, data) == 0);
    CHECK(data == "real");
  }
}

TEST_CASE("a root that is not a directory is a configuration error", "[semihosting]") {
  std::ostringstream out;
  sim::SemihostingConfig config;
  config.root = "/nonexistent/edgesim/root";
  CHECK_THROWS_AS(sim::Semihosting(config, sim::Console{out, out}), std::invalid_argument);
}

TEST_CASE("bad guest pointers give -1 and EFAULT, not a crash", "[semihosting]") {
  Bench b;
  CHECK(b.call(kWrite0, kUnmapped) == kFail);
  CHECK(b.last_errno() == kEFAULT);
  CHECK(b.call(kOpen, kUnmapped) == kFail);  // parameter block
  CHECK(b.last_errno() == kEFAULT);
  CHECK(b.call(kOpen, b.put_words({kUnmapped, kR, 3})) == kFail);  // file name
  CHECK(b.last_errno() == kEFAULT);
  const uint32_t out = b.open(":tt", kW);
  CHECK(b.call(kWrite, b.put_words({out, kUnmapped, 4})) == kFail);  // buffer
  CHECK(b.last_errno() == kEFAULT);
  CHECK(b.call(kWrite, b.put_words({out, 0xFFFFFFF0, 0x100})) == kFail);  // wraps around
  CHECK(b.call(kWriteC, kUnmapped) == kFail);
  CHECK(b.call(kHeapInfo, b.put_words({kUnmapped})) == kFail);
  CHECK(b.call(kElapsed, kRamBase + kRamSize - 4) == kFail);  // second word unmapped
  CHECK(b.out.str().empty());
}

TEST_CASE("SYS_ISERROR: negative values are errors", "[semihosting]") {
  Bench b;
  CHECK(b.call(kIsError, b.put_words({kFail})) != 0);
  CHECK(b.call(kIsError, b.put_words({0x80000000})) != 0);
  CHECK(b.call(kIsError, b.put_words({0})) == 0);
  CHECK(b.call(kIsError, b.put_words({5})) == 0);
}

TEST_CASE("time is simulated: SYS_CLOCK, SYS_ELAPSED, SYS_TICKFREQ", "[semihosting]") {
  sim::SemihostingConfig config;
  config.clock_hz = 25'000'000;
  Bench b(config);
  b.core.cycle_count = 62'500'000;  // 2.5 s at 25 MHz
  CHECK(b.call(kClock, 0) == 250);
  CHECK(b.call(kTickFreq, 0) == 25'000'000);
  b.core.cycle_count = 0x123456789ull;
  const uint32_t block = b.alloc(8);
  CHECK(b.call(kElapsed, block) == 0);
  CHECK(b.word_at(block) == 0x23456789);
  CHECK(b.word_at(block + 4) == 0x1);

  SECTION("without a clock frequency they cannot answer") {
    Bench unclocked;
    CHECK(unclocked.call(kClock, 0) == kFail);
    CHECK(unclocked.call(kTickFreq, 0) == kFail);
  }
}

TEST_CASE("SYS_TIME is host wall-clock seconds since 1970", "[semihosting]") {
  Bench b;
  const auto before = static_cast<uint32_t>(std::time(nullptr));
  const uint32_t t = b.call(kTime, 0);
  const auto after = static_cast<uint32_t>(std::time(nullptr));
  CHECK(t >= before);
  CHECK(t <= after);
}

TEST_CASE("SYS_SYSTEM is refused", "[semihosting]") {
  Bench b;
  const uint32_t cmd = b.put_string("touch /tmp/edgesim-pwned");
  CHECK(b.call(kSystem, b.put_words({cmd, 24})) == kFail);
  CHECK_FALSE(fs::exists("/tmp/edgesim-pwned"));
  CHECK(b.warnings.size() == 1);
}

TEST_CASE("SYS_GET_CMDLINE", "[semihosting]") {
  sim::SemihostingConfig config;
  config.command_line = "app.elf --fast 3";
  Bench b(config);
  const uint32_t buffer = b.alloc(80);
  const uint32_t block = b.put_words({buffer, 80});
  CHECK(b.call(kGetCmdline, block) == 0);
  CHECK(b.bytes_at(buffer, 17) == std::string("app.elf --fast 3\0", 17));
  CHECK(b.word_at(block) == buffer);
  CHECK(b.word_at(block + 4) == 16);

  const uint32_t small = b.put_words({buffer, 16});  // no room for the terminator
  CHECK(b.call(kGetCmdline, small) == kFail);
}

TEST_CASE("SYS_HEAPINFO fills the block its parameter points to", "[semihosting]") {
  sim::SemihostingConfig config;
  config.heap = {0x20001000, 0x20008000, 0x20010000, 0x20008000};
  Bench b(config);
  const uint32_t block = b.alloc(16);
  const uint32_t pointer = b.put_words({block});
  CHECK(b.call(kHeapInfo, pointer) == 0);
  CHECK(b.word_at(block) == 0x20001000);
  CHECK(b.word_at(block + 4) == 0x20008000);
  CHECK(b.word_at(block + 8) == 0x20010000);
  CHECK(b.word_at(block + 12) == 0x20008000);
  CHECK(b.word_at(pointer) == block);  // the pointer itself is left alone

  SECTION("the default is all zeros: newlib then uses its linker symbols") {
    Bench d;
    const uint32_t blk = d.put_words({1, 2, 3, 4});
    CHECK(d.call(kHeapInfo, d.put_words({blk})) == 0);
    CHECK(d.word_at(blk) == 0);
    CHECK(d.word_at(blk + 12) == 0);
  }
}

TEST_CASE("exit", "[semihosting]") {
  Bench b;
  SECTION("SYS_EXIT with ApplicationExit in r1 is exit code 0") {
    b.call(kExit, 0x20026);
    CHECK(b.core.exits == std::vector<int>{0});
    CHECK(b.semi.exit_code() == 0);
  }
  SECTION("SYS_EXIT with another reason is exit code 1") {
    b.call(kExit, 0x20023);  // ADP_Stopped_RunTimeErrorUnknown (abort)
    CHECK(b.core.exits == std::vector<int>{1});
    CHECK(b.warnings.size() == 1);
  }
  SECTION("SYS_EXIT_EXTENDED carries the status") {
    b.call(kExitExtended, b.put_words({0x20026, 42}));
    CHECK(b.core.exits == std::vector<int>{42});
    CHECK(b.semi.exit_code() == 42);
  }
  SECTION("SYS_EXIT_EXTENDED with another reason is exit code 1") {
    b.call(kExitExtended, b.put_words({0x20024, 42}));
    CHECK(b.core.exits == std::vector<int>{1});
  }
  SECTION("calls after the first exit are ignored") {
    b.call(kExitExtended, b.put_words({0x20026, 3}));
    b.call(kExit, 0x20026);  // newlib's fall-through second exit
    b.call(kWrite0, b.put_string("late"));
    CHECK(b.core.exits == std::vector<int>{3});
    CHECK(b.semi.exit_code() == 3);
    CHECK(b.out.str().empty());
  }
  CHECK(b.semi.exit_code().has_value());
}

TEST_CASE("unknown operations fail with ENOSYS", "[semihosting]") {
  Bench b;
  CHECK(b.call(0x55, 0) == kFail);
  CHECK(b.last_errno() == kENOSYS);
  CHECK(b.call(0x17, 0) == kFail);  // angel_SWIreason_EnterSVC: reserved
  CHECK(b.warnings.size() == 2);
  CHECK(b.open(":tt", 12) == kFail);  // no such fopen mode
  CHECK(b.last_errno() == kEINVAL);
}
