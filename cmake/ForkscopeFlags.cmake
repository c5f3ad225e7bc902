# One INTERFACE target carries the project's compile flags, so every target opts in the same way
# and third-party headers (CPython, Qt, Catch2) stay outside the warnings as system includes.
add_library(forkscope_flags INTERFACE)
target_compile_features(forkscope_flags INTERFACE cxx_std_20)
target_compile_options(forkscope_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wcast-align -Wunused -Wformat=2 -Wimplicit-fallthrough
    $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor -Woverloaded-virtual>)
if(FORKSCOPE_WERROR)
    target_compile_options(forkscope_flags INTERFACE -Werror)
endif()
if(FORKSCOPE_SANITIZE)
    target_compile_options(forkscope_flags INTERFACE -fsanitize=${FORKSCOPE_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(forkscope_flags INTERFACE -fsanitize=${FORKSCOPE_SANITIZE})
endif()
