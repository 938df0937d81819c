#include "sim/elf_loader.hpp"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <tuple>

#include <fmt/format.h>

namespace sim {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, std::string_view what) {
  throw ElfError(fmt::format("{}: {}", path.string(), what));
}

std::string libelf_message() {
  const char* m = elf_errmsg(-1);
  return m ? m : "unknown libelf error";
}

std::string machine_name(unsigned machine) {
  switch (machine) {
    case EM_386: return "x86 (i386)";
    case EM_X86_64: return "x86-64";
    case EM_AARCH64: return "AArch64";
    case EM_RISCV: return "RISC-V";
    case EM_MIPS: return "MIPS";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC 64";
    case EM_XTENSA: return "Xtensa";
    case EM_AVR: return "AVR";
    case EM_SPARC: return "SPARC";
    case EM_S390: return "S/390";
    case EM_ARM: return "Arm";
    default: return fmt::format("{} (unknown)", machine);
  }
}

// One open file and its libelf handle.
class ElfFile {
 public:
  explicit ElfFile(const fs::path& path) : path_(path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) fail(path, "no such file");
    if (!fs::is_regular_file(status)) fail(path, "not a regular file");
    size_ = fs::file_size(path, ec);
    if (ec) fail(path, ec.message());
    if (size_ == 0) fail(path, "file is empty, not an ELF file");
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) fail(path, fmt::format("cannot open: {}", std::strerror(errno)));
    if (elf_version(EV_CURRENT) == EV_NONE) fail(path, "libelf initialisation failed: " + libelf_message());
    elf_ = elf_begin(fd_, ELF_C_READ, nullptr);
    if (!elf_) fail(path, "cannot read: " + libelf_message());
  }
  ~ElfFile() {
    if (elf_) elf_end(elf_);
    if (fd_ >= 0) ::close(fd_);
  }
  ElfFile(const ElfFile&) = delete;
  ElfFile& operator=(const ElfFile&) = delete;

  Elf* elf() const { return elf_; }
  uint64_t size() const { return size_; }
  const fs::path& path() const { return path_; }
  bool has_elf_magic() const {
    char magic[SELFMAG];
    return ::pread(fd_, magic, SELFMAG, 0) == SELFMAG && std::memcmp(magic, ELFMAG, SELFMAG) == 0;
  }
  const uint8_t* raw() const {
    size_t n = 0;
    return reinterpret_cast<const uint8_t*>(elf_rawfile(elf_, &n));
  }

 private:
  fs::path path_;
  uint64_t size_ = 0;
  int fd_ = -1;
  Elf* elf_ = nullptr;
};

void check_identity(const ElfFile& f) {
  switch (elf_kind(f.elf())) {
    case ELF_K_ELF: break;
    case ELF_K_AR: fail(f.path(), "is an archive (.a), need a linked executable");
    default: fail(f.path(), f.has_elf_magic() ? "truncated ELF header" : "not an ELF file");
  }
  size_t n = 0;
  const char* ident = elf_getident(f.elf(), &n);
  if (!ident || n < EI_NIDENT) fail(f.path(), "truncated ELF header");
  if (ident[EI_CLASS] == ELFCLASS64) {
    GElf_Ehdr ehdr;
    const std::string machine = gelf_getehdr(f.elf(), &ehdr) ? " for " + machine_name(ehdr.e_machine) : "";
    fail(f.path(), fmt::format("is ELF64{}, need a 32-bit Arm ELF", machine));
  }
  if (ident[EI_CLASS] != ELFCLASS32) fail(f.path(), "has an invalid ELF class");
  if (ident[EI_DATA] == ELFDATA2MSB) fail(f.path(), "is big-endian, need a little-endian Arm ELF");
  if (ident[EI_DATA] != ELFDATA2LSB) fail(f.path(), "has an invalid data encoding");
}

const Elf32_Ehdr& check_header(const ElfFile& f) {
  const Elf32_Ehdr* ehdr = elf32_getehdr(f.elf());
  if (!ehdr) fail(f.path(), "truncated ELF header (" + libelf_message() + ")");
  if (ehdr->e_machine != EM_ARM) fail(f.path(), fmt::format("machine is {}, need Arm", machine_name(ehdr->e_machine)));
  switch (ehdr->e_type) {
    case ET_EXEC: break;
    case ET_REL: fail(f.path(), "is a relocatable object (.o), need a linked executable");
    case ET_DYN: fail(f.path(), "is a shared object or position-independent executable, need a static executable");
    case ET_CORE: fail(f.path(), "is a core dump, need an executable");
    default: fail(f.path(), fmt::format("has ELF type {}, need an executable (ET_EXEC)", ehdr->e_type));
  }
  return *ehdr;
}

ElfSegment read_segment(const ElfFile& f, const Elf32_Phdr& ph, size_t index) {
  if (uint64_t{ph.p_offset} + ph.p_filesz > f.size())
    fail(f.path(), fmt::format("program header {}: segment data at file offset {:#x}-{:#x} is past the end of the "
                               "file ({} bytes); truncated file?",
                               index, ph.p_offset, uint64_t{ph.p_offset} + ph.p_filesz, f.size()));
  if (ph.p_filesz > ph.p_memsz)
    fail(f.path(), fmt::format("program header {}: segment has more file bytes ({}) than memory bytes ({})", index,
                               ph.p_filesz, ph.p_memsz));
  if (uint64_t{ph.p_paddr} + ph.p_memsz > uint64_t{1} << 32 || uint64_t{ph.p_vaddr} + ph.p_memsz > uint64_t{1} << 32)
    fail(f.path(), fmt::format("program header {}: segment at {:#010x} runs past the end of the 32-bit address space",
                               index, ph.p_paddr));
  const uint8_t* bytes = f.raw() + ph.p_offset;
  return ElfSegment{ph.p_paddr, ph.p_vaddr, ph.p_memsz, ph.p_flags, std::vector<uint8_t>(bytes, bytes + ph.p_filesz)};
}

std::vector<ElfSegment> read_segments(const ElfFile& f, const Elf32_Ehdr& ehdr) {
  // From the header: libelf's elf_getphdrnum() quietly clamps the count to
  // what fits in the file, which would hide a truncated table.
  size_t count = ehdr.e_phnum;
  if (count == PN_XNUM && elf_getphdrnum(f.elf(), &count) != 0)
    fail(f.path(), "bad program header count (" + libelf_message() + ")");
  if (count > 0 && ehdr.e_phentsize != sizeof(Elf32_Phdr))
    fail(f.path(),
         fmt::format("program header entries are {} bytes, expected {}", ehdr.e_phentsize, sizeof(Elf32_Phdr)));
  if (uint64_t{ehdr.e_phoff} + uint64_t{count} * sizeof(Elf32_Phdr) > f.size())
    fail(f.path(), fmt::format("truncated program header table ({} entries at offset {:#x}, file is {} bytes)", count,
                               ehdr.e_phoff, f.size()));
  const Elf32_Phdr* ph = count > 0 ? elf32_getphdr(f.elf()) : nullptr;
  if (count > 0 && !ph) fail(f.path(), "unreadable program header table (" + libelf_message() + ")");
  std::vector<ElfSegment> segments;
  for (size_t i = 0; i < count; ++i)
    if (ph[i].p_type == PT_LOAD) segments.push_back(read_segment(f, ph[i], i));
  if (segments.empty()) fail(f.path(), "has no loadable (PT_LOAD) segments");
  return segments;
}

std::optional<ElfSymbol> to_symbol(const ElfFile& f, const Elf32_Sym& sym, size_t strtab) {
  const unsigned type = ELF32_ST_TYPE(sym.st_info);
  if ((type != STT_FUNC && type != STT_OBJECT) || sym.st_shndx == SHN_UNDEF) return std::nullopt;
  const char* name = elf_strptr(f.elf(), strtab, sym.st_name);
  if (!name || !*name) return std::nullopt;
  const unsigned bind = ELF32_ST_BIND(sym.st_info);
  const bool function = type == STT_FUNC;
  // Thumb functions have bit 0 set in their value; the code starts at the even address.
  return ElfSymbol{name, function ? sym.st_value & ~1u : sym.st_value, sym.st_size,
                   function ? SymbolType::Function : SymbolType::Object, bind == STB_GLOBAL || bind == STB_WEAK};
}

std::vector<ElfSymbol> read_symbols(const ElfFile& f, const Elf32_Ehdr& ehdr) {
  if (ehdr.e_shoff != 0 && uint64_t{ehdr.e_shoff} + uint64_t{ehdr.e_shnum} * ehdr.e_shentsize > f.size())
    fail(f.path(), "truncated section header table");
  std::vector<ElfSymbol> symbols;
  for (Elf_Scn* scn = elf_nextscn(f.elf(), nullptr); scn; scn = elf_nextscn(f.elf(), scn)) {
    const Elf32_Shdr* sh = elf32_getshdr(scn);
    if (!sh || sh->sh_type != SHT_SYMTAB) continue;
    const Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data) fail(f.path(), "unreadable symbol table (" + libelf_message() + ")");
    const auto* syms = static_cast<const Elf32_Sym*>(data->d_buf);
    for (size_t i = 0; i < data->d_size / sizeof(Elf32_Sym); ++i)
      if (auto s = to_symbol(f, syms[i], sh->sh_link)) symbols.push_back(std::move(*s));
  }
  return symbols;
}

// edgesim's sections (.edgesim.*): not allocated, so no segment holds them.
std::vector<ElfNote> read_notes(const ElfFile& f, const Elf32_Ehdr& ehdr) {
  std::vector<ElfNote> notes;
  if (ehdr.e_shoff == 0) return notes;
  size_t names = 0;
  if (elf_getshdrstrndx(f.elf(), &names) != 0) fail(f.path(), "unreadable section names (" + libelf_message() + ")");
  for (Elf_Scn* scn = elf_nextscn(f.elf(), nullptr); scn; scn = elf_nextscn(f.elf(), scn)) {
    const Elf32_Shdr* sh = elf32_getshdr(scn);
    if (!sh || sh->sh_type != SHT_PROGBITS || (sh->sh_flags & SHF_ALLOC)) continue;
    const char* name = elf_strptr(f.elf(), names, sh->sh_name);
    if (!name || !std::string_view(name).starts_with(".edgesim.")) continue;
    if (uint64_t{sh->sh_offset} + sh->sh_size > f.size())
      fail(f.path(), fmt::format("section {} at file offset {:#x}-{:#x} is past the end of the file ({} bytes)", name,
                                 sh->sh_offset, uint64_t{sh->sh_offset} + sh->sh_size, f.size()));
    const uint8_t* bytes = f.raw() + sh->sh_offset;
    notes.push_back({name, std::vector<uint8_t>(bytes, bytes + sh->sh_size)});
  }
  return notes;
}

// Among symbols at one address, which names the function: a sized one, a
// global one, then the alphabetically first (aliases such as the weak IRQ
// handlers all pointing at Default_Handler).
bool preferred(const ElfSymbol& a, const ElfSymbol& b) {
  return std::make_tuple(a.size == 0, !a.global, std::string_view(a.name)) <
         std::make_tuple(b.size == 0, !b.global, std::string_view(b.name));
}

}  // namespace

ElfImage::ElfImage(fs::path path, uint32_t entry, std::vector<ElfSegment> segments, std::vector<ElfSymbol> symbols,
                   std::vector<ElfNote> notes)
    : path_(std::move(path)),
      entry_(entry),
      segments_(std::move(segments)),
      symbols_(std::move(symbols)),
      notes_(std::move(notes)) {
  std::stable_sort(symbols_.begin(), symbols_.end(), [](const ElfSymbol& a, const ElfSymbol& b) {
    return a.value != b.value ? a.value < b.value : preferred(a, b);
  });
  for (size_t i = 0; i < symbols_.size(); ++i) {
    const ElfSymbol& s = symbols_[i];
    if (s.type != SymbolType::Function) continue;
    if (!functions_.empty() && functions_.back().start == s.value) continue;  // the preferred alias came first
    functions_.push_back({s.value, uint64_t{s.value} + s.size, i});
  }
  // Unsized functions (assembly without .size) reach up to the next function,
  // or to the end of the segment holding them.
  for (size_t i = 0; i < functions_.size(); ++i) {
    FunctionRange& f = functions_[i];
    if (symbols_[f.symbol].size != 0) continue;
    f.end = f.start + uint64_t{1};
    for (const ElfSegment& seg : segments_)
      if (f.start >= seg.vaddr && f.start < uint64_t{seg.vaddr} + seg.memsz) f.end = uint64_t{seg.vaddr} + seg.memsz;
    if (i + 1 < functions_.size()) f.end = std::min<uint64_t>(f.end, functions_[i + 1].start);
  }
}

const ElfSymbol* ElfImage::symbol(std::string_view name) const {
  const ElfSymbol* found = nullptr;
  for (const ElfSymbol& s : symbols_)
    if (s.name == name && (!found || (s.global && !found->global))) found = &s;
  return found;
}

const std::vector<uint8_t>* ElfImage::note(std::string_view name) const {
  for (const ElfNote& n : notes_)
    if (n.name == name) return &n.bytes;
  return nullptr;
}

const ElfSymbol* ElfImage::function_at(uint32_t addr) const {
  addr &= ~1u;
  auto it = std::upper_bound(functions_.begin(), functions_.end(), addr,
                             [](uint32_t a, const FunctionRange& f) { return a < f.start; });
  if (it == functions_.begin()) return nullptr;
  --it;
  return addr < it->end ? &symbols_[it->symbol] : nullptr;
}

ElfImage load_elf(const fs::path& path) {
  const ElfFile file(path);
  check_identity(file);
  const Elf32_Ehdr& ehdr = check_header(file);
  auto segments = read_segments(file, ehdr);
  auto symbols = read_symbols(file, ehdr);
  auto notes = read_notes(file, ehdr);
  return ElfImage(path, ehdr.e_entry, std::move(segments), std::move(symbols), std::move(notes));
}

[[noreturn]] static void outside_memory(const ElfImage& image, size_t index, const char* which, uint32_t addr,
                                        size_t len) {
  fail(image.path(),
       fmt::format("segment {} ({} bytes at {} address {:#010x}-{:#010x}) is outside the platform's memory", index,
                   len, which, addr, uint64_t{addr} + len - 1));
}

void load_into(const ElfImage& image, const LoadWriter& write) {
  const auto& segments = image.segments();
  for (size_t i = 0; i < segments.size(); ++i) {
    const ElfSegment& seg = segments[i];
    const size_t filesz = seg.data.size();
    if (filesz > 0 && !write(seg.paddr, seg.data.data(), filesz)) outside_memory(image, i, "load", seg.paddr, filesz);
    const size_t zeros = seg.memsz - filesz;
    if (zeros == 0) continue;
    // The zero-initialised tail (.bss) lives at the run address. Where that
    // differs from the load address (data copied out of flash at startup),
    // zeros written after the data in flash could overwrite whatever the
    // linker placed there next.
    const uint32_t at = static_cast<uint32_t>((seg.paddr == seg.vaddr ? seg.paddr : seg.vaddr) + filesz);
    const std::vector<uint8_t> zero_bytes(zeros, 0);
    if (!write(at, zero_bytes.data(), zeros))
      outside_memory(image, i, seg.paddr == seg.vaddr ? "load" : "run", at, zeros);
  }
}

}  // namespace sim
