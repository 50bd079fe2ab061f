# Writes estore-host's man page (gzipped, as Debian installs man pages) and bash completion, both from the
# built estore-host's own command table (`estore-host help man`, `estore-host help completion`).
# Usage: cmake -DESTORE_HOST=path/to/estore-host -DOUT_DIR=dir -P write_host_docs.cmake
execute_process(COMMAND ${ESTORE_HOST} help man OUTPUT_FILE ${OUT_DIR}/estore-host.1 RESULT_VARIABLE man_rc)
if(NOT man_rc EQUAL 0)
  message(FATAL_ERROR "estore-host help man failed: ${man_rc}")
endif()
execute_process(COMMAND gzip -9nf ${OUT_DIR}/estore-host.1 RESULT_VARIABLE gzip_rc)
if(NOT gzip_rc EQUAL 0)
  message(FATAL_ERROR "gzip of the man page failed: ${gzip_rc}")
endif()
execute_process(COMMAND ${ESTORE_HOST} help completion OUTPUT_FILE ${OUT_DIR}/estore-host.bash
                RESULT_VARIABLE completion_rc)
if(NOT completion_rc EQUAL 0)
  message(FATAL_ERROR "estore-host help completion failed: ${completion_rc}")
endif()
