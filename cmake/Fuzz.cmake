# libFuzzer build: every target links the core library built with the same sanitizers.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "LS_FUZZ needs clang (configure with -DCMAKE_CXX_COMPILER=clang++-16)")
endif()
set(LS_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                  -fno-omit-frame-pointer)
add_compile_options(${LS_FUZZ_FLAGS})
add_link_options(-fsanitize=address,undefined)

# ls_add_fuzzer(NAME SOURCE): a libFuzzer executable named fuzz_NAME.
function(ls_add_fuzzer name source)
  add_executable(fuzz_${name} ${source})
  target_link_libraries(fuzz_${name} PRIVATE ls_core)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  set_property(GLOBAL APPEND PROPERTY LS_FUZZERS fuzz_${name})
endfunction()
