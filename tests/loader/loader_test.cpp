#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include <filesystem>
#include <fstream>

#include "estore/sdk/plugin_loader.h"

namespace fs = std::filesystem;
using estore::sdk::LoadErrorCode;
using estore::sdk::PluginLoader;

namespace {

/// A plugin folder in a temp dir: manifest.json plus (optionally) a copy of a library.
class PluginFolder {
public:
    PluginFolder() {
        _dir = fs::temp_directory_path() /
               ("estore-loader-" + std::to_string(::getpid()) + "-" + std::to_string(++_n));
        fs::remove_all(_dir);
        fs::create_directories(_dir);
    }
    ~PluginFolder() { fs::remove_all(_dir); }

    PluginFolder& manifest(const std::string& id = "tiny", const std::string& min = "1.0",
                           const std::string& library = "libtiny.so") {
        std::ofstream(_dir / "manifest.json")
            << R"({"id":")" << id
            << R"(","interface":"ElectronicStore/1","name":{"sl":"Majhna","en":"Tiny"},)"
            << R"("version":"1.0.0","host_api":{"min":")" << min << R"(","max":")" << min << R"("},)"
            << R"("library":{"linux":")" << library << R"("},"fields":[],"jobs":[]})";
        return *this;
    }
    PluginFolder& rawManifest(const std::string& text) {
        std::ofstream(_dir / "manifest.json") << text;
        return *this;
    }
    PluginFolder& library(const std::string& from, const std::string& name = "libtiny.so") {
        fs::copy_file(from, _dir / name, fs::copy_options::overwrite_existing);
        return *this;
    }
    PluginFolder& textLibrary(const std::string& name = "libtiny.so") {
        std::ofstream(_dir / name) << "this is not an ELF file";
        return *this;
    }
    fs::path path() const { return _dir; }

private:
    fs::path _dir;
    static inline int _n = 0;
};

void expectError(const estore::sdk::LoadResult& r, LoadErrorCode code, std::vector<std::string> mentions) {
    ASSERT_FALSE(r.ok());
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->code, code) << r.error->message;
    for (const auto& m : mentions) EXPECT_NE(r.error->message.find(m), std::string::npos) << r.error->message;
}

bool libraryIsLoaded(const fs::path& path) {
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (handle) ::dlclose(handle);
    return handle != nullptr;
}

}  // namespace

TEST(Loader, LoadsAGoodPluginAndCreatesItsStore) {
    PluginFolder folder;
    folder.manifest().library(TINY_OK);
    auto r = PluginLoader().load(folder.path());
    ASSERT_TRUE(r.ok()) << r.error->message;
    EXPECT_EQ(r.plugin->manifest().id, "tiny");
    EXPECT_EQ(r.plugin->libraryApiVersion().major, 1u);
    auto store = r.plugin->createStore();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->describe().name.en, "Tiny");
}

TEST(Loader, NoManifest) {
    PluginFolder folder;
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::NoManifest, {"manifest.json"});
}

TEST(Loader, InvalidManifest) {
    PluginFolder folder;
    folder.rawManifest("{ not json");
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::InvalidManifest, {"not valid JSON"});
    folder.rawManifest(R"({"id":"tiny"})");
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::InvalidManifest, {"library", "host_api"});
}

TEST(Loader, ManifestForAnotherHostApiIsRefusedWithoutLoadingCode) {
    PluginFolder folder;
    folder.manifest("tiny", "2.0").library(TINY_MAJOR2);
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::IncompatibleHostApi,
                {"2.0", estore::host_api::kApiVersion.toString()});
    EXPECT_FALSE(libraryIsLoaded(folder.path() / "libtiny.so"));
}

TEST(Loader, NoLibrary) {
    PluginFolder folder;
    folder.manifest();
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::NoLibrary, {"libtiny.so"});
}

TEST(Loader, CodeOtherUsersCanReplaceIsRefusedBeforeItIsLoaded) {
    for (const std::string what : {"folder", "library", "manifest"}) {
        PluginFolder folder;
        folder.manifest().library(TINY_OK);
        const fs::path target = what == "folder"    ? folder.path()
                                : what == "library" ? folder.path() / "libtiny.so"
                                                    : folder.path() / "manifest.json";
        fs::permissions(target, fs::perms::others_write, fs::perm_options::add);
        expectError(PluginLoader().load(folder.path()), LoadErrorCode::UnsafeLocation,
                    {"writable by every user", "chmod o-w", target.string()});
        EXPECT_FALSE(libraryIsLoaded(folder.path() / "libtiny.so")) << what << ": no code of it ran";
        fs::permissions(target, fs::perms::others_write, fs::perm_options::remove);
        EXPECT_TRUE(PluginLoader().load(folder.path()).ok()) << what << " private again: loaded";
    }
}

TEST(Loader, AStrippedLibraryLoadsAsEveryPackagedOneIsStripped) {
    // strip removes the static symbol table (.symtab) that Boost.DLL's library_info reads; the exports are
    // checked in the dynamic one (.dynsym), which the dynamic linker needs and strip keeps.
    PluginFolder folder;
    folder.manifest().library(TINY_OK);
    const std::string library = (folder.path() / "libtiny.so").string();
    ASSERT_EQ(std::system(("strip --strip-all " + library).c_str()), 0);
    ASSERT_EQ(std::system(("readelf -S " + library + " | grep -q '\\.symtab'").c_str()) == 0, false)
        << "still has a static symbol table";
    auto r = PluginLoader().load(folder.path());
    ASSERT_TRUE(r.ok()) << r.error->message;
    EXPECT_NE(r.plugin->createStore(), nullptr);
}

TEST(Loader, AFileThatIsNotALibrary) {
    PluginFolder folder;
    folder.manifest().textLibrary();
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::NotALibrary, {"libtiny.so"});
}

TEST(Loader, MissingSymbolIsFoundWithoutRunningPluginCode) {
    PluginFolder folder;
    folder.manifest().library(TINY_ONLY_VERSION);
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::MissingSymbol, {"estore_platform_id"});
    EXPECT_FALSE(libraryIsLoaded(folder.path() / "libtiny.so"));
    PluginFolder empty;
    empty.manifest().library(EMPTY_LIBRARY);
    expectError(PluginLoader().load(empty.path()), LoadErrorCode::MissingSymbol, {"estore_api_version"});
}

TEST(Loader, APluginBuiltAgainstAnotherMajorVersionIsRefusedNamingBothVersions) {
    PluginFolder folder;
    folder.manifest().library(TINY_MAJOR2);  // the manifest lies; the library's own version decides
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::VersionMismatch,
                {"2.0", estore::host_api::kApiVersion.toString(), "major"});
}

TEST(Loader, APluginNeedingANewerMinorIsRefused) {
    PluginFolder folder;
    folder.manifest().library(TINY_MINOR99);
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::VersionMismatch,
                {"1.99", estore::host_api::kApiVersion.toString(), "newer host"});
    // A host that implements 1.99 takes it.
    EXPECT_TRUE(PluginLoader({1, 99}).load(folder.path()).ok());
}

TEST(Loader, ManifestAndLibraryMustAgreeOnThePlatform) {
    PluginFolder folder;
    folder.manifest("tiny").library(TINY_OTHER_ID);
    expectError(PluginLoader().load(folder.path()), LoadErrorCode::PlatformMismatch, {"'tiny'", "'other'"});
}

TEST(Loader, TheLibraryStaysLoadedWhileAStoreLivesAndIsUnloadedAfter) {
    PluginFolder folder;
    folder.manifest().library(TINY_OK);
    const fs::path lib = folder.path() / "libtiny.so";
    estore::sdk::StoreHandle store;
    {
        auto r = PluginLoader().load(folder.path());
        ASSERT_TRUE(r.ok());
        store = r.plugin->createStore();
    }  // the plugin handle is gone; the store still holds the library
    ASSERT_TRUE(libraryIsLoaded(lib));
    EXPECT_EQ(store->describe().platformId, "tiny");
    store.reset();
    EXPECT_FALSE(libraryIsLoaded(lib));
}

TEST(Loader, DiscoverReadsManifestsWithoutLoadingAndFindsTheWixPlugin) {
    auto found = PluginLoader().discover(WIX_PLUGIN_DIR);
    ASSERT_FALSE(found.empty());
    bool wix = false;
    for (const auto& p : found)
        if (p.manifest.ok() && p.manifest.manifest->id == "wix") wix = true;
    EXPECT_TRUE(wix);
    EXPECT_FALSE(libraryIsLoaded(fs::path(WIX_PLUGIN_DIR) / "wix" / "libestore_wix.so"));
    auto r = PluginLoader().loadPlatform(WIX_PLUGIN_DIR, "wix");
    ASSERT_TRUE(r.ok()) << r.error->message;
    EXPECT_EQ(r.plugin->createStore()->describe().platformId, "wix");
    expectError(PluginLoader().loadPlatform(WIX_PLUGIN_DIR, "shopify"), LoadErrorCode::NoManifest,
                {"shopify"});
}
