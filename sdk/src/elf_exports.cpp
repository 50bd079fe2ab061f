#include "elf_exports.h"

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <vector>

namespace estore::sdk {

namespace {

template <typename T>
bool readAt(std::ifstream& in, std::uint64_t offset, T& out) {
    in.seekg(static_cast<std::streamoff>(offset));
    return static_cast<bool>(in.read(reinterpret_cast<char*>(&out), sizeof out));
}

bool readBytes(std::ifstream& in, std::uint64_t offset, std::uint64_t size, std::vector<char>& out) {
    if (size > (256u << 20)) return false;  // no real table is this large: a damaged or hostile file
    out.resize(static_cast<std::size_t>(size));
    in.seekg(static_cast<std::streamoff>(offset));
    return size == 0 || static_cast<bool>(in.read(out.data(), static_cast<std::streamsize>(size)));
}

/// The NUL-terminated string at `at` in a string table, or "" when it runs past the table.
std::string_view stringAt(const std::vector<char>& table, std::uint64_t at) {
    if (at >= table.size()) return {};
    const char* begin = table.data() + at;
    const void* end = std::memchr(begin, '\0', table.size() - at);
    return end ? std::string_view(begin, static_cast<std::size_t>(static_cast<const char*>(end) - begin))
               : std::string_view();
}

}  // namespace

std::optional<std::map<std::string, std::string>> elfExportedSymbols(
    const std::filesystem::path& library, std::string* error, const std::vector<std::string_view>& only) {
    auto fail = [&](const std::string& why) -> std::optional<std::map<std::string, std::string>> {
        if (error) *error = why;
        return std::nullopt;
    };
    std::ifstream in(library, std::ios::binary);
    Elf64_Ehdr header{};
    if (!in || !readAt(in, 0, header)) return fail("cannot read the file");
    if (std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0) return fail("not an ELF file");
    if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB)
        return fail("not a 64-bit little-endian ELF file");
    if (header.e_type != ET_DYN) return fail("not a shared library");
    if (header.e_shentsize != sizeof(Elf64_Shdr) || header.e_shnum == 0) return fail("no section headers");

    std::vector<char> sectionBytes;  // the whole section table in one read
    if (!readBytes(in, header.e_shoff, std::uint64_t{header.e_shnum} * sizeof(Elf64_Shdr), sectionBytes))
        return fail("damaged section table");
    std::vector<Elf64_Shdr> sections(header.e_shnum);
    std::memcpy(sections.data(), sectionBytes.data(), sectionBytes.size());
    std::vector<char> sectionNames;
    if (header.e_shstrndx >= sections.size() || !readBytes(in, sections[header.e_shstrndx].sh_offset,
                                                           sections[header.e_shstrndx].sh_size, sectionNames))
        return fail("damaged section names");

    std::map<std::string, std::string> exported;
    for (const auto& table : sections) {
        if (table.sh_type != SHT_DYNSYM) continue;
        if (table.sh_link >= sections.size() || table.sh_entsize != sizeof(Elf64_Sym))
            return fail("damaged dynamic symbol table");
        std::vector<char> names, symbols;
        if (!readBytes(in, sections[table.sh_link].sh_offset, sections[table.sh_link].sh_size, names) ||
            !readBytes(in, table.sh_offset, table.sh_size, symbols))
            return fail("damaged dynamic symbol table");
        for (std::size_t at = 0; at + sizeof(Elf64_Sym) <= symbols.size(); at += sizeof(Elf64_Sym)) {
            Elf64_Sym symbol{};
            std::memcpy(&symbol, symbols.data() + at, sizeof symbol);
            const unsigned binding = ELF64_ST_BIND(symbol.st_info);
            if ((binding != STB_GLOBAL && binding != STB_WEAK) ||
                ELF64_ST_VISIBILITY(symbol.st_other) != STV_DEFAULT || symbol.st_shndx == SHN_UNDEF ||
                symbol.st_shndx >= sections.size())
                continue;
            const std::string_view name = stringAt(names, symbol.st_name);
            if (name.empty() || (!only.empty() && std::find(only.begin(), only.end(), name) == only.end()))
                continue;
            exported[std::string(name)] =
                std::string(stringAt(sectionNames, sections[symbol.st_shndx].sh_name));
        }
    }
    return exported;
}

}  // namespace estore::sdk
