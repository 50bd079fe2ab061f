#pragma once
// The plugin's manifest.json, compiled in, so describe() and the file the host reads without loading
// code can never disagree (the build embeds the same file it installs next to the library).
namespace estore::wix {
const char* embeddedManifestJson();
}
