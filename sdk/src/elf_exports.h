#pragma once
// The symbols a shared library exports, read from its ELF dynamic symbol table (.dynsym) without loading
// it. Boost.DLL's library_info reads the static table (.symtab), which `strip` removes, and every
// packaged library is stripped (dh_strip, CPack's CPACK_STRIP_FILES): the dynamic table is what the
// dynamic linker itself uses, so it is there in every loadable library.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace estore::sdk {

/// Exported (global or weak, default visibility, defined) dynamic symbols and the section each lives in;
/// only those named in `only` when it is not empty (a C++ plugin exports thousands: the loader asks for
/// four). nullopt with `error` set when the file is not a 64-bit little-endian ELF shared object.
std::optional<std::map<std::string, std::string>> elfExportedSymbols(
    const std::filesystem::path& library, std::string* error, const std::vector<std::string_view>& only = {});

}  // namespace estore::sdk
