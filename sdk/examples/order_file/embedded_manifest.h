#pragma once
// manifest.json, compiled in (configure_file), so describe() and the file the host reads agree.
namespace order_file {
const char* embeddedManifestJson();
}
