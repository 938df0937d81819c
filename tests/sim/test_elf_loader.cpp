// sim::load_elf and sim::load_into. Well-formed and malformed ELF files are
// written byte by byte from <elf.h> structures, so every expected value is
// known by construction; one more case links a real program with
// arm-none-eabi-gcc and checks the loader against arm-none-eabi-nm.
#include <catch2/catch.hpp>

#include <elf.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "sim/elf_loader.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "edgesim-elf-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::vector<uint8_t>& bytes) const {
    const fs::path p = path / name;
    std::ofstream(p, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                             static_cast<std::streamsize>(bytes.size()));
    return p;
  }
};

template <typename T>
void append(std::vector<uint8_t>& out, const T& value) {
  const auto* p = reinterpret_cast<const uint8_t*>(&value);
  out.insert(out.end(), p, p + sizeof(T));
}

// Builds a 32-bit little-endian ELF: header, program headers, segment bytes,
// then .symtab, .strtab, .shstrtab and the section header table.
struct ElfBuilder {
  struct Segment {
    uint32_t type, paddr, vaddr, memsz, flags;
    std::vector<uint8_t> data;
  };
  struct Symbol {
    std::string name;
    uint32_t value, size;
    unsigned char type, bind;
    uint16_t shndx = 1;
  };
  uint16_t machine = EM_ARM;
  uint16_t type = ET_EXEC;
  unsigned char elf_class = ELFCLASS32;
  unsigned char data_encoding = ELFDATA2LSB;
  uint32_t entry = 0x101;
  std::vector<Segment> segments;
  std::vector<Symbol> symbols;

  std::vector<uint8_t> build() const {
    std::vector<uint8_t> out(sizeof(Elf32_Ehdr) + segments.size() * sizeof(Elf32_Phdr));
    std::vector<uint32_t> offsets;
    for (const Segment& s : segments) {
      offsets.push_back(static_cast<uint32_t>(out.size()));
      out.insert(out.end(), s.data.begin(), s.data.end());
    }
    std::string strtab(1, '\0');
    const uint32_t symtab_off = static_cast<uint32_t>(out.size());
    append(out, Elf32_Sym{});
    for (const Symbol& s : symbols) {
      Elf32_Sym sym{};
      sym.st_name = static_cast<uint32_t>(strtab.size());
      strtab += s.name + '\0';
      sym.st_value = s.value;
      sym.st_size = s.size;
      sym.st_info = static_cast<unsigned char>(ELF32_ST_INFO(s.bind, s.type));
      sym.st_shndx = s.shndx;
      append(out, sym);
    }
    const uint32_t strtab_off = static_cast<uint32_t>(out.size());
    out.insert(out.end(), strtab.begin(), strtab.end());
    const std::string shstrtab = std::string("\0.symtab\0.strtab\0.shstrtab\0", 27);
    const uint32_t shstrtab_off = static_cast<uint32_t>(out.size());
    out.insert(out.end(), shstrtab.begin(), shstrtab.end());
    while (out.size() % 4) out.push_back(0);
    const uint32_t shoff = static_cast<uint32_t>(out.size());
    append(out, Elf32_Shdr{});
    append(out, section(1, SHT_SYMTAB, symtab_off, (symbols.size() + 1) * sizeof(Elf32_Sym), 2, sizeof(Elf32_Sym)));
    append(out, section(9, SHT_STRTAB, strtab_off, strtab.size(), 0, 0));
    append(out, section(17, SHT_STRTAB, shstrtab_off, shstrtab.size(), 0, 0));

    Elf32_Ehdr eh{};
    std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = elf_class;
    eh.e_ident[EI_DATA] = data_encoding;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = type;
    eh.e_machine = machine;
    eh.e_version = EV_CURRENT;
    eh.e_entry = entry;
    eh.e_phoff = segments.empty() ? 0 : sizeof(Elf32_Ehdr);
    eh.e_shoff = shoff;
    eh.e_flags = 0x05000200;  // EABI5, soft-float
    eh.e_ehsize = sizeof(Elf32_Ehdr);
    eh.e_phentsize = sizeof(Elf32_Phdr);
    eh.e_phnum = static_cast<uint16_t>(segments.size());
    eh.e_shentsize = sizeof(Elf32_Shdr);
    eh.e_shnum = 4;
    eh.e_shstrndx = 3;
    std::memcpy(out.data(), &eh, sizeof eh);
    for (size_t i = 0; i < segments.size(); ++i) {
      const Segment& s = segments[i];
      Elf32_Phdr ph{};
      ph.p_type = s.type;
      ph.p_offset = offsets[i];
      ph.p_vaddr = s.vaddr;
      ph.p_paddr = s.paddr;
      ph.p_filesz = static_cast<uint32_t>(s.data.size());
      ph.p_memsz = s.memsz;
      ph.p_flags = s.flags;
      ph.p_align = 4;
      std::memcpy(out.data() + sizeof(Elf32_Ehdr) + i * sizeof(Elf32_Phdr), &ph, sizeof ph);
    }
    return out;
  }

  static Elf32_Shdr section(uint32_t name, uint32_t type, uint32_t offset, size_t size, uint32_t link,
                            uint32_t entsize) {
    Elf32_Shdr sh{};
    sh.sh_name = name;
    sh.sh_type = type;
    sh.sh_offset = offset;
    sh.sh_size = static_cast<uint32_t>(size);
    sh.sh_link = link;
    sh.sh_info = 1;
    sh.sh_addralign = 4;
    sh.sh_entsize = entsize;
    return sh;
  }
};

// A typical flash image: code at 0x100 (LMA = VMA), initialised data run at
// 0x20000000 but loaded after the code at 0x200, followed by 8 bytes of .bss.
ElfBuilder firmware() {
  ElfBuilder b;
  b.segments.push_back(
      {PT_LOAD, 0x100, 0x100, 16, PF_R | PF_X, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}});
  b.segments.push_back({PT_ARM_EXIDX, 0x300, 0x300, 4, PF_R, {9, 9, 9, 9}});  // not PT_LOAD: skipped
  b.segments.push_back({PT_LOAD, 0x200, 0x20000000, 12, PF_R | PF_W, {0xAA, 0xBB, 0xCC, 0xDD}});
  b.symbols = {
      {"Reset_Handler", 0x101, 2, STT_FUNC, STB_GLOBAL},
      {"main", 0x103, 4, STT_FUNC, STB_GLOBAL},
      {"helper", 0x107, 0, STT_FUNC, STB_LOCAL},  // assembly, no .size
      {"Default_Handler", 0x10B, 0, STT_FUNC, STB_GLOBAL},
      {"SysTick_Handler", 0x10B, 0, STT_FUNC, STB_WEAK},  // alias of Default_Handler
      {"counter", 0x20000000, 4, STT_OBJECT, STB_GLOBAL},
      {"$t", 0x100, 0, STT_NOTYPE, STB_LOCAL},        // mapping symbol
      {"fw.c", 0, 0, STT_FILE, STB_LOCAL, SHN_ABS},  // file symbol
      {"puts", 0, 0, STT_FUNC, STB_GLOBAL, SHN_UNDEF},
      {"_estack", 0x20001000, 0, STT_NOTYPE, STB_GLOBAL, SHN_ABS},
  };
  return b;
}

std::string error_of(const fs::path& p) {
  try {
    sim::load_elf(p);
  } catch (const sim::ElfError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("load_elf reads entry, loadable segments and symbols", "[elf]") {
  TempDir dir;
  const auto image = sim::load_elf(dir.write("fw.elf", firmware().build()));
  CHECK(image.entry() == 0x101);
  CHECK(image.path().filename() == "fw.elf");

  REQUIRE(image.segments().size() == 2);
  const auto& text = image.segments()[0];
  CHECK(text.paddr == 0x100);
  CHECK(text.vaddr == 0x100);
  CHECK(text.memsz == 16);
  CHECK(text.flags == (PF_R | PF_X));
  CHECK(text.data.size() == 16);
  CHECK(text.data[15] == 16);
  const auto& data = image.segments()[1];
  CHECK(data.paddr == 0x200);
  CHECK(data.vaddr == 0x20000000);
  CHECK(data.memsz == 12);
  CHECK(data.data == std::vector<uint8_t>{0xAA, 0xBB, 0xCC, 0xDD});

  // Functions and objects only, defined ones, by address.
  std::vector<std::string> names;
  for (const auto& s : image.symbols()) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"Reset_Handler", "main", "helper", "Default_Handler", "SysTick_Handler",
                                          "counter"});
}

TEST_CASE("symbol lookup by name", "[elf]") {
  TempDir dir;
  const auto image = sim::load_elf(dir.write("fw.elf", firmware().build()));
  const auto* main = image.symbol("main");
  REQUIRE(main != nullptr);
  CHECK(main->value == 0x102);  // Thumb bit cleared: the address of the code
  CHECK(main->size == 4);
  CHECK(main->type == sim::SymbolType::Function);
  CHECK(main->global);
  const auto* counter = image.symbol("counter");
  REQUIRE(counter != nullptr);
  CHECK(counter->value == 0x20000000);
  CHECK(counter->type == sim::SymbolType::Object);
  CHECK_FALSE(image.symbol("helper")->global);
  CHECK(image.symbol("puts") == nullptr);  // undefined
  CHECK(image.symbol("$t") == nullptr);    // mapping symbol
  CHECK(image.symbol("nope") == nullptr);
}

TEST_CASE("function_at maps a PC to its function", "[elf]") {
  TempDir dir;
  const auto image = sim::load_elf(dir.write("fw.elf", firmware().build()));
  auto name_at = [&](uint32_t pc) {
    const auto* f = image.function_at(pc);
    return f ? f->name : std::string("-");
  };
  CHECK(name_at(0x0FF) == "-");
  CHECK(name_at(0x100) == "Reset_Handler");
  CHECK(name_at(0x101) == "Reset_Handler");  // Thumb bit ignored
  CHECK(name_at(0x102) == "main");            // Reset_Handler is 2 bytes
  CHECK(name_at(0x105) == "main");
  CHECK(name_at(0x106) == "helper");   // unsized: up to the next function
  CHECK(name_at(0x109) == "helper");
  CHECK(name_at(0x10A) == "Default_Handler");  // of two unsized global aliases, the first by name
  CHECK(name_at(0x10F) == "Default_Handler");  // unsized and last: to the end of its segment
  CHECK(name_at(0x110) == "-");
  CHECK(name_at(0x20000000) == "-");  // an object, not a function
}

TEST_CASE("load_into writes at the load address and zero-fills .bss at the run address", "[elf]") {
  TempDir dir;
  const auto image = sim::load_elf(dir.write("fw.elf", firmware().build()));
  std::map<uint32_t, std::vector<uint8_t>> writes;
  sim::load_into(image, [&](uint32_t addr, const uint8_t* d, size_t n) {
    writes[addr] = std::vector<uint8_t>(d, d + n);
    return true;
  });
  CHECK(writes.size() == 3);
  CHECK(writes[0x100].size() == 16);
  CHECK(writes[0x200] == std::vector<uint8_t>{0xAA, 0xBB, 0xCC, 0xDD});  // .data image in flash
  CHECK(writes[0x20000004] == std::vector<uint8_t>(8, 0));               // .bss after .data in RAM
}

TEST_CASE("load_into zero-fills in place when load and run addresses agree", "[elf]") {
  TempDir dir;
  sim::ElfImage image(dir.path / "ram.elf", 0x20000001, {{0x20000000, 0x20000000, 16, PF_R | PF_W, {1, 2}}}, {});
  std::vector<uint8_t> ram(32, 0xEE);
  sim::load_into(image, [&](uint32_t addr, const uint8_t* d, size_t n) {
    std::copy_n(d, n, ram.begin() + (addr - 0x20000000));
    return true;
  });
  CHECK(ram[0] == 1);
  CHECK(ram[1] == 2);
  CHECK(std::all_of(ram.begin() + 2, ram.begin() + 16, [](uint8_t b) { return b == 0; }));
  CHECK(ram[16] == 0xEE);
}

TEST_CASE("load_into reports a segment outside memory with its address range", "[elf]") {
  TempDir dir;
  const auto image = sim::load_elf(dir.write("fw.elf", firmware().build()));
  auto flash_only = [](uint32_t addr, const uint8_t*, size_t n) { return addr + n <= 0x1000; };
  try {
    sim::load_into(image, flash_only);
    FAIL("expected ElfError");
  } catch (const sim::ElfError& e) {
    const std::string m = e.what();
    CHECK(m.find("fw.elf") != std::string::npos);
    CHECK(m.find("0x20000004-0x2000000b") != std::string::npos);
  }
  auto no_memory = [](uint32_t, const uint8_t*, size_t) { return false; };
  CHECK_THROWS_WITH(sim::load_into(image, no_memory), Catch::Contains("0x00000100-0x0000010f"));
}

TEST_CASE("files that are not usable firmware give one clear error", "[elf]") {
  TempDir dir;
  auto error_for = [&](const ElfBuilder& b) { return error_of(dir.write("bad.elf", b.build())); };
  using Catch::Contains;

  SECTION("missing file") {
    CHECK_THAT(error_of(dir.path / "missing.elf"), Contains("missing.elf") && Contains("no such file"));
  }
  SECTION("empty file") {
    CHECK_THAT(error_of(dir.write("empty.elf", {})), Contains("empty.elf") && Contains("empty"));
  }
  SECTION("a directory") { CHECK_THAT(error_of(dir.path), Contains("not a regular file")); }
  SECTION("random bytes") {
    std::mt19937 rng(1234);
    std::vector<uint8_t> noise(4096);
    for (auto& b : noise) b = static_cast<uint8_t>(rng());
    CHECK_THAT(error_of(dir.write("noise.bin", noise)), Contains("noise.bin: not an ELF file"));
  }
  SECTION("text") {
    const std::string text = "int main() { return 0; }\n";
    CHECK_THAT(error_of(dir.write("main.c", {text.begin(), text.end()})), Contains("not an ELF file"));
  }
  SECTION("a host executable (/bin/true: ELF64)") {
    REQUIRE(fs::exists("/bin/true"));
    CHECK_THAT(error_of("/bin/true"),
               Contains("/bin/true") && Contains("is ELF64") && Contains("need a 32-bit Arm ELF"));
  }
  SECTION("32-bit, wrong machine") {
    ElfBuilder b = firmware();
    b.machine = EM_X86_64;  // the x32 ABI
    CHECK_THAT(error_for(b), Contains("machine is x86-64, need Arm"));
    b.machine = EM_386;
    CHECK_THAT(error_for(b), Contains("machine is x86 (i386), need Arm"));
  }
  SECTION("big-endian") {
    ElfBuilder b = firmware();
    b.data_encoding = ELFDATA2MSB;
    CHECK_THAT(error_for(b), Contains("big-endian"));
  }
  SECTION("not an executable") {
    ElfBuilder b = firmware();
    b.type = ET_REL;
    CHECK_THAT(error_for(b), Contains("relocatable object"));
    b.type = ET_DYN;
    CHECK_THAT(error_for(b), Contains("shared object"));
  }
  SECTION("no loadable segments") {
    ElfBuilder b = firmware();
    b.segments.clear();
    CHECK_THAT(error_for(b), Contains("no loadable"));
  }
  SECTION("more file bytes than memory bytes") {
    ElfBuilder b = firmware();
    b.segments[0].memsz = 4;
    CHECK_THAT(error_for(b), Contains("more file bytes (16) than memory bytes (4)"));
  }
  SECTION("a segment running past 4 GiB") {
    ElfBuilder b = firmware();
    b.segments[0].paddr = b.segments[0].vaddr = 0xFFFFFFFC;
    CHECK_THAT(error_for(b), Contains("32-bit address space"));
  }
  SECTION("truncated inside the ELF header") {
    auto bytes = firmware().build();
    bytes.resize(30);
    CHECK_THAT(error_of(dir.write("cut.elf", bytes)), Contains("truncated ELF header"));
  }
  SECTION("truncated inside the program header table") {
    auto bytes = firmware().build();
    bytes.resize(sizeof(Elf32_Ehdr) + sizeof(Elf32_Phdr) + 10);
    CHECK_THAT(error_of(dir.write("cut.elf", bytes)), Contains("cut.elf") && Contains("truncated program header"));
  }
  SECTION("truncated inside segment data") {
    auto bytes = firmware().build();
    bytes.resize(sizeof(Elf32_Ehdr) + 3 * sizeof(Elf32_Phdr) + 5);
    CHECK_THAT(error_of(dir.write("cut.elf", bytes)), Contains("past the end of the file"));
  }
  SECTION("truncated inside the section headers") {
    auto bytes = firmware().build();
    bytes.resize(bytes.size() - 8);
    CHECK_THAT(error_of(dir.write("cut.elf", bytes)), Contains("truncated section header table"));
  }
}

#ifdef EDGESIM_ARM_GCC
namespace {

std::string run(const std::string& command) {
  std::string output;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  REQUIRE(pipe);
  char buf[256];
  while (std::fgets(buf, sizeof buf, pipe.get())) output += buf;
  return output;
}

struct NmSymbol {
  uint32_t value;
  uint32_t size;
};

// arm-none-eabi-nm -S --defined-only: "value size type name" (size absent for unsized symbols).
std::map<std::string, NmSymbol> nm_symbols(const fs::path& elf) {
  std::map<std::string, NmSymbol> out;
  std::istringstream lines(run(std::string(EDGESIM_ARM_NM) + " -S --defined-only " + elf.string()));
  for (std::string line; std::getline(lines, line);) {
    std::istringstream f(line);
    std::vector<std::string> fields;
    for (std::string w; f >> w;) fields.push_back(w);
    if (fields.size() == 4)
      out[fields[3]] = {static_cast<uint32_t>(std::stoul(fields[0], nullptr, 16)),
                        static_cast<uint32_t>(std::stoul(fields[1], nullptr, 16))};
    else if (fields.size() == 3)
      out[fields[2]] = {static_cast<uint32_t>(std::stoul(fields[0], nullptr, 16)), 0};
  }
  return out;
}

}  // namespace

TEST_CASE("a program linked by arm-none-eabi-gcc agrees with arm-none-eabi-nm", "[elf][toolchain]") {
  TempDir dir;
  std::ofstream(dir.path / "fw.c") << R"(
volatile int counter = 0x12345678;
int zeroed[4];
const int table[3] = {1, 2, 3};
void Reset_Handler(void);
__attribute__((section(".vectors"), used)) const void* vectors[2] = {(void*)0x20001000, (void*)Reset_Handler};
static int helper(int x) { return x * 3 + counter; }
int main(void) { return helper(zeroed[1]) + table[2]; }
void Reset_Handler(void) { main(); for (;;) {} }
)";
  std::ofstream(dir.path / "link.ld") << R"(
MEMORY { FLASH (rx) : ORIGIN = 0x00000000, LENGTH = 64K  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 16K }
ENTRY(Reset_Handler)
SECTIONS {
  .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) } > FLASH
  _sidata = LOADADDR(.data);
  .data : { _sdata = .; *(.data*) _edata = .; } > RAM AT > FLASH
  .bss (NOLOAD) : { _sbss = .; *(.bss*) *(COMMON) _ebss = .; } > RAM
}
)";
  const fs::path elf = dir.path / "fw.elf";
  const std::string cc = std::string(EDGESIM_ARM_GCC) + " -mcpu=cortex-m4 -mthumb -O1 -fno-inline -nostdlib -T " +
                         (dir.path / "link.ld").string() + " " + (dir.path / "fw.c").string() + " -o " +
                         elf.string() + " 2>&1";
  INFO(run(cc));
  REQUIRE(fs::exists(elf));

  const auto image = sim::load_elf(elf);
  const auto nm = nm_symbols(elf);
  // Every function and object the loader reports is where nm says (nm prints
  // Thumb functions at their even code address), with nm's size.
  for (const char* name : {"Reset_Handler", "main", "helper", "counter", "zeroed", "table", "vectors"}) {
    INFO(name);
    const auto* s = image.symbol(name);
    REQUIRE(s != nullptr);
    REQUIRE(nm.count(name) == 1);
    CHECK(s->value == nm.at(name).value);
    CHECK(s->size == nm.at(name).size);
  }
  CHECK(image.symbol("helper")->type == sim::SymbolType::Function);
  CHECK(image.symbol("zeroed")->type == sim::SymbolType::Object);
  CHECK(image.entry() == (nm.at("Reset_Handler").value | 1));  // ENTRY(Reset_Handler), a Thumb address
  CHECK(image.function_at(nm.at("main").value + 2)->name == "main");

  // .data runs at _sdata but is loaded at _sidata; .bss follows it in RAM.
  const uint32_t sidata = nm.at("_sidata").value, sdata = nm.at("_sdata").value;
  const sim::ElfSegment* data = nullptr;
  for (const auto& seg : image.segments())
    if (seg.vaddr == sdata) data = &seg;
  REQUIRE(data != nullptr);
  CHECK(data->paddr == sidata);
  CHECK(data->memsz == nm.at("_ebss").value - sdata);
  const uint32_t at = nm.at("counter").value - sdata;
  REQUIRE(data->data.size() >= at + 4);
  CHECK(data->data[at] == 0x78);  // 0x12345678, little-endian
  CHECK(data->data[at + 3] == 0x12);

  // Loaded into 64 KiB flash and 16 KiB RAM, the vector table is at 0.
  std::vector<uint8_t> flash(64 * 1024, 0xFF), ram(16 * 1024, 0xEE);
  sim::load_into(image, [&](uint32_t addr, const uint8_t* d, size_t n) {
    auto& mem = addr >= 0x20000000 ? ram : flash;
    const uint32_t base = addr >= 0x20000000 ? 0x20000000 : 0;
    if (addr - base + n > mem.size()) return false;
    std::copy_n(d, n, mem.begin() + (addr - base));
    return true;
  });
  const uint32_t reset_vector = flash[4] | flash[5] << 8 | flash[6] << 16 | uint32_t{flash[7]} << 24;
  CHECK(reset_vector == (nm.at("Reset_Handler").value | 1));
  CHECK(flash[sidata + at] == 0x78);
  const uint32_t zeroed = nm.at("zeroed").value - 0x20000000;
  CHECK(std::all_of(ram.begin() + zeroed, ram.begin() + zeroed + 16, [](uint8_t b) { return b == 0; }));
}

#ifdef EDGESIM_ARM_OBJCOPY
// The way `edgesim compile` tags its firmware (compiler/toolchain): a
// non-loaded section with the model's JSON, added by objcopy.
TEST_CASE("a .edgesim.* section added by arm-none-eabi-objcopy is read, not loaded", "[elf][toolchain]") {
  TempDir dir;
  std::ofstream(dir.path / "fw.c") << "void Reset_Handler(void) { for (;;) {} }\n";
  const fs::path plain = dir.path / "fw.elf", tagged = dir.path / "tagged.elf", json = dir.path / "model.json";
  std::ofstream(json) << R"({"format": 1})";
  INFO(run(std::string(EDGESIM_ARM_GCC) + " -mcpu=cortex-m4 -mthumb -nostdlib -Wl,-e,Reset_Handler " +
           (dir.path / "fw.c").string() + " -o " + plain.string() + " 2>&1"));
  INFO(run(std::string(EDGESIM_ARM_OBJCOPY) + " --add-section .edgesim.model=" + json.string() +
           " --set-section-flags .edgesim.model=noload,readonly --add-section .other=" + json.string() + " " +
           plain.string() + " " + tagged.string() + " 2>&1"));
  REQUIRE(fs::exists(tagged));

  const auto image = sim::load_elf(tagged);
  const auto* bytes = image.note(".edgesim.model");
  REQUIRE(bytes != nullptr);
  CHECK(std::string(bytes->begin(), bytes->end()) == R"({"format": 1})");
  CHECK(image.note(".other") == nullptr);  // not edgesim's
  CHECK(sim::load_elf(plain).note(".edgesim.model") == nullptr);
  // Nothing of it is loaded: the segments are those of the untagged file.
  CHECK(image.segments().size() == sim::load_elf(plain).segments().size());
}
#endif
#else
TEST_CASE("a program linked by arm-none-eabi-gcc agrees with arm-none-eabi-nm", "[elf][toolchain]") {
  WARN("arm-none-eabi-gcc/nm not found at configure time: real-toolchain ELF check skipped");
}
#endif
