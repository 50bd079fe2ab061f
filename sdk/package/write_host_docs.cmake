# Writes estore-host's man pages (gzipped, as Debian installs man pages: English in man1, Slovenian in
# sl/man1, where man(1) looks for a Slovenian locale) and bash completion, all from the built estore-host's
# own command table (`estore-host --lang en help man`, `estore-host help completion`).
# Usage: cmake -DESTORE_HOST=path/to/estore-host -DOUT_DIR=dir -P write_host_docs.cmake
file(MAKE_DIRECTORY ${OUT_DIR}/sl)
foreach(lang_dir "en;." "sl;sl")
  list(GET lang_dir 0 lang)
  list(GET lang_dir 1 dir)
  execute_process(COMMAND ${ESTORE_HOST} --lang ${lang} help man OUTPUT_FILE ${OUT_DIR}/${dir}/estore-host.1
                  RESULT_VARIABLE man_rc)
  if(NOT man_rc EQUAL 0)
    message(FATAL_ERROR "estore-host --lang ${lang} help man failed: ${man_rc}")
  endif()
  execute_process(COMMAND gzip -9nf ${OUT_DIR}/${dir}/estore-host.1 RESULT_VARIABLE gzip_rc)
  if(NOT gzip_rc EQUAL 0)
    message(FATAL_ERROR "gzip of the man page failed: ${gzip_rc}")
  endif()
endforeach()
execute_process(COMMAND ${ESTORE_HOST} help completion OUTPUT_FILE ${OUT_DIR}/estore-host.bash
                RESULT_VARIABLE completion_rc)
if(NOT completion_rc EQUAL 0)
  message(FATAL_ERROR "estore-host help completion failed: ${completion_rc}")
endif()
