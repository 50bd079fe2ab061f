#include <sys/stat.h>

#include "estore/host/app/host_application.h"

int main(int argc, char** argv) {
    // Everything the host creates is this account's alone: the database with its WAL and journals, the
    // webhook journal, the outbox, the secrets key, fiscal files.
    ::umask(077);
    return estore::host::HostApplication::execute(argc, argv);
}
