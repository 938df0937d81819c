#include "sim/semihosting.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace sim {
namespace fs = std::filesystem;

namespace {

constexpr uint32_t kFail = 0xFFFFFFFF;  // -1 in r0
constexpr uint32_t kApplicationExit = 0x20026;  // ADP_Stopped_ApplicationExit
constexpr uint32_t kChunk = 64 * 1024;          // bounds host memory per transfer
constexpr uint32_t kMaxPathLength = 4096;

// ":semihosting-features": magic "SHFB", then feature byte 0 with
// SH_EXT_EXIT_EXTENDED (bit 0) and SH_EXT_STDOUT_STDERR (bit 1).
constexpr std::array<uint8_t, 5> kFeatureFile = {'S', 'H', 'F', 'B', 0x03};

// Open flags for the twelve fopen modes r, rb, r+, r+b, w, wb, w+, w+b, a, ab, a+, a+b.
constexpr std::array<int, 12> kOpenFlags = {
    O_RDONLY, O_RDONLY, O_RDWR, O_RDWR,
    O_WRONLY | O_CREAT | O_TRUNC, O_WRONLY | O_CREAT | O_TRUNC,
    O_RDWR | O_CREAT | O_TRUNC, O_RDWR | O_CREAT | O_TRUNC,
    O_WRONLY | O_CREAT | O_APPEND, O_WRONLY | O_CREAT | O_APPEND,
    O_RDWR | O_CREAT | O_APPEND, O_RDWR | O_CREAT | O_APPEND,
};

// The firmware's C library (newlib) numbers errno like Linux below 35; the
// few larger values it may see differ and are translated.
uint32_t target_errno(int host) {
  switch (host) {
    case ENOSYS: return 88;
    case ENOTEMPTY: return 90;
    case ENAMETOOLONG: return 91;
    case ELOOP: return 92;
    case EOVERFLOW: return 139;
    default: return host > 0 && host < 35 ? static_cast<uint32_t>(host) : 5;  // EIO
  }
}

// A guest pointer that does not reach accessible memory.
struct GuestFault {};

// Owns a POSIX file descriptor.
class HostFile {
 public:
  HostFile() = default;
  explicit HostFile(int fd) : fd_(fd) {}
  HostFile(HostFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  HostFile& operator=(HostFile&& other) noexcept {
    if (this != &other) {
      close();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~HostFile() { close(); }
  int fd() const { return fd_; }
  int close() { return fd_ < 0 ? 0 : ::close(std::exchange(fd_, -1)); }

 private:
  int fd_ = -1;
};

enum class FileKind : uint8_t { Stdin, Stdout, Stderr, Features, Host };

struct OpenFile {
  explicit OpenFile(FileKind k, HostFile h = {}) : kind(k), host(std::move(h)) {}
  FileKind kind;
  HostFile host;
  uint32_t position = 0;  // for the features file; host files keep their own
  bool console() const { return kind == FileKind::Stdin || kind == FileKind::Stdout || kind == FileKind::Stderr; }
};

// Moves bytes between guest memory and a host source or sink. Both return
// the byte count they handled, or -errno.
using Source = std::function<long(uint8_t* data, size_t len)>;
using Sink = std::function<long(const uint8_t* data, size_t len)>;

class CpuPort final : public SemihostingPort {
 public:
  explicit CpuPort(isa::Cpu& cpu) : cpu_(cpu) {}
  uint32_t reg(unsigned n) override { return cpu_.reg(n); }
  void set_reg(unsigned n, uint32_t value) override { cpu_.write_reg(n, value); }
  bool read(uint32_t addr, void* data, uint32_t len) override { return cpu_.debug_read(addr, data, len); }
  bool write(uint32_t addr, const void* data, uint32_t len) override { return cpu_.debug_write(addr, data, len); }
  uint64_t cycles() override { return cpu_.cycles(); }
  void request_exit(int code) override { cpu_.request_exit(code); }

 private:
  isa::Cpu& cpu_;
};

bool range_fits(uint32_t addr, uint64_t len) { return addr + len <= uint64_t{1} << 32; }

}  // namespace

class Semihosting::Impl {
 public:
  Impl(SemihostingConfig config, Console console);
  bool handle(SemihostingPort& port, uint8_t imm);
  std::optional<int> exit_code() const { return exit_code_; }

 private:
  // One semihosting call: the core and its parameter register (r1).
  struct Call {
    SemihostingPort& port;
    uint32_t param;
  };
  using Handler = uint32_t (Impl::*)(Call&);
  struct Operation {
    uint32_t number;
    Handler run;
  };
  static const std::array<Operation, 24> kOperations;

  // One function per operation; each returns the value for r0.
  uint32_t sys_open(Call& c);
  uint32_t sys_close(Call& c);
  uint32_t sys_writec(Call& c);
  uint32_t sys_write0(Call& c);
  uint32_t sys_write(Call& c);
  uint32_t sys_read(Call& c);
  uint32_t sys_readc(Call& c);
  uint32_t sys_iserror(Call& c);
  uint32_t sys_istty(Call& c);
  uint32_t sys_seek(Call& c);
  uint32_t sys_flen(Call& c);
  uint32_t sys_tmpnam(Call& c);
  uint32_t sys_remove(Call& c);
  uint32_t sys_rename(Call& c);
  uint32_t sys_clock(Call& c);
  uint32_t sys_time(Call& c);
  uint32_t sys_system(Call& c);
  uint32_t sys_errno(Call& c);
  uint32_t sys_get_cmdline(Call& c);
  uint32_t sys_heapinfo(Call& c);
  uint32_t sys_exit(Call& c);
  uint32_t sys_exit_extended(Call& c);
  uint32_t sys_elapsed(Call& c);
  uint32_t sys_tickfreq(Call& c);
  uint32_t unsupported(uint32_t op);

  // Guest memory; throw GuestFault where the firmware passed a bad pointer.
  static uint32_t field(Call& c, unsigned index);
  static void store_words(SemihostingPort& port, uint32_t addr, std::initializer_list<uint32_t> words);
  static std::string load_string(SemihostingPort& port, uint32_t addr, uint32_t len);
  static void store_cstring(SemihostingPort& port, uint32_t addr, const std::string& text);
  uint32_t copy_out(SemihostingPort& port, uint32_t addr, uint32_t len, const Sink& sink);
  uint32_t copy_in(SemihostingPort& port, uint32_t addr, uint32_t len, const Source& source);

  // Files.
  uint32_t add_file(OpenFile file);
  OpenFile* find_file(uint32_t handle);
  uint32_t open_host_file(const std::string& name, uint32_t mode);
  enum class Leaf : uint8_t { Follow, Keep };  // Keep: a final symlink is itself the object
  std::optional<fs::path> resolve(const std::string& guest_path, Leaf leaf);
  bool inside_root(const fs::path& p) const;

  // Console.
  long console_write(std::ostream& out, const uint8_t* data, size_t len);
  long console_read_line(uint8_t* data, size_t len);

  // Failure: r0 = -1 and SYS_ERRNO reports the error.
  uint32_t fail(int host_errno) { return partial(host_errno, kFail); }
  // Partial transfer: r0 = bytes not transferred, and the error is kept.
  uint32_t partial(int host_errno, uint32_t remaining) {
    errno_ = target_errno(host_errno);
    return remaining;
  }
  std::nullopt_t refuse(int host_errno) {
    fail(host_errno);
    return std::nullopt;
  }
  uint32_t finish(Call& c, uint32_t reason, int code);
  void warn_once(const std::string& message);

  SemihostingConfig config_;
  Console console_;
  std::map<uint32_t, OpenFile> files_;
  uint32_t errno_ = 0;
  std::optional<int> exit_code_;
  std::set<std::string> warned_;
};

const std::array<Semihosting::Impl::Operation, 24> Semihosting::Impl::kOperations = {{
    {0x01, &Impl::sys_open},
    {0x02, &Impl::sys_close},
    {0x03, &Impl::sys_writec},
    {0x04, &Impl::sys_write0},
    {0x05, &Impl::sys_write},
    {0x06, &Impl::sys_read},
    {0x07, &Impl::sys_readc},
    {0x08, &Impl::sys_iserror},
    {0x09, &Impl::sys_istty},
    {0x0A, &Impl::sys_seek},
    {0x0C, &Impl::sys_flen},
    {0x0D, &Impl::sys_tmpnam},
    {0x0E, &Impl::sys_remove},
    {0x0F, &Impl::sys_rename},
    {0x10, &Impl::sys_clock},
    {0x11, &Impl::sys_time},
    {0x12, &Impl::sys_system},
    {0x13, &Impl::sys_errno},
    {0x15, &Impl::sys_get_cmdline},
    {0x16, &Impl::sys_heapinfo},
    {0x18, &Impl::sys_exit},
    {0x20, &Impl::sys_exit_extended},
    {0x30, &Impl::sys_elapsed},
    {0x31, &Impl::sys_tickfreq},
}};

Semihosting::Impl::Impl(SemihostingConfig config, Console console)
    : config_(std::move(config)), console_(console) {
  if (config_.root) {
    std::error_code ec;
    fs::path root = fs::is_directory(*config_.root, ec) ? fs::canonical(*config_.root, ec) : fs::path();
    if (root.empty())
      throw std::invalid_argument(fmt::format("semihosting root '{}' is not a directory", config_.root->string()));
    config_.root = std::move(root);
  }
}

bool Semihosting::Impl::handle(SemihostingPort& port, uint8_t imm) {
  if (imm != kBkptImmediate) return false;
  if (exit_code_) return true;  // already exiting: newlib may trap again after SYS_EXIT_EXTENDED
  const uint32_t op = port.reg(0);
  Call call{port, port.reg(1)};
  const auto it =
      std::find_if(kOperations.begin(), kOperations.end(), [op](const Operation& o) { return o.number == op; });
  uint32_t result;
  try {
    result = it != kOperations.end() ? (this->*(it->run))(call) : unsupported(op);
  } catch (const GuestFault&) {
    result = fail(EFAULT);
  }
  if (!exit_code_) port.set_reg(0, result);
  return true;
}

// ---- guest memory ----

uint32_t Semihosting::Impl::field(Call& c, unsigned index) {
  const uint64_t addr = c.param + uint64_t{4} * index;
  std::array<uint8_t, 4> b{};
  if (!range_fits(c.param, uint64_t{4} * (index + 1)) || !c.port.read(static_cast<uint32_t>(addr), b.data(), 4))
    throw GuestFault{};
  return b[0] | b[1] << 8 | b[2] << 16 | uint32_t{b[3]} << 24;
}

void Semihosting::Impl::store_words(SemihostingPort& port, uint32_t addr, std::initializer_list<uint32_t> words) {
  std::vector<uint8_t> bytes;
  for (uint32_t w : words)
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<uint8_t>(w >> shift));
  if (!range_fits(addr, bytes.size()) || !port.write(addr, bytes.data(), static_cast<uint32_t>(bytes.size())))
    throw GuestFault{};
}

std::string Semihosting::Impl::load_string(SemihostingPort& port, uint32_t addr, uint32_t len) {
  std::string s(len, '\0');
  if (len > 0 && (!range_fits(addr, len) || !port.read(addr, s.data(), len))) throw GuestFault{};
  return s;
}

void Semihosting::Impl::store_cstring(SemihostingPort& port, uint32_t addr, const std::string& text) {
  const auto len = static_cast<uint32_t>(text.size() + 1);  // with the terminating NUL
  if (!range_fits(addr, len) || !port.write(addr, text.c_str(), len)) throw GuestFault{};
}

// Guest buffer -> sink. Returns the number of bytes NOT written (0: all).
uint32_t Semihosting::Impl::copy_out(SemihostingPort& port, uint32_t addr, uint32_t len, const Sink& sink) {
  if (!range_fits(addr, len)) return fail(EFAULT);
  std::vector<uint8_t> chunk(std::min(len, kChunk));
  uint32_t done = 0;
  while (done < len) {
    const uint32_t n = std::min(len - done, kChunk);
    if (!port.read(addr + done, chunk.data(), n)) return done == 0 ? fail(EFAULT) : partial(EFAULT, len - done);
    const long written = sink(chunk.data(), n);
    if (written < 0) return partial(static_cast<int>(-written), len - done);
    done += static_cast<uint32_t>(written);
    if (static_cast<uint32_t>(written) < n) break;
  }
  return len - done;
}

// Source -> guest buffer. Returns the number of bytes NOT filled (len: EOF).
uint32_t Semihosting::Impl::copy_in(SemihostingPort& port, uint32_t addr, uint32_t len, const Source& source) {
  if (!range_fits(addr, len)) return fail(EFAULT);
  std::vector<uint8_t> chunk(std::min(len, kChunk));
  uint32_t done = 0;
  while (done < len) {
    const uint32_t want = std::min(len - done, kChunk);
    const long got = source(chunk.data(), want);
    if (got < 0) return done == 0 ? fail(static_cast<int>(-got)) : partial(static_cast<int>(-got), len - done);
    if (got > 0 && !port.write(addr + done, chunk.data(), static_cast<uint32_t>(got)))
      return done == 0 ? fail(EFAULT) : partial(EFAULT, len - done);
    done += static_cast<uint32_t>(got);
    if (static_cast<uint32_t>(got) < want) break;  // end of file, or a console line
  }
  return len - done;
}

// ---- console ----

long Semihosting::Impl::console_write(std::ostream& out, const uint8_t* data, size_t len) {
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(len));
  out.flush();  // keep the order with the simulator's own output
  return out ? static_cast<long>(len) : -EIO;
}

// Reads like a terminal: up to len bytes, ending after a newline.
long Semihosting::Impl::console_read_line(uint8_t* data, size_t len) {
  if (!console_.in) return 0;
  size_t n = 0;
  while (n < len) {
    const int ch = console_.in->get();
    if (ch == std::char_traits<char>::eof()) break;
    data[n++] = static_cast<uint8_t>(ch);
    if (ch == '\n') break;
  }
  return static_cast<long>(n);
}

// ---- files ----

uint32_t Semihosting::Impl::add_file(OpenFile file) {
  uint32_t handle = 1;  // handles are nonzero; reuse the lowest free one
  for (const auto& [h, f] : files_) {
    if (h != handle) break;
    ++handle;
  }
  files_.emplace(handle, std::move(file));
  return handle;
}

OpenFile* Semihosting::Impl::find_file(uint32_t handle) {
  const auto it = files_.find(handle);
  return it == files_.end() ? nullptr : &it->second;
}

bool Semihosting::Impl::inside_root(const fs::path& p) const {
  const fs::path& root = *config_.root;
  const auto [r, q] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r == root.end();
}

// Maps a guest path to a host path below the root. Symlinks are resolved
// before the check, so a link pointing out of the root is refused too.
std::optional<fs::path> Semihosting::Impl::resolve(const std::string& guest_path, Leaf leaf) {
  if (!config_.root) {
    warn_once(fmt::format("firmware tried to access host file '{}'; host file access is off "
                          "(allow it with --semihosting-root DIR)", guest_path));
    return refuse(EACCES);
  }
  if (guest_path.empty()) return refuse(ENOENT);
  if (guest_path.find('\0') != std::string::npos) return refuse(EINVAL);
  const fs::path given(guest_path);
  const fs::path candidate = given.is_absolute() ? given : *config_.root / given;
  std::error_code ec;
  fs::path host;
  if (leaf == Leaf::Follow) {
    host = fs::weakly_canonical(candidate, ec);
  } else {
    const fs::path name = candidate.filename();
    if (name.empty() || name == "." || name == "..") return refuse(EINVAL);
    host = fs::weakly_canonical(candidate.parent_path(), ec) / name;
  }
  if (ec) return refuse(ec.value());
  if (!inside_root(host)) {
    warn_once(fmt::format("firmware tried to access '{}', outside the semihosting root '{}'", guest_path,
                          config_.root->string()));
    return refuse(EACCES);
  }
  return host;
}

uint32_t Semihosting::Impl::open_host_file(const std::string& name, uint32_t mode) {
  const auto path = resolve(name, Leaf::Follow);
  if (!path) return kFail;
  // O_NOFOLLOW: resolve() already followed every existing link; what is left
  // is a dangling one, which could otherwise create a file outside the root.
  const int fd = ::open(path->c_str(), kOpenFlags[mode] | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) return fail(errno);
  return add_file(OpenFile{FileKind::Host, HostFile(fd)});
}

// ---- operations ----

uint32_t Semihosting::Impl::sys_open(Call& c) {
  const uint32_t name_ptr = field(c, 0), mode = field(c, 1), len = field(c, 2);
  if (mode >= kOpenFlags.size()) return fail(EINVAL);
  if (len > kMaxPathLength) return fail(ENAMETOOLONG);
  const std::string name = load_string(c.port, name_ptr, len);
  if (name == ":tt") {
    // Read modes are stdin, "w" modes stdout, "a" modes stderr (SH_EXT_STDOUT_STDERR).
    const FileKind kind = mode < 4 ? FileKind::Stdin : mode < 8 ? FileKind::Stdout : FileKind::Stderr;
    return add_file(OpenFile{kind});
  }
  if (name == ":semihosting-features") return mode <= 1 ? add_file(OpenFile{FileKind::Features}) : fail(EACCES);
  return open_host_file(name, mode);
}

uint32_t Semihosting::Impl::sys_close(Call& c) {
  const uint32_t handle = field(c, 0);
  OpenFile* file = find_file(handle);
  if (!file) return fail(EBADF);
  const int rc = file->host.close();
  const int err = errno;
  files_.erase(handle);
  return rc == 0 ? 0 : fail(err);
}

uint32_t Semihosting::Impl::sys_writec(Call& c) {
  const std::string ch = load_string(c.port, c.param, 1);
  console_write(console_.out, reinterpret_cast<const uint8_t*>(ch.data()), 1);
  return 0;  // r0 is "corrupted" per the spec
}

uint32_t Semihosting::Impl::sys_write0(Call& c) {
  std::string text;
  for (uint32_t addr = c.param;; ++addr) {
    char ch = 0;
    if (!c.port.read(addr, &ch, 1)) {
      console_write(console_.out, reinterpret_cast<const uint8_t*>(text.data()), text.size());
      throw GuestFault{};
    }
    if (ch == '\0') break;
    text.push_back(ch);
  }
  console_write(console_.out, reinterpret_cast<const uint8_t*>(text.data()), text.size());
  return 0;
}

uint32_t Semihosting::Impl::sys_write(Call& c) {
  const uint32_t handle = field(c, 0), buffer = field(c, 1), len = field(c, 2);
  OpenFile* file = find_file(handle);
  if (!file) return fail(EBADF);
  switch (file->kind) {
    case FileKind::Stdout:
    case FileKind::Stderr: {
      std::ostream& out = file->kind == FileKind::Stdout ? console_.out : console_.err;
      return copy_out(c.port, buffer, len, [&](const uint8_t* d, size_t n) { return console_write(out, d, n); });
    }
    case FileKind::Host: {
      const int fd = file->host.fd();
      return copy_out(c.port, buffer, len, [fd](const uint8_t* d, size_t n) -> long {
        size_t done = 0;
        while (done < n) {
          const ssize_t w = ::write(fd, d + done, n - done);
          if (w < 0) return done > 0 ? static_cast<long>(done) : -errno;
          done += static_cast<size_t>(w);
        }
        return static_cast<long>(done);
      });
    }
    default:
      return fail(EBADF);  // stdin and the features file are read-only
  }
}

uint32_t Semihosting::Impl::sys_read(Call& c) {
  const uint32_t handle = field(c, 0), buffer = field(c, 1), len = field(c, 2);
  OpenFile* file = find_file(handle);
  if (!file) return fail(EBADF);
  switch (file->kind) {
    case FileKind::Stdin:
      return copy_in(c.port, buffer, len, [this](uint8_t* d, size_t n) { return console_read_line(d, n); });
    case FileKind::Features:
      return copy_in(c.port, buffer, len, [file](uint8_t* d, size_t n) -> long {
        const size_t start = std::min<size_t>(file->position, kFeatureFile.size());
        const size_t count = std::min(n, kFeatureFile.size() - start);
        std::copy_n(kFeatureFile.begin() + start, count, d);
        file->position += static_cast<uint32_t>(count);
        return static_cast<long>(count);
      });
    case FileKind::Host: {
      const int fd = file->host.fd();
      return copy_in(c.port, buffer, len, [fd](uint8_t* d, size_t n) -> long {
        size_t done = 0;
        while (done < n) {
          const ssize_t r = ::read(fd, d + done, n - done);
          if (r < 0) return done > 0 ? static_cast<long>(done) : -errno;
          if (r == 0) break;
          done += static_cast<size_t>(r);
        }
        return static_cast<long>(done);
      });
    }
    default:
      return fail(EBADF);  // stdout and stderr are write-only
  }
}

uint32_t Semihosting::Impl::sys_readc(Call&) {
  uint8_t ch = 0;
  return console_read_line(&ch, 1) == 1 ? ch : kFail;  // -1: end of input
}

uint32_t Semihosting::Impl::sys_iserror(Call& c) { return static_cast<int32_t>(field(c, 0)) < 0 ? 1 : 0; }

uint32_t Semihosting::Impl::sys_istty(Call& c) {
  const OpenFile* file = find_file(field(c, 0));
  if (!file) return fail(EBADF);
  // The console always counts as a terminal (QEMU asks the host's fd): newlib
  // then line-buffers stdout, so progress lines appear as they are printed.
  return file->console() ? 1 : 0;
}

uint32_t Semihosting::Impl::sys_seek(Call& c) {
  const uint32_t handle = field(c, 0), position = field(c, 1);
  OpenFile* file = find_file(handle);
  if (!file) return fail(EBADF);
  switch (file->kind) {
    case FileKind::Features:
      file->position = position;
      return 0;
    case FileKind::Host:
      return ::lseek(file->host.fd(), static_cast<off_t>(position), SEEK_SET) < 0 ? fail(errno) : 0;
    default:
      return fail(ESPIPE);
  }
}

uint32_t Semihosting::Impl::sys_flen(Call& c) {
  const OpenFile* file = find_file(field(c, 0));
  if (!file) return fail(EBADF);
  switch (file->kind) {
    case FileKind::Features:
      return static_cast<uint32_t>(kFeatureFile.size());
    case FileKind::Host: {
      struct stat st{};
      if (::fstat(file->host.fd(), &st) != 0) return fail(errno);
      return st.st_size > INT32_MAX ? fail(EOVERFLOW) : static_cast<uint32_t>(st.st_size);
    }
    default:
      return 0;  // a terminal has no length; newlib then treats it as a tty
  }
}

uint32_t Semihosting::Impl::sys_tmpnam(Call& c) {
  const uint32_t buffer = field(c, 0), id = field(c, 1), size = field(c, 2);
  if (!config_.root) return fail(EACCES);
  if (id > 255) return fail(EINVAL);
  // Relative, so that SYS_OPEN resolves it inside the root.
  const std::string name = fmt::format("edgesim-tmp-{:03}", id);
  if (name.size() + 1 > size) return fail(EINVAL);
  store_cstring(c.port, buffer, name);
  return 0;
}

uint32_t Semihosting::Impl::sys_remove(Call& c) {
  const uint32_t name_ptr = field(c, 0), len = field(c, 1);
  if (len > kMaxPathLength) return fail(ENAMETOOLONG);
  const auto path = resolve(load_string(c.port, name_ptr, len), Leaf::Keep);
  if (!path) return kFail;
  return ::unlink(path->c_str()) == 0 ? 0 : fail(errno);
}

uint32_t Semihosting::Impl::sys_rename(Call& c) {
  const uint32_t from_ptr = field(c, 0), from_len = field(c, 1), to_ptr = field(c, 2), to_len = field(c, 3);
  if (from_len > kMaxPathLength || to_len > kMaxPathLength) return fail(ENAMETOOLONG);
  const auto from = resolve(load_string(c.port, from_ptr, from_len), Leaf::Keep);
  if (!from) return kFail;
  const auto to = resolve(load_string(c.port, to_ptr, to_len), Leaf::Keep);
  if (!to) return kFail;
  return ::rename(from->c_str(), to->c_str()) == 0 ? 0 : fail(errno);
}

uint32_t Semihosting::Impl::sys_clock(Call& c) {
  if (config_.clock_hz == 0) return fail(ENOSYS);
  const uint64_t cycles = c.port.cycles();
  const uint64_t hz = config_.clock_hz;
  return static_cast<uint32_t>(cycles / hz * 100 + cycles % hz * 100 / hz);  // centiseconds
}

uint32_t Semihosting::Impl::sys_time(Call&) { return static_cast<uint32_t>(std::time(nullptr)); }

uint32_t Semihosting::Impl::sys_system(Call&) {
  warn_once("firmware asked to run a host command (SYS_SYSTEM); refused");
  return fail(EPERM);
}

uint32_t Semihosting::Impl::sys_errno(Call&) { return errno_; }

uint32_t Semihosting::Impl::sys_get_cmdline(Call& c) {
  const uint32_t buffer = field(c, 0), size = field(c, 1);
  const std::string& text = config_.command_line;
  if (text.size() + 1 > size) return fail(E2BIG);
  store_cstring(c.port, buffer, text);
  store_words(c.port, c.param + 4, {static_cast<uint32_t>(text.size())});
  return 0;
}

uint32_t Semihosting::Impl::sys_heapinfo(Call& c) {
  // r1 holds the address of a POINTER to the four-word block.
  const HeapInfo& h = config_.heap;
  store_words(c.port, field(c, 0), {h.heap_base, h.heap_limit, h.stack_base, h.stack_limit});
  return 0;
}

// On AArch32 r1 holds the reason itself; there is no way to pass a status,
// so ApplicationExit means 0 and anything else 1 (as QEMU does).
uint32_t Semihosting::Impl::sys_exit(Call& c) {
  return finish(c, c.param, c.param == kApplicationExit ? 0 : 1);
}

uint32_t Semihosting::Impl::sys_exit_extended(Call& c) {
  const uint32_t reason = field(c, 0), subcode = field(c, 1);
  return finish(c, reason, reason == kApplicationExit ? static_cast<int>(subcode) : 1);
}

uint32_t Semihosting::Impl::finish(Call& c, uint32_t reason, int code) {
  if (reason != kApplicationExit)
    warn_once(fmt::format("firmware stopped with semihosting reason {:#x} (not ApplicationExit); exit code 1", reason));
  console_.out.flush();
  console_.err.flush();
  exit_code_ = code;
  c.port.request_exit(code);
  return 0;
}

uint32_t Semihosting::Impl::sys_elapsed(Call& c) {
  const uint64_t ticks = c.port.cycles();
  store_words(c.port, c.param, {static_cast<uint32_t>(ticks), static_cast<uint32_t>(ticks >> 32)});
  return 0;
}

uint32_t Semihosting::Impl::sys_tickfreq(Call&) {
  if (config_.clock_hz == 0 || config_.clock_hz >= kFail) return fail(ENOSYS);
  return static_cast<uint32_t>(config_.clock_hz);
}

uint32_t Semihosting::Impl::unsupported(uint32_t op) {
  warn_once(fmt::format("unsupported semihosting operation {:#04x}; returned -1", op));
  return fail(ENOSYS);
}

void Semihosting::Impl::warn_once(const std::string& message) {
  if (config_.warn && warned_.insert(message).second) config_.warn(message);
}

// ---- public face ----

Semihosting::Semihosting(SemihostingConfig config, Console console)
    : impl_(std::make_unique<Impl>(std::move(config), console)) {}

Semihosting::~Semihosting() = default;

bool Semihosting::on_breakpoint(isa::Cpu& cpu, uint8_t imm) {
  CpuPort port(cpu);
  return impl_->handle(port, imm);
}

bool Semihosting::handle(SemihostingPort& port, uint8_t imm) { return impl_->handle(port, imm); }

std::optional<int> Semihosting::exit_code() const { return impl_->exit_code(); }

}  // namespace sim
