#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>

int main(int argc, char** argv) {
    // Tags every process this suite starts, for the leftover check that runs after it.
    setenv("FORKSCOPE_TEST_SUITE", FORKSCOPE_SUITE_TAG, 1);
    return Catch::Session().run(argc, argv);
}
