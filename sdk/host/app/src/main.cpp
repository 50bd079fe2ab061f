#include "estore/host/app/host_application.h"

int main(int argc, char** argv) {
    return estore::host::HostApplication::execute(argc, argv);
}
